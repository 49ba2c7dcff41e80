"""Errors as sentences (UI.md habit 8).

A ``K3Error`` is a refusal the user can act on: its text is shown as it is. Anything else
is a bug: it is logged with its traceback, and the user sees one fixed sentence, the
place of the log, "copy details" and the diagnostics command; the data stays as it was
(every write is one transaction in a service). ``install_excepthook`` routes exceptions
raised in Qt slots on the UI thread to the same dialog, so nothing exits silently.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from k3desk.domain.errors import K3Error

log = logging.getLogger("k3desk.ui")



def message_of(exc: BaseException) -> str:
    """The sentence to show for an error (never a traceback or a Python type name)."""
    if isinstance(exc, K3Error):
        return str(exc)
    return QCoreApplication.translate(
        "errors", "Terjadi kesalahan yang tidak terduga. Data Anda tetap aman; rincian ada di "
        "log.")


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Show ``exc`` to the user: a refusal as a warning, a bug as the crash dialog."""
    if isinstance(exc, K3Error):
        box = QMessageBox(QMessageBox.Icon.Warning, title or "k3desk", str(exc),
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("error_dialog")
        box.open()
        return
    show_unexpected(parent, type(exc), exc, exc.__traceback__)


def show_unexpected(parent: QWidget | None, exc_type: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> None:
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unexpected error in the window\n%s", details)
    box = QMessageBox(parent)
    box.setObjectName("unexpected_error_dialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("k3desk")
    box.setText(message_of(exc))
    box.setInformativeText(QCoreApplication.translate(
        "errors", "Jika terulang, kirim berkas diagnostik ke admin Balai: menu Bantuan, atau "
        "perintah `k3desk diagnostics -o diag.zip`."))
    box.setDetailedText(details)
    copy = box.addButton(QCoreApplication.translate("errors", "Salin rincian"),
                         QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.open()


def install_excepthook() -> None:
    """Unhandled exceptions on the UI thread: log, show the dialog, keep running."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        app = QApplication.instance()
        parent = app.activeWindow() if isinstance(app, QApplication) else None
        show_unexpected(parent, exc_type, exc, tb)

    sys.excepthook = hook
