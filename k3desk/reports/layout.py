"""Pages: the letterhead, the running header, 'Halaman x dari y', metadata, determinism.

The same inputs must give the same bytes (a certificate can be re-rendered and compared),
so ReportLab runs in invariant mode and the PDF's dates come from the issue date, never
the clock. The signed payload is written into the PDF's document information so that
``k3desk verify FILE.pdf`` can read it back.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from k3desk.domain.errors import DataFileError
from k3desk.paths import resources_dir
from k3desk.reports import styles as st
from k3desk.reports.fonts import BOLD, REGULAR, register_fonts
from k3desk.reports.model import BalaiInfo, SignedStamp

#: document information keys that carry the signed payload (read by k3desk verify)
INFO_PAYLOAD = "K3Payload"  # base64url of the payload's UTF-8 bytes
INFO_SIGNATURE = "K3Signature"  # standard base64
INFO_KEY_ID = "K3KeyId"
INFO_VERIFY_URL = "K3VerifyUrl"
INFO_NUMBER = "K3Number"
INFO_KIND = "K3DocumentKind"

LOGO_SIZE = 21 * mm

# Binary image streams: ASCII85 runs in pure Python without ReportLab's optional C
# accelerator and was most of a photo report's rendering time; PDF readers need neither.
rl_config.useA85 = 0


def esc(text: object) -> str:
    """Text for Paragraph markup: the user's <, > and & must not become tags."""
    return escape(str(text))


def default_logo_path() -> Path:
    return resources_dir() / "logos" / "k3-emblem.png"


def logo_source(balai: BalaiInfo) -> str | io.BytesIO:
    """What ReportLab draws as the logo: the Balai's own image (synced in its record),
    else its logo file, else the placeholder emblem."""
    if balai.logo_png:
        return io.BytesIO(balai.logo_png)
    return str(logo_path(balai))


def logo_path(balai: BalaiInfo) -> Path:
    """The Balai's logo setting, or the placeholder emblem; a set but missing file is an
    error to fix, never silently replaced on an official document."""
    if not balai.logo_path:
        return default_logo_path()
    path = Path(balai.logo_path)
    if not path.is_file():
        raise DataFileError(f"the Balai's logo file is missing: {path} (check the Balai's "
                            "logo setting)")
    return path


class _K3Info(PDFInfo):  # type: ignore[misc]
    """PDFInfo with extra entries (the payload) and a creation date from the inputs."""

    extra: dict[str, str]
    pdf_date: str

    def format(self, document: Any) -> bytes:
        d: dict[str, Any] = {
            "Title": PDFString(self.title), "Author": PDFString(self.author),
            "Subject": PDFString(self.subject), "Keywords": PDFString(self.keywords),
            "Creator": PDFString(self.creator), "Producer": PDFString(self.producer),
            "CreationDate": PDFString(self.pdf_date), "ModDate": PDFString(self.pdf_date),
            "Trapped": PDFName(self.trapped),
        }
        for key, value in self.extra.items():
            d[key] = PDFString(value)
        return PDFDictionary(d).format(document)  # type: ignore[no-any-return]


@dataclass
class PageDecor:
    """What every page shows outside the frames."""

    balai: BalaiInfo
    doc_title: str  # running header, pages 2..n
    number: str
    issued_on: date
    info: dict[str, str] = field(default_factory=dict)


def _pdf_date(day: date) -> str:
    return f"D:{day.year:04d}{day.month:02d}{day.day:02d}000000+07'00'"


