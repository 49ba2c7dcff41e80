"""Sync in the window: the status bar (state, progress, cancel, what needs attention),
the sync panel (``sync_dialog``) and the re-login dialog (``relogin_dialog``).

The background runner (k3desk.sync.background) reports ``SyncStatus`` values through
``SyncBridge.state_changed``; this controller turns them into sentences in the
interface language. Errors are said in plain words: the server cannot be reached
(nothing is lost, it retries by itself), the login expired (log in again here), a
change was refused by the server (the quarantine list).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from k3desk.sync.background import State, SyncStatus
from k3desk.ui.errors import message_of

if TYPE_CHECKING:
    from k3desk.ui.main_window import MainWindow
    from k3desk.ui.sync_bridge import SyncBridge


def _clock(ts: float | None) -> str:
    return datetime.fromtimestamp(ts).strftime("%d/%m/%Y %H:%M") if ts else ""


class SyncController(QObject):
    """Owns the sync widgets of one window; ``window.sync_ui``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.status: SyncStatus | None = None
        self.pages_pulled = 0
        self.counts: Any = None  # sync_service.SyncStatus (pending, quarantined, ...)
        self.dialog: SyncDialog | None = None
        self.relogin: ReloginDialog | None = None
        self._build_status_bar()
        self._build_actions()
        self.session.data_changed.connect(lambda *_a: self.refresh_counts())
        self.set_bridge(window.sync, refresh=False)
        from k3desk.ui.first_paint import after_first_paint

        # the counts need the sync code (pydantic models): after the window is painted
        after_first_paint(window, self.refresh_counts)

    def set_bridge(self, bridge: SyncBridge, refresh: bool = True) -> None:
        """Follow this background sync (a new one after the first online login)."""
        self.bridge = bridge
        bridge.state_changed.connect(self._on_state)
        bridge.synced.connect(self.refresh_counts)
        if not bridge.configured:
            self.window.sync_label.setText(self.tr("Luring: belum ada server"))
        elif isinstance(bridge.last_status, SyncStatus):  # reported before we listened
            self._on_state(bridge.last_status)
        if refresh:
            self.refresh_counts()

    # building ------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.window.statusBar()
        self.progress = QProgressBar()
        self.progress.setObjectName("sync_progress")
        self.progress.setMaximumWidth(140)
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("sync_cancel")
        self.cancel_button.setText(self.tr("Batalkan"))
        self.cancel_button.setToolTip(self.tr("Hentikan sinkronisasi; yang sudah terkirim "
                                              "tetap tersimpan"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.attention_button = QToolButton()
        self.attention_button.setObjectName("sync_attention")
        self.attention_button.setVisible(False)
        self.attention_button.clicked.connect(self.open_attention)
        self.details_button = QToolButton()
        self.details_button.setObjectName("sync_details")
        self.details_button.setText(self.tr("Rincian…"))
        self.details_button.setToolTip(self.tr("Status sinkronisasi"))
        self.details_button.clicked.connect(self.show_panel)
        for widget in (self.progress, self.cancel_button, self.attention_button,
                       self.details_button):
            bar.addPermanentWidget(widget)

    def _build_actions(self) -> None:
        w = self.window
        w._action("action_sync_panel", self.tr("Status sinkronisasi…"), self.show_panel)
        w._action("action_conflicts", self.tr("Konflik…"), self.open_conflicts)
        w._action("action_quarantine", self.tr("Perubahan yang ditolak server…"),
                  self.open_quarantine)
        w._action("action_cancel_sync", self.tr("Batalkan sinkronisasi"), self.cancel)
        first = w.menuBar().actions()[0].menu() if w.menuBar().actions() else None
        file_menu = first if isinstance(first, QMenu) else None
        if file_menu is not None:
            before = w.actions_by_name["action_sync_now"]
            actions = file_menu.actions()
            index = actions.index(before) if before in actions else -1
            anchor = actions[index + 1] if 0 <= index < len(actions) - 1 else None
            for name in ("action_sync_panel", "action_conflicts", "action_quarantine"):
                file_menu.insertAction(anchor, w.actions_by_name[name])  # type: ignore[arg-type]

    # state ---------------------------------------------------------------------------
    def state_text(self, status: SyncStatus | None) -> str:
        if status is None:
            if not self.bridge.configured:
                return self.tr("Luring: belum ada server")
            return self.tr("Belum disinkronkan")
        st = status.state
        if st == State.SYNCING:
            if status.phase == "push" and status.total:
                return self.tr("Mengirim {done} dari {total} perubahan").format(
                    done=status.done, total=status.total)
            if status.phase == "pull":
                return self.tr("Menerima data: halaman {pages} ({records} rekaman)").format(
                    pages=self.pages_pulled, records=status.done)
            if status.phase == "blobs":
                return self.tr("Mengunduh foto {done}").format(done=status.done)
            return self.tr("Menyinkronkan…")
        if st == State.UP_TO_DATE:
            return self.tr("Mutakhir pukul {time}").format(
                time=datetime.fromtimestamp(status.last_success or 0).strftime("%H:%M"))
        if st == State.ATTENTION:
            return self.tr("%n item perlu perhatian", "", status.attention)
        if st == State.OFFLINE:
            return self.tr("Luring: server tidak terhubung")
        if st == State.NEEDS_LOGIN:
            return self.tr("Perlu login ulang ke server")
        if st == State.CANCELLED:
            return self.tr("Sinkronisasi dibatalkan")
        if st == State.ERROR:
            return self.tr("Sinkronisasi gagal; dicoba lagi nanti")
        return self.tr("Belum disinkronkan")

    def explanation(self) -> str:
        """The plain-words paragraph of the sync panel for the current state."""
        status = self.status
        url = getattr(self.counts, "server_url", None) or ""
        if not self.bridge.configured:
            return self.tr("Belum ada server. Atur alamat server di Pengaturan; sampai itu "
                           "semua pekerjaan tersimpan di laptop ini.")
        if status is None:
            return ""
        if status.state == State.OFFLINE:
            retry = (self.tr(" Dicoba lagi pukul {time}.").format(
                time=datetime.fromtimestamp(status.retry_at).strftime("%H:%M"))
                if status.retry_at else "")
            return self.tr("Server {url} tidak dapat dihubungi. Perubahan Anda aman di laptop "
                           "ini dan dikirim otomatis begitu server terhubung lagi.").format(
                url=url) + retry
        if status.state == State.NEEDS_LOGIN:
            return self.tr("Login Anda ke server sudah berakhir atau belum pernah dilakukan "
                           "di laptop ini. Login ulang untuk melanjutkan sinkronisasi; antrean "
                           "perubahan tidak disentuh.")
        if status.state == State.CANCELLED:
            return self.tr("Sinkronisasi dihentikan. Yang sudah terkirim dan diterima tetap "
                           "tersimpan; sisanya ikut pada sinkronisasi berikutnya.")
        if status.state == State.ERROR:
            return self.tr("Sinkronisasi gagal karena kesalahan di laptop ini; rinciannya ada "
                           "di log. Data Anda tetap aman dan sinkronisasi dicoba lagi nanti.")
        return ""

    def _on_state(self, status: SyncStatus) -> None:
        if self.bridge.stopped:  # reported before the runner stopped, delivered after
            return
        if status.state == State.SYNCING and not status.phase:
            self.pages_pulled = 0
        if status.state == State.SYNCING and status.phase == "pull":
            self.pages_pulled += 1
        self.status = status
        syncing = status.state == State.SYNCING
        self.window.sync_label.setText(self.state_text(status))
        self.progress.setVisible(syncing)
        self.cancel_button.setVisible(syncing)
        if syncing and status.phase == "push" and status.total:
            self.progress.setRange(0, status.total)
            self.progress.setValue(status.done)
        elif syncing:
            self.progress.setRange(0, 0)
        if not syncing:
            self.refresh_counts()
        if self.dialog is not None:
            self.dialog.update_from(self)

    def refresh_counts(self) -> None:
        from k3desk.services import sync_service

        if self.bridge.stopped:
            return
        self.session.run(sync_service.status, self.session.db, success=self._counts_loaded,
                         failure=lambda _exc: None)

    def _counts_loaded(self, counts: Any) -> None:
        self.counts = counts
        waiting = int(counts.open_conflicts) + int(counts.quarantined)
        self.attention_button.setVisible(waiting > 0)
        self.attention_button.setText(self.tr("%n perlu perhatian", "", waiting))
        last = self.status.last_success if self.status is not None else None
        last = last or counts.last_sync_at
        self.window.sync_label.setToolTip(
            self.tr("Sinkronisasi terakhir: {time}").format(time=_clock(last)) if last
            else self.tr("Belum pernah disinkronkan"))
        if self.dialog is not None:
            self.dialog.update_from(self)

    # actions -------------------------------------------------------------------------
    def sync_now(self) -> None:
        if self.status is not None and self.status.state == State.NEEDS_LOGIN:
            self.show_relogin()
            return
        self.bridge.sync_now()
        self.show_panel()

    def cancel(self) -> None:
        self.bridge.cancel()

    def show_panel(self) -> None:
        if self.dialog is None:
            self.dialog = SyncDialog(self, self.window)
        self.dialog.update_from(self)
        self.dialog.show()
        self.dialog.raise_()

    def show_relogin(self) -> None:
        if self.relogin is None:
            self.relogin = ReloginDialog(self, self.window)
            self.relogin.finished.connect(lambda _r: setattr(self, "relogin", None))
        self.relogin.open()

    def open_conflicts(self) -> None:
        from k3desk.ui.dialogs.conflict_dialog import ConflictDialog

        ConflictDialog.open_for(self.window)

    def open_quarantine(self) -> None:
        from k3desk.ui.dialogs.quarantine_dialog import QuarantineDialog

        QuarantineDialog.open_for(self.window)

    def open_attention(self) -> None:
        if self.counts is not None and self.counts.open_conflicts:
            self.open_conflicts()
        else:
            self.open_quarantine()

    def logged_in(self, actor: Any) -> None:
        """After a re-login: the same user stays on their page; sync at once."""
        if self.session.actor is None or self.session.actor.id != actor.id:
            self.session.set_actor(actor)
        self.bridge.sync_now()


class SyncDialog(QDialog):
    """The sync panel: state, progress, cancel, last sync, what to do about an error."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("sync_dialog")
        self.setWindowTitle(self.tr("Sinkronisasi"))
        self.setMinimumWidth(460)
        self.state = QLabel()
        self.state.setObjectName("sync_dialog_state")
        font = self.state.font()
        font.setBold(True)
        self.state.setFont(font)
        self.progress = QProgressBar()
        self.progress.setObjectName("sync_dialog_progress")
        self.message = QLabel()
        self.message.setObjectName("sync_dialog_message")
        self.message.setWordWrap(True)
        self.last = QLabel()
        self.last.setObjectName("sync_dialog_last")
        self.queue = QLabel()
        self.queue.setObjectName("sync_dialog_queue")
        self.cancel_button = QPushButton(self.tr("Batalkan"))
        self.cancel_button.setObjectName("sync_dialog_cancel")
        self.cancel_button.clicked.connect(controller.cancel)
        self.sync_button = QPushButton(self.tr("Sinkronkan sekarang"))
        self.sync_button.setObjectName("sync_dialog_sync_now")
        self.sync_button.clicked.connect(controller.bridge.sync_now)
        self.relogin_button = QPushButton(self.tr("Login ulang…"))
        self.relogin_button.setObjectName("sync_relogin")
        self.relogin_button.clicked.connect(controller.show_relogin)
        self.conflicts_button = QPushButton()
        self.conflicts_button.setObjectName("sync_open_conflicts")
        self.conflicts_button.clicked.connect(controller.open_conflicts)
        self.quarantine_button = QPushButton()
        self.quarantine_button.setObjectName("sync_open_quarantine")
        self.quarantine_button.clicked.connect(controller.open_quarantine)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        close.setObjectName("sync_dialog_buttons")
        close.rejected.connect(self.reject)
        actions = QHBoxLayout()
        for button in (self.sync_button, self.cancel_button, self.relogin_button):
            actions.addWidget(button)
        actions.addStretch(1)
        attention = QHBoxLayout()
        attention.addWidget(self.conflicts_button)
        attention.addWidget(self.quarantine_button)
        attention.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.state, self.progress, self.message, self.last, self.queue):
            layout.addWidget(widget)
        layout.addLayout(attention)
        layout.addLayout(actions)
        layout.addWidget(close)

    def update_from(self, c: SyncController) -> None:
        status = c.status
        syncing = status is not None and status.state == State.SYNCING
        self.state.setText(c.state_text(status))
        self.progress.setVisible(syncing)
        if syncing and status is not None and status.phase == "push" and status.total:
            self.progress.setRange(0, status.total)
            self.progress.setValue(status.done)
        elif syncing:
            self.progress.setRange(0, 0)
        self.message.setText(c.explanation())
        self.message.setVisible(bool(self.message.text()))
        last = (status.last_success if status is not None else None) or \
            getattr(c.counts, "last_sync_at", None)
        self.last.setText(self.tr("Sinkronisasi terakhir: {time}").format(time=_clock(last))
                          if last else self.tr("Belum pernah disinkronkan"))
        pending = int(getattr(c.counts, "pending", 0) or 0)
        self.queue.setText(self.tr("%n perubahan menunggu dikirim", "", pending))
        conflicts = int(getattr(c.counts, "open_conflicts", 0) or 0)
        quarantined = int(getattr(c.counts, "quarantined", 0) or 0)
        self.conflicts_button.setText(self.tr("%n konflik…", "", conflicts))
        self.conflicts_button.setVisible(conflicts > 0)
        self.quarantine_button.setText(self.tr("%n ditolak server…", "", quarantined))
        self.quarantine_button.setVisible(quarantined > 0)
        self.cancel_button.setVisible(syncing)
        self.sync_button.setEnabled(c.bridge.configured and not syncing)
        self.relogin_button.setVisible(status is not None
                                       and status.state == State.NEEDS_LOGIN)


class ReloginDialog(QDialog):
    """Log in online again (the token expired): ``sync_service.login`` on the net worker."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("relogin_dialog")
        self.setWindowTitle(self.tr("Login ulang ke server"))
        actor = controller.session.actor
        intro = QLabel(self.tr("Login ke server sudah berakhir. Masukkan kata sandi untuk "
                               "melanjutkan sinkronisasi."))
        intro.setWordWrap(True)
        self.username = QLineEdit(actor.username if actor else "")
        self.username.setObjectName("relogin_username")
        self.password = QLineEdit()
        self.password.setObjectName("relogin_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("relogin_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a40000;")
        form = QFormLayout()
        user_label = QLabel(self.tr("Nama pengguna"))
        user_label.setBuddy(self.username)
        self.username.setAccessibleName(user_label.text())
        pass_label = QLabel(self.tr("Kata sandi"))
        pass_label.setBuddy(self.password)
        self.password.setAccessibleName(pass_label.text())
        form.addRow(user_label, self.username)
        form.addRow(pass_label, self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.submit_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.submit_button.setObjectName("relogin_submit")
        self.submit_button.setText(self.tr("Login"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)
        self.submit_button.setShortcut(QKeySequence("Return"))

    def submit(self) -> None:
        from k3desk.services import sync_service

        if not self.password.text():
            self.message.setText(self.tr("Kata sandi belum diisi."))
            return
        self.submit_button.setEnabled(False)
        self.message.setText(self.tr("Menghubungi server…"))
        self.controller.session.ops.run(
            sync_service.login, self.controller.session.db, self.username.text().strip(),
            self.password.text(), pool="net", success=self._done, failure=self._failed)

    def _done(self, result: tuple[Any, bool]) -> None:
        actor, online = result
        self.submit_button.setEnabled(True)
        if not online:
            self.message.setText(self.tr("Server tidak dapat dihubungi; coba lagi saat "
                                         "tersambung."))
            return
        self.password.clear()
        self.controller.logged_in(actor)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.submit_button.setEnabled(True)
        self.message.setText(message_of(exc))
