"""The measuring instruments used in an inspection, chosen from the Balai's registry, each
with its calibration status on the inspection date: an instrument whose calibration had
lapsed is marked red and named in ``problems()`` before the inspector submits."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from k3desk.domain.dates import format_date_id
from k3desk.services import calibration_service
from k3desk.services.calibration_service import InstrumentStatus
from k3desk.ui.editor.images import guarded
from k3desk.ui.session import UiSession

COLORS = {"valid": "#1a7f37", "expiring": "#9a6700", "expired": "#b42318",
          "unknown": "#b42318"}
BACKGROUNDS = {"expired": "#fdecea", "unknown": "#fdecea", "expiring": "#fff8e1"}


class InstrumentPicker(QFrame):
    """``value()`` is the list of instrument ids, what the editor saves as
    ``instrument_ids``."""

    changed = Signal()
    NAME, SERIAL, UNTIL, STATUS, REMOVE = range(5)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("instrument_picker")
        self.setAccessibleName(self.tr("Alat ukur yang dipakai"))
        self._ids: list[str] = []
        self._on: date | None = None
        self._all: list[InstrumentStatus] = []
        self._chosen: dict[str, InstrumentStatus] = {}
        self._read_only = False
        self.loaded = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        label = QLabel(self.tr("Tambah &alat ukur:"), self)
        self.choice = QComboBox(self)
        self.choice.setObjectName("instrument_choice")
        self.choice.setEditable(True)
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.choice.setMinimumWidth(360)
        search = self.choice.lineEdit()
        assert search is not None  # an editable combo box has one
        self.search = search
        search.setObjectName("instrument_search")
        search.setPlaceholderText(self.tr("Cari nama atau nomor seri…"))
        completer = QCompleter(self.choice.model(), self.choice)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.choice.setCompleter(completer)
        self.choice.setAccessibleName(self.tr("Cari alat ukur"))
        label.setBuddy(self.choice)
        self.add_button = QPushButton(self.tr("Tambah"), self)
        self.add_button.setObjectName("instrument_add")
        self.add_button.clicked.connect(self.add_current)
        search.returnPressed.connect(self.add_current)
        self._add_row = QWidget(self)
        add_layout = QHBoxLayout(self._add_row)
        add_layout.setContentsMargins(0, 0, 0, 0)
        add_layout.addWidget(label)
        add_layout.addWidget(self.choice, 1)
        add_layout.addWidget(self.add_button)
        row.addWidget(self._add_row)
        layout.addLayout(row)

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("instrument_table")
        self.table.setAccessibleName(self.tr("Alat ukur terpilih"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Alat ukur"), self.tr("Nomor seri"), self.tr("Kalibrasi berlaku s.d."),
            self.tr("Status pada tanggal pemeriksaan"), ""])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        for col in (self.SERIAL, self.UNTIL, self.STATUS, self.REMOVE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        self.empty = QLabel(self.tr("Belum ada alat ukur dipilih."), self)
        self.empty.setObjectName("instrument_empty")
        self.empty.setStyleSheet("color: #57606a;")
        layout.addWidget(self.empty)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("instrument_problems")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b42318; font-weight: bold;")
        self.problem_label.hide()
        layout.addWidget(self.problem_label)
        layout.addStretch(1)
        session.data_changed.connect(self._data_changed)

    # the contract ---------------------------------------------------------------------
    def value(self) -> list[str]:
        return list(self._ids)

    def set_value(self, ids: list[str], inspected_on: date) -> None:
        self._ids = [i for i in dict.fromkeys(ids or []) if isinstance(i, str)]
        self._on = inspected_on
        self._render()
        self._load()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._add_row.setVisible(not read_only)
        self._render()

    def problems(self) -> list[str]:
        """One sentence per chosen instrument that may not be used on the inspection
        date (calibration lapsed, or unknown on this laptop)."""
        return [s.problem for i in self._ids if (s := self._chosen.get(i)) and s.problem]

    # loading --------------------------------------------------------------------------
    def _load(self) -> None:
        if self._on is None:
            return
        actor = self.session.actor
        balai = actor.balai_id if actor is not None else None
        on, ids = self._on, list(self._ids)

        def job() -> tuple[list[InstrumentStatus], list[InstrumentStatus]]:
            db = self.session.db
            return (calibration_service.instruments(db, balai, on),
                    calibration_service.chosen(db, ids, on))

        self.session.run(job, success=guarded(self, self._loaded))

    def _loaded(self, result: tuple[list[InstrumentStatus], list[InstrumentStatus]]) -> None:
        self._all, chosen = result
        self._chosen.update({s.id: s for s in chosen})
        self.loaded = True
        self._fill_choices()
        self._render()

    def _data_changed(self, changes: Any, initiator: object) -> None:
        if initiator is self:
            return
        if changes is None or getattr(changes, "record_type", None) == "instrument":
            self._load()

    def _fill_choices(self) -> None:
        self.choice.blockSignals(True)
        self.choice.clear()
        for s in self._all:
            if s.id in self._ids:
                continue
            text = f"{s.name} — {s.serial_number}"
            if s.state == "expired":
                text = self.tr("{text} (kalibrasi berakhir)").format(text=text)
            self.choice.addItem(text, s.id)
            if s.state == "expired":
                self.choice.setItemData(self.choice.count() - 1, QBrush(QColor(COLORS["expired"])),
                                        Qt.ItemDataRole.ForegroundRole)
        self.choice.setCurrentIndex(-1)
        self.choice.blockSignals(False)

    # choosing -------------------------------------------------------------------------
    def add_current(self) -> None:
        index = self.choice.currentIndex()
        if index < 0:
            found = self.choice.findText(self.choice.currentText(), Qt.MatchFlag.MatchContains)
            index = found
        if index < 0 or self._read_only:
            return
        self.add(str(self.choice.itemData(index)))

    def add(self, instrument_id: str) -> None:
        if instrument_id in self._ids:
            return
        status = next((s for s in self._all if s.id == instrument_id), None)
        if status is not None:
            self._chosen[instrument_id] = status
        self._ids.append(instrument_id)
        self._fill_choices()
        self._render()
        self.changed.emit()

    def remove(self, instrument_id: str) -> None:
        if instrument_id in self._ids and not self._read_only:
            self._ids.remove(instrument_id)
            self._fill_choices()
            self._render()
            self.changed.emit()

    # showing --------------------------------------------------------------------------
    def _status_text(self, s: InstrumentStatus | None) -> str:
        if s is None:
            return self.tr("Memuat…")
        if s.state == "unknown":
            return self.tr("Tidak dikenal di laptop ini")
        if s.state == "expired":
            return self.tr("Kalibrasi berakhir — tidak boleh dipakai")
        if s.state == "expiring" and s.valid_until is not None and self._on is not None:
            days = (s.valid_until - self._on).days
            return self.tr("Berlaku, berakhir %n hari lagi", "", days)
        return self.tr("Berlaku")

    def _render(self) -> None:
        self.table.setRowCount(len(self._ids))
        for row, iid in enumerate(self._ids):
            s = self._chosen.get(iid)
            cells = [s.name if s else iid[:8], s.serial_number if s else "",
                     format_date_id(s.valid_until) if s and s.valid_until else "—",
                     self._status_text(s)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if s is not None and s.state in BACKGROUNDS:
                    item.setBackground(QBrush(QColor(BACKGROUNDS[s.state])))
                if col == self.STATUS and s is not None:
                    item.setForeground(QBrush(QColor(COLORS[s.state])))
                    font = item.font()
                    font.setBold(s.state != "valid")
                    item.setFont(font)
                if col == self.NAME and s is not None and s.certificate:
                    item.setToolTip(self.tr("Sertifikat kalibrasi: {number}").format(
                        number=s.certificate))
                self.table.setItem(row, col, item)
            if self._read_only:
                self.table.removeCellWidget(row, self.REMOVE)
                self.table.setItem(row, self.REMOVE, QTableWidgetItem(""))
            else:
                button = QToolButton(self.table)
                button.setObjectName("instrument_remove")
                button.setText("✕")
                button.setToolTip(self.tr("Hapus dari daftar"))
                button.setAccessibleName(self.tr("Hapus {name} dari daftar").format(
                    name=cells[0]))
                button.clicked.connect(lambda _=False, i=iid: self.remove(i))
                self.table.setCellWidget(row, self.REMOVE, button)
        self.table.setColumnHidden(self.REMOVE, self._read_only)
        rows = max(1, len(self._ids))
        height = self.table.horizontalHeader().sizeHint().height() + 4 + sum(
            self.table.rowHeight(r) for r in range(len(self._ids))) + (
            0 if self._ids else self.table.verticalHeader().defaultSectionSize())
        self.table.setFixedHeight(min(height, 40 + 32 * max(rows, 6)))
        self.empty.setVisible(not self._ids)
        problems = self.problems()
        self.problem_label.setVisible(bool(problems))
        self.problem_label.setText("\n".join(f"• {p[:1].upper()}{p[1:]}" for p in problems))
