"""A short text the supervisor must give (a revision comment, a reason to reject or to
revoke). It opens with ``open()``; Esc cancels. The confirmation that follows is
``dialogs.confirm.confirm``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
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
