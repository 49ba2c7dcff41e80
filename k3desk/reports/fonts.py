"""The embedded fonts: Liberation Sans from ``resources/fonts`` (SIL OFL 1.1).

TrueType fonts are embedded (as subsets) so a document prints the same everywhere and
carries ≤, ≥, Ω, ² and other glyphs the PDF base fonts lack.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from k3desk.domain.errors import DataFileError
from k3desk.domain.i18n import translate
from k3desk.paths import resources_dir

REGULAR = "K3Sans"
BOLD = "K3Sans-Bold"
ITALIC = "K3Sans-Italic"
BOLD_ITALIC = "K3Sans-BoldItalic"

_FILES = {
    REGULAR: "LiberationSans-Regular.ttf",
    BOLD: "LiberationSans-Bold.ttf",
    ITALIC: "LiberationSans-Italic.ttf",
    BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
}

_registered = False


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def register_fonts() -> None:
    """Register the family once per process (ReportLab's registry is global)."""
    global _registered
    if _registered:
        return
    folder = fonts_dir()
    for name, filename in _FILES.items():
        path = folder / filename
        if not path.is_file():
            raise DataFileError(translate("reports", "berkas huruf {path} tidak ada; pasang "
                                          "ulang k3desk").format(path=path))
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC,
                                  boldItalic=BOLD_ITALIC)
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    _registered = True
