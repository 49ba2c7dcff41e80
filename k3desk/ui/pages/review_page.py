"""Tinjauan: the supervisor's queue of submitted inspections (oldest first), one opened
read-only with everything a decision needs, and the three decisions.

Approve re-checks the guards (licence, calibration, verdict, a number left) on the
database worker and says in plain words why it refuses; otherwise it confirms, approves
(number from the leased block, signature) on the database worker, renders the
certificate on the render worker and emits ``certificate_ready`` with the PDF (the
window opens the preview). Revision and rejection need a text and a confirmation.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from k3desk.domain.errors import K3Error
from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.services import document_service, keys_service, review_desk_service, review_service
from k3desk.services.review_desk_service import QueueQuery, ReviewDetail
from k3desk.ui.dialogs.confirm import confirm, inform
from k3desk.ui.dialogs.reason_dialog import ReasonDialog
from k3desk.ui.errors import show_error
from k3desk.ui.i18n import language
from k3desk.ui.models.review_table_model import (
    ROW_ROLE,
    VERDICT_COLORS,
    ReviewQueueModel,
    short_date,
    verdict_label,
)
from k3desk.ui.pages.base import Page
from k3desk.ui.pages.review_detail import (
    PhotoDialog,
    ReviewDetailView,
    load_image,
    load_thumbnails,
    title_of,
)
from k3desk.ui.session import UiSession
from k3desk.ui.widgets.desk_parts import action_buttons, heading, page_action, row_table

SEARCH_DEBOUNCE_MS = 250


class ReviewPage(Page):
    """Key "review" (supervisors only)."""

    certificate_ready = Signal(str, bytes)  # certificate id, its rendered PDF
    decided = Signal(str, str)  # inspection id, new status

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("review_page")
        self.title = self.tr("Tinjauan")
        self.connected: Callable[[], bool] = lambda: False
        self.current_id: str | None = None
        self.detail: ReviewDetail | None = None
        self.dialog: QWidget | None = None  # the last dialog opened (tests reach it)
        self._queue_generation = 0
        self._detail_generation = 0
        self._numbers_left: int | None = None
        self._build_actions()
        self._build()
        session.actor_changed.connect(lambda _actor: self._update_actions())

    # building -------------------------------------------------------------------------
    def _build_actions(self) -> None:
        def action(name: str, text: str, slot: Callable[[], object]) -> QAction:
            return page_action(self, name, text, slot)

        self.action_approve = action("action_approve", self.tr("Setujui dan terbitkan…"),
                                     self.approve)
        self.action_request_revision = action("action_request_revision",
                                              self.tr("Minta revisi…"),
                                              self.request_revision)
        self.action_reject = action("action_reject", self.tr("Tolak…"), self.reject)
        self.decision_actions = (self.action_approve, self.action_request_revision,
                                 self.action_reject)

    def _build(self) -> None:
        self.search = QLineEdit(placeholderText=self.tr("Cari perusahaan, nomor seri, lokasi…"))
        self.search.setObjectName("review_search")
        self.search.setAccessibleName(self.tr("Cari dalam antrean"))
        self.search.setClearButtonEnabled(True)
        self.object_type = QComboBox()
        self.object_type.setObjectName("review_filter_object_type")
        self.object_type.setAccessibleName(self.tr("Jenis objek"))
        self.object_type.addItem(self.tr("Semua jenis objek"), None)
        for code, t in sorted(OBJECT_TYPES.items(), key=lambda kv: kv[1].name(language())):
            self.object_type.addItem(t.name(language()), code)
        self.company = QComboBox()
        self.company.setObjectName("review_filter_company")
        self.company.setAccessibleName(self.tr("Perusahaan"))
        self.company.addItem(self.tr("Semua perusahaan"), None)
        self.inspector = QComboBox()
        self.inspector.setObjectName("review_filter_inspector")
        self.inspector.setAccessibleName(self.tr("Pemeriksa"))
        self.inspector.addItem(self.tr("Semua pemeriksa"), None)
        for combo in (self.object_type, self.company, self.inspector):
            combo.setMinimumContentsLength(12)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(lambda _i: self.refresh_queue())
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh_queue)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.model = ReviewQueueModel()
        self.table = row_table("review_queue", self.tr("Antrean tinjauan"), self.model,
                               wrap_column=ReviewQueueModel.OBJECT)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.count = QLabel()
        self.count.setObjectName("review_count")
        filters = QHBoxLayout()
        filters.addWidget(self.object_type)
        filters.addWidget(self.company)
        filters.addWidget(self.inspector)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)

        self.heading = heading("review_title", self.tr("Pilih pemeriksaan dari antrean."))
        self.meta = QLabel()
        self.meta.setObjectName("review_meta")
        self.meta.setWordWrap(True)
        self.guards = QLabel()
        self.guards.setObjectName("review_guards")
        self.guards.setWordWrap(True)
        self.guards.setStyleSheet("color:#b71c1c")
        self.guards.setVisible(False)
        self.numbers = QLabel()
        self.numbers.setObjectName("review_numbers_left")
        self.numbers.setWordWrap(True)
        buttons = action_buttons(((self.action_approve, "review_approve"),
                                  (self.action_request_revision, "review_request_revision"),
                                  (self.action_reject, "review_reject")))
        buttons.addWidget(self.numbers, 1)
        self.view = ReviewDetailView(self.session)
        self.view.photo_clicked.connect(self.open_photo)
        self.view.setEnabled(False)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.meta)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.guards)
        right_layout.addWidget(self.view, 1)
        split = QSplitter()
        split.setObjectName("review_splitter")
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([340, 860])  # the form and its rules panel get the room
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    # the page ---------------------------------------------------------------------------
    def on_shown(self) -> None:
        self._stale = False
        self.refresh()

    def refresh(self) -> None:
        if not self.session.is_supervisor:
            self.model.set_rows([])
            self.count.setText(self.tr("Tinjauan hanya untuk penyelia."))
            return
        ctx = self.session.context()
        self.session.run(review_desk_service.filter_choices, ctx, success=self._choices)
        self.refresh_queue(reload_detail=True)
        self.refresh_numbers()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def query(self) -> QueueQuery:
        return QueueQuery(text=self.search.text().strip() or None,
                          object_type=self.object_type.currentData(),
                          company_id=self.company.currentData(),
                          inspector_id=self.inspector.currentData())

    def refresh_queue(self, reload_detail: bool = False) -> None:
        """Reload the queue (newest query wins); ``reload_detail`` also re-reads the open
        inspection when it is still there (the data changed)."""
        if not self.session.is_supervisor:
            return
        self._queue_generation += 1
        generation = self._queue_generation
        self.session.run(review_desk_service.queue, self.session.context(), self.query(),
                         success=lambda rows: self._queue_loaded(generation, rows,
                                                                 reload_detail))

    def refresh_numbers(self) -> None:
        self.session.run(review_desk_service.numbers_left, self.session.context(),
                         success=self.set_numbers_left)

    def _choices(self, choices: dict[str, Any]) -> None:
        for combo, items in ((self.company, choices["companies"]),
                             (self.inspector, choices["inspectors"])):
            keep = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for item in items:
                combo.addItem(item.name, item.id)
            combo.setCurrentIndex(max(0, combo.findData(keep)) if keep else 0)
            combo.blockSignals(False)

    def _queue_loaded(self, generation: int, rows: list[Any], reload_detail: bool) -> None:
        if generation != self._queue_generation:
            return  # a newer query is on its way
        keep = self.current_id
        self.model.set_rows(rows)
        self.count.setText(self.tr("%n pemeriksaan menunggu tinjauan", "", len(rows)))
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            if reload_detail:
                self.detail = None
            self.table.selectRow(row)
            self._row_changed(self.model.index(row, 0), QModelIndex())
        else:
            self._clear_detail()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.data(current, ROW_ROLE) if current.isValid() else None
        if item is None:
            return
        if item.id == self.current_id and self.detail is not None:
            return
        self.open_inspection(item.id)

    def open_inspection(self, inspection_id: str) -> None:
        """Load one inspection (db worker) and show it."""
        self.current_id = inspection_id
        self._detail_generation += 1
        generation = self._detail_generation
        self.session.run(review_desk_service.detail, self.session.context(), inspection_id,
                         success=lambda d: self._detail_loaded(generation, d))

    def _detail_loaded(self, generation: int, d: ReviewDetail) -> None:
        if generation != self._detail_generation:
            return
        self.detail = d
        color = VERDICT_COLORS.get(d.verdict or "", "#000")
        self.heading.setText(f"{html.escape(title_of(d))} · <span style='color:{color}'>"
                             f"{html.escape(verdict_label(d.verdict))}</span>")
        self.meta.setText(self.tr(
            "Pemeriksa: {inspector} · diperiksa {inspected} · diajukan {submitted} · "
            "{place}").format(inspector=d.inspector_name, inspected=short_date(d.inspected_on),
                              submitted=short_date(d.submitted_at), place=d.place or "-"))
        if d.problems:
            self.guards.setText(self.tr("Belum dapat disetujui:") + "\n"
                                + "\n".join(f"• {p}" for p in d.problems))
        self.guards.setVisible(bool(d.problems))
        self.view.setEnabled(True)
        self.view.show_detail(d)
        self._update_actions()
        paths = [p.path for p in d.photos]
        if any(paths):
            self.session.ops.run(load_thumbnails, paths, pool="render",
                                 success=lambda images: self._thumbs(generation, images))

    def _thumbs(self, generation: int, images: list[Any]) -> None:
        if generation == self._detail_generation:
            self.view.set_thumbnails(images)

    def _clear_detail(self) -> None:
        self.current_id = None
        self.detail = None
        self.heading.setText(self.tr("Antrean kosong: tidak ada pemeriksaan yang menunggu."))
        self.meta.clear()
        self.guards.setVisible(False)
        self.view.setEnabled(False)
        self._update_actions()

    def _update_actions(self) -> None:
        ready = (self.session.is_supervisor and self.detail is not None
                 and self.detail.status == "submitted")
        for a in self.decision_actions:
            a.setEnabled(ready)

    def set_numbers_left(self, left: int) -> None:
        self._numbers_left = left
        low = left < keys_service.LOW_BLOCK_WARNING
        if not low:
            text = self.tr("Sisa nomor sertifikat di laptop ini: {n}").format(n=left)
        elif self.connected():
            text = self.tr("Sisa nomor sertifikat tinggal {n}: sinkronkan untuk meminta blok "
                           "nomor baru.").format(n=left)
        else:
            text = self.tr("Sisa nomor sertifikat tinggal {n} dan laptop ini tidak tersambung "
                           "ke server: sambungkan dan sinkronkan untuk meminta blok nomor "
                           "baru.").format(n=left)
        self.numbers.setText(text)
        self.numbers.setProperty("low", low)
        self.numbers.setStyleSheet("color:#b71c1c; font-weight:bold" if low else "")

    # photos -----------------------------------------------------------------------------
    def open_photo(self, index: int) -> None:
        if self.detail is None or not 0 <= index < len(self.detail.photos):
            return
        photo = self.detail.photos[index]
        if not photo.path:
            inform(self, "photo_missing", self.tr("Foto"), self.tr(
                "Berkas foto ini belum ada di laptop ini; sinkronkan untuk mengambilnya."))
            return
        self.session.ops.run(load_image, photo.path, pool="render",
                             success=lambda image: self._show_photo(image, photo.caption))

    def _show_photo(self, image: Any, caption: str) -> None:
        dialog = PhotoDialog(image, caption, self)
        self.dialog = dialog
        dialog.open()

    # decisions --------------------------------------------------------------------------
    def approve(self) -> None:
        inspection_id = self.current_id
        if inspection_id is None or not self.action_approve.isEnabled():
            return
        self.session.run(review_desk_service.approval_check, self.session.context(),
                         inspection_id,
                         success=lambda problems: self._checked(inspection_id, problems),
                         failure=self._refused)

    def _checked(self, inspection_id: str, problems: list[str]) -> None:
        if problems:
            self._refuse_text(problems)
            return
        d = self.detail
        what = title_of(d) if d is not None else inspection_id
        self.dialog = confirm(self, "confirm_approve", self.tr("Setujui pemeriksaan"), self.tr(
            "Setujui {what}?\n\nSatu nomor sertifikat diambil dari blok laptop ini, dokumen "
            "ditandatangani secara elektronik dan tidak dapat diubah lagi (hanya dicabut)."
        ).format(what=what), yes_text=self.tr("Setujui dan terbitkan"),
            on_yes=lambda: self._do_approve(inspection_id))

    def _refuse_text(self, problems: list[str]) -> None:
        self.dialog = inform(self, "approval_refused", self.tr("Belum dapat disetujui"),
                             self.tr("Pemeriksaan ini belum dapat disetujui:") + "\n\n"
                             + "\n".join(f"• {p}" for p in problems))

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, K3Error):
            self.dialog = inform(self, "approval_refused", self.tr("Belum dapat disetujui"),
                                 str(exc))
        else:
            show_error(self, exc)

    def _do_approve(self, inspection_id: str) -> None:
        for a in self.decision_actions:
            a.setEnabled(False)
        self.session.run(review_service.approve, self.session.context(), inspection_id,
                         success=lambda issued: self._approved(inspection_id, issued),
                         failure=self._approve_failed)

    def _approve_failed(self, exc: BaseException) -> None:
        self._update_actions()
        self._refused(exc)

    def _approved(self, inspection_id: str, issued: review_service.Issued) -> None:
        self.session.notify(issued.changes, initiator=self)
        self.set_numbers_left(issued.numbers_left)
        self.decided.emit(inspection_id, "approved")
        self.refresh_queue()
        self.session.ops.run(document_service.render, self.session.db, inspection_id,
                             "certificate", sign=True, pool="render",
                             success=lambda result: self.certificate_ready.emit(
                                 issued.certificate_id, result[0]))

    def request_revision(self) -> None:
        self._ask_text("revision_dialog", self.tr("Minta revisi"), self.tr(
            "Apa yang perlu diperbaiki pemeriksa? Catatan ini dikirim kepadanya."),
            self.tr("Lanjut…"), self._confirm_revision)

    def reject(self) -> None:
        self._ask_text("reject_dialog", self.tr("Tolak pemeriksaan"), self.tr(
            "Mengapa pemeriksaan ini ditolak? Alasan ini dikirim kepada pemeriksa."),
            self.tr("Lanjut…"), self._confirm_reject)

    def _ask_text(self, name: str, title: str, prompt: str, ok: str,
                  then: Callable[[str, str], None]) -> None:
        inspection_id = self.current_id
        if inspection_id is None or not self.action_reject.isEnabled():
            return
        dialog = ReasonDialog(self, name, title, prompt, ok,
                              lambda text: then(inspection_id, text))
        self.dialog = dialog
        dialog.open()

    def _confirm_revision(self, inspection_id: str, comment: str) -> None:
        who = self.detail.inspector_name if self.detail else ""
        self.dialog = confirm(self, "confirm_revision", self.tr("Minta revisi"), self.tr(
            "Kembalikan pemeriksaan ini kepada {who} untuk direvisi?\n\nCatatan: {comment}"
        ).format(who=who, comment=comment), yes_text=self.tr("Kembalikan untuk revisi"),
            on_yes=lambda: self._decide(review_service.request_revision, inspection_id,
                                 "revision_requested", comment=comment))

    def _confirm_reject(self, inspection_id: str, reason: str) -> None:
        self.dialog = confirm(self, "confirm_reject", self.tr("Tolak pemeriksaan"), self.tr(
            "Tolak pemeriksaan ini? Pemeriksaan yang ditolak tidak dapat diajukan lagi.\n\n"
            "Alasan: {reason}").format(reason=reason), yes_text=self.tr("Tolak pemeriksaan"),
            on_yes=lambda: self._decide(review_service.reject, inspection_id, "rejected",
                                 reason=reason))

    def _decide(self, fn: Callable[..., Any], inspection_id: str, status: str,
                **kwargs: str) -> None:
        for a in self.decision_actions:
            a.setEnabled(False)

        def done(changes: Any) -> None:
            self.session.notify(changes, initiator=self)
            self.decided.emit(inspection_id, status)
            self.refresh_queue()

        def failed(exc: BaseException) -> None:
            self._update_actions()
            show_error(self, exc)

        self.session.run(fn, self.session.context(), inspection_id, success=done,
                         failure=failed, **kwargs)

