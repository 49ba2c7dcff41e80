"""The Surat Keterangan: one A4 page (more only for long result tables).

For a ``tidak_memenuhi`` verdict the same inputs give the findings report that a Balai
issues instead of a certificate: no validity, the findings and recommendations instead.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from k3desk.domain.certificates import verdict_label
from k3desk.domain.dates import format_date_id
from k3desk.reports import styles as st
from k3desk.reports.blocks import (
    approver_heading,
    closing_block,
    company_rows,
    conclusion_box,
    equipment_rows,
    label_value_grid,
    label_value_table,
    numbered_list,
    place_date_lines,
    results_table,
    signature_cell,
)
from k3desk.reports.fonts import REGULAR, register_fonts
from k3desk.reports.layout import PageDecor, build_pdf, esc, letterhead, stamp_info
from k3desk.reports.model import CertificateDocument

TITLE_MEETS = "SURAT KETERANGAN"
TITLE_FAILS = "SURAT KETERANGAN HASIL PEMERIKSAAN"
SUBTITLE_FAILS = "(LAPORAN TEMUAN)"


def certificate_title(doc: CertificateDocument) -> str:
    return TITLE_MEETS if doc.meets else f"{TITLE_FAILS} {SUBTITLE_FAILS}"


#: the tighter spacing of a certificate that would overflow its page by a little
_TIGHT_SECTION = ParagraphStyle("section-tight", parent=st.SECTION, spaceBefore=1.5,
                                spaceAfter=1)
_TIGHT_FLOW = ParagraphStyle("section-flow-tight", parent=st.SECTION_FLOW, spaceBefore=1.5,
                             spaceAfter=1)


def _heading(doc: CertificateDocument, compact: bool = False) -> list[Flowable]:
    title = TITLE_MEETS if doc.meets else TITLE_FAILS
    out: list[Flowable] = [Spacer(1, 0.5 * mm if compact else 1.5 * mm),
                           Paragraph(f"<u>{esc(title)}</u>", st.TITLE)]
    if doc.fails:
        out.append(Paragraph(SUBTITLE_FAILS, st.SUBTITLE))
    out.append(Paragraph(f"Nomor: {esc(doc.number)}", st.NUMBER))
    out.append(Spacer(1, 0.5 * mm if compact else 1.2 * mm))
    out.append(Paragraph("TENTANG", st.SUBTITLE))
    out.append(Paragraph(f"HASIL PEMERIKSAAN DAN PENGUJIAN K3 "
                         f"{esc(doc.object_type_name.upper())}", st.SUBTITLE))
    if doc.replaces_number:
        out.append(Spacer(1, 1.5 * mm))
        out.append(Paragraph(f"Menggantikan Surat Keterangan Nomor {esc(doc.replaces_number)}",
                             st.CENTER))
    out.append(Spacer(1, 1 * mm if compact else 2 * mm))
    return out


def _basis(doc: CertificateDocument) -> list[Flowable]:
    """One sentence: the regulations and the test report it rests on, then what is certified
    (a sentence rather than a 'Dasar' list keeps the certificate on one page)."""
    items = [item.rstrip(";.") for item in doc.legal_basis]
    if doc.template_label:
        items.append(f"persyaratan K3 yang diterapkan Balai ({doc.template_label})")
    if doc.report_number:
        when = f" tanggal {format_date_id(doc.report_date)}" if doc.report_date else ""
        items.append(f"Laporan Pemeriksaan dan Pengujian Nomor {doc.report_number}{when}")
    head = esc(doc.balai.head_title_text.title())
    lead = ""
    if items:
        listed = "; ".join(esc(x) for x in items[:-1])
        listed = f"{listed}; serta {esc(items[-1])}" if listed else esc(items[-1])
        lead = f"Berdasarkan {listed}, "
    text = (f"{lead}{head} menerangkan bahwa pada tanggal {format_date_id(doc.inspected_on)} "
            f"telah dilakukan pemeriksaan dan pengujian K3 {esc(doc.kind_label.lower())} "
            "terhadap objek K3 berikut:")
    return [Paragraph(text, st.BODY)]


def _validity(doc: CertificateDocument) -> list[Flowable]:
    if not doc.meets:
        return [Paragraph(
            "Objek K3 tersebut <b>tidak boleh dioperasikan</b> sebelum temuan di atas "
            "diperbaiki dan dinyatakan memenuhi persyaratan K3 melalui pemeriksaan dan "
            "pengujian ulang.", st.BODY)]
    assert doc.valid_until is not None
    text = (f"Surat Keterangan ini <b>berlaku sampai dengan {format_date_id(doc.valid_until)}"
            "</b> selama tidak ada perubahan konstruksi, pemindahan, atau kecelakaan yang "
            "mengenai objek K3 tersebut")
    out: list[Flowable] = []
    if doc.conditions:
        out.append(Paragraph(text + ", dengan syarat:", st.BODY))
        out.append(numbered_list(doc.conditions, st.SMALL))
    else:
        out.append(Paragraph(text + ".", st.BODY))
    return out


def _closing(doc: CertificateDocument, compact: bool = False) -> Flowable:
    inspector = signature_cell(
        ["", "Pemeriksa,", doc.inspector.position or "Pengawas Ketenagakerjaan Spesialis K3"],
        doc.inspector)
    right_head = [*place_date_lines(doc.place, doc.issued_on),
                  *approver_heading(doc.balai, doc.approver)]
    approver = signature_cell(right_head, doc.approver,
                              signed_note="ditandatangani secara elektronik"
                              if doc.stamp else "")
    verdict = "berdasarkan hasil pemeriksaan dan pengujian, objek K3 ini dinyatakan"
    # the verdict, its validity and the signatures stay on one page together
    gap = 1.2 * mm if compact else 2.5 * mm
    lead = [Spacer(1, 0.8 * mm if compact else 2 * mm),
            conclusion_box(verdict_label(doc.verdict), verdict, failed=doc.fails),
            Spacer(1, gap), *_validity(doc), Spacer(1, gap)]
    return closing_block(doc.stamp, inspector, approver, lead)


def certificate_story(doc: CertificateDocument, compact: bool = False) -> list[Flowable]:
    """The certificate's flowables; ``compact`` tightens the spacing (not the type, not
    the QR code) for one that would otherwise put its closing block alone on page 2."""
    register_fonts()
    section = _TIGHT_SECTION if compact else st.SECTION
    story: list[Flowable] = [*letterhead(doc.balai), *_heading(doc, compact), *_basis(doc)]
    story.append(Paragraph("A. Perusahaan", section))
    story.append(label_value_table(company_rows(doc.company)))
    story.append(Paragraph("B. Objek K3", section))
    story.append(label_value_grid(equipment_rows(doc.equipment),
                                  wide=("Jenis objek", "Lokasi / penempatan")))
    story.append(CondPageBreak(30 * mm))
    story.append(Paragraph("C. Hasil Pemeriksaan dan Pengujian",
                           _TIGHT_FLOW if compact else st.SECTION_FLOW))
    story.extend(results_table(doc.results, official=True, compact=compact))
    if doc.meets and doc.findings:
        story.append(KeepTogether([Paragraph("D. Catatan untuk Ditindaklanjuti", st.SECTION),
                                   numbered_list(doc.findings, st.SMALL)]))
    if doc.fails:
        found = []
        if doc.findings:
            found.append(("D. Temuan", doc.findings))
        if doc.recommendations:
            found.append((f"{'E' if doc.findings else 'D'}. Rekomendasi", doc.recommendations))
        if compact and len(found) == 2:
            story.append(_side_by_side(found))  # two short lists: one beside the other
        else:
            for title, items in found:
                story.append(KeepTogether([Paragraph(title, section), numbered_list(items)]))
    story.append(_closing(doc, compact))
    return story


def _side_by_side(parts: list[tuple[str, tuple[str, ...]]]) -> Table:
    half = st.CONTENT_WIDTH / 2
    cells = [[Paragraph(title, _TIGHT_SECTION), numbered_list(items, st.SMALL)]
             for title, items in parts]
    table = Table([cells], colWidths=[half, half])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


def render_certificate(doc: CertificateDocument) -> bytes:
    """The certificate (or findings report) as PDF bytes; same inputs, same bytes."""
    title = certificate_title(doc)
    info = stamp_info(doc.stamp)
    info.update({"K3Number": doc.number, "K3DocumentKind": "certificate"})
    decor = PageDecor(balai=doc.balai, doc_title=f"{title} - {doc.object_type_name}",
                      number=doc.number, issued_on=doc.issued_on, info=info)
    keywords = [doc.number, "K3", title.title(), doc.object_type_name, doc.company.name,
                doc.equipment.serial_number, verdict_label(doc.verdict)]
    subject = (f"Hasil pemeriksaan dan pengujian K3 {doc.object_type_name}, "
               f"{doc.company.name}, nomor seri {doc.equipment.serial_number}")

    def build(compact: bool) -> bytes:
        return build_pdf(certificate_story(doc, compact), decor,
                         title=f"{title} Nomor {doc.number}", subject=subject,
                         keywords=keywords)

    data = build(False)
    if _pages(data) == 1:
        return data
    # a little too long: the tighter spacing may keep it on one page (else the first stays)
    compact = build(True)
    return compact if _pages(compact) == 1 else data


def _pages(data: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)
