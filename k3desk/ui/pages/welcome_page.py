"""First start: connect to the Balai's server, or try the app with demo data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from k3desk.ui.errors import message_of

if TYPE_CHECKING:
    from k3desk.services.context import Actor
    from k3desk.ui.session import UiSession


def buddy(form: QFormLayout, text: str, widget: QWidget) -> None:
    """A form row whose label is the input's buddy and accessible name."""
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(text.replace("&", ""))
    form.addRow(label, widget)


class WelcomePage(QWidget):
    """Shown when the data folder has no users yet."""

    logged_in = Signal(object)  # Actor
    demo_created = Signal()

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("welcome_page")
        title = QLabel(self.tr("Selamat datang di k3desk"))
        title.setObjectName("welcome_title")
        title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        intro = QLabel(self.tr(
            "Pemeriksaan dan pengujian K3 di lapangan, tanpa sambungan. Pilih cara memulai:"))
        intro.setWordWrap(True)

        server = QFrame()
        server.setObjectName("welcome_server_box")
        server.setFrameShape(QFrame.Shape.StyledPanel)
        form = QFormLayout()
        self.server_url = QLineEdit()
        self.server_url.setObjectName("welcome_server_url")
        self.server_url.setPlaceholderText("https://k3.balai.go.id")
        self.username = QLineEdit()
        self.username.setObjectName("welcome_username")
        self.password = QLineEdit()
        self.password.setObjectName("welcome_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        buddy(form, self.tr("Alamat &server"), self.server_url)
        buddy(form, self.tr("&Nama pengguna"), self.username)
        buddy(form, self.tr("&Kata sandi"), self.password)
        self.connect_button = QPushButton(self.tr("Hubungkan ke server"))
        self.connect_button.setObjectName("welcome_connect")
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.connect_server)
        self.password.returnPressed.connect(self.connect_server)
        self.progress = QProgressBar()
        self.progress.setObjectName("welcome_progress")
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("welcome_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        box = QVBoxLayout(server)
        heading = QLabel(self.tr("Hubungkan ke server Balai"))
        heading.setStyleSheet("font-weight: 600; font-size: 13pt;")
        box.addWidget(heading)
        box.addWidget(QLabel(self.tr("Login daring sekali; sesudahnya login juga bisa "
                                     "tanpa sambungan.")))
        box.addLayout(form)
        box.addWidget(self.connect_button)
        box.addWidget(self.progress)
        box.addWidget(self.message)
        box.addStretch(1)

        demo = QFrame()
        demo.setObjectName("welcome_demo_box")
        demo.setFrameShape(QFrame.Shape.StyledPanel)
        self.demo_button = QPushButton(self.tr("Coba dengan data demo"))
        self.demo_button.setObjectName("welcome_demo")
        self.demo_button.clicked.connect(self.create_demo)
        demo_text = QLabel(self.tr(
            "Satu Balai contoh dengan perusahaan, peralatan dan pemeriksaan dalam setiap "
            "status. Data demo tidak pernah dikirim ke server; untuk bekerja sungguhan, "
            "k3desk nanti memulai folder data baru dan menyimpan demo di sampingnya."))
        demo_text.setWordWrap(True)
        dbox = QVBoxLayout(demo)
        heading2 = QLabel(self.tr("Coba dulu"))
        heading2.setStyleSheet("font-weight: 600; font-size: 13pt;")
        dbox.addWidget(heading2)
        dbox.addWidget(demo_text)
        dbox.addWidget(self.demo_button)
        dbox.addStretch(1)

        cards = QHBoxLayout()
        cards.addWidget(server, 3)
        cards.addWidget(demo, 2)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(intro)
        column.addLayout(cards)
        column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 6)
        outer.addStretch(1)
        outer.setAlignment(column, Qt.AlignmentFlag.AlignVCenter)
        self.setTabOrder(self.server_url, self.username)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.connect_button)
        self.setTabOrder(self.connect_button, self.demo_button)

    def _busy(self, busy: bool, text: str = "") -> None:
        self.progress.setVisible(busy)
        self.connect_button.setEnabled(not busy)
        self.demo_button.setEnabled(not busy)
        self.message.setStyleSheet("color: #37474f;" if busy else "color: #b71c1c;")
        self.message.setText(text)

    def connect_server(self) -> None:
        from k3desk.services import sync_service

        url = self.server_url.text().strip()
        user = self.username.text().strip()
        if not url or not user or not self.password.text():
            self.message.setText(self.tr("Isi alamat server, nama pengguna dan kata sandi."))
            return
        self._busy(True, self.tr("Menghubungi {url}…").format(url=url))
        self.session.ops.run(sync_service.login, self.session.db, user, self.password.text(),
                             url, timeout=15, pool="net", success=self._connected,
                             failure=self._failed)

    def _connected(self, result: tuple[Actor, bool]) -> None:
        actor, online = result
        self._busy(False)
        if not online:  # cannot happen on a fresh folder; said plainly if it does
            self.message.setText(self.tr("Server tidak menjawab; login luring dipakai."))
        self.password.clear()
        self.logged_in.emit(actor)

    def _failed(self, exc: Any) -> None:
        self._busy(False, message_of(exc))

    def create_demo(self) -> None:
        from k3desk.services import demo_service

        self._busy(True, self.tr("Membuat data demo… (beberapa detik)"))
        self.session.run(demo_service.create_demo, self.session.data_dir,
                         success=self._demo_done, failure=self._failed)

    def _demo_done(self, _summary: object) -> None:
        self._busy(False)
        self.demo_created.emit()
