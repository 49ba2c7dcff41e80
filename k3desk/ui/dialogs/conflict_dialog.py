"""Conflicts a person resolves: base, mine and theirs field by field; per field take
mine, take the server's, or type a value; then ``conflict_service.resolve_fields``.

One dialog per window (``ConflictDialog.open_for(window)``), non-modal; the list on the
left holds the open conflicts, the table on the right the fields of the chosen one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from k3desk.services.context import Changes
from k3desk.ui.dialogs.parts import button_row, close_box, message_label, push_button
from k3desk.ui.errors import message_of

if TYPE_CHECKING:
    from k3desk.services.conflict_service import ConflictView
    from k3desk.ui.main_window import MainWindow

COLUMNS = 6  # field, base, mine, theirs, choice, value


def value_text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def parse_value(text: str, like: Any) -> Any:
    """A typed value back: text for text fields, JSON (number, list...) otherwise."""
    if isinstance(like, str) or like is None:
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text


class ConflictDialog(QDialog):
    """``conflict_dialog``: the open conflicts of this laptop and how to settle them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.session = window.session
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("Konflik sinkronisasi"))
        self.resize(1100, 560)
        self.conflicts: list[ConflictView] = []
        self.current: ConflictView | None = None
        self.choices: dict[str, QComboBox] = {}
        self.values: dict[str, QLineEdit] = {}

        self.list = QListWidget()
        self.list.setObjectName("conflict_list")
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Konflik yang menunggu"))
        self.list.currentRowChanged.connect(self._show_row)
        self.title = QLabel()
        self.title.setObjectName("conflict_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.reason = QLabel()
        self.reason.setObjectName("conflict_reason")
        self.reason.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("conflict_fields")
        self.table.setHorizontalHeaderLabels([
            self.tr("Kolom"), self.tr("Semula"), self.tr("Milik saya"), self.tr("Dari server"),
            self.tr("Pakai"), self.tr("Nilai yang disimpan")])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col in range(COLUMNS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.all_mine = push_button(self.tr("Semua milik saya"), "conflict_all_mine",
                                    lambda: self._pick_all("mine"))
        self.all_theirs = push_button(self.tr("Semua dari server"), "conflict_all_theirs",
                                      lambda: self._pick_all("theirs"))
        self.resolve_button = push_button(self.tr("Selesaikan konflik"), "conflict_resolve",
                                          self.resolve, default=True)
        self.message = message_label("conflict_message")
        self.notice = message_label("conflict_notice")
        self.empty = QLabel(self.tr("Tidak ada konflik yang menunggu."))
        self.empty.setObjectName("conflict_empty")
        close = close_box(self)

        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.reason)
        column.addWidget(self.table, 1)
        column.addLayout(button_row([self.all_mine, self.all_theirs], [self.resolve_button]))
        column.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setSizes([260, 840])
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)
        layout.addWidget(self.notice)
        layout.addWidget(close)
        self.refresh()

    @classmethod
    def open_for(cls, window: MainWindow) -> ConflictDialog:
        dialog = getattr(window, "_conflict_dialog", None)
        if not isinstance(dialog, ConflictDialog):
            dialog = cls(window)
            window._conflict_dialog = dialog  # type: ignore[attr-defined]
        else:
            dialog.refresh()
        dialog.show()
        dialog.raise_()
        return dialog

    # loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        from k3desk.services import conflict_service

        self.session.run(conflict_service.list_conflicts, self.session.db,
                         success=self._loaded)

    def _loaded(self, conflicts: list[ConflictView]) -> None:
        keep = self.current.id if self.current else None
        self.conflicts = conflicts
        self.list.blockSignals(True)
        self.list.clear()
        for c in conflicts:
            item = QListWidgetItem(self.tr("{kind}: {title}").format(
                kind=self.record_type_label(c.record_type), title=c.title or c.record_id[:8]))
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setToolTip(item.text())
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.empty.setVisible(not conflicts)
        ids = [c.id for c in conflicts]
        self.list.setCurrentRow(ids.index(keep) if keep in ids else (0 if ids else -1))
        if not conflicts:
            self._show(None)

    def record_type_label(self, record_type: str) -> str:
        return {"company": self.tr("Perusahaan"), "equipment": self.tr("Peralatan"),
                "inspection": self.tr("Pemeriksaan"), "instrument": self.tr("Alat ukur"),
                "attachment": self.tr("Lampiran"), "certificate": self.tr("Sertifikat")
                }.get(record_type, record_type)

    def field_label(self, path: str) -> str:
        labels = {"name": self.tr("Nama"), "address": self.tr("Alamat"),
                  "city": self.tr("Kota"), "phone": self.tr("Telepon"),
                  "contact_person": self.tr("Narahubung"),
                  "serial_number": self.tr("Nomor seri"),
                  "manufacturer": self.tr("Pabrikan"), "model": self.tr("Model"),
                  "capacity": self.tr("Kapasitas"), "location": self.tr("Lokasi"),
                  "_deleted": self.tr("Dihapus")}
        return labels.get(path, path)

    def _show_row(self, row: int) -> None:
        self._show(self.conflicts[row] if 0 <= row < len(self.conflicts) else None)

    def _show(self, c: ConflictView | None) -> None:
        self.current = c
        self.choices.clear()
        self.values.clear()
        self.table.setRowCount(0)
        self.message.clear()
        for w in (self.resolve_button, self.all_mine, self.all_theirs):
            w.setEnabled(c is not None)
        if c is None:
            self.title.clear()
            self.reason.clear()
            return
        self.title.setText(self.tr("{kind}: {title}").format(
            kind=self.record_type_label(c.record_type), title=c.title or c.record_id))
        self.reason.setText(c.reason if c.workflow else self.tr(
            "Kolom yang sama diubah di laptop ini dan di server: {fields}. Pilih untuk setiap "
            "kolom: milik saya, dari server, atau sunting nilainya.").format(
            fields=", ".join(self.field_label(f.path) for f in c.fields)))
        self.table.setRowCount(len(c.fields))
        for r, f in enumerate(c.fields):
            name = QTableWidgetItem(self.field_label(f.path))
            name.setData(Qt.ItemDataRole.UserRole, f.path)
            self.table.setItem(r, 0, name)
            for col, value in ((1, f.base), (2, f.mine), (3, f.theirs)):
                item = QTableWidgetItem(value_text(value))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(value_text(value))
                self.table.setItem(r, col, item)
            choice = QComboBox()
            choice.setObjectName(f"conflict_choice:{f.path}")
            choice.setAccessibleName(self.tr("Pakai untuk {field}").format(
                field=self.field_label(f.path)))
            choice.addItem(self.tr("Milik saya"), "mine")
            choice.addItem(self.tr("Dari server"), "theirs")
            choice.addItem(self.tr("Sunting"), "edit")
            edit = QLineEdit(value_text(f.mine) if f.mine is not None else "")
            edit.setObjectName(f"conflict_value:{f.path}")
            edit.setAccessibleName(self.tr("Nilai untuk {field}").format(
                field=self.field_label(f.path)))
            edit.setReadOnly(True)
            choice.currentIndexChanged.connect(
                lambda _i, field=f, combo=choice, line=edit: self._choice_changed(
                    field, combo, line))
            if c.workflow:  # the supervisor's decision stands: acknowledge only
                choice.setCurrentIndex(1)
                choice.setEnabled(False)
            self.table.setCellWidget(r, 4, choice)
            self.table.setCellWidget(r, 5, edit)
            self.choices[f.path] = choice
            self.values[f.path] = edit
        self.all_mine.setEnabled(not c.workflow)
        if c.workflow:
            self.resolve_button.setText(self.tr("Mengerti, pakai keputusan server"))
        else:
            self.resolve_button.setText(self.tr("Selesaikan konflik"))

    def _choice_changed(self, field: Any, combo: QComboBox, line: QLineEdit) -> None:
        choice = combo.currentData()
        line.setReadOnly(choice != "edit")
        if choice == "mine":
            line.setText(value_text(field.mine) if field.mine is not None else "")
        elif choice == "theirs":
            line.setText(value_text(field.theirs) if field.theirs is not None else "")
        else:
            line.setFocus()
            line.selectAll()

    def choose(self, path: str, choice: str) -> None:
        """Pick ``mine``/``theirs``/``edit`` for one field (what a click does)."""
        combo = self.choices[path]
        combo.setCurrentIndex(combo.findData(choice))

    def _pick_all(self, choice: str) -> None:
        for path in self.choices:
            self.choose(path, choice)

    # resolving -----------------------------------------------------------------------
    def resolve(self) -> None:
        from k3desk.services import conflict_service

        c = self.current
        if c is None:
            return
        picks = {path: str(combo.currentData()) for path, combo in self.choices.items()}
        by_path = {f.path: f for f in c.fields}
        values = {path: parse_value(self.values[path].text(),
                                    by_path[path].mine if by_path[path].mine is not None
                                    else by_path[path].theirs)
                  for path, choice in picks.items() if choice == "edit"}
        self.resolve_button.setEnabled(False)
        self.session.run(conflict_service.resolve_fields, self.session.db, c.id, picks,
                         values, success=self._resolved, failure=self._failed)

    def _resolved(self, view: ConflictView) -> None:
        self.notice.setText(self.tr("Konflik diselesaikan; hasilnya dikirim pada "
                                    "sinkronisasi berikutnya."))
        self.current = None
        self.session.notify(Changes(view.record_type, (view.record_id,)), initiator=self)
        runner = getattr(self.window_.sync, "runner", None)
        if runner is not None:
            runner.notify_saved()
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.resolve_button.setEnabled(True)
        self.message.setText(message_of(exc))
