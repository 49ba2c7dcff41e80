"""After a crash: say which inspection was recovered and offer to reopen it where it was
(ODK Collect's explicit savepoints). A bar at the top of the workspace, not a modal
dialog: ``recovery_bar`` with ``recovery_text``, ``recovery_open`` and
``recovery_dismiss``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from k3desk.services import editor_service
from k3desk.services.context import Actor


class RecoveryBar(QFrame):
    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_bar")
        self.setStyleSheet("#recovery_bar { background: #e3f2fd; border: 1px solid #90caf9; }")
        self.window_ = window
        self.found: editor_service.Recovered | None = None
        self.text = QLabel()
        self.text.setObjectName("recovery_text")
        self.text.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Buka kembali"))
        self.open_button.setObjectName("recovery_open")
        self.open_button.clicked.connect(self.reopen)
        self.dismiss_button = QPushButton(self.tr("Nanti saja"))
        self.dismiss_button.setObjectName("recovery_dismiss")
        self.dismiss_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.dismiss_button)
        self.hide()

    def check(self, actor: object) -> None:
        session = self.window_.session
        if not isinstance(actor, Actor):
            self.hide()
            return
        session.run(editor_service.recovered, session.context(), success=self._found,
                    failure=lambda _exc: None)

    def _found(self, found: editor_service.Recovered | None) -> None:
        self.found = found
        if found is None:
            self.hide()
            return
        self.text.setText(self.tr(
            "Aplikasi tidak ditutup dengan benar. Pemeriksaan {title} dipulihkan; isiannya "
            "tersimpan sampai {saved}. Buka kembali di tempat terakhir?").format(
            title=found.title, saved=found.saved_at.replace("T", " ").rstrip("Z")))
        self.show()

    def reopen(self) -> None:
        found, self.found = self.found, None
        self.hide()
        page = self.window_.pages.get("editor")
        if found is None or page is None:
            return
        self.window_.show_page("editor")
        page.open_inspection(found.inspection_id, section=found.section)

    def dismiss(self) -> None:
        self.found = None
        self.hide()
        session = self.window_.session
        session.run(editor_service.forget_open, session.db)


def install_recovery(window: Any) -> RecoveryBar:
    """Put the bar under the header; it checks at every login."""
    bar = RecoveryBar(window)
    layout = window.workspace.layout()
    layout.insertWidget(1, bar)
    window.session.actor_changed.connect(bar.check)
    window.recovery_bar = bar
    if window.session.actor is not None:
        bar.check(window.session.actor)
    return bar
