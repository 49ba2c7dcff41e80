"""The translation hook of the layers below the window (no Qt here).

Services and the domain write their messages as ``translate("<context>", "… {name} …")``
with literal strings (so ``pyside6-lupdate`` extracts them into the same catalogue as the
window, ``resources/i18n/k3desk_<lang>.ts``) and fill placeholders with ``.format`` after
translating. The text is Bahasa Indonesia and is returned unchanged until a translator is
installed: the window installs Qt's (``QCoreApplication.translate``), the CLI one that
reads the ``.ts`` catalogue (``Catalogue``) when the language is English.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

Translator = Callable[[str, str], str]

_translator: Translator | None = None
_language = "id"


def translate(context: str, text: str) -> str:
    """``text`` in the interface language (itself when no translator is installed)."""
    if _translator is None:
        return text
    try:
        return _translator(context, text) or text
    except Exception:  # a broken catalogue never hides the message itself
        return text


def install(translator: Translator | None, lang: str = "en") -> None:
    """Use ``translator`` for every later ``translate`` call (None: Bahasa Indonesia)."""
    global _translator, _language
    _translator = translator
    _language = lang if translator is not None else "id"


def installed() -> bool:
    return _translator is not None


def language() -> str:
    """The interface language of the messages ("id" or "en"): what a service uses to pick
    a template's own texts (``Text.get(language())``) for the screen (never for a PDF)."""
    return _language


class Catalogue:
    """A Qt Linguist ``.ts`` file read without Qt: (context, source) -> translation.

    Unfinished, obsolete and empty entries are left out (the source text is used).
    Numerus entries give their first form (services do not use ``%n``)."""

    def __init__(self, entries: dict[tuple[str, str], str]) -> None:
        self.entries = entries

    @classmethod
    def load(cls, path: Path) -> Catalogue:
        entries: dict[tuple[str, str], str] = {}
        root = ET.parse(path).getroot()
        for ctx in root.iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                source = msg.findtext("source")
                node = msg.find("translation")
                if source is None or node is None or node.get("type") in (
                        "unfinished", "obsolete", "vanished"):
                    continue
                forms = node.findall("numerusform")
                text = forms[0].text if forms else node.text
                if text:
                    entries[(name, source)] = text
        return cls(entries)

    def __call__(self, context: str, text: str) -> str:
        return self.entries.get((context, text), text)


def catalogue_path(resources: Path, lang: str) -> Path:
    return resources / "i18n" / f"k3desk_{lang}.ts"


def use_language(lang: str | None, resources: Path) -> None:
    """Install the catalogue of ``lang`` without Qt (the CLI); Indonesian: none."""
    if lang != "en":
        install(None)
        return
    path = catalogue_path(resources, lang)
    try:
        install(Catalogue.load(path), lang)
    except (OSError, ET.ParseError):
        install(None)  # no catalogue shipped: the source language, never a crash
