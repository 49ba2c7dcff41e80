"""The interface language: Bahasa Indonesia is the source, English by choice (``--lang en``).

Strings go through Qt (``self.tr`` / ``QCoreApplication.translate``); ``set_language``
installs ``resources/i18n/k3desk_<lang>.qm`` (made from the ``.ts`` catalogue by
``scripts/i18n``), Qt's own ``qtbase_<lang>.qm`` so standard dialogs follow, and routes the
services' messages (``k3desk.domain.i18n.translate``) through the same translator.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from k3desk.domain import i18n as domain_i18n

_lang = "id"
_translators: list[QTranslator] = []


def set_language(lang: str | None) -> None:
    """Switch the application's translators (call before any widget is built)."""
    global _lang
    _lang = "en" if lang == "en" else "id"
    app = QCoreApplication.instance()
    for old in _translators:
        if app is not None:
            app.removeTranslator(old)
    _translators.clear()
    domain_i18n.install(None)
    if _lang == "id" or app is None:
        return
    from k3desk.paths import resources_dir

    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "i18n" / f"k3desk_{_lang}.qm")):
        app.installTranslator(ours)
        _translators.append(ours)
        domain_i18n.install(QCoreApplication.translate, _lang)
    qt = QTranslator(app)  # QFileDialog, QMessageBox buttons ... (when Qt ships them)
    if qt.load(f"qtbase_{_lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)


def language() -> str:
    return _lang
