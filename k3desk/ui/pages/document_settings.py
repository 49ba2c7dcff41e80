"""The Balai's document settings in the settings page (``settings_document_box``).

Supervisors see them (letterhead, logo, number format) and may try a format; an admin
edits them: each field is checked as it is typed with the server's own rules
(``balai_service.check_document_settings``), the logo is read and checked on the
database worker, and "Simpan ke server" sends what changed on the net worker
(``balai_service.send_document_settings``). The Balai's laptops get the new settings
with their next sync and print with them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from k3desk.ui.errors import message_of

if TYPE_CHECKING:
    from k3desk.ui.session import UiSession

OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #a40000;"
#: The fields an admin edits here, in the order shown (number_format has its own row).
EDITED = ("name", "address", "city", "phone", "email", "website", "head_name", "head_nip")


def say(label: QLabel, text: str, ok: bool = True) -> None:
    label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
    label.setText(text)
    label.setVisible(bool(text))


def message_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class DocumentSettingsBox(QGroupBox):
    """``settings_document_box``: shown to supervisors and admins; edits for admins."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Dokumen Balai (kop surat dan nomor sertifikat)"), parent)
        self.session = session
        self.setObjectName("settings_document_box")
        self.doc: Any = None
        self.balai_code = "BALAI"
        self.seq: int | None = None
        self.logo: bytes | None = None  # a new logo chosen, not sent yet
        self.clear_logo = False
        self.file_dialog: QFileDialog | None = None
        form = QFormLayout(self)
        self.form = form
        self.balai_choice = QComboBox()
        self.balai_choice.setObjectName("settings_document_balai")
        self.balai_choice.activated.connect(lambda _i: self._load_chosen())
        form.addRow(self.tr("Balai"), self.balai_choice)
        self.letterhead = QLabel()
        self.letterhead.setObjectName("settings_letterhead")
        self.letterhead.setWordWrap(True)
        form.addRow(self.tr("Kop surat"), self.letterhead)
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        labels = {"name": self.tr("Nama Balai"), "address": self.tr("Alamat"),
                  "city": self.tr("Kota"), "phone": self.tr("Telepon"),
                  "email": self.tr("Email"), "website": self.tr("Situs web"),
                  "head_name": self.tr("Nama Kepala Balai"),
                  "head_nip": self.tr("NIP Kepala Balai")}
        for name in EDITED:
            self._add_input(name, labels[name], QLineEdit())
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("settings_logo_preview")
        self.logo_preview.setFixedSize(72, 72)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid #c8c8c8; background: white;")
        self.logo_info = QLabel()
        self.logo_info.setObjectName("settings_logo_info")
        self.logo_info.setWordWrap(True)
        self.logo_choose = QPushButton(self.tr("Pilih logo…"))
        self.logo_choose.setObjectName("settings_logo_choose")
        self.logo_choose.clicked.connect(self.choose_logo)
        self.logo_clear = QPushButton(self.tr("Pakai lambang bawaan"))
        self.logo_clear.setObjectName("settings_logo_clear")
        self.logo_clear.clicked.connect(self.use_default_logo)
        row = QHBoxLayout()
        row.addWidget(self.logo_preview)
        row.addWidget(self.logo_info, 1)
        row.addWidget(self.logo_choose)
        row.addWidget(self.logo_clear)
        form.addRow(self.tr("Logo"), row)
        self.logo_error = message_label("settings_logo_error")
        form.addRow("", self.logo_error)
        self.number_format = self._add_input("number_format", self.tr("Format nomor"),
                                             QLineEdit(), error_name="settings_doc_error:"
                                             "number_format")
        self.number_format.setObjectName("settings_number_format")
        self.number_example = message_label("settings_number_example")
        form.addRow(self.tr("Contoh"), self.number_example)
        self.save_button = QPushButton(self.tr("Simpan ke server"))
        self.save_button.setObjectName("settings_document_save")
        self.save_button.clicked.connect(self.save)
        form.addRow("", self.save_button)
        self.message = message_label("settings_document_message")
        form.addRow("", self.message)
        self.note = QLabel()
        self.note.setObjectName("settings_document_note")
        self.note.setWordWrap(True)
        form.addRow("", self.note)
        for field in self.inputs.values():
            field.textChanged.connect(self.check)
        self.set_admin(False)

    def _add_input(self, name: str, label_text: str, field: QLineEdit,
                   error_name: str | None = None) -> QLineEdit:
        field.setObjectName(f"settings_doc:{name}")
        label = QLabel(label_text)
        label.setBuddy(field)
        field.setAccessibleName(label_text)
        self.form.addRow(label, field)
        error = message_label(error_name or f"settings_doc_error:{name}")
        self.form.addRow("", error)
        self.inputs[name] = field
        self.errors[name] = error
        return field

    # who may edit ----------------------------------------------------------------------
    def set_admin(self, admin: bool) -> None:
        self.admin = admin
        for name, field in self.inputs.items():
            field.setReadOnly(not admin and name != "number_format")
            row_visible = admin or name == "number_format"
            field.setVisible(row_visible)
            label = self.form.labelForField(field)
            if label is not None:
                label.setVisible(row_visible)
        for widget in (self.logo_choose, self.logo_clear, self.save_button):
            widget.setVisible(admin)
        self.letterhead.setVisible(not admin)
        label = self.form.labelForField(self.letterhead)
        if label is not None:
            label.setVisible(not admin)
        self.note.setText(self.tr(
            "Perubahan dikirim ke server dan tiba di laptop lain Balai ini pada sinkronisasi "
            "berikutnya. Perlu koneksi dan login daring.") if admin else self.tr(
            "Kop surat, logo dan format nomor diubah oleh admin Balai; perubahan tiba di sini "
            "lewat sinkronisasi. Di sini format nomor dapat dicoba."))

    # loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        from k3desk.services import balai_service

        actor = self.session.actor
        self.set_admin(actor is not None and actor.role == "admin")
        self.session.run(balai_service.balai_choices, self.session.db,
                         success=self._choices_loaded)

    def _choices_loaded(self, choices: list[tuple[str, str]]) -> None:
        actor = self.session.actor
        current = self.balai_choice.currentData() or (actor.balai_id if actor else None)
        self.balai_choice.clear()
        for balai_id, text in choices:
            self.balai_choice.addItem(text, balai_id)
        index = self.balai_choice.findData(current)
        self.balai_choice.setCurrentIndex(max(0, index))
        visible = self.admin and len(choices) > 1
        self.balai_choice.setVisible(visible)
        label = self.form.labelForField(self.balai_choice)
        if label is not None:
            label.setVisible(visible)
        self._load_chosen()

    def _load_chosen(self) -> None:
        from k3desk.services import balai_service

        balai_id = self.balai_choice.currentData()
        self.session.run(balai_service.document_settings, self.session.db, balai_id,
                         success=self._loaded)
        if balai_id:
            self.session.run(balai_service.next_seq, self.session.db, balai_id,
                             success=self._seq_loaded)

    def _seq_loaded(self, seq: int | None) -> None:
        self.seq = seq
        self.update_number_example(self.number_format.text())

    def _loaded(self, doc: Any) -> None:
        self.doc = doc
        self.logo, self.clear_logo = None, False
        if doc is None:
            self.letterhead.setText(self.tr("Data Balai belum ada di laptop ini; jalankan "
                                            "sinkronisasi."))
            self.save_button.setEnabled(False)
            return
        self.balai_code = doc.code
        self.letterhead.setText(doc.letterhead)
        for name, field in self.inputs.items():
            field.setText(str(getattr(doc, name)))
        self._show_logo(doc.logo_png)
        self.check()

    def _show_logo(self, content: bytes | None) -> None:
        pixmap = QPixmap()
        if content:
            pixmap.loadFromData(content)
        if pixmap.isNull():
            from k3desk.paths import resources_dir

            pixmap = QPixmap(str(resources_dir() / "logos" / "k3-emblem.png"))
            self.logo_info.setText(self.tr("Lambang bawaan (Balai belum punya logo sendiri)"))
        else:
            self.logo_info.setText(self.tr("Logo Balai, {w}x{h} piksel, {kb} KB").format(
                w=pixmap.width(), h=pixmap.height(), kb=max(1, len(content or b"") // 1024)))
        self.logo_preview.setPixmap(pixmap.scaled(
            64, 64, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    # checking --------------------------------------------------------------------------
    def changed_fields(self) -> dict[str, str]:
        doc = self.doc
        return {name: field.text() for name, field in self.inputs.items()
                if doc is None or field.text().strip() != str(getattr(doc, name))}

    def check(self) -> bool:
        """Check every field as typed; True when all may be sent."""
        from k3desk.domain.balai_documents import clean_field
        from k3desk.domain.errors import K3Error

        good = True
        for name, field in self.inputs.items():
            try:
                clean_field(name, field.text())
                say(self.errors[name], "")
            except K3Error as exc:
                good = False
                say(self.errors[name], message_of(exc), ok=False)
        self.update_number_example(self.number_format.text())
        dirty = bool(self.changed_fields()) or self.logo is not None or self.clear_logo
        self.save_button.setEnabled(self.admin and good and dirty and self.doc is not None)
        return good

    def update_number_example(self, text: str) -> None:
        from k3desk.domain.errors import K3Error
        from k3desk.services import balai_service

        try:
            example = balai_service.number_example(text, self.balai_code, seq=self.seq)
        except K3Error as exc:
            say(self.number_example, message_of(exc), ok=False)
            return
        say(self.number_example, self.tr("Nomor berikutnya: {number}").format(number=example)
            if self.seq else self.tr("Misalnya: {number}").format(number=example))

    # the logo --------------------------------------------------------------------------
    def choose_logo(self) -> None:
        dialog = QFileDialog(self, self.tr("Pilih logo Balai"))
        dialog.setObjectName("settings_logo_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Gambar PNG atau JPEG (*.png *.jpg *.jpeg)"))
        dialog.fileSelected.connect(lambda name: self.read_logo(Path(name)))
        self.file_dialog = dialog
        dialog.open()

    def read_logo(self, path: Path) -> None:
        from k3desk.services import balai_service

        say(self.logo_error, "")
        self.session.run(balai_service.read_logo, path, success=self._logo_read,
                         failure=lambda exc: say(self.logo_error, message_of(exc), ok=False))

    def _logo_read(self, content: bytes) -> None:
        self.logo, self.clear_logo = content, False
        self._show_logo(content)
        self.check()

    def use_default_logo(self) -> None:
        say(self.logo_error, "")
        self.logo, self.clear_logo = None, True
        self._show_logo(None)
        self.check()

    # sending ---------------------------------------------------------------------------
    def save(self) -> None:
        from k3desk.services import balai_service

        if not self.admin or self.doc is None or not self.check():
            return
        self.save_button.setEnabled(False)
        say(self.message, self.tr("Mengirim ke server…"))
        self.session.ops.run(balai_service.send_document_settings, self.session.db,
                             self.doc.balai_id, self.changed_fields(), logo=self.logo,
                             clear_logo=self.clear_logo, base_version=self.doc.version or None,
                             pool="net", success=self._saved, failure=self._failed)

    def _saved(self, doc: Any) -> None:
        self._loaded(doc)
        say(self.message, self.tr("Disimpan di server (versi {version}). Laptop lain Balai "
                                  "ini menerimanya pada sinkronisasi berikutnya.")
            .format(version=doc.version))
        self.session.notify(None, initiator=self)

    def _failed(self, exc: BaseException) -> None:
        from k3desk.domain.errors import ValidationError

        field = getattr(exc, "field", None)
        if isinstance(exc, ValidationError) and field in self.errors:
            say(self.errors[field], message_of(exc), ok=False)
        elif isinstance(exc, ValidationError) and field == "logo":
            say(self.logo_error, message_of(exc), ok=False)
        say(self.message, message_of(exc), ok=False)
        self.check()
