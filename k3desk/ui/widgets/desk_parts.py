"""Pieces the review and certificates pages share: the list on the left, the heading
over the detail and the row of action buttons under it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QWidget,
)

HEADING_STYLE = "font-size: 15px; font-weight: bold"


def row_table(name: str, accessible: str, model: QAbstractItemModel,
              wrap_column: int | None = None, wrap_width: int = 260) -> QTableView:
    """A read-only table of whole rows, one selected at a time. ``wrap_column`` (long
    object-type names) wraps at ``wrap_width`` pixels instead of being cut; its rows
    grow to fit (the lists using it hold a queue, not a register)."""
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    if wrap_column is not None:
        table.setWordWrap(True)
        header.setSectionResizeMode(wrap_column, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(wrap_column, wrap_width)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def page_action(owner: QWidget, name: str, text: str, slot: Callable[[], object]) -> QAction:
    """A page's action (``objectName`` ``name``), disabled until the page enables it; the
    main window finds it among the page's actions for its menus and toolbar."""
    a = QAction(text, owner)
    a.setObjectName(name)
    a.triggered.connect(lambda _checked=False: slot())
    a.setEnabled(False)
    owner.addAction(a)
    return a


def heading(name: str, text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(HEADING_STYLE)
    return label


def action_buttons(actions: Sequence[tuple[QAction, str]]) -> QHBoxLayout:
    """One tool button per (action, objectName), then room."""
    row = QHBoxLayout()
    for action, name in actions:
        button = QToolButton()
        button.setObjectName(name)
        button.setDefaultAction(action)
        row.addWidget(button)
    row.addStretch(1)
    return row