def make_canvas_class(decor: PageDecor) -> type[Canvas]:
    """A canvas that draws 'Halaman x dari y' once the page count is known."""

    class _NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["invariant"] = 1
            kwargs["initialFontName"] = REGULAR
            super().__init__(*args, **kwargs)
            info = _K3Info()
            info.extra = dict(decor.info)
            info.pdf_date = _pdf_date(decor.issued_on)
            self._doc.info = info
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                _draw_footer(self, decor, self._pageNumber, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return _NumberedCanvas


def _draw_footer(canv: Canvas, decor: PageDecor, page: int, total: int) -> None:
    width = st.PAGE_SIZE[0]
    y = st.MARGIN_BOTTOM - 8 * mm
    canv.saveState()
    canv.setStrokeColor(st.GRID)
    canv.setLineWidth(0.4)
    canv.line(st.MARGIN_LEFT, y + 4.2 * mm, width - st.MARGIN_RIGHT, y + 4.2 * mm)
    canv.setFillColor(st.GREY)
    canv.setFont(REGULAR, 7.5)
    canv.drawString(st.MARGIN_LEFT, y, f"Nomor: {decor.number}")
    canv.drawRightString(width - st.MARGIN_RIGHT, y, f"Halaman {page} dari {total}")
    canv.restoreState()


def _fit(canv: Canvas, text: str, room: float, size: float) -> str:
    """``text`` shortened with an ellipsis so that it fits in ``room`` points."""
    if canv.stringWidth(text, REGULAR, size) <= room:
        return text
    while text and canv.stringWidth(text + "…", REGULAR, size) > room:
        text = text[:-1]
    return text.rstrip(" ·-") + "…"


def _draw_running_header(canv: Canvas, decor: PageDecor) -> None:
    """Pages after the first: a small emblem, the Balai's name, the document and a rule."""
    width, height = st.PAGE_SIZE
    top = height - st.MARGIN_TOP
    canv.saveState()
    size = 10 * mm
    canv.drawImage(ImageReader(logo_source(decor.balai)), st.MARGIN_LEFT, top - size,
                   size, size, mask="auto", preserveAspectRatio=True)
    x = st.MARGIN_LEFT + size + 3 * mm
    canv.setFont(BOLD, 8.5)
    canv.drawString(x, top - 4 * mm, decor.balai.name)
    canv.setFont(REGULAR, 7.5)
    canv.setFillColor(st.GREY)
    number = f"Nomor: {decor.number}"
    room = (width - st.MARGIN_RIGHT - canv.stringWidth(number, REGULAR, 7.5) - 4 * mm) - x
    canv.drawString(x, top - 8 * mm, _fit(canv, decor.doc_title, room, 7.5))
    canv.drawRightString(width - st.MARGIN_RIGHT, top - 8 * mm, number)
    canv.setStrokeColor(st.RULE)
    canv.setLineWidth(0.8)
    canv.line(st.MARGIN_LEFT, top - size - 2 * mm, width - st.MARGIN_RIGHT,
              top - size - 2 * mm)
    canv.restoreState()


RUNNING_HEADER_HEIGHT = 16 * mm


class DoubleRule(Flowable):  # type: ignore[misc]
    """The thick-over-thin rule under an official letterhead."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width
        self.height = 2.6 * mm

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(st.INK)
        c.setLineWidth(1.8)
        c.line(0, self.height - 0.9, self.width, self.height - 0.9)
        c.setLineWidth(0.5)
        c.line(0, self.height - 3.2, self.width, self.height - 3.2)


def letterhead(balai: BalaiInfo) -> list[Flowable]:
    """Logo left, centred ministry / directorate / Balai lines, contacts, double rule."""
    lines: list[Flowable] = []
    for i, text in enumerate(balai.parent_lines):
        style = st.HEAD_MINISTRY if i == 0 else st.HEAD_PARENT
        lines.append(Paragraph(esc(text.upper()), style))
    lines.append(Paragraph(esc(balai.name.upper()), st.HEAD_BALAI))
    contact = [balai.address]
    phones = []
    if balai.phone:
        phones.append(f"Telepon {balai.phone}")
    if balai.fax:
        phones.append(f"Faksimile {balai.fax}")
    second = []
    if balai.email:
        second.append(f"Pos-el: {balai.email}")
    if balai.website:
        second.append(f"Laman: {balai.website}")
    text = esc(", ".join(x for x in contact if x))
    if phones:
        text += "<br/>" + esc(", ".join(phones))
        if second:
            text += esc("; " + ", ".join(second))
    elif second:
        text += "<br/>" + esc(", ".join(second))
    lines.append(Paragraph(text, st.HEAD_CONTACT))
    logo = Image(logo_source(balai), width=LOGO_SIZE, height=LOGO_SIZE, kind="proportional",
                 mask="auto")
    # the text is centred in the room right of the logo, less a small balancing margin
    right = 8 * mm
    text_width = st.CONTENT_WIDTH - LOGO_SIZE - 2 * mm - right
    table = Table([[logo, lines, ""]], colWidths=[LOGO_SIZE + 2 * mm, text_width, right])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return [table, DoubleRule(st.CONTENT_WIDTH)]


def stamp_info(stamp: SignedStamp | None) -> dict[str, str]:
    """The PDF information entries that carry the signed payload."""
    if stamp is None:
        return {}
    from k3desk.domain.signing import b64url_encode

    return {INFO_PAYLOAD: b64url_encode(stamp.payload), INFO_SIGNATURE: stamp.signature,
            INFO_KEY_ID: stamp.key_id, INFO_VERIFY_URL: stamp.verify_url}


def build_pdf(story: Sequence[Flowable], decor: PageDecor, *, title: str, subject: str,
              keywords: Sequence[str]) -> bytes:
    """Lay the story out on A4: page 1 starts with the letterhead, later pages get the
    running header, every page the footer."""
    register_fonts()
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=st.PAGE_SIZE, leftMargin=st.MARGIN_LEFT, rightMargin=st.MARGIN_RIGHT,
        topMargin=st.MARGIN_TOP, bottomMargin=st.MARGIN_BOTTOM, title=title,
        author=decor.balai.name, subject=subject, keywords=", ".join(keywords),
        creator="k3desk", producer="k3desk (ReportLab)", invariant=1, lang="id-ID",
    )
    width, height = st.PAGE_SIZE
    frame_h = height - st.MARGIN_TOP - st.MARGIN_BOTTOM
    first = Frame(st.MARGIN_LEFT, st.MARGIN_BOTTOM, st.CONTENT_WIDTH, frame_h, id="first",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(st.MARGIN_LEFT, st.MARGIN_BOTTOM, st.CONTENT_WIDTH,
                  frame_h - RUNNING_HEADER_HEIGHT, id="later", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)

    def on_later(canv: Canvas, _doc: Any) -> None:
        _draw_running_header(canv, decor)

    doc.addPageTemplates([
        PageTemplate(id="first", frames=[first], autoNextPageTemplate="later"),
        PageTemplate(id="later", frames=[later], onPage=on_later),
    ])
    doc.build(list(story), canvasmaker=make_canvas_class(decor))
    return buf.getvalue()
