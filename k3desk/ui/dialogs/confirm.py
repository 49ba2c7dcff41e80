"""The one confirmation of the window, and the one plain message: both open with
``open()`` (never a blocking ``exec()``), Esc closes them. ``confirm`` runs ``on_yes``
only when the user presses the yes button (``<name>_yes``); Esc or Batal (``<name>_no``)
does nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget | None, name: str, title: str, text: str,
            on_yes: Callable[[], object], yes_text: str | None = None,
            icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    box.setTextFormat(Qt.TextFormat.PlainText)
    yes = box.addButton(yes_text or QCoreApplication.translate("dialogs", "Ya"),
                        QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName(f"{name}_yes")
    no = box.addButton(QCoreApplication.translate("dialogs", "Batal"),
                       QMessageBox.ButtonRole.RejectRole)
    no.setObjectName(f"{name}_no")
    box.setDefaultButton(no)
    box.setEscapeButton(no)

    def clicked(button: object) -> None:
        if button is yes:
            on_yes()

    box.buttonClicked.connect(clicked)
    box.open()
    return box


def inform(parent: QWidget | None, name: str, title: str, text: str,
           icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> QMessageBox:
    """A message with Tutup (``<name>_ok``): a refusal in plain words."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    ok = box.addButton(QCoreApplication.translate("dialogs", "Tutup"),
                       QMessageBox.ButtonRole.AcceptRole)
    ok.setObjectName(f"{name}_ok")
    box.setEscapeButton(ok)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.open()
    return box
