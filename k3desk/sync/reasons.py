"""A person's sentence for a change the server refused (its own text is English).

The server answers in the protocol's language (English, for administrators and logs);
what the laptop keeps in its quarantine list is a plain sentence in the interface
language chosen by the refusal's code; the server's text stays in the log and in the
entry's ``detail``.
"""

from __future__ import annotations

from k3desk.domain.i18n import translate


def server_reason(code: str, field: str | None = None) -> str:
    """What a refusal with ``code`` means and what to do."""
    if code == "invalid":
        text = translate("sync", "server menolak perubahan ini karena datanya tidak sah; "
                         "periksa dan simpan lagi")
    elif code == "forbidden":
        text = translate("sync", "server menolak perubahan ini: akun Anda tidak berhak "
                         "mengubah data ini")
    elif code == "conflict":
        text = translate("sync", "data ini sudah berubah di server; sinkronkan lagi lalu "
                         "selesaikan konfliknya")
    elif code == "blob_missing":
        text = translate("sync", "foto atau lampiran belum ada di server; sinkronkan lagi")
    elif code == "missing_reference":
        text = translate("sync", "perubahan ini merujuk data yang belum ada di server "
                         "(misalnya perusahaan, peralatan atau templat); sinkronkan lagi "
                         "atau hubungi administrator Balai")
    elif code == "qualification":
        text = translate("sync", "menurut server, pemeriksa tidak memiliki lisensi yang "
                         "berlaku untuk jenis peralatan ini; hubungi administrator Balai")
    elif code == "calibration":
        text = translate("sync", "menurut server, kalibrasi alat ukur tidak berlaku pada "
                         "tanggal pemeriksaan")
    elif code == "workflow":
        text = translate("sync", "server menolak perubahan status ini: alur kerja "
                         "pemeriksaan tidak mengizinkannya saat ini")
    elif code == "certificate":
        text = translate("sync", "server menolak sertifikat ini (misalnya penandatangan atau "
                         "nomornya tidak sah); hubungi penyelia")
    elif code == "too_large":
        text = translate("sync", "server menolak perubahan ini karena terlalu besar")
    else:
        text = translate("sync", "server menolak perubahan ini (kode {code}); rinciannya "
                         "tercatat di log").format(code=code)
    if field:
        text += translate("sync", " (isian: {field})").format(field=field)
    return text
