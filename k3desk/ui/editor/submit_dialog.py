"""Why an inspection cannot be submitted yet: every problem, by section, clickable.

Opened with ``open()``; Esc closes it. Clicking (or Enter on) an entry emits
``jump(path)`` and closes the dialog, so the inspector lands on the field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from k3desk.ui.editor.problems import ValueProblem

PATH_ROLE = Qt.ItemDataRole.UserRole


class SubmitRefusedDialog(QDialog):
    jump = Signal(str)

    def __init__(self, problems: list[ValueProblem], section_of: Callable[[str], str | None],
                 section_titles: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("submit_refused")
        self.setWindowTitle(self.tr("Belum dapat diajukan"))
        self.resize(560, 420)
        text = QLabel(self.tr("Pemeriksaan ini belum dapat diajukan. Perbaiki yang berikut "
                              "(klik untuk menuju isiannya):"))
        text.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("refusal_list")
        self.list.setHeaderHidden(True)
        self.list.setAccessibleName(self.tr("Yang harus diperbaiki"))
        heads: dict[str, QTreeWidgetItem] = {}
        order = list(section_titles)
        for p in sorted(problems, key=lambda p: order.index(section_of(p.path) or "")
                        if (section_of(p.path) or "") in order else -1):
            section = section_of(p.path) or ""
            head = heads.get(section)
            if head is None:
                head = QTreeWidgetItem([section_titles.get(section, self.tr("Umum"))])
                self.list.addTopLevelItem(head)
                head.setExpanded(True)
                heads[section] = head
            child = QTreeWidgetItem([p.message])
            child.setData(0, PATH_ROLE, p.path)
            child.setToolTip(0, p.message)
            head.addChild(child)
        self.list.itemClicked.connect(self._chosen)
        self.list.itemActivated.connect(self._chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(text)
        column.addWidget(self.list, 1)
        column.addWidget(buttons)

    def entries(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        for i in range(self.list.topLevelItemCount()):
            head = self.list.topLevelItem(i)
            if head is not None:
                out += [c for j in range(head.childCount()) if (c := head.child(j))]
        return out

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        path = item.data(0, PATH_ROLE)
        if path:
            self.accept()
            self.jump.emit(str(path))
