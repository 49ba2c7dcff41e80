"""Pieces the sync dialogs (conflicts, refused changes) share: their buttons, the message
line, the button row and "Tutup"."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QWidget


def push_button(text: str, name: str, slot: Callable[[], object],
                default: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setDefault(default)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def message_label(name: str, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def button_row(left: Sequence[QWidget], right: Sequence[QWidget] = ()) -> QHBoxLayout:
    """``left`` buttons, room, then ``right`` ones."""
    row = QHBoxLayout()
    for widget in left:
        row.addWidget(widget)
    row.addStretch(1)
    for widget in right:
        row.addWidget(widget)
    return row


def close_box(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    box.button(QDialogButtonBox.StandardButton.Close).setText(
        QCoreApplication.translate("dialogs", "Tutup"))
    box.rejected.connect(dialog.reject)
    return box
