"""Interface texts: Bahasa Indonesia first, English by choice (``--lang en``)."""

from __future__ import annotations

_EN = {
    "Pemeriksaan": "Inspections",
    "Perusahaan": "Companies",
    "Peralatan": "Equipment",
    "Cari…": "Search…",
    "Semua status": "All statuses",
    "Semua jenis objek": "All object types",
    "Tanggal": "Date",
    "Status": "Status",
    "Kesimpulan": "Verdict",
    "Jenis objek": "Object type",
    "Nomor seri": "Serial number",
    "Nama": "Name",
    "Alamat": "Address",
    "Kota": "City",
    "Pabrikan": "Manufacturer",
    "Model": "Model",
    "Kapasitas": "Capacity",
    "Lokasi": "Location",
    "Draf": "Draft",
    "Diajukan": "Submitted",
    "Perlu revisi": "Revision requested",
    "Disetujui": "Approved",
    "Ditolak": "Rejected",
    "Memenuhi": "Meets requirements",
    "Tidak memenuhi": "Does not meet requirements",
    "Belum lengkap": "Incomplete",
    "Data": "Data",
    "pemeriksaan ditampilkan": "inspections shown",
    "Belum ada yang login": "Nobody logged in",
    "Luring: belum ada server": "Offline: no server configured",
    "Berkas": "File",
    "Keluar": "Quit",
    "Bantuan": "Help",
    "Tentang k3desk": "About k3desk",
    "Temuan": "Findings",
    "Nilai terukur": "Measured values",
    "Tutup": "Close",
    "Sinkronkan sekarang": "Sync now",
    "Pemeriksa": "Inspector",
    "Nomor": "Number",
    "dicabut": "revoked",
    "Catatan penyelia": "Supervisor's note",
    "Hasil pemeriksaan dan pengujian": "Inspection and test results",
    "Faktor": "Factor",
    "Persyaratan": "Requirement",
    "Hasil ukur": "Measured",
    "Keterangan": "Result",
    "ambang belum terverifikasi terhadap teks peraturan":
        "threshold not yet verified against the regulation text",
}

_lang = "id"


def set_language(lang: str | None) -> None:
    global _lang
    _lang = "en" if lang == "en" else "id"


def language() -> str:
    return _lang


def tr(text: str) -> str:
    """The text in the chosen language (Indonesian is the source)."""
    return _EN.get(text, text) if _lang == "en" else text
