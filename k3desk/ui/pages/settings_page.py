"""Settings (key ``settings``): server address (checked, "Uji koneksi"), language,
the data folder, backup and restore, diagnostics, and the Balai's document settings.

Everything runs through services on the workers: the connection test on the net
worker, the rest on the database worker. Restoring replaces the data folder under the
running window, so the window closes afterwards and says so (open k3desk again).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from k3desk.ui.errors import message_of
from k3desk.ui.pages.base import Page

if TYPE_CHECKING:
    from k3desk.ui.main_window import MainWindow
    from k3desk.ui.session import UiSession

OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #a40000;"


def _restore_job(session: Any, path: Path) -> Any:
    """On the database worker: let go of the database, then restore the backup."""
    from k3desk.services import backup_service

    watcher = getattr(session, "_watcher", None)
    if watcher is not None:
        watcher.close()
    session.db.dispose()
    return backup_service.restore_backup(session.data_dir, path)


class SettingsPage(Page):
    """``settings``."""

    def __init__(self, session: UiSession, window: MainWindow) -> None:
        super().__init__(session)
        self.window_ = window
        self.setObjectName("page_settings")
        self.title = self.tr("Pengaturan")
        self.file_dialog: QFileDialog | None = None
        self.confirm: QMessageBox | None = None
        self.done_box: QMessageBox | None = None

        inner = QWidget()
        column = QVBoxLayout(inner)
        heading = QLabel(self.tr("Pengaturan"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        column.addWidget(heading)
        column.addWidget(self._server_box())
        column.addWidget(self._language_box())
        column.addWidget(self._data_box())
        column.addWidget(self._document_box())
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # building ------------------------------------------------------------------------
    def _message(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setVisible(False)
        return label

    def _say(self, label: QLabel, text: str, ok: bool = True) -> None:
        label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        label.setText(text)
        label.setVisible(bool(text))

    def _server_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Server"))
        box.setObjectName("settings_server_box")
        form = QFormLayout(box)
        self.server_url = QLineEdit()
        self.server_url.setObjectName("settings_server_url")
        self.server_url.setPlaceholderText("https://k3.example.go.id")
        label = QLabel(self.tr("Alamat server"))
        label.setBuddy(self.server_url)
        self.server_url.setAccessibleName(label.text())
        self.test_button = QPushButton(self.tr("Uji koneksi"))
        self.test_button.setObjectName("settings_test_connection")
        self.test_button.clicked.connect(self.test_connection)
        self.save_server_button = QPushButton(self.tr("Simpan alamat"))
        self.save_server_button.setObjectName("settings_save_server")
        self.save_server_button.clicked.connect(self.save_server)
        self.server_url.returnPressed.connect(self.save_server)
        row = QHBoxLayout()
        row.addWidget(self.server_url, 1)
        row.addWidget(self.test_button)
        row.addWidget(self.save_server_button)
        form.addRow(label, row)
        self.server_message = self._message("settings_server_message")
        form.addRow("", self.server_message)
        return box

    def _language_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Bahasa"))
        box.setObjectName("settings_language_box")
        form = QFormLayout(box)
        self.language = QComboBox()
        self.language.setObjectName("settings_language")
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        label = QLabel(self.tr("Bahasa tampilan"))
        label.setBuddy(self.language)
        self.language.setAccessibleName(label.text())
        self.language.activated.connect(lambda _i: self.save_language())
        form.addRow(label, self.language)
        note = QLabel(self.tr("Berlaku saat k3desk dibuka lagi, juga untuk pesan perintah "
                              "k3desk di folder data ini."))
        note.setWordWrap(True)
        form.addRow("", note)
        self.language_message = self._message("settings_language_message")
        form.addRow("", self.language_message)
        return box

    def _data_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Data di laptop ini"))
        box.setObjectName("settings_data_box")
        form = QFormLayout(box)
        self.data_dir = QLabel(str(self.session.data_dir))
        self.data_dir.setObjectName("settings_data_dir")
        self.data_dir.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(self.tr("Buka folder"))
        self.open_folder_button.setObjectName("settings_open_folder")
        self.open_folder_button.clicked.connect(self.open_folder)
        row = QHBoxLayout()
        row.addWidget(self.data_dir, 1)
        row.addWidget(self.open_folder_button)
        form.addRow(self.tr("Folder data"), row)
        self.backup_button = QPushButton(self.tr("Cadangkan sekarang"))
        self.backup_button.setObjectName("settings_backup_now")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("Pulihkan dari cadangan…"))
        self.restore_button.setObjectName("settings_restore")
        self.restore_button.clicked.connect(self.choose_restore_file)
        self.diagnostics_button = QPushButton(self.tr("Ekspor berkas diagnostik…"))
        self.diagnostics_button.setObjectName("settings_diagnostics")
        self.diagnostics_button.clicked.connect(self.choose_diagnostics_file)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.diagnostics_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow(self.tr("Cadangan"), buttons)
        self.progress = QProgressBar()
        self.progress.setObjectName("settings_backup_progress")
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        form.addRow("", self.progress)
        self.data_message = self._message("settings_data_message")
        form.addRow("", self.data_message)
        return box

    def _document_box(self) -> QGroupBox:
        from k3desk.ui.pages.document_settings import DocumentSettingsBox

        self.document_box = DocumentSettingsBox(self.session)
        return self.document_box

    # loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        from k3desk.services import settings_service, sync_service

        db = self.session.db
        self.session.run(sync_service.server_url, db, success=self._server_loaded)
        self.session.run(settings_service.language, db, success=self._language_loaded)
        actor = self.session.actor
        self.document_box.setVisible(actor is not None
                                     and actor.role in ("admin", "supervisor"))
        if actor is not None:
            self.document_box.refresh()

    def _server_loaded(self, url: str | None) -> None:
        if not self.server_url.hasFocus():
            self.server_url.setText(url or "")

    def _language_loaded(self, lang: str) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))

    # server --------------------------------------------------------------------------
    def _checked_url(self) -> str | None:
        from k3desk.domain.errors import K3Error
        from k3desk.services import sync_service

        try:
            return sync_service.normalize_server_url(self.server_url.text())
        except K3Error as exc:
            self._say(self.server_message, message_of(exc), ok=False)
            return None

    def test_connection(self) -> None:
        from k3desk.services import sync_service

        url = self._checked_url()
        if url is None:
            return
        self.test_button.setEnabled(False)
        self._say(self.server_message, self.tr("Menghubungi {url}…").format(url=url))
        self.session.ops.run(sync_service.check_server, url, pool="net",
                             success=self._tested, failure=self._server_failed)

    def _tested(self, check: Any) -> None:
        self.test_button.setEnabled(True)
        self._say(self.server_message, self.tr("Server {url} menjawab (protokol {protocol}).")
                  .format(url=check.url, protocol=check.protocol))

    def _server_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.save_server_button.setEnabled(True)
        self._say(self.server_message, message_of(exc), ok=False)

    def save_server(self) -> None:
        from k3desk.services import sync_service

        if self._checked_url() is None:
            return
        self.save_server_button.setEnabled(False)
        self.session.run(sync_service.set_server_url, self.session.db,
                         self.server_url.text(), success=self._server_saved,
                         failure=self._server_failed)

    def _server_saved(self, url: str) -> None:
        self.save_server_button.setEnabled(True)
        self.server_url.setText(url)
        running = self.window_.sync.configure()
        self.window_.update_actions()
        self._say(self.server_message, self.tr(
            "Alamat server disimpan. Login daring ke server ini diperlukan sekali sebelum "
            "sinkronisasi (Sinkronkan sekarang, F5).") if running else
            self.tr("Alamat server disimpan."))

    # language ------------------------------------------------------------------------
    def save_language(self) -> None:
        from k3desk.services import settings_service

        lang = str(self.language.currentData())
        self.session.run(settings_service.set_language, self.session.db, lang,
                         success=self._language_saved,
                         failure=lambda exc: self._say(self.language_message,
                                                       message_of(exc), ok=False))

    def _language_saved(self, lang: str) -> None:
        self._say(self.language_message, self.tr(
            "Bahasa disimpan. Tutup lalu buka lagi k3desk untuk memakainya.") if lang == "id"
            else self.tr("Bahasa Inggris disimpan. Tutup lalu buka lagi k3desk untuk "
                         "memakainya."))

    # data folder, backup, restore, diagnostics -----------------------------------------
    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.session.data_dir)))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for button in (self.backup_button, self.restore_button, self.diagnostics_button):
            button.setEnabled(not busy)

    def backup_now(self) -> None:
        from k3desk.services import backup_service

        self._busy(True)
        self._say(self.data_message, self.tr("Mencadangkan…"))
        self.session.run(backup_service.create_backup, self.session.data_dir,
                         success=self._backed_up, failure=self._data_failed)

    def _backed_up(self, info: Any) -> None:
        self._busy(False)
        self.last_backup = Path(info.path)
        self._say(self.data_message, self.tr("Cadangan ditulis: {path}").format(
            path=str(info.path)))

    def _data_failed(self, exc: BaseException) -> None:
        self._busy(False)
        self._say(self.data_message, message_of(exc), ok=False)

    def _file_dialog(self, title: str, save: bool, name_filter: str, suggested: str,
                     then: Any) -> None:
        dialog = QFileDialog(self, title)
        dialog.setObjectName("settings_file_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save
                             else QFileDialog.AcceptMode.AcceptOpen)
        if not save:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(name_filter)
        dialog.setDirectory(str(self.session.data_dir / "backups"))
        if suggested:
            dialog.selectFile(suggested)
        dialog.fileSelected.connect(lambda name: then(Path(name)))
        self.file_dialog = dialog
        dialog.open()

    def choose_restore_file(self) -> None:
        self._file_dialog(self.tr("Pilih berkas cadangan"), False,
                          self.tr("Cadangan k3desk (*.zip)"), "", self.ask_restore)

    def ask_restore(self, path: Path) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Pulihkan data?"),
                          self.tr("Semua data di laptop ini diganti dengan isi {name}. Data "
                                  "saat ini disimpan dulu sebagai cadangan pre-restore. Setelah "
                                  "pemulihan k3desk ditutup dan perlu dibuka lagi.").format(
                              name=path.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("confirm_restore")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Pulihkan"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Batal"))
        box.finished.connect(lambda result: self._restore_answer(result, path))
        self.confirm = box
        box.open()

    def _restore_answer(self, result: int, path: Path) -> None:
        self.confirm = None
        if result != QMessageBox.StandardButton.Yes:
            return
        self._busy(True)
        self._say(self.data_message, self.tr("Memulihkan dari {name}…").format(name=path.name))
        self.window_.sync.stop()  # nothing may write while the folder is swapped
        poll = getattr(self.session, "_poll", None)
        if poll is not None:
            poll.stop()
        self._after_db_job = self.session.ops.after_db_job
        self.session.ops.after_db_job = None
        self.session.run(_restore_job, self.session, path, success=self._restored,
                         failure=self._restore_failed)

    def _restored(self, info: Any) -> None:
        self._busy(False)
        self.restore_button.setEnabled(False)
        self.backup_button.setEnabled(False)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Data dipulihkan"),
                          self.tr("Data dipulihkan dari {name}. k3desk ditutup sekarang; buka "
                                  "lagi untuk memakai data yang dipulihkan.").format(
                              name=Path(info.path).name), QMessageBox.StandardButton.Ok, self)
        box.setObjectName("restore_done")
        box.finished.connect(lambda _r: self.window_.close())
        self.done_box = box
        box.open()

    def _restore_failed(self, exc: BaseException) -> None:
        self._data_failed(exc)
        self.session.ops.after_db_job = self._after_db_job
        self.window_.sync.configure()  # nothing changed: carry on
        poll = getattr(self.session, "_poll", None)
        if poll is not None:
            poll.start()

    def choose_diagnostics_file(self) -> None:
        self._file_dialog(self.tr("Simpan berkas diagnostik"), True,
                          self.tr("Arsip zip (*.zip)"), "k3desk-diagnostik.zip",
                          self.export_diagnostics_to)

    def export_diagnostics_to(self, path: Path) -> None:
        from k3desk.services import diagnostics_service

        self._busy(True)
        self.session.run(diagnostics_service.collect, self.session.data_dir, path,
                         success=self._diagnostics_written, failure=self._data_failed)

    def _diagnostics_written(self, path: Path) -> None:
        self._busy(False)
        self._say(self.data_message, self.tr("Berkas diagnostik ditulis: {path}").format(
            path=str(path)))
