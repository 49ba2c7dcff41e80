"""The inspections list as a lazy table model (Anki's browser table model).

The model holds the ids of every match (in the order SQL sorted them) and a small cache
of pages of rows. ``data()`` for a row not in the cache asks the ``fetcher`` for its
page (the window runs it on the database worker) and shows "…" until it arrives; old
pages are dropped, so a list of 100,000 inspections holds only a few pages of cells.
Sorting asks the page to re-query (``sort_requested``): the order is SQL's, never a
sort in Python. No widgets here: it is tested alone with a synchronous fetcher.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from k3desk.ui.labels import VERDICT_COLORS, object_type_name, status_label, verdict_label

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 100
MAX_PAGES = 6

_Index = QModelIndex | QPersistentModelIndex
Row = dict[str, Any]
# fetcher(ids, done): load the rows of ``ids`` and call ``done({id: row})`` later.
Fetcher = Callable[[list[str], Callable[[dict[str, Row]], None]], None]


class InspectionTableModel(QAbstractTableModel):
    DATE, STATUS, VERDICT, OBJECT_TYPE, SERIAL, COMPANY, CERTIFICATE, INSPECTOR = range(8)
    KEYS = ("inspected_on", "status", "verdict", "object_type", "serial_number",
            "company_name", "certificate", "inspector")
    sort_requested = Signal(str, bool)  # sort key, descending

    def __init__(self, fetcher: Fetcher | None = None) -> None:
        super().__init__()
        self.fetcher = fetcher
        self._ids: list[str] = []
        self._pages: OrderedDict[int, dict[str, Row]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Tanggal"), self.tr("Status"), self.tr("Kesimpulan"),
                self.tr("Jenis objek"), self.tr("Nomor seri"), self.tr("Perusahaan"),
                self.tr("Nomor sertifikat"), self.tr("Pemeriksa"))

    # the ids ------------------------------------------------------------------------
    def set_ids(self, ids: list[str]) -> None:
        """A new result: the same ids keep the view where it is, only the cells reload."""
        self._generation += 1
        self._pending.clear()
        if ids == self._ids:
            self._pages.clear()
            if ids:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(ids) - 1, len(self.KEYS) - 1))
            return
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, inspection_id: str) -> int:
        try:
            return self._ids.index(inspection_id)
        except ValueError:
            return -1

    def item(self, row: int) -> Row | None:
        """The cells of ``row`` when its page is loaded (else asks for it, None)."""
        inspection_id = self.id_at(row)
        if inspection_id is None:
            return None
        page = self._pages.get(row // PAGE_SIZE)
        if page is None:
            self._request(row // PAGE_SIZE)
            page = self._pages.get(row // PAGE_SIZE)  # a synchronous fetcher answered
            if page is None:
                return None
        self._pages.move_to_end(row // PAGE_SIZE)
        return page.get(inspection_id)

    def cached_rows(self) -> int:
        return sum(len(p) for p in self._pages.values())

    def _request(self, page: int) -> None:
        if page in self._pending or self.fetcher is None:
            return
        self._pending.add(page)
        generation = self._generation
        ids = self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        self.fetcher(ids, lambda rows: self._arrived(generation, page, rows))

    def _arrived(self, generation: int, page: int, rows: dict[str, Row]) -> None:
        if generation != self._generation:
            return  # an answer to an older query: the newest wins
        self._pending.discard(page)
        self._pages[page] = rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.KEYS) - 1))

    # Qt's model interface -----------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_requested.emit(self.KEYS[column], order == Qt.SortOrder.DescendingOrder)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self.id_at(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                        ROW_ROLE, Qt.ItemDataRole.AccessibleTextRole,
                        Qt.ItemDataRole.ToolTipRole):
            return None
        item = self.item(index.row())
        if role == ROW_ROLE:
            return item
        if item is None:
            return "…" if role != Qt.ItemDataRole.ForegroundRole else None
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.VERDICT and item.get("verdict"):
                return QBrush(QColor(VERDICT_COLORS.get(item["verdict"], "#000000")))
            return None
        return self.display(item, column)

    def display(self, item: Row, column: int) -> str:
        key = self.KEYS[column]
        if key == "status":
            return status_label(item["status"])
        if key == "verdict":
            return verdict_label(item.get("verdict"))
        if key == "object_type":
            return object_type_name(item["object_type"])
        return str(item.get(key) or "")


class RecordTableModel(QAbstractTableModel):
    """A read-only table of plain dicts (companies, equipment, instruments: hundreds, not
    100,000) with the given (key, header) columns."""

    def __init__(self, columns: list[tuple[str, str]]) -> None:
        super().__init__()
        self._keys = [key for key, _ in columns]
        self._headers = [header for _, header in columns]
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._keys)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        key = self._keys[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and row.get("expired") \
                and key == "calibration_valid_until":
            return QBrush(QColor("#b71c1c"))
        if role == Qt.ItemDataRole.DisplayRole:
            value = row.get(key)
            if key == "calibration_valid_until" and row.get("expired"):
                return self.tr("{date} (kedaluwarsa)").format(date=value)
            return "" if value is None else str(value)
        return None
