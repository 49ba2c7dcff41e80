"""Table models over the services' lists (Vorta-style: columns as constants, a row role)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.vocabulary import Verdict
from k3desk.domain.workflow import STATUS_LABELS_ID, Status
from k3desk.ui.i18n import language, tr

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
VERDICT_LABELS: dict[str, str] = {v: v.short() for v in Verdict}  # tr() gives the English
VERDICT_COLORS: dict[str, str] = {Verdict.MEMENUHI: "#1b5e20",
                                  Verdict.TIDAK_MEMENUHI: "#b71c1c",
                                  Verdict.INCOMPLETE: "#6d4c41"}

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class InspectionItem:
    """A plain row (no ORM object crosses into the UI)."""

    id: str
    inspected_on: str
    status: str
    verdict: str | None
    object_type: str
    serial_number: str
    company_name: str


def object_type_name(code: str) -> str:
    t = OBJECT_TYPES.get(code)
    return t.name(language()) if t else code


class _ListTableModel(QAbstractTableModel):
    """A read-only table over a list of rows; subclasses name the headers and cells."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        return self.styled(row, index.column(), role)

    def display(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def styled(self, row: Any, column: int, role: int) -> Any:
        return None


class InspectionTableModel(_ListTableModel):
    DATE, STATUS, VERDICT, OBJECT_TYPE, SERIAL, COMPANY = range(6)
    HEADERS = ("Tanggal", "Status", "Kesimpulan", "Jenis objek", "Nomor seri", "Perusahaan")

    def display(self, item: InspectionItem, column: int) -> str:
        if column == self.DATE:
            return item.inspected_on
        if column == self.STATUS:
            return tr(STATUS_LABELS_ID[Status(item.status)])
        if column == self.VERDICT:
            return tr(VERDICT_LABELS.get(item.verdict or "", "-"))
        if column == self.OBJECT_TYPE:
            return object_type_name(item.object_type)
        if column == self.SERIAL:
            return item.serial_number
        return item.company_name

    def styled(self, item: InspectionItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.VERDICT and item.verdict:
            return QBrush(QColor(VERDICT_COLORS.get(item.verdict, "#000000")))
        return None


class RecordTableModel(_ListTableModel):
    """A read-only table of plain dicts with the given (key, header) columns."""

    def __init__(self, columns: list[tuple[str, str]]) -> None:
        super().__init__()
        self._keys = [key for key, _ in columns]
        self.HEADERS = tuple(header for _, header in columns)

    def display(self, row: dict[str, Any], column: int) -> str:
        value = row.get(self._keys[column])
        return "" if value is None else str(value)
