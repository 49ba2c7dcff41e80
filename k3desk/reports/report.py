"""The Laporan Pemeriksaan dan Pengujian: every section and value, findings, photos.

Long reports flow over as many pages as they need; later pages carry the running header
and every page 'Halaman x dari y'. Photos are scaled into a two-column grid (large
camera images are reduced first so that a report stays small enough to e-mail).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
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
    results_table,
    signature_cell,
    table_style,
)
from k3desk.reports.fonts import REGULAR, register_fonts
from k3desk.reports.layout import PageDecor, build_pdf, esc, letterhead, stamp_info
from k3desk.reports.model import Photo, ReportDocument, ReportSection, SectionValue

REPORT_TITLE = "LAPORAN PEMERIKSAAN DAN PENGUJIAN K3"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
         "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX")
PHOTO_BOX_W = (st.CONTENT_WIDTH - 8 * mm) / 2
PHOTO_BOX_H = 62 * mm
PHOTO_COUNT = re.compile(r"^\d+ foto$")
MAX_PHOTO_PIXELS = 1600  # long side; enough for 300 dpi at the printed size


def _roman(n: int) -> str:
    return ROMAN[n - 1] if n <= len(ROMAN) else str(n)


def _prepared_photo(data: bytes) -> tuple[bytes, int, int]:
    """The photo's bytes and pixel size, reduced (deterministically) when very large."""
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(data)) as img:
        w, h = img.size
        if max(w, h) <= MAX_PHOTO_PIXELS and img.format in ("JPEG", "PNG"):
            return data, w, h
        scale = min(1.0, MAX_PHOTO_PIXELS / max(w, h))
        size = (max(1, round(w * scale)), max(1, round(h * scale)))
        small = img.convert("RGB").resize(size, PILImage.Resampling.LANCZOS)
    buf = io.BytesIO()
    small.save(buf, format="JPEG", quality=85)
    return buf.getvalue(), size[0], size[1]


def _photo_cell(photo: Photo, index: int) -> list[Flowable]:
    data, w, h = _prepared_photo(photo.data)
    scale = min(PHOTO_BOX_W / w, PHOTO_BOX_H / h)
    img = Image(io.BytesIO(data), width=w * scale, height=h * scale)
    return [img, Spacer(1, 1.2 * mm),
            Paragraph(f"Foto {index}. {esc(photo.caption)}", st.CAPTION)]


def photo_grid(photos: Sequence[Photo]) -> list[Flowable]:
    """Two photos a row, each row a table of its own so pages break between rows."""
    out: list[Flowable] = []
    for start in range(0, len(photos), 2):
        pair = photos[start:start + 2]
        row: list[object] = [_photo_cell(p, start + i + 1) for i, p in enumerate(pair)]
        if len(row) == 1:
            row.append("")
        table = Table([row], colWidths=[st.CONTENT_WIDTH / 2] * 2)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]))
        out.append(table)
    return out


def section_table(section: ReportSection) -> Table:
    """No | Uraian | Nilai | Satuan | Keterangan, for every value of a form section."""
    head = [Paragraph(t, st.CELL_HEAD) for t in ("No", "Uraian", "Nilai", "Satuan",
                                                   "Keterangan")]
    data: list[list[object]] = [head]
    for i, v in enumerate(section.values, start=1):
        data.append([Paragraph(str(i), st.CELL_CENTER), Paragraph(esc(v.label), st.CELL),
                     Paragraph(esc(v.value) if v.value != "" else "-", st.CELL_CENTER),
                     Paragraph(esc(v.unit) or "-", st.CELL_CENTER),
                     Paragraph(esc(v.note), st.CELL)])
    widths = [9 * mm, 70 * mm, 30 * mm, 22 * mm]
    widths.append(st.CONTENT_WIDTH - sum(widths))
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(table_style()))
    return table


def _instruments_table(doc: ReportDocument) -> Table:
    head = [Paragraph(t, st.CELL_HEAD) for t in ("No", "Alat ukur", "Nomor seri",
                                                   "Kalibrasi berlaku sampai",
                                                   "Sertifikat kalibrasi")]
    data: list[list[object]] = [head]
    for i, ins in enumerate(doc.instruments, start=1):
        until = format_date_id(ins.calibrated_until) if ins.calibrated_until else "-"
        data.append([Paragraph(str(i), st.CELL_CENTER), Paragraph(esc(ins.name), st.CELL),
                     Paragraph(esc(ins.serial_number) or "-", st.CELL_CENTER),
                     Paragraph(until, st.CELL_CENTER),
                     Paragraph(esc(ins.calibration_certificate) or "-", st.CELL_CENTER)])
    widths = [9 * mm, 58 * mm, 32 * mm, 36 * mm]
    widths.append(st.CONTENT_WIDTH - sum(widths))
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(table_style()))
    return table


