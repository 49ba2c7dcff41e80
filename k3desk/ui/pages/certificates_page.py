"""Sertifikat: the issued certificates with search; one opened shows its PDF inside the
window (rendered on the render worker), its QR code and verification link, and offers
print (Ctrl+P, through QPrintDialog at the printer's resolution), save as, revoke
(supervisors, with a reason) and correct (a replacement draft naming the certificate)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QImage, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from k3desk.domain.errors import K3Error
from k3desk.domain.reasons import os_reason
from k3desk.services import certificate_list_service as certs
from k3desk.services import document_service, review_service
from k3desk.services.certificate_list_service import CertificateInfo
from k3desk.ui.dialogs.confirm import confirm, inform
from k3desk.ui.dialogs.reason_dialog import ReasonDialog
from k3desk.ui.errors import show_error
from k3desk.ui.models.review_table_model import (
    ROW_ROLE,
    STATUS_COLORS,
    CertificateTableModel,
    certificate_status_label,
)
from k3desk.ui.pages.base import Page
from k3desk.ui.printing import prepare_printer, print_pdf
from k3desk.ui.session import UiSession
from k3desk.ui.widgets.desk_parts import action_buttons, heading, page_action, row_table
from k3desk.ui.widgets.pdf_preview import PdfPreview

QR_PIXELS = 132


def qr_image(modules: list[list[bool]], scale: int = 0, border: int = 2,
             fit: int = QR_PIXELS) -> QImage:
    """The QR code's modules black on white, each module ``scale`` pixels (the largest
    whole number that fits ``fit`` when 0), so the code stays sharp (any thread).

    The pixels are built as bytes and handed to Qt once: one call instead of one
    ``drawRect`` per module (PySide6 6.12.0 on Python 3.11 drops a reference to None on
    every call of a void method, so thousands of calls per code add up to a crash)."""
    cells = len(modules) + 2 * border
    scale = scale or max(1, fit // max(1, cells))
    blank = b"\xff" * (cells * scale)
    lines = [blank] * (border * scale)
    for row in modules:
        pixels = b"\xff" * (border * scale) + b"".join(
            (b"\x00" if dark else b"\xff") * scale for dark in row) + b"\xff" * (border * scale)
        lines += [pixels] * scale
    lines += [blank] * (border * scale)
    size = cells * scale
    return QImage(b"".join(lines), size, size, size, QImage.Format.Format_Grayscale8).copy()


def _qr_for(url: str) -> tuple[QImage, QImage]:
    """The QR code small (beside the link) and large (to scan from the screen)."""
    modules = certs.qr_modules(url)
    return qr_image(modules), qr_image(modules, scale=4)


class QrDialog(QDialog):
    """The QR code large enough to scan from the screen; Esc closes."""

    def __init__(self, image: QImage, number: str, url: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("qr_viewer")
        self.setWindowTitle(self.tr("Kode QR {number}").format(number=number))
        picture = QLabel(self)
        picture.setObjectName("qr_viewer_image")
        picture.setPixmap(QPixmap.fromImage(image))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        link = QLineEdit(url, self)
        link.setObjectName("qr_viewer_link")
        link.setReadOnly(True)
        link.setCursorPosition(0)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(picture, 1)
        layout.addWidget(link)
        layout.addWidget(buttons)


def write_file(path: str, data: bytes) -> str:
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise K3Error(QCoreApplication.translate(
            "CertificatesPage", "tidak dapat menyimpan {path}: {reason}").format(
                path=path, reason=os_reason(exc))) from exc
    return path


class CertificatesPage(Page):
    """Key "certificates"."""

    printed = Signal(int)  # pages sent to the printer
    saved = Signal(str)  # the file written by "save as"
    open_inspection_requested = Signal(str)  # a correction draft to open in the editor

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("certificates_page")
        self.title = self.tr("Sertifikat")
        self.info: CertificateInfo | None = None
        self.current_id: str | None = None
        self.dialog: QWidget | None = None  # the last dialog opened (tests reach it)
        self.printer: QPrinter | None = None
        self._pdf_for: str | None = None
        self._pdfs: dict[str, bytes] = {}
        self._generation = 0
        self._build_actions()
        self._build()
        session.actor_changed.connect(lambda _actor: self._update_actions())

    def _build_actions(self) -> None:
        def action(name: str, text: str, slot: Callable[[], object]) -> QAction:
            return page_action(self, name, text, slot)

        self.action_print_certificate = action("action_print_certificate",
                                               self.tr("Cetak…"), self.print_document)
        self.action_save_certificate_as = action("action_save_certificate_as",
                                                 self.tr("Simpan sebagai…"), self.save_as)
        self.action_revoke_certificate = action("action_revoke_certificate",
                                                self.tr("Cabut…"), self.revoke)
        self.action_correct_certificate = action("action_correct_certificate",
                                                 self.tr("Koreksi…"), self.correct)

    def _build(self) -> None:
        self.search = QLineEdit(placeholderText=self.tr("Cari nomor, perusahaan, nomor seri…"))
        self.search.setObjectName("certificates_search")
        self.search.setAccessibleName(self.tr("Cari sertifikat"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setObjectName("certificates_filter_status")
        self.status.setAccessibleName(self.tr("Status sertifikat"))
        self.status.addItem(self.tr("Semua status"), None)
        for status in certs.STATUSES:
            self.status.addItem(certificate_status_label(status), status)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh_list)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.status.currentIndexChanged.connect(lambda _i: self.refresh_list())
        self.model = CertificateTableModel()
        self.table = row_table("certificates_table", self.tr("Daftar sertifikat"), self.model)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.count = QLabel()
        self.count.setObjectName("certificates_count")
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.status, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)

        self.heading = heading("certificate_title", self.tr("Pilih sertifikat dari daftar."))
        self.state = QLabel()
        self.state.setObjectName("certificate_status")
        self.state.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("certificate_message")
        self.message.setWordWrap(True)
        self.pdf_signature = QLabel()  # whether the previewed PDF carries a PAdES signature
        self.pdf_signature.setObjectName("certificate_pdf_signature")
        self.pdf_signature.setWordWrap(True)
        buttons = action_buttons(((self.action_print_certificate, "certificate_print"),
                                  (self.action_save_certificate_as, "certificate_save_as"),
                                  (self.action_revoke_certificate, "certificate_revoke"),
                                  (self.action_correct_certificate, "certificate_correct")))
        self.qr = QToolButton()
        self.qr.setObjectName("certificate_qr")
        self.qr.setIconSize(QSize(QR_PIXELS, QR_PIXELS))
        self.qr.setAutoRaise(True)
        self.qr.setToolTip(self.tr("Perbesar kode QR"))
        self.qr.setAccessibleName(self.tr("Kode QR verifikasi"))
        self.qr.clicked.connect(self.show_qr)
        self._qr_large: QImage | None = None
        self.link = QLineEdit()
        self.link.setObjectName("certificate_verify_link")
        self.link.setReadOnly(True)
        self.link.setAccessibleName(self.tr("Tautan verifikasi"))
        link_label = QLabel(self.tr("Tautan &verifikasi (isi kode QR):"))
        link_label.setBuddy(self.link)
        self.copy_link = QToolButton()
        self.copy_link.setObjectName("certificate_copy_link")
        self.copy_link.setText(self.tr("Salin tautan"))
        self.copy_link.clicked.connect(self.copy_verify_link)
        hint = QLabel(self.tr("Siapa pun dapat memindai kode ini untuk memeriksa keaslian "
                              "sertifikat; tanda tangan diperiksa tanpa jaringan dengan "
                              "`k3desk verify BERKAS.pdf`."))
        hint.setWordWrap(True)
        qr_box = QGridLayout()
        qr_box.addWidget(self.qr, 0, 0, 4, 1)
        qr_box.addWidget(link_label, 0, 1, 1, 2)
        qr_box.addWidget(self.link, 1, 1)
        qr_box.addWidget(self.copy_link, 1, 2)
        qr_box.addWidget(hint, 2, 1, 1, 2)
        qr_box.setColumnStretch(1, 1)
        self.preview = PdfPreview()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.state)
        right_layout.addLayout(buttons)
        right_layout.addLayout(qr_box)
        right_layout.addWidget(self.message)
        right_layout.addWidget(self.pdf_signature)
        right_layout.addWidget(self.preview, 1)
        split = QSplitter()
        split.setObjectName("certificates_splitter")
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([470, 760])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    # the list -------------------------------------------------------------------------
    def on_shown(self) -> None:
        self._stale = False
        self.refresh()

    def refresh(self) -> None:
        self.refresh_list()
        if self.current_id:
            self._load_info(self.current_id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh_list(self) -> None:
        if self.session.actor is None:
            return
        self._generation += 1
        generation = self._generation
        self.session.run(certs.certificate_rows, self.session.context(),
                         self.search.text().strip() or None, self.status.currentData(),
                         success=lambda rows: self._rows_loaded(generation, rows))

    def _rows_loaded(self, generation: int, rows: list[Any]) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(rows)
        self.count.setText(self.tr("%n sertifikat", "", len(rows)))
        row = self.model.row_of(self.current_id) if self.current_id else -1
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.data(current, ROW_ROLE) if current.isValid() else None
        if item is not None and item.id != self.current_id:
            self.show_certificate(item.id)

    def show_certificate(self, certificate_id: str, pdf: bytes | None = None) -> None:
        """Open one certificate (its PDF given when it was just rendered)."""
        self.current_id = certificate_id
        if pdf is not None:
            self._pdfs[certificate_id] = pdf
        self.preview.clear()
        self.pdf_signature.clear()
        self._pdf_for = None
        self.message.clear()
        self._update_actions()
        self._load_info(certificate_id)
        row = self.model.row_of(certificate_id)
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)

    def _load_info(self, certificate_id: str) -> None:
        self.session.run(certs.certificate_info, self.session.context(), certificate_id,
                         success=self._info_loaded)

    def _info_loaded(self, info: CertificateInfo) -> None:
        if info.row.id != self.current_id:
            return
        self.info = info
        row = info.row
        self.heading.setText(row.number)
        color = STATUS_COLORS.get(row.status, "#000")
        words = [f"<b style='color:{color}'>{certificate_status_label(row.status)}</b>",
                 f"{row.company_name}"]
        if info.revoked_reason:
            words.append(self.tr("alasan pencabutan: {reason}").format(
                reason=info.revoked_reason))
        if info.replaces_number:
            words.append(self.tr("menggantikan {number}").format(number=info.replaces_number))
        if info.replaced_by_number:
            words.append(self.tr("diganti oleh {number}").format(
                number=info.replaced_by_number))
        if info.correction_id:
            words.append(self.tr("draf koreksi sedang dikerjakan"))
        self.state.setText(" · ".join(words))
        self.link.setText(info.verify_url)
        self.link.setCursorPosition(0)
        self.session.ops.run(_qr_for, info.verify_url, pool="render",
                             success=lambda image: self._qr_ready(info.row.id, image))
        if row.id in self._pdfs:
            self._show_pdf(row.id, self._pdfs[row.id])
        elif self._pdf_for != row.id:
            self.message.setText(self.tr("Menyiapkan pratinjau…"))
            self.session.ops.run(document_service.render, self.session.db, row.inspection_id,
                                 "certificate", sign=True, pool="render",
                                 success=lambda result: self._show_pdf(row.id, result[0]),
                                 failure=self._render_failed)
        self._update_actions()

    def _qr_ready(self, certificate_id: str, images: tuple[QImage, QImage]) -> None:
        if certificate_id == self.current_id:
            small, self._qr_large = images
            self.qr.setIcon(QIcon(QPixmap.fromImage(small)))
            self.qr.setIconSize(small.size())

    def show_qr(self) -> None:
        if self._qr_large is None or self.info is None:
            return
        dialog = QrDialog(self._qr_large, self.info.row.number, self.info.verify_url, self)
        self.dialog = dialog
        dialog.open()

    def _show_pdf(self, certificate_id: str, pdf: bytes) -> None:
        self._pdfs[certificate_id] = pdf
        if len(self._pdfs) > 8:
            self._pdfs.pop(next(iter(self._pdfs)))
        if certificate_id != self.current_id:
            return
        if self._pdf_for != certificate_id:
            self.preview.load_bytes(pdf)
            self._pdf_for = certificate_id
        self.message.clear()
        self.pdf_signature.setText(
            self.tr("PDF ini bertanda tangan digital (PAdES) dengan sertifikat Balai.")
            if b"/ByteRange" in pdf else self.tr(
                "PDF ini hanya bertanda tangan pada kode QR: tanda tangan digital PDF dibuat "
                "di laptop penyelia yang menyetujuinya, setelah laptop itu menerima "
                "sertifikatnya dari server (sinkronkan sekali)."))
        self._update_actions()

    def _render_failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc) if isinstance(exc, K3Error) else self.tr(
            "Pratinjau tidak dapat dibuat; rincian ada di log."))
        if not isinstance(exc, K3Error):
            show_error(self, exc)

    def has_document(self) -> bool:
        return self._pdf_for is not None and self._pdf_for == self.current_id

    def can(self, action: str) -> bool:
        if action == "print_document":
            return self.has_document()
        return super().can(action)

    def _update_actions(self) -> None:
        info = self.info if self.info and self.info.row.id == self.current_id else None
        doc = self.has_document()
        self.action_print_certificate.setEnabled(doc)
        self.action_save_certificate_as.setEnabled(doc)
        self.action_revoke_certificate.setEnabled(
            info is not None and self.session.is_supervisor
            and info.row.status in (certs.VALID, certs.EXPIRED))
        inspector = self.session.actor is not None and self.session.actor.role == "inspector"
        self.action_correct_certificate.setEnabled(
            info is not None and info.row.status == certs.REVOKED
            and (bool(info.correction_id) or inspector))
        self.action_correct_certificate.setToolTip(
            self.tr("Buat pemeriksaan pengganti yang menyebut sertifikat ini (dikerjakan oleh "
                    "pemeriksa setelah sertifikat dicabut)"))
        window = self.window()
        update = getattr(window, "update_actions", None)
        if callable(update):
            update()

    # print, save, link ------------------------------------------------------------------
    def print_document(self) -> None:
        """Ctrl+P: the print dialog (opened with ``open()``); its accept prints."""
        if not self.has_document():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self.preview.pdf_bytes())
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("print_dialog")
        dialog.accepted.connect(lambda: self.print_to(printer))
        self.dialog = dialog
        QDialog.open(dialog)  # QPrintDialog.open() in PySide wants a receiver

    def print_to(self, printer: QPrinter) -> None:
        """Print what the preview shows on ``printer`` (on the render worker)."""
        pdf = self.preview.pdf_bytes()
        if not pdf:
            return
        self.printer = printer  # kept alive while the worker paints on it
        self.message.setText(self.tr("Mencetak…"))
        self.session.ops.run(print_pdf, pdf, printer, pool="render", success=self._printed,
                             failure=self._print_failed)

    def _printed(self, pages: int) -> None:
        self.printer = None
        self.message.setText(self.tr("Dikirim ke printer: %n halaman", "", pages))
        self.printed.emit(pages)

    def _print_failed(self, exc: BaseException) -> None:
        self.printer = None
        self.message.clear()
        show_error(self, exc)

    def save_as(self) -> None:
        if not self.has_document() or self.info is None:
            return
        name = f"sertifikat-{self.info.row.number}".replace("/", "-") + ".pdf"
        dialog = QFileDialog(self, self.tr("Simpan sertifikat sebagai"),
                             str(Path.home() / name), self.tr("Dokumen PDF (*.pdf)"))
        dialog.setObjectName("save_as_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(self.save_to)
        self.dialog = dialog
        dialog.open()

    def save_to(self, path: str) -> None:
        pdf = self.preview.pdf_bytes()
        if not path or not pdf:
            return
        self.session.ops.run(write_file, path, pdf, pool="render", success=self._saved)

    def _saved(self, path: str) -> None:
        self.message.setText(self.tr("Disimpan: {path}").format(path=path))
        self.saved.emit(path)

    def copy_verify_link(self) -> None:
        QGuiApplication.clipboard().setText(self.link.text())
        self.message.setText(self.tr("Tautan verifikasi disalin."))

    # revoke and correct -----------------------------------------------------------------
    def revoke(self) -> None:
        info = self.info
        if info is None or not self.action_revoke_certificate.isEnabled():
            return
        number = info.row.number

        def confirm_revoke(reason: str) -> None:
            self.dialog = confirm(self, "confirm_revoke", self.tr("Cabut sertifikat"), self.tr(
                "Cabut sertifikat {number}? Sertifikat yang dicabut tidak berlaku lagi dan "
                "verifikasinya menyatakan DICABUT.\n\nAlasan: {reason}").format(
                    number=number, reason=reason), yes_text=self.tr("Cabut sertifikat"),
                on_yes=lambda: self._do_revoke(number, reason))

        dialog = ReasonDialog(self, "revoke_dialog", self.tr("Cabut sertifikat"), self.tr(
            "Mengapa sertifikat {number} dicabut?").format(number=number), self.tr("Lanjut…"),
            confirm_revoke)
        self.dialog = dialog
        dialog.open()

    def _do_revoke(self, number: str, reason: str) -> None:
        self.action_revoke_certificate.setEnabled(False)

        def done(changes: Any) -> None:
            self.session.notify(changes, initiator=self)
            self.message.setText(self.tr("Sertifikat {number} dicabut.").format(number=number))
            self.refresh()

        self.session.run(review_service.revoke, self.session.context(), number, reason=reason,
                         success=done, failure=self._failed)

    def correct(self) -> None:
        info = self.info
        if info is None or not self.action_correct_certificate.isEnabled():
            return
        if info.correction_id:
            self.open_inspection_requested.emit(info.correction_id)
            return
        number = info.row.number
        self.dialog = confirm(self, "confirm_correct", self.tr("Koreksi sertifikat"), self.tr(
            "Buat pemeriksaan pengganti untuk sertifikat {number}? Isinya disalin dari "
            "pemeriksaan asal; setelah disetujui, sertifikat barunya menyebut bahwa ia "
            "menggantikan {number}.").format(number=number), yes_text=self.tr("Buat koreksi"),
            on_yes=lambda: self._do_correct(number))

    def _do_correct(self, number: str) -> None:
        def done(changes: Any) -> None:
            self.session.notify(changes, initiator=self)
            self.refresh()
            self.open_inspection_requested.emit(changes.ids[0])

        self.session.run(review_service.start_correction, self.session.context(), number,
                         success=done, failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._update_actions()
        if isinstance(exc, K3Error):
            self.dialog = inform(self, "certificate_refused", self.tr("Sertifikat"), str(exc))
        else:
            show_error(self, exc)
