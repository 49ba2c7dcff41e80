"""Table models of the supervisor's desk: the review queue and the certificates.

They hold the plain rows the services return (a queue or a certificate list is a few
hundred rows at most: one Balai's open work), never ORM objects.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.services.certificate_list_service import CertificateRow
from k3desk.services.review_desk_service import QueueRow
from k3desk.ui.i18n import language

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
VERDICT_COLORS = {"memenuhi": "#1b5e20", "tidak_memenuhi": "#b71c1c", "incomplete": "#6d4c41"}
STATUS_COLORS = {"valid": "#1b5e20", "revoked": "#b71c1c", "expired": "#6d4c41",
                 "replaced": "#37474f"}

translate = QCoreApplication.translate


def object_type_name(code: str) -> str:
    t = OBJECT_TYPES.get(code)
    return t.name(language()) if t else code


def verdict_label(verdict: str | None) -> str:
    return {"memenuhi": translate("labels", "Memenuhi"),
            "tidak_memenuhi": translate("labels", "Tidak memenuhi"),
            "incomplete": translate("labels", "Belum lengkap")}.get(verdict or "", "-")


def certificate_status_label(status: str) -> str:
    return {"valid": translate("labels", "Berlaku"), "revoked": translate("labels", "Dicabut"),
            "expired": translate("labels", "Kedaluwarsa"),
            "replaced": translate("labels", "Diganti")}.get(status, status)


def short_date(text: str) -> str:
    """``2026-11-30`` or ``2026-11-30T08:15:00Z`` as ``30-11-2026``."""
    if len(text) < 10:
        return text or "-"
    return f"{text[8:10]}-{text[5:7]}-{text[0:4]}"


def local_time(stamp: str) -> str:
    """A stored UTC time (``2026-11-30T01:15:00Z``) as this laptop's ``30-11-2026 08:15``."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return short_date(stamp)
    return moment.strftime("%d-%m-%Y %H:%M")


class _RowsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_of(self, row_id: str) -> int:
        for n, row in enumerate(self._rows):
            if row.id == row_id:
                return n
        return -1

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def color(self, row: Any, column: int) -> str | None:
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self.color(row, index.column())
            return QBrush(QColor(color)) if color else None
        return None


class ReviewQueueModel(_RowsModel):
    SUBMITTED, OBJECT, VERDICT, COMPANY, INSPECTOR, DATE = range(6)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Diajukan"), self.tr("Objek"), self.tr("Kesimpulan"),
                self.tr("Perusahaan"), self.tr("Pemeriksa"), self.tr("Diperiksa"))

    def cell(self, row: QueueRow, column: int) -> str:
        return (local_time(row.submitted_at),
                f"{object_type_name(row.object_type)} {row.serial_number}",
                verdict_label(row.verdict), row.company_name, row.inspector_name,
                short_date(row.inspected_on))[column]

    def color(self, row: QueueRow, column: int) -> str | None:
        return VERDICT_COLORS.get(row.verdict or "") if column == self.VERDICT else None


class CertificateTableModel(_RowsModel):
    """Number and status first: what a supervisor looks for; the rest scrolls."""

    NUMBER, STATUS, VALID_UNTIL, COMPANY, EQUIPMENT, ISSUED = range(6)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Nomor"), self.tr("Status"), self.tr("Berlaku sampai"),
                self.tr("Perusahaan"), self.tr("Peralatan"), self.tr("Terbit"))

    def cell(self, row: CertificateRow, column: int) -> str:
        equipment = f"{object_type_name(row.object_type)} {row.serial_number}".strip()
        return (row.number, certificate_status_label(row.status),
                short_date(row.valid_until) if row.valid_until else "-", row.company_name,
                equipment, short_date(row.issued_on))[column]

    def color(self, row: CertificateRow, column: int) -> str | None:
        return STATUS_COLORS.get(row.status) if column == self.STATUS else None
