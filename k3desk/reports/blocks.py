"""Building blocks both documents share: data tables, results, conclusion, signatures, QR."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from k3desk.domain.dates import format_date_id
from k3desk.reports import styles as st
from k3desk.reports.fonts import BOLD, REGULAR
from k3desk.reports.layout import esc
from k3desk.reports.model import (
    FOLLOW_UP_LABEL,
    UNVERIFIED_FOOTNOTE,
    BalaiInfo,
    CompanyInfo,
    EquipmentInfo,
    PersonInfo,
    ResultRow,
    SignedStamp,
)

# A certificate's QR code is version 11 or 12 (61-65 modules + a 2-module border): at
# 35 mm a module is 0.51-0.54 mm, what a phone reads from paper.
QR_SIZE = 35 * mm
QR_MAX_VERSION = 10
QR_CAPTION_TEXT = "Pindai untuk memeriksa keaslian"


def label_value_table(rows: Sequence[tuple[str, str]], *, label_width: float = 33 * mm,
                      indent: float = 5 * mm) -> Table:
    """'Nama perusahaan : PT ...' rows, the colons aligned, as Indonesian letters set them."""
    data = [[Paragraph(esc(label), st.LABEL), Paragraph(":", st.LABEL),
             Paragraph(esc(value) if value else "-", st.VALUE)] for label, value in rows]
    width = st.CONTENT_WIDTH - indent
    table = Table(data, colWidths=[label_width, 4 * mm, width - label_width - 4 * mm],
                  hAlign="RIGHT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 0.6), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6),
    ]))
    return table


def label_value_grid(rows: Sequence[tuple[str, str]], *, wide: Sequence[str] = (),
                     label_width: float = 33 * mm, indent: float = 5 * mm) -> Table:
    """Label-value pairs in two columns (rows named in ``wide`` span the full width), so
    that a certificate stays on one page."""
    full = [r for r in rows if r[0] in wide]
    pairs = [r for r in rows if r[0] not in wide]
    half = (len(pairs) + 1) // 2
    left, right = pairs[:half], pairs[half:]
    right += [("", "")] * (half - len(right))
    col = (st.CONTENT_WIDTH - indent) / 2
    value_width = col - label_width - 4 * mm

    def cells(label: str, value: str) -> list[object]:
        if not label:
            return ["", "", ""]
        return [Paragraph(esc(label), st.LABEL), Paragraph(":", st.LABEL),
                Paragraph(esc(value) if value else "-", st.VALUE)]

    data = [cells(label, value) + ["", "", ""] for label, value in full]
    spans = [("SPAN", (2, r), (5, r)) for r in range(len(full))]
    data += [cells(*a) + cells(*b) for a, b in zip(left, right, strict=True)]
    table = Table(data, colWidths=[label_width, 4 * mm, value_width] * 2, hAlign="RIGHT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        *spans,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 0.6), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6),
    ]))
    return table


def company_rows(company: CompanyInfo) -> list[tuple[str, str]]:
    rows = [("Nama perusahaan", company.name), ("Alamat", company.address)]
    if company.sector:
        rows.append(("Bidang usaha", company.sector))
    rows.append(("Tempat pemeriksaan", company.site or company.address))
    return rows


def equipment_rows(equipment: EquipmentInfo) -> list[tuple[str, str]]:
    rows = [
        ("Jenis objek", equipment.object_type_name),
        ("Merek / pabrikan", equipment.make),
        ("Model / tipe", equipment.model),
        ("Nomor seri", equipment.serial_number),
        ("Kapasitas", equipment.capacity),
        ("Tahun pembuatan", equipment.year_built),
        ("Lokasi / penempatan", equipment.location),
    ]
    rows.extend(equipment.extra)
    return rows


def table_style(header_rows: int = 1) -> list[tuple[object, ...]]:
    """Thin grid, a light shade on the header, generous but tidy padding."""
    return [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("GRID", (0, 0), (-1, -1), 0.5, st.GRID),
        ("BOX", (0, 0), (-1, -1), 0.8, st.RULE),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), st.HEADER_SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3.5), ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.4),
    ]


def group_rows(results: Sequence[ResultRow]) -> list[ResultRow]:
    """Consecutive measurements of one factor (the four girder deflections) as one row:
    the values side by side, the worst result; a certificate stays short."""
    out: list[ResultRow] = []
    i = 0
    while i < len(results):
        row = results[i]
        j = i + 1
        while (row.group and j < len(results) and results[j].group == row.group
               and results[j].required == row.required):
            j += 1
        run = results[i:j]
        if len(run) > 1:
            failed = [r for r in run if r.passed is False]
            passed: bool | None = (False if failed else
                                   None if all(r.passed is None for r in run) else True)
            severity = ("minor" if failed and all(r.severity == "minor" for r in failed)
                        else row.severity)
            row = replace(row, factor=f"{row.group} ({len(run)} titik)",
                          measured=_joined([r.measured for r in run]), passed=passed,
                          severity=severity,
                          grade=row.grade if all(r.verified for r in run) else "A")
        out.append(row)
        i = j
    return out


def _joined(values: list[str]) -> str:
    if len(set(values)) == 1:
        return f"{values[0]} (semua)"
    return "; ".join(values)


def _result_cell(row: ResultRow) -> str:
    result = esc(row.result_label)
    if row.follow_up:
        return f"<font color='#8A5A00'>{result}</font>"
    if row.passed is False:
        return f"<font name='{BOLD}' color='#9B1C1C'>{result}</font>"
    return result


def results_table(results: Sequence[ResultRow], *, official: bool = False,
                  compact: bool = False) -> list[Flowable]:
    """Factor | required value over its reference | measured | result.

    ``official`` (the company's certificate): rows grouped, the regulation the Balai
    applied in small type, no maintainers' notes. Otherwise (the test report) every row,
    unverified thresholds with an asterisk and a footnote pointing to the appendix."""
    head = [Paragraph(t, st.CELL_HEAD) for t in
            ("No", "Faktor yang diperiksa", "Persyaratan (acuan)", "Hasil ukur", "Keterangan")]
    data: list[list[object]] = [head]
    any_unverified = False
    rows = group_rows(results) if official else list(results)
    cell = st.CELL_COMPACT if official else st.CELL
    centre = st.CELL_COMPACT_CENTER if official else st.CELL_CENTER
    for i, row in enumerate(rows, start=1):
        mark = ""
        if not official and not row.verified:
            mark = "*"
            any_unverified = True
        required = f"{esc(row.required)}{mark}"
        reference = row.reference
        if not official and row.source_note:
            reference = f"{reference} ({row.source_note})"
        if reference:
            size = 6.6 if official else 7.4
            sep = " " if official and len(row.required) + len(reference) < 34 else "<br/>"
            required += f"{sep}<font size='{size}' color='#555555'>{esc(reference)}</font>"
        measured = esc(row.measured) + (f" {esc(row.unit)}" if row.unit else "")
        data.append([Paragraph(str(i), centre), Paragraph(esc(row.factor), cell),
                     Paragraph(required, cell), Paragraph(measured, centre),
                     Paragraph(_result_cell(row), centre)])
    widths = [8 * mm, 55 * mm, 54 * mm, 28 * mm] if official else [8 * mm, 52 * mm, 57 * mm,
                                                                     25 * mm]
    widths.append(st.CONTENT_WIDTH - sum(widths))
    table = Table(data, colWidths=widths, repeatRows=1)
    style = table_style()
    if official:  # compact: a certificate that just overflows its one page
        style += [("TOPPADDING", (0, 0), (-1, -1), 0.2 if compact else 0.6),
                  ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8 if compact else 1.6)]
    table.setStyle(TableStyle(style))
    out: list[Flowable] = [table]
    if any_unverified:
        out.append(Spacer(1, 1 * mm))
        out.append(Paragraph(f"* {esc(UNVERIFIED_FOOTNOTE)}; sumber dan tingkat keyakinannya "
                             "tercantum pada lampiran sumber persyaratan.", st.FOOTNOTE))
    if any(r.follow_up for r in rows):
        out.append(Spacer(1, 1 * mm))
        out.append(Paragraph(
            f"{esc(FOLLOW_UP_LABEL)}: persyaratan pelengkap yang belum terpenuhi; tidak "
            "mengubah kesimpulan, dan wajib ditindaklanjuti sebelum pemeriksaan berikutnya.",
            st.FOOTNOTE))
    return out


def numbered_list(items: Sequence[str], style: ParagraphStyle | None = None) -> ListFlowable:
    para_style = style or st.BODY
    return ListFlowable(
        [ListItem(Paragraph(esc(text), para_style), leftIndent=14) for text in items],
        bulletType="1", bulletFormat="%s.", leftIndent=14, bulletFontName=REGULAR,
        bulletFontSize=para_style.fontSize, start=1)


def conclusion_box(verdict_text: str, lead: str, *, failed: bool) -> Table:
    """The boxed conclusion: a lead sentence, then the verdict in capitals."""
    verdict_style = st.VERDICT
    colour = "#9B1C1C" if failed else "#000000"
    inner = [
        Paragraph(f"<font name='{BOLD}'>KESIMPULAN:</font> {esc(lead)}", st.CENTER),
        Spacer(1, 1.2 * mm),
        Paragraph(f"<font color='{colour}'>{esc(verdict_text)}</font>", verdict_style),
    ]
    table = Table([[inner]], colWidths=[st.CONTENT_WIDTH - 10 * mm])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("BOX", (0, 0), (-1, -1), 1.6, st.INK),
        ("INNERGRID", (0, 0), (-1, -1), 0, st.INK),
        ("BACKGROUND", (0, 0), (-1, -1), st.SUBTLE_SHADE),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
    ]))
    return table


class QrCode(Flowable):  # type: ignore[misc]
    """A QR code drawn as merged runs of dark modules: the same image as ReportLab's
    widget, but one rectangle per run instead of one shape object per module, which is
    what made the widget the slowest part of a certificate."""

    def __init__(self, text: str, size: float = QR_SIZE, border: int = 2,
                 level: str = "M") -> None:
        super().__init__()
        qr = _compact_qr(text)
        if qr is None:
            qr = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
            qr.addData(text)
            qr.make()
        self.text = text
        self.count = qr.getModuleCount()
        self.modules = [[bool(qr.isDark(r, c)) for c in range(self.count)]
                        for r in range(self.count)]
        self.size = size
        self.border = border
        self.width = self.height = size

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        c = self.canv
        box = self.size / (self.count + 2 * self.border)
        c.saveState()
        c.setFillColor(st.INK)
        path = c.beginPath()
        for r, row in enumerate(self.modules):
            y = self.size - (r + self.border + 1) * box
            col = 0
            while col < self.count:
                if not row[col]:
                    col += 1
                    continue
                start = col
                while col < self.count and row[col]:
                    col += 1
                path.rect((start + self.border) * box, y, (col - start) * box, box)
        c.drawPath(path, stroke=0, fill=1)
        c.restoreState()


def _compact_qr(text: str) -> qrencoder.QRCode | None:
    """A version 2 link (compact_link) as two segments, the address alphanumeric and the
    code numeric, at the strongest error correction that keeps the symbol at version
    10 or lower (readable by a phone from paper at >= 0.5 mm a module)."""
    from k3desk.domain.compact_link import PATH, split_compact_url

    if split_compact_url(text) is None:
        return None
    head, _, digits = text.rpartition(PATH)
    for level in ("M", "L"):
        qr = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
        qr.addData(qrencoder.QRAlphaNum(head + PATH))
        qr.addData(qrencoder.QRNumber(digits))
        qr.make()
        if qr.version <= QR_MAX_VERSION:
            return qr
    return qr


def qr_drawing(text: str, size: float = QR_SIZE) -> QrCode:
    """The QR code of ``text`` (level M: survives a smudge, stays readable on paper)."""
    return QrCode(text, size)


def qr_block(stamp: SignedStamp, size: float = QR_SIZE) -> Table:
    """QR code with its small caption, to sit bottom-left under the signatures."""
    cell: list[Flowable] = [qr_drawing(stamp.verify_url, size),
                            Paragraph(QR_CAPTION_TEXT, st.QR_CAPTION)]
    if stamp.verify_address:
        cell.append(Paragraph(esc(stamp.verify_address), st.QR_CAPTION))
    table = Table([[cell]], colWidths=[size + 9 * mm])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
    ]))
    return table


def signature_cell(heading: Sequence[str], person: PersonInfo, *, signed_note: str = "",
                   image_height: float = 10.5 * mm) -> list[Flowable]:
    """Heading lines, room for (or the image of) the signature, name underlined, NIP."""
    cell: list[Flowable] = [Paragraph(esc(line), st.SIGN) for line in heading]
    if person.signature_png:
        img = Image(io.BytesIO(person.signature_png), width=45 * mm, height=image_height,
                    kind="proportional", mask="auto")
        cell.append(img)
    elif signed_note:
        cell.append(Spacer(1, 4 * mm))
        cell.append(Paragraph(esc(signed_note), st.SIGN_NOTE))
        cell.append(Spacer(1, image_height - 4 * mm - 10))
    else:
        cell.append(Spacer(1, image_height))
    cell.append(Paragraph(f"<u>{esc(person.name)}</u>", st.SIGN_NAME))
    cell.append(Paragraph(f"NIP {esc(person.nip)}" if person.nip else "&nbsp;", st.SIGN))
    return cell


def signatures_table(left: list[Flowable], right: list[Flowable],
                     stamp: SignedStamp | None = None) -> Table:
    """Inspector and approver side by side; the QR code, when signed, bottom-left."""
    if stamp is None:
        half = st.CONTENT_WIDTH / 2
        data: list[list[object]] = [[left, right]]
        widths = [half, half]
    else:
        qr_w = QR_SIZE + 9 * mm
        rest = (st.CONTENT_WIDTH - qr_w) / 2
        data = [[qr_block(stamp), left, right]]
        widths = [qr_w, rest, rest]
    table = Table(data, colWidths=widths)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def verification_note(stamp: SignedStamp) -> Paragraph:
    """What a company can do to check the document, in its own words: scan the code or
    open the address printed under it; who signed, and the key's short fingerprint."""
    signer = f" oleh {esc(stamp.signer)}" if stamp.signer else ""
    key = f" (sidik kunci {esc(stamp.fingerprint)})" if stamp.fingerprint else ""
    where = (f"buka <font name='{BOLD}'>{esc(stamp.verify_address)}</font> dan masukkan "
             "nomor dokumen ini" if stamp.verify_address else "buka alamat di bawah kode QR")
    return Paragraph(
        f"Ditandatangani secara elektronik{signer}{key}. Untuk memeriksa keaslian dan "
        f"status terkini dokumen ini, pindai kode QR dengan ponsel, atau {where}.",
        st.FOOTNOTE)


def closing_block(stamp: SignedStamp | None, left: list[Flowable], right: list[Flowable],
                  lead: Sequence[Flowable] = ()) -> Flowable:
    """``lead`` (the closing sentences), the signatures with the QR code, then the
    verification note, kept together: signatures never stand alone on a page."""
    parts: list[Flowable] = [*lead, signatures_table(left, right, stamp)]
    if stamp is not None:
        parts.extend([Spacer(1, 1 * mm), verification_note(stamp)])
    return KeepTogether(parts)


def approver_heading(balai: BalaiInfo, approver: PersonInfo) -> list[str]:
    """'KEPALA BALAI K3 <CITY>,' when the head signs; otherwise the approver signs on the
    head's behalf: 'a.n. KEPALA BALAI K3 <CITY>,' and the approver's own position."""
    head = balai.head_title_text
    is_head = balai.head is not None and (
        (approver.nip and approver.nip == balai.head.nip)
        or (not approver.nip and approver.name == balai.head.name))
    if is_head or not approver.position:
        return [head + ","]
    return [f"a.n. {head},", approver.position + ","]


def place_date_lines(place: str, day: date) -> list[str]:
    return [f"Ditetapkan di {place}", f"pada tanggal {format_date_id(day)}"]


__all__ = [
    "QR_CAPTION_TEXT", "closing_block", "company_rows", "conclusion_box", "equipment_rows",
    "group_rows", "label_value_table", "numbered_list", "place_date_lines", "qr_drawing",
    "results_table",
    "signature_cell", "signatures_table", "table_style",
]
