"""Paragraph styles, colours and measures shared by every document."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from k3desk.reports.fonts import BOLD, ITALIC, REGULAR

PAGE_SIZE = A4
MARGIN_LEFT = 25 * mm  # binding side, as official letters leave it
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 13 * mm
MARGIN_BOTTOM = 17 * mm
CONTENT_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT

INK = colors.black
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#222222")
HEADER_SHADE = colors.HexColor("#E6E9EE")
SUBTLE_SHADE = colors.HexColor("#F5F6F8")
GRID = colors.HexColor("#8A8F98")
FAIL_INK = colors.HexColor("#9B1C1C")


def _style(name: str, **kw: object) -> ParagraphStyle:
    base: dict[str, object] = {"fontName": REGULAR, "fontSize": 10, "leading": 13,
                               "textColor": INK}
    base.update(kw)
    return ParagraphStyle(name, **base)


BODY = _style("body", fontSize=9.5, leading=12.2, alignment=TA_JUSTIFY)
BODY_LEFT = _style("body-left", fontSize=9.5, leading=12.2, alignment=TA_LEFT)
SMALL = _style("small", fontSize=8.5, leading=10.4)
SMALL_GREY = _style("small-grey", fontSize=8, leading=10, textColor=GREY)
FOOTNOTE = _style("footnote", fontName=ITALIC, fontSize=7.5, leading=9.5, textColor=GREY)
CELL = _style("cell", fontSize=8.8, leading=10.6)
CELL_CENTER = _style("cell-center", fontSize=8.8, leading=10.6, alignment=TA_CENTER)
CELL_RIGHT = _style("cell-right", fontSize=8.8, leading=10.6, alignment=TA_RIGHT)
CELL_COMPACT = _style("cell-compact", fontSize=8.2, leading=9.6)
CELL_COMPACT_CENTER = _style("cell-compact-center", fontSize=8.2, leading=9.6,
                             alignment=TA_CENTER)
CELL_SMALL = _style("cell-small", fontSize=7.6, leading=9.2, textColor=GREY)
CELL_HEAD = _style("cell-head", fontName=BOLD, fontSize=8.5, leading=10.5,
                   alignment=TA_CENTER)
LABEL = _style("label", fontSize=9.2, leading=11.2)
VALUE = _style("value", fontSize=9.2, leading=11.2)
SECTION = _style("section", fontName=BOLD, fontSize=9.8, leading=12, spaceBefore=3,
                 spaceAfter=2, keepWithNext=1)
REPORT_SECTION = _style("report-section", fontName=BOLD, fontSize=9.8, leading=12,
                        spaceBefore=8, spaceAfter=3, keepWithNext=1)
# a heading over a long table: keepWithNext would move the whole table to the next page
SECTION_FLOW = _style("section-flow", fontName=BOLD, fontSize=9.8, leading=12,
                      spaceBefore=3, spaceAfter=2)
REPORT_SECTION_FLOW = _style("report-section-flow", fontName=BOLD, fontSize=9.8,
                             leading=12, spaceBefore=8, spaceAfter=3)
TITLE = _style("title", fontName=BOLD, fontSize=13.5, leading=16, alignment=TA_CENTER)
SUBTITLE = _style("subtitle", fontName=BOLD, fontSize=10, leading=12.5, alignment=TA_CENTER)
NUMBER = _style("number", fontSize=10, leading=13, alignment=TA_CENTER)
CENTER = _style("center", fontSize=9.5, leading=12.2, alignment=TA_CENTER)
SIGN = _style("sign", fontSize=9.2, leading=11.5, alignment=TA_CENTER)
SIGN_NAME = _style("sign-name", fontName=BOLD, fontSize=9.2, leading=11.5, alignment=TA_CENTER)
SIGN_NOTE = _style("sign-note", fontName=ITALIC, fontSize=8, leading=10, alignment=TA_CENTER,
                   textColor=GREY)
VERDICT = _style("verdict", fontName=BOLD, fontSize=13, leading=15, alignment=TA_CENTER)
CAPTION = _style("caption", fontSize=8.5, leading=10.5, alignment=TA_CENTER)
QR_CAPTION = _style("qr-caption", fontSize=7, leading=8.5, alignment=TA_CENTER, textColor=GREY)
HEAD_MINISTRY = _style("head-ministry", fontName=BOLD, fontSize=12, leading=14,
                       alignment=TA_CENTER)
HEAD_PARENT = _style("head-parent", fontName=BOLD, fontSize=9, leading=11,
                     alignment=TA_CENTER)
HEAD_BALAI = _style("head-balai", fontName=BOLD, fontSize=12, leading=14.5,
                    alignment=TA_CENTER)
HEAD_CONTACT = _style("head-contact", fontSize=7.8, leading=9.4, alignment=TA_CENTER)
