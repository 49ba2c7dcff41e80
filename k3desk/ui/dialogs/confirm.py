"""A confirmation opened with ``open()`` (never a blocking ``exec()``): ``on_yes`` runs
when the user confirms; Esc or Batal does nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget | None, name: str, title: str, text: str,
            on_yes: Callable[[], object], yes_text: str | None = None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    yes = box.addButton(yes_text or box.tr("Ya"), QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName(f"{name}_yes")
    no = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(no)
    box.setEscapeButton(no)

    def clicked(button: object) -> None:
        if button is yes:
            on_yes()

    box.buttonClicked.connect(clicked)
    box.open()
    return box
