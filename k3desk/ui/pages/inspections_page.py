"""Pemeriksaan: every inspection of the Balai, quick at 100,000 (a lazy model over ids),
searched as you type (debounced, off the UI thread, the newest query wins), filtered,
sorted in SQL, and refreshed by itself when the data changes underneath."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.workflow import Status
from k3desk.services import browse_service, inspection_list_service
from k3desk.services.inspection_list_service import ListQuery
from k3desk.ui.errors import show_error
from k3desk.ui.labels import object_type_name, status_label
from k3desk.ui.models.inspection_table_model import InspectionTableModel, Row
from k3desk.ui.pages.base import Page
from k3desk.ui.session import UiSession

DEBOUNCE_MS = 250
NO_DATE = QDate(2000, 1, 1)


class _Table(QTableView):
    """Enter opens the current row (double-click does too)."""

    def __init__(self, page: InspectionsPage) -> None:
        super().__init__()
        self._page = page

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self._page.open_current()
            return
        super().keyPressEvent(event)


def _date_edit(name: str, tip: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("—")
    edit.setDate(NO_DATE)
    edit.setToolTip(tip)
    edit.setAccessibleName(tip)
    return edit


class InspectionsPage(Page):
    def __init__(self, session: UiSession) -> None:
        super().__init__(session)
        self.setObjectName("inspections_page")
        self.title = self.tr("Pemeriksaan")
        self._serial = 0
        self._applied = -1
        self._sort = ("inspected_on", True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self.search = QLineEdit()
        self.search.setObjectName("inspections_search")
        self.search.setPlaceholderText(self.tr(
            "Cari: jenis objek, perusahaan, nomor seri, status, nomor sertifikat… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Cari pemeriksaan"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setObjectName("inspections_status")
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("Semua status"), None)
        for s in Status:
            self.status.addItem(status_label(s.value), s.value)
        self.object_type = QComboBox()
        self.object_type.setObjectName("inspections_object_type")
        self.object_type.setAccessibleName(self.tr("Jenis objek"))
        self.object_type.addItem(self.tr("Semua jenis objek"), None)
        for code in sorted(OBJECT_TYPES, key=object_type_name):
            self.object_type.addItem(object_type_name(code), code)
        self.company = QComboBox()
        self.company.setObjectName("inspections_company")
        self.company.setAccessibleName(self.tr("Perusahaan"))
        self.company.addItem(self.tr("Semua perusahaan"), None)
        self.company.setMinimumContentsLength(18)
        self.company.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.date_from = _date_edit("inspections_date_from", self.tr("Dari tanggal"))
        self.date_to = _date_edit("inspections_date_to", self.tr("Sampai tanggal"))
        self.mine = QCheckBox(self.tr("Hanya milik saya"))
        self.mine.setObjectName("inspections_mine")
        self.count_label = QLabel()
        self.count_label.setObjectName("inspections_count")
        self.new_button = QPushButton(self.tr("Pemeriksaan baru…"))
        self.new_button.setObjectName("inspections_new")
        self.new_button.clicked.connect(self.new_inspection)

        self.model = InspectionTableModel(self._fetch_rows)
        self.model.sort_requested.connect(self._sort_by)
        self.view = _Table(self)
        self.view.setObjectName("inspections_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(28)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # the object type column fits the longest name (never "Alat Bantu Angkat (Sli…")
        metrics = self.view.fontMetrics()
        object_width = min(360, 20 + max(metrics.horizontalAdvance(object_type_name(code))
                                         for code in OBJECT_TYPES))
        for column, width in enumerate((84, 92, 116, object_width, 120, 200, 184)):
            self.view.setColumnWidth(column, width)
        self.view.setSortingEnabled(True)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.view.doubleClicked.connect(self._open_index)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

        row1 = QHBoxLayout()
        row1.addWidget(self.search, 3)
        row1.addWidget(self.new_button)
        row2 = QHBoxLayout()
        for widget in (self.status, self.object_type, self.company):
            row2.addWidget(widget, 1)
        row2.addWidget(QLabel(self.tr("Tanggal")))
        row2.addWidget(self.date_from)
        row2.addWidget(QLabel("–"))
        row2.addWidget(self.date_to)
        row2.addWidget(self.mine)
        layout = QVBoxLayout(self)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (self.status, self.object_type, self.company):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.mine.toggled.connect(lambda _c: self.refresh())
        for a, b in ((self.search, self.new_button), (self.new_button, self.status),
                     (self.status, self.object_type), (self.object_type, self.company),
                     (self.company, self.date_from), (self.date_from, self.date_to),
                     (self.date_to, self.mine), (self.mine, self.view)):
            self.setTabOrder(a, b)

    # the query ----------------------------------------------------------------------
    def query(self) -> ListQuery:
        def day(edit: QDateEdit) -> date | None:
            d = edit.date()
            return None if d == NO_DATE else date(d.year(), d.month(), d.day())

        actor = self.session.actor
        return ListQuery(text=self.search.text().strip() or None,
                         status=self.status.currentData(),
                         object_type=self.object_type.currentData(),
                         company_id=self.company.currentData(),
                         date_from=day(self.date_from), date_to=day(self.date_to),
                         inspector_id=actor.id if self.mine.isChecked() and actor else None,
                         sort=self._sort[0], descending=self._sort[1])

    def refresh(self) -> None:
        """Re-run the query on the database worker; only the newest answer is shown."""
        self._debounce.stop()
        self._serial += 1
        serial = self._serial
        actor = self.session.actor
        balai = actor.balai_id if actor else None
        self.session.run(inspection_list_service.inspection_ids, self.session.db, balai,
                         self.query(), success=lambda ids: self._show_ids(serial, ids))
        self.session.run(browse_service.company_rows, self.session.db,
                         success=self._fill_companies)

    def _show_ids(self, serial: int, ids: list[str]) -> None:
        if serial != self._serial:
            return  # an older query answered late
        self._applied = serial
        self.model.set_ids(ids)
        self.count_label.setText(self.tr("%n pemeriksaan cocok", "", len(ids)))

    @property
    def settled(self) -> bool:
        """True when the newest query's answer is on screen (for tests)."""
        return self._applied == self._serial and not self._debounce.isActive()

    def _fetch_rows(self, ids: list[str], done: Any) -> None:
        if not self.isVisible():
            return  # (a paint after the window closed)
        self.session.run(inspection_list_service.rows_by_id, self.session.db, ids,
                         success=done)

    def _fill_companies(self, rows: list[dict[str, Any]]) -> None:
        current = self.company.currentData()
        wanted = [(r["name"], r["id"]) for r in rows]
        have = [(self.company.itemText(i), self.company.itemData(i))
                for i in range(1, self.company.count())]
        if wanted == have:
            return
        self.company.blockSignals(True)
        while self.company.count() > 1:
            self.company.removeItem(1)
        for name, cid in wanted:
            self.company.addItem(name, cid)
        index = self.company.findData(current)
        self.company.setCurrentIndex(max(index, 0))
        self.company.blockSignals(False)

    def _sort_by(self, key: str, descending: bool) -> None:
        self._sort = (key, descending)
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def apply_filter(self, status: str | None = None, mine: bool = False,
                     object_type: str | None = None, company_id: str | None = None,
                     text: str = "") -> None:
        """Show the list filtered (the dashboard's counts open it this way): every other
        filter is cleared, so the count on the dashboard is the count of the list."""
        widgets = (self.search, self.status, self.object_type, self.company,
                   self.date_from, self.date_to, self.mine)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search.setText(text)
            for combo, value in ((self.status, status), (self.object_type, object_type),
                                 (self.company, company_id)):
                combo.setCurrentIndex(max(combo.findData(value), 0) if value else 0)
            self.date_from.setDate(NO_DATE)
            self.date_to.setDate(NO_DATE)
            self.mine.setChecked(mine)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.refresh()

    # actions ------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_inspection(self, prefill_equipment: str | None = None) -> None:
        from k3desk.ui.dialogs.new_inspection_dialog import NewInspectionDialog

        dialog = NewInspectionDialog(self.session, self, equipment_id=prefill_equipment)
        dialog.created.connect(self._created)
        self.new_dialog = dialog
        dialog.open()

    def _created(self, inspection_id: str) -> None:
        self.refresh()
        self._open(inspection_id)

    def _open(self, inspection_id: str) -> None:
        window = self.window()
        opener = getattr(window, "open_inspection", None)
        if opener is not None:
            opener(inspection_id)

    def _open_index(self, index: QModelIndex) -> None:
        inspection_id = self.model.id_at(index.row())
        if inspection_id:
            self._open(inspection_id)

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._open_index(index)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.selectRow(index.row())
        menu = self.context_menu(index.row())
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def context_menu(self, row: int) -> QMenu:
        """The row's menu: open, a re-test of the same equipment, delete a draft."""
        inspection_id = self.model.id_at(row)
        item: Row | None = self.model.item(row)
        menu = QMenu(self)
        menu.setObjectName("inspections_menu")
        open_action = menu.addAction(self.tr("Buka"))
        open_action.setObjectName("menu_open")
        if inspection_id:
            open_action.triggered.connect(lambda: self._open(inspection_id))
        retest = menu.addAction(self.tr("Pemeriksaan baru untuk peralatan ini…"))
        retest.setObjectName("menu_retest")
        retest.setEnabled(item is not None)
        if item is not None:
            retest.triggered.connect(lambda: self.new_inspection(item["equipment_id"]))
        delete = menu.addAction(self.tr("Hapus draf…"))
        delete.setObjectName("menu_delete")
        actor = self.session.actor
        delete.setEnabled(item is not None and item["status"] == "draft"
                          and actor is not None and item["inspector_id"] == actor.id)
        if inspection_id:
            delete.triggered.connect(lambda: self.confirm_delete(inspection_id))
        self.last_menu = menu
        return menu

    def confirm_delete(self, inspection_id: str) -> QMessageBox:
        from k3desk.ui.dialogs.confirm import confirm

        self.confirm_box = confirm(
            self, "confirm_delete", self.tr("Hapus draf"), self.tr(
                "Hapus draf ini? Nilai, foto dan tanda tangan di dalamnya ikut terhapus; "
                "penghapusan dikirim ke server pada sinkronisasi berikutnya."),
            lambda: self._delete(inspection_id), self.tr("Hapus"))
        return self.confirm_box

    def _delete(self, inspection_id: str) -> None:
        self.session.run(inspection_list_service.delete_draft, self.session.context(),
                         inspection_id, success=self._deleted,
                         failure=lambda exc: show_error(self, exc))

    def _deleted(self, changes: object) -> None:
        self.session.notify(changes, initiator=self)  # type: ignore[arg-type]
        self.refresh()
