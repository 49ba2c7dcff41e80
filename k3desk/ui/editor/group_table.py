"""A repeating group as a small table: one row per item, one cell widget per sub-field.

Cells are the same field widgets as the rest of the form, named
``field:<group>[i].<sub>``; each row has buttons ``group_up:<group>[i]``,
``group_down:<group>[i]`` and ``group_remove:<group>[i]``, and ``group_add:<group>``
adds one. The table only shows; the page owns the values and turns a row button into
an undoable command (``row_action(action, group, index)``), then calls ``set_items``.
``min_items`` / ``max_items`` decide which buttons are enabled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from k3desk.domain.template_schema import FieldSpec
from k3desk.ui.editor.field_widgets import (
    HARD_STYLE,
    SOFT_STYLE,
    ChecklistField,
    FieldWidget,
)
from k3desk.ui.i18n import language

CellFactory = Callable[[FieldSpec, str, str], FieldWidget]


translate = QCoreApplication.translate


class GroupTable(QWidget):
    """The rows of one group."""

    cell_edited = Signal(str)
    note_edited = Signal(str)
    row_action = Signal(str, str, int)  # "add" | "remove" | "up" | "down", group, index

    def __init__(self, spec: FieldSpec, label: str, make_cell: CellFactory,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec, self.path, self.label = spec, spec.id, label
        self.setObjectName(f"field:{spec.id}")
        self.setAccessibleName(label)
        self._make_cell = make_cell
        self.subs = list(spec.fields)
        self.cells: dict[str, FieldWidget] = {}
        self._button_boxes: list[QWidget] = []
        self._read_only = False
        self.table = QTableWidget(0, len(self.subs) + 1)
        self.table.setObjectName(f"table:{spec.id}")
        self.table.setAccessibleName(label)
        lang = language()
        headers = [s.title.get(lang) + (f" ({s.unit})" if s.unit else "") + (" *" if s.required
                                                                       else "")
                   for s in self.subs]
        self.table.setHorizontalHeaderLabels([*headers, ""])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setVerticalScrollBarPolicy(self.table.verticalScrollBarPolicy().
                                              ScrollBarAlwaysOff)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setWordWrap(True)
        for col, sub in enumerate(self.subs):
            self.table.setColumnWidth(col, 190 if sub.field_type in ("checklist", "number")
                                      else 150)
        self.table.setColumnWidth(len(self.subs), 84)
        item_title = (spec.item_title.get(language()) if spec.item_title
                      else translate("GroupTable", "baris"))
        self.add_button = QPushButton(translate(
                "GroupTable", "+ Tambah {item}").format(item=item_title.lower()))
        self.add_button.setObjectName(f"group_add:{spec.id}")
        self.add_button.clicked.connect(lambda: self.row_action.emit("add", self.path,
                                                                     self.count()))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        self.message = QLabel()
        self.message.setObjectName(f"message:{spec.id}")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        column.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        column.addLayout(row)
        self._items: list[dict[str, Any]] = []
        self.table.horizontalScrollBar().rangeChanged.connect(lambda _lo, high: self._fit())
        self._fit()

    def count(self) -> int:
        return self.table.rowCount()

    def set_items(self, items: list[dict[str, Any]]) -> None:
        """Show ``items``; rows are rebuilt only when their number changed."""
        if len(items) != self.count():
            self._rebuild(len(items))
        for i, item in enumerate(items):
            notes = item.get("_notes") if isinstance(item.get("_notes"), dict) else {}
            for sub in self.subs:
                cell = self.cells[f"{self.path}[{i}].{sub.id}"]
                if cell.input_problem() is None and cell.value() != item.get(sub.id):
                    cell.set_value(item.get(sub.id))
                if isinstance(cell, ChecklistField):
                    note = str((notes or {}).get(sub.id) or "")
                    if cell.note_text() != note:
                        cell.set_note(note)
        self._items = items
        self._update_buttons()

    def _rebuild(self, n: int) -> None:
        for old in [*self.cells.values(), *self._button_boxes]:
            for child in old.findChildren(QWidget):
                child.setObjectName("")  # gone at once for findChild, deleted later
            old.setObjectName("")
        self.cells.clear()
        self._button_boxes = []
        self.table.setRowCount(0)
        self.table.setRowCount(n)
        item_title = self.spec.item_title.get(language()) if self.spec.item_title else self.label
        self.table.setVerticalHeaderLabels([f"{item_title} {i + 1}" for i in range(n)])
        for i in range(n):
            for col, sub in enumerate(self.subs):
                path = f"{self.path}[{i}].{sub.id}"
                cell = self._make_cell(sub, path, translate(
                        "GroupTable", "{group} baris {n} — {label}").format(
                    group=self.label, n=i + 1, label=sub.title.get(language())))
                cell.set_read_only(self._read_only)
                cell.edited.connect(self.cell_edited)
                if isinstance(cell, ChecklistField):
                    cell.note_edited.connect(self.note_edited)
                self.cells[path] = cell
                self.table.setCellWidget(i, col, cell)
            self.table.setCellWidget(i, len(self.subs), self._row_buttons(i))
        self._fit()

    def _row_buttons(self, i: int) -> QWidget:
        box = QWidget()
        self._button_boxes.append(box)
        row = QHBoxLayout(box)
        row.setContentsMargins(2, 0, 2, 0)
        row.setSpacing(1)
        for action, text, tip in (("up", "↑", translate("GroupTable", "Naikkan baris")),
                                ("down", "↓", translate("GroupTable", "Turunkan baris")),
                                ("remove", "✕", translate("GroupTable", "Hapus baris"))):
            button = QToolButton()
            button.setObjectName(f"group_{action}:{self.path}[{i}]")
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(f"{tip} {i + 1}")
            button.clicked.connect(lambda _c=False, k=action, n=i: self.row_action.emit(
                k, self.path, n))
            row.addWidget(button)
        return box

    def _update_buttons(self) -> None:
        n = self.count()
        max_items = self.spec.max_items
        self.add_button.setEnabled(not self._read_only and (max_items is None or n < max_items))
        for i in range(n):
            for action, enabled in (("up", i > 0), ("down", i < n - 1),
                                  ("remove", n > self.spec.min_items)):
                button = self.table.findChild(QToolButton, f"group_{action}:{self.path}[{i}]")
                if button is not None:
                    button.setEnabled(enabled and not self._read_only)

    def refit(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Every row shown whole: the table is as tall as its header, its rows and, when
        the columns are wider than the form, the scroll bar (refitted when that changes)."""
        self.table.resizeRowsToContents()
        header = self.table.horizontalHeader()
        height = max(header.height(), header.sizeHint().height()) + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(i) for i in range(self.count()))
        bar = self.table.horizontalScrollBar()
        self.table.setFixedHeight(height + (bar.sizeHint().height() if bar.maximum() > 0
                                            else 4))

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        # the row buttons do nothing in a read-only form (the review): their room goes
        # to the values
        self.table.setColumnHidden(len(self.subs), read_only)
        for cell in self.cells.values():
            cell.set_read_only(read_only)
        self._update_buttons()

    def focus_input(self) -> None:
        first = next(iter(self.cells.values()), None)
        (first.focus_input() if first is not None else self.add_button.setFocus())

    def set_message(self, hard: str | None, soft: str | None = None) -> None:
        text = hard or soft or ""
        self.message.setText(text)
        self.message.setStyleSheet(HARD_STYLE if hard else SOFT_STYLE)
        self.message.setVisible(bool(text))
        self.table.setToolTip(text)