def _heading(doc: ReportDocument) -> list[Flowable]:
    return [
        Spacer(1, 2 * mm),
        Paragraph(f"<u>{REPORT_TITLE}</u>", st.TITLE),
        Paragraph(esc(doc.object_type_name.upper()), st.SUBTITLE),
        Paragraph(f"Nomor: {esc(doc.number)}", st.NUMBER),
        Spacer(1, 3 * mm),
    ]


def report_story(doc: ReportDocument) -> list[Flowable]:
    register_fonts()
    story: list[Flowable] = [*letterhead(doc.balai), *_heading(doc)]
    n = 0

    def section(title: str) -> Paragraph:
        nonlocal n
        n += 1
        return Paragraph(f"{_roman(n)}. {esc(title.upper())}", st.REPORT_SECTION)

    general = company_rows(doc.company) + [
        ("Jenis pemeriksaan", doc.kind_label),
        ("Tanggal pemeriksaan", format_date_id(doc.inspected_on)),
        ("Pemeriksa", f"{doc.inspector.name}" + (f", NIP {doc.inspector.nip}"
                                                 if doc.inspector.nip else "")),
    ]
    if doc.legal_basis:
        general.append(("Dasar pemeriksaan", " ".join(doc.legal_basis).rstrip(";")))
    if doc.certificate_number:
        general.append(("Nomor surat keterangan", doc.certificate_number))
    forms, extra = _form_sections(doc, {label for label, _ in general})
    general += extra
    story += [section("Data Umum"), label_value_table(general, label_width=42 * mm)]
    story += [section("Data Objek K3"),
              label_value_grid(equipment_rows(doc.equipment),
                               wide=("Jenis objek", "Lokasi / penempatan"))]
    for form_section in forms:
        story += [section(form_section.title), section_table(form_section)]
    if doc.instruments:
        story += [section("Alat Ukur yang Digunakan"), _instruments_table(doc)]
    story += [CondPageBreak(35 * mm), Paragraph(f"{_roman(n + 1)}. HASIL PEMERIKSAAN DAN PENGUJIAN",
                        st.REPORT_SECTION_FLOW), *results_table(doc.results)]
    n += 1
    story.append(section("Temuan"))
    story.append(numbered_list(doc.findings) if doc.findings
                 else Paragraph("Tidak ada temuan.", st.BODY))
    story.append(section("Rekomendasi"))
    story.append(numbered_list(doc.recommendations) if doc.recommendations
                 else Paragraph("Tidak ada rekomendasi perbaikan.", st.BODY))
    if doc.notes:
        story += [section("Catatan"), Paragraph(esc(doc.notes), st.BODY)]
    conclusion: list[Flowable] = [Spacer(1, 4 * mm), conclusion_box(
        verdict_label(doc.verdict), "berdasarkan hasil pemeriksaan dan pengujian, objek K3 "
        "ini dinyatakan", failed=doc.fails)]
    if doc.meets and doc.valid_until:
        conclusion += [Spacer(1, 2 * mm), Paragraph(
            f"Pemeriksaan dan pengujian berkala berikutnya paling lambat pada tanggal "
            f"<b>{format_date_id(doc.valid_until)}</b>.", st.BODY)]
    elif doc.fails:
        conclusion += [Spacer(1, 2 * mm), Paragraph(
            "Objek K3 tersebut <b>tidak boleh dioperasikan</b> sebelum temuan di atas "
            "diperbaiki dan dinyatakan memenuhi persyaratan K3 melalui pemeriksaan dan "
            "pengujian ulang.", st.BODY)]
    if doc.photos:
        conclusion.append(Paragraph(
            f"Lampiran: dokumentasi foto ({len(doc.photos)} foto).", st.SMALL_GREY))
    # the conclusion and the signatures stay on one page; the photos follow as the
    # attachment (lampiran), as Indonesian reports place them after the signatures
    story.append(_closing(doc, [*conclusion, Spacer(1, 5 * mm)]))
    if doc.photos:
        grid = photo_grid(doc.photos)
        story.append(KeepTogether([Paragraph("LAMPIRAN: DOKUMENTASI FOTO",
                                             st.REPORT_SECTION), grid[0]]))
        story.extend(grid[1:])
    story.extend(sources_appendix(doc))
    return story


