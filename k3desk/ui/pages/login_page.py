"""Later starts: log in (offline against the hash the last online login left)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from k3desk.ui.errors import message_of
from k3desk.ui.labels import role_label
from k3desk.ui.pages.welcome_page import buddy

if TYPE_CHECKING:
    from k3desk.services.context import Actor
    from k3desk.ui.session import UiSession


class LoginPage(QWidget):
    logged_in = Signal(object)  # Actor
    real_folder_requested = Signal()

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("login_page")
        self.balai = QLabel("k3desk")
        self.balai.setObjectName("login_balai")
        self.balai.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.balai.setWordWrap(True)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("login_username")
        self.password = QLineEdit()
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        buddy(form, self.tr("&Nama pengguna"), self.username)
        buddy(form, self.tr("&Kata sandi"), self.password)
        self.submit = QPushButton(self.tr("Masuk"))
        self.submit.setObjectName("login_submit")
        self.submit.setDefault(True)
        self.submit.clicked.connect(self.login)
        self.password.returnPressed.connect(self.login)
        self.username.returnPressed.connect(self.password.setFocus)
        self.message = QLabel()
        self.message.setObjectName("login_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        self.demo_users = QLabel()
        self.demo_users.setObjectName("login_demo_users")
        self.demo_users.setWordWrap(True)
        self.demo_users.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.real_button = QPushButton(self.tr("Hubungkan ke server (folder data baru)…"))
        self.real_button.setObjectName("login_connect_server")
        self.real_button.clicked.connect(self.real_folder_requested.emit)
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(560)
        box = QVBoxLayout(card)
        box.addWidget(self.balai)
        intro = QLabel(self.tr("Masuk untuk mulai bekerja. Tanpa sambungan pun bisa, "
                               "setelah sekali login daring di laptop ini."))
        intro.setWordWrap(True)
        box.addWidget(intro)
        box.addLayout(form)
        box.addWidget(self.submit)
        box.addWidget(self.message)
        box.addWidget(self.demo_users)
        box.addWidget(self.real_button)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 2, Qt.AlignmentFlag.AlignVCenter)
        outer.addStretch(1)
        self.set_demo(False)

    def set_balai(self, name: str | None) -> None:
        self.balai.setText(name or "k3desk")

    def set_demo(self, demo: bool) -> None:
        from k3desk.services import browse_service

        self.real_button.setVisible(demo)
        self.demo_users.setVisible(demo)
        if demo:
            rows = "".join(
                f"<tr><td><b>{u}</b></td><td>{p}</td><td>{name}</td><td>{role_label(r)}"
                "</td></tr>" for u, p, name, r in browse_service.demo_users())
            self.demo_users.setText(
                self.tr("Pengguna data demo (nama pengguna, kata sandi):")
                + f"<table cellspacing=6>{rows}</table>")

    def set_last_username(self, username: str) -> None:
        """Filled in at the next start and after "Keluar akun"."""
        self.username.setText(username)

    def reset(self) -> None:
        """Ready for a login: the last username filled in, the focus where to type."""
        self.password.clear()
        self.message.clear()
        self.submit.setEnabled(True)
        (self.password if self.username.text().strip() else self.username).setFocus()

    def login(self) -> None:
        from k3desk.services import sync_service

        user = self.username.text().strip()
        if not user or not self.password.text():
            self.message.setText(self.tr("Isi nama pengguna dan kata sandi."))
            return
        self.submit.setEnabled(False)
        self.message.setText(self.tr("Memeriksa…"))
        # Online when a server is set and answers (net worker), else offline.
        self.session.ops.run(sync_service.login, self.session.db, user, self.password.text(),
                             timeout=10, pool="net", success=self._done, failure=self._failed)

    def _done(self, result: tuple[Actor, bool]) -> None:
        self.submit.setEnabled(True)
        self.message.clear()
        self.password.clear()
        self.logged_in.emit(result[0])

    def _failed(self, exc: Any) -> None:
        self.submit.setEnabled(True)
        self.message.setText(message_of(exc))
        self.password.selectAll()
        self.password.setFocus()
