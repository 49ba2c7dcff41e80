"""The interface language: Bahasa Indonesia is the source, English by choice (``--lang en``).

Strings go through Qt (``self.tr`` / ``QCoreApplication.translate``); ``set_language``
installs ``resources/i18n/k3desk_<lang>.qm`` when it exists (made with
``pyside6-lupdate`` and ``pyside6-lrelease``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

_lang = "id"
_translator: QTranslator | None = None


def set_language(lang: str | None) -> None:
    global _lang, _translator
    _lang = "en" if lang == "en" else "id"
    app = QCoreApplication.instance()
    if app is None:
        return
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    if _lang != "id":
        from k3desk.paths import resources_dir

        translator = QTranslator()
        if translator.load(str(resources_dir() / "i18n" / f"k3desk_{_lang}.qm")):
            app.installTranslator(translator)
            _translator = translator


def language() -> str:
    return _lang
