"""Changes the server refused (quarantined): the record, the server's reason, and what
the sync service offers: send again (after fixing the cause) or discard (the record
goes back to the server's copy; one the server never had is removed). Nothing is
discarded without a confirmation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from k3desk.services.context import Changes
from k3desk.ui.dialogs.parts import button_row, close_box, message_label, push_button
from k3desk.ui.errors import message_of

if TYPE_CHECKING:
    from k3desk.services.sync_service import QuarantinedChange
    from k3desk.ui.main_window import MainWindow


def quarantined_rows(db: Any) -> list[tuple[QuarantinedChange, str]]:
    """Each quarantined change with a readable name of its record (db worker)."""
    from k3desk.services import sync_service
    from k3desk.services.conflict_service import TITLE_FIELDS
    from k3desk.store.models import SYNCED_MODELS

    rows = []
    items = sync_service.list_quarantined(db)
    with db.session() as s:
        for q in items:
            model = SYNCED_MODELS.get(q.record_type)
            row = s.get(model, q.record_id) if model is not None else None
            data = row.to_data() if row is not None else {}
            title = next((str(data[n]) for n in TITLE_FIELDS if data.get(n)), q.record_id[:8])
            rows.append((q, title))
    return rows


class QuarantineDialog(QDialog):
    """``quarantine_dialog``: the list, ``quarantine_retry`` and ``quarantine_discard``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.session = window.session
        self.rows: list[tuple[QuarantinedChange, str]] = []
        self.confirm: QMessageBox | None = None
        self.setObjectName("quarantine_dialog")
        self.setWindowTitle(self.tr("Perubahan yang ditolak server"))
        self.resize(980, 420)
        intro = QLabel(self.tr("Server menolak perubahan berikut. Perbaiki penyebabnya lalu "
                               "kirim lagi, atau buang perubahan itu (rekaman kembali seperti "
                               "di server). Perubahan lain tetap dikirim seperti biasa."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("quarantine_table")
        self.table.setHorizontalHeaderLabels([self.tr("Jenis"), self.tr("Rekaman"),
                                              self.tr("Alasan dari server"),
                                              self.tr("Waktu")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection)
        self.retry_button = push_button(self.tr("Kirim lagi"), "quarantine_retry", self.retry)
        self.discard_button = push_button(self.tr("Buang perubahan…"), "quarantine_discard",
                                          self.ask_discard)
        self.message = message_label("quarantine_message")
        close = close_box(self)
        row = button_row([self.retry_button, self.discard_button])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self._selection()
        self.refresh()

    @classmethod
    def open_for(cls, window: MainWindow) -> QuarantineDialog:
        dialog = getattr(window, "_quarantine_dialog", None)
        if not isinstance(dialog, QuarantineDialog):
            dialog = cls(window)
            window._quarantine_dialog = dialog  # type: ignore[attr-defined]
        else:
            dialog.refresh()
        dialog.show()
        dialog.raise_()
        return dialog

    def record_type_label(self, record_type: str) -> str:
        return {"company": self.tr("Perusahaan"), "equipment": self.tr("Peralatan"),
                "inspection": self.tr("Pemeriksaan"), "instrument": self.tr("Alat ukur"),
                "attachment": self.tr("Lampiran"), "certificate": self.tr("Sertifikat")
                }.get(record_type, record_type)

    def refresh(self) -> None:
        self.session.run(quarantined_rows, self.session.db, success=self._loaded)

    def _loaded(self, rows: list[tuple[QuarantinedChange, str]]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, (q, title) in enumerate(rows):
            reason = q.message or q.code
            if q.field:
                reason = self.tr("{reason} (kolom {field})").format(reason=reason,
                                                                    field=q.field)
            cells = (self.record_type_label(q.record_type), title, reason,
                     (q.at or "").replace("T", " ").rstrip("Z"))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{q.code}: {q.message}" if col == 2 else text)
                item.setData(Qt.ItemDataRole.UserRole, q.entry_id)
                self.table.setItem(r, col, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        if rows:
            self.table.selectRow(0)
        else:
            self.message.setText(self.tr("Tidak ada perubahan yang ditolak server."))
        self._selection()

    def selected(self) -> QuarantinedChange | None:
        row = self.table.currentRow()
        return self.rows[row][0] if 0 <= row < len(self.rows) else None

    def _selection(self) -> None:
        chosen = self.selected() is not None
        self.retry_button.setEnabled(chosen)
        self.discard_button.setEnabled(chosen)

    def retry(self) -> None:
        from k3desk.services import sync_service

        q = self.selected()
        if q is None:
            return
        self.session.run(sync_service.retry_quarantined, self.session.db, q.entry_id,
                         success=lambda _r: self._done(q, self.tr(
                             "Perubahan dikirim lagi pada sinkronisasi berikutnya.")),
                         failure=self._failed)

    def ask_discard(self) -> None:
        q = self.selected()
        if q is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Buang perubahan?"),
                          self.tr("Perubahan yang ditolak server ini dibuang dan rekaman "
                                  "kembali seperti di server (rekaman yang belum pernah "
                                  "diterima server dihapus dari laptop ini). Tindakan ini "
                                  "tidak dapat dibatalkan."),
                          QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirm_discard")
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Buang"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Batal"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda result, entry=q: self._discard_answer(result, entry))
        self.confirm = box
        box.open()

    def _discard_answer(self, result: int, q: QuarantinedChange) -> None:
        from k3desk.services import sync_service

        self.confirm = None
        if result != QMessageBox.StandardButton.Discard:
            return
        self.session.run(sync_service.discard_quarantined, self.session.db, q.entry_id,
                         success=lambda _r: self._done(q, self.tr("Perubahan dibuang.")),
                         failure=self._failed)

    def _done(self, q: QuarantinedChange, text: str) -> None:
        self.message.setText(text)
        self.session.notify(Changes(q.record_type, (q.record_id,)), initiator=self)
        runner = getattr(self.window_.sync, "runner", None)
        if runner is not None:
            runner.notify_saved()
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(message_of(exc))
