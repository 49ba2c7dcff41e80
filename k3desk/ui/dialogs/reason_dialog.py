"""A short text the supervisor must give (a revision comment, a reason to reject or to
revoke), and the confirmation that follows. Both open with ``open()``; Esc cancels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ReasonDialog(QDialog):
    """A text box; the OK button stays disabled while the text is empty.

    ``on_text(text)`` is called with the stripped text when OK is pressed."""

    def __init__(self, parent: QWidget | None, name: str, title: str, prompt: str,
                 ok_text: str, on_text: Callable[[str], object]) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setModal(True)
        self.label = QLabel(prompt, self)
        self.label.setObjectName("reason_prompt")
        self.label.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("reason_text")
        self.text.setAccessibleName(prompt)
        self.text.setTabChangesFocus(True)
        self.label.setBuddy(self.text)
        self.buttons = QDialogButtonBox(self)
        self.ok_button: QPushButton = self.buttons.addButton(
            ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("reason_ok")
        cancel = self.buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("reason_cancel")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._update)
        self._on_text = on_text
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.resize(460, 220)
        self._update()

    def value(self) -> str:
        return self.text.toPlainText().strip()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.value()))

    def _accept(self) -> None:
        if not self.value():
            return
        self.accept()
        self._on_text(self.value())


def confirm(parent: QWidget | None, name: str, title: str, text: str,
            yes_text: str, on_yes: Callable[[], object]) -> QMessageBox:
    """A question opened with ``open()``; ``on_yes`` runs only on the yes button."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    box.setTextFormat(Qt.TextFormat.PlainText)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
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
    """A message with OK, opened with ``open()`` (a refusal in plain words)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    ok = box.addButton(QCoreApplication.translate("dialogs", "Tutup"),
                       QMessageBox.ButtonRole.AcceptRole)
    ok.setObjectName(f"{name}_ok")
    box.setEscapeButton(ok)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.open()
    return box