def _form_sections(doc: ReportDocument, general_labels: set[str]
                   ) -> tuple[list[ReportSection], list[tuple[str, str]]]:
    """The form's sections as the report prints them: a form section titled like the
    report's own "Data umum" joins it (its values not already there), never a second
    DATA UMUM; photo fields point to the attachment instead of saying "1 foto"."""
    forms: list[ReportSection] = []
    extra: list[tuple[str, str]] = []
    for form_section in doc.sections:
        values = tuple(_photo_value(v, bool(doc.photos)) for v in form_section.values)
        if form_section.title.strip().lower() == "data umum":
            extra += [(v.label, f"{v.value} {v.unit}".strip()) for v in values
                      if v.label not in general_labels and v.value not in ("", "-")]
            continue
        forms.append(ReportSection(form_section.title, values))
    return forms, extra


def _photo_value(value: SectionValue, attached: bool) -> SectionValue:
    if attached and PHOTO_COUNT.match(value.value):
        return replace(value, value=value.value, note="lihat Lampiran dokumentasi foto")
    return value


def sources_appendix(doc: ReportDocument) -> list[Flowable]:
    """Where each requirement comes from and how sure it is (grade, repealed): for the
    Balai and the template maintainers; the company's certificate leaves it out."""
    head = [Paragraph(t, st.CELL_HEAD) for t in ("No", "Faktor", "Acuan", "Tingkat",
                                                   "Terverifikasi")]
    data: list[list[object]] = [head]
    for i, row in enumerate(doc.results, start=1):
        reference = row.reference + (f" ({row.source_note})" if row.source_note else "")
        data.append([Paragraph(str(i), st.CELL_CENTER), Paragraph(esc(row.factor), st.CELL),
                     Paragraph(esc(reference) or "-", st.CELL),
                     Paragraph(esc(row.grade), st.CELL_CENTER),
                     Paragraph("-" if row.grade in ("", "-") else
                               "ya" if row.verified else "belum", st.CELL_CENTER)])
    widths = [9 * mm, 62 * mm, 62 * mm, 16 * mm]
    widths.append(st.CONTENT_WIDTH - sum(widths))
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(table_style()))
    label = f" ({esc(doc.template_label)})" if doc.template_label else ""
    return [Paragraph(f"LAMPIRAN: SUMBER PERSYARATAN{label}", st.REPORT_SECTION_FLOW),
            Paragraph("Tingkat R: diambil dari teks peraturan; A, B, C: dari praktik atau "
                      "sumber lain, belum terverifikasi terhadap teks peraturan.",
                      st.SMALL_GREY), Spacer(1, 1.5 * mm), table]


def _closing(doc: ReportDocument, lead: list[Flowable]) -> Flowable:
    inspector = signature_cell(
        [f"{doc.place}, {format_date_id(doc.issued_on)}", "Pemeriksa,",
         doc.inspector.position or "Pengawas Ketenagakerjaan Spesialis K3"],
        doc.inspector, image_height=16 * mm)
    approver = signature_cell(["Mengetahui,", *approver_heading(doc.balai, doc.approver)],
                              doc.approver, image_height=16 * mm,
                              signed_note="ditandatangani secara elektronik" if doc.stamp
                              else "")
    return closing_block(doc.stamp, inspector, approver, lead)


def render_report(doc: ReportDocument) -> bytes:
    """The test report as PDF bytes; same inputs, same bytes."""
    info = stamp_info(doc.stamp)
    info.update({"K3Number": doc.number, "K3DocumentKind": "report"})
    if doc.certificate_number:
        info["K3CertificateNumber"] = doc.certificate_number
    decor = PageDecor(balai=doc.balai, doc_title=f"Laporan Pemeriksaan dan Pengujian K3 - "
                      f"{doc.object_type_name}", number=doc.number, issued_on=doc.issued_on,
                      info=info)
    keywords = [doc.number, "K3", "Laporan Pemeriksaan dan Pengujian", doc.object_type_name,
                doc.company.name, doc.equipment.serial_number, verdict_label(doc.verdict)]
    if doc.certificate_number:
        keywords.insert(1, doc.certificate_number)
    subject = (f"Laporan pemeriksaan dan pengujian K3 {doc.object_type_name}, "
               f"{doc.company.name}, nomor seri {doc.equipment.serial_number}")
    return build_pdf(report_story(doc), decor, title=f"{REPORT_TITLE} Nomor {doc.number}",
                     subject=subject, keywords=keywords)
