"""The public ``/verify`` page: plain HTML in Bahasa Indonesia, no JavaScript.

Read on a phone after scanning a certificate's QR code, so it says one thing first and
large (VALID / DICABUT / TIDAK DITEMUKAN), then the facts a person compares with the
paper. Every value is escaped; the page loads nothing from elsewhere.
"""

from __future__ import annotations

from html import escape

from k3desk.server.verification import CertificateView, LinkCheck

CSS = """
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
 color:#1b1f24;background:#f3f5f7}
main{max-width:36rem;margin:0 auto;padding:1rem}
h1{font-size:1.15rem;margin:.25rem 0 1rem;color:#34404d}
.status{border-radius:.6rem;padding:1rem 1.1rem;margin-bottom:1rem;color:#fff}
.status b{display:block;font-size:2.1rem;letter-spacing:.04em;line-height:1.15}
.status span{display:block;margin-top:.35rem;font-size:1rem}
.valid{background:#17803d}.revoked{background:#b3261e}.unknown{background:#5b6470}
.card{background:#fff;border-radius:.6rem;padding:.4rem 1.1rem;margin-bottom:1rem;
 box-shadow:0 1px 2px rgba(0,0,0,.08)}
dl{margin:0}dt{font-size:.8rem;color:#5b6470;margin-top:.7rem;text-transform:uppercase;
 letter-spacing:.03em}dd{margin:0 0 .6rem;font-size:1.05rem;word-wrap:break-word}
.note{padding:.8rem 1.1rem;border-radius:.6rem;margin-bottom:1rem;border:2px solid}
.ok{border-color:#17803d;background:#eaf6ee}.bad{border-color:#b3261e;background:#fdecea}
.warn{border-color:#a86400;background:#fff4e0}
form{display:flex;gap:.5rem;flex-wrap:wrap}
input{flex:1 1 12rem;font-size:1rem;padding:.6rem;border:1px solid #9aa4ae;border-radius:.4rem}
button{font-size:1rem;padding:.6rem 1rem;border:0;border-radius:.4rem;background:#1f4e79;
 color:#fff}
footer{font-size:.8rem;color:#5b6470;margin-top:1.5rem}
"""


def _row(label: str, value: str | None) -> str:
    return f"<dt>{escape(label)}</dt><dd>{escape(value or '-')}</dd>"


def _page(title: str, body: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta name=\"robots\" content=\"noindex\">"
            f"<title>{escape(title)}</title><style>{CSS}</style></head>"
            f"<body><main><h1>Verifikasi Sertifikat K3</h1>{body}"
            "<footer>Halaman ini memeriksa nomor sertifikat pada basis data server Balai K3 "
            "dan, bila dibuka dari kode QR, tanda tangan elektroniknya.</footer>"
            "</main></body></html>\n")


def _search(number: str = "") -> str:
    return ("<div class=\"card\"><form method=\"get\" action=\"/verify\">"
            "<input name=\"number\" aria-label=\"Nomor sertifikat\" "
            f"placeholder=\"Nomor sertifikat\" value=\"{escape(number)}\" required>"
            "<button type=\"submit\">Periksa</button></form></div>")


def _check_note(check: LinkCheck | None) -> str:
    if check is None:
        return ""
    css = "ok" if check.valid else ("warn" if check.payload else "bad")
    return f"<div class=\"note {css}\">{escape(check.message)}</div>"


def _idr_date(text: str | None) -> str | None:
    """``2026-03-06`` -> ``6 Maret 2026``."""
    months = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
              "September", "Oktober", "November", "Desember")
    if not text or len(text) != 10:
        return text
    try:
        year, month, day = int(text[:4]), int(text[5:7]), int(text[8:10])
        return f"{day} {months[month - 1]} {year}"
    except (ValueError, IndexError):
        return text


def found_page(view: CertificateView, check: LinkCheck | None) -> str:
    if view.revoked:
        status = ("<div class=\"status revoked\"><b>DICABUT</b><span>Sertifikat ini telah "
                  "dicabut dan tidak berlaku lagi.</span></div>")
    elif check is not None and not check.valid:
        status = ("<div class=\"status revoked\"><b>TIDAK SAH</b><span>Kode QR pada dokumen "
                  "ini tidak sah. Nomor ini terdaftar dengan data di bawah; bandingkan dengan "
                  "dokumen yang Anda pegang.</span></div>")
    else:
        lead = ("Sertifikat ini terdaftar dan asli; masa berlakunya telah berakhir."
                if view.expired else "Sertifikat ini terdaftar dan berlaku.")
        status = f"<div class=\"status valid\"><b>VALID</b><span>{escape(lead)}</span></div>"
    validity = _idr_date(view.valid_until)
    if view.revoked and validity:
        validity += " (tidak berlaku lagi: dicabut)"
    elif view.expired and validity:
        validity += " (sudah berakhir)"
    rows = [_row("Nomor sertifikat", view.number)]
    if view.revoked:
        rows.append(_row("Alasan pencabutan", view.revoked_reason))
    rows += [
        _row("Diterbitkan oleh", view.balai),
        _row("Ditandatangani", f"{view.approver} (NIP {view.approver_nip})"
             if view.approver and view.approver_nip else view.approver),
        _row("Perusahaan", view.company),
        *([_row("Alamat perusahaan", view.company_address)] if view.company_address else []),
        _row("Objek", view.equipment),
        _row("Kesimpulan", view.verdict_label),
        _row("Tanggal terbit", _idr_date(view.issued_on)),
        _row("Berlaku sampai", validity),
    ]
    if view.replaces:
        rows.append(_row("Menggantikan sertifikat", view.replaces))
    if view.replaced_by:
        rows.append(_row("Digantikan oleh sertifikat", view.replaced_by))
    body = (status + _check_note(check) + "<div class=\"card\"><dl>" + "".join(rows)
            + "</dl></div>" + _search())
    headline = "DICABUT" if view.revoked else (
        "TIDAK SAH" if check is not None and not check.valid else "VALID")
    return _page(f"{headline}: {view.number}", body)


def not_found_page(number: str, check: LinkCheck | None) -> str:
    if number:
        lead = (f"Tidak ada sertifikat dengan nomor {number} di server ini. Periksa kembali "
                "nomornya, atau hubungi Balai K3 yang tercantum pada sertifikat.")
    else:
        lead = "Masukkan nomor sertifikat yang tercetak pada dokumen."
    status = ("<div class=\"status unknown\"><b>TIDAK DITEMUKAN</b>"
              f"<span>{escape(lead)}</span></div>") if number else (
        f"<div class=\"card\"><p>{escape(lead)}</p></div>")
    title = f"TIDAK DITEMUKAN: {number}" if number else "Verifikasi Sertifikat K3"
    return _page(title, status + _check_note(check) + _search(number))
