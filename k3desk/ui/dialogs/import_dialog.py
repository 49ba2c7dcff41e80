"""Impor dari Excel: choose a file, see the column mapping, the first rows with what
would happen to each, and every row's problems. All or nothing (``import_service``):
"Impor" stays disabled while any row has a problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from k3desk.domain.errors import K3Error
from k3desk.services import import_service
from k3desk.ui.errors import message_of, show_error
from k3desk.ui.session import UiSession


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult

    def __init__(self, session: UiSession, import_target: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.import_target = session, import_target
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Impor dari Excel"))
        self.resize(900, 600)
        self.preview: import_service.Preview | None = None
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("import_path")
        self.path_edit.setAccessibleName(self.tr("Berkas"))
        browse = QPushButton(self.tr("Pilih berkas…"))
        browse.setObjectName("import_browse")
        browse.clicked.connect(self._choose)
        self.path_edit.editingFinished.connect(lambda: self.load(self.path_edit.text()))
        self.mapping_form = QFormLayout()
        self.mapping: dict[str, QComboBox] = {}
        self.table = QTableWidget()
        self.table.setObjectName("import_preview")
        self.errors = QListWidget()
        self.errors.setObjectName("import_errors")
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button = buttons.addButton(self.tr("Impor"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import_run")
        self.import_button.setEnabled(False)
        buttons.accepted.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.path_edit, 1)
        top.addWidget(browse)
        middle = QHBoxLayout()
        mapping_box = QVBoxLayout()
        mapping_box.addWidget(QLabel(self.tr("Kolom berkas → isian")))
        mapping_box.addLayout(self.mapping_form)
        mapping_box.addStretch(1)
        middle.addLayout(mapping_box, 1)
        middle.addWidget(self.table, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 3)
        layout.addWidget(QLabel(self.tr("Masalah per baris")))
        layout.addWidget(self.errors, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

    def _choose(self) -> None:
        dialog = QFileDialog(self, self.tr("Pilih berkas"), "",
                             self.tr("Lembar kerja (*.xlsx *.csv)"))
        dialog.fileSelected.connect(self.load)
        dialog.open()

    def current_mapping(self) -> dict[str, str | None] | None:
        if not self.mapping:
            return None
        return {header: combo.currentData() for header, combo in self.mapping.items()}

    def load(self, path: str, mapping: dict[str, str | None] | None = None) -> None:
        if not path:
            return
        self.path_edit.setText(path)
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Membaca berkas…"))
        self.session.run(import_service.preview, self.session.context(), Path(path),
                         self.import_target, mapping, success=self._previewed,
                         failure=self._failed)

    def _previewed(self, preview: import_service.Preview) -> None:
        self.preview = preview
        if not self.mapping:
            fields = import_service.SPECS[self.import_target].fields
            for header in preview.headers:
                combo = QComboBox()
                combo.setObjectName(f"import_map:{header}")
                combo.setAccessibleName(header)
                combo.addItem(self.tr("(abaikan)"), None)
                for name, label in fields.items():
                    combo.addItem(label, name)
                combo.setCurrentIndex(max(combo.findData(preview.mapping.get(header)), 0))
                combo.currentIndexChanged.connect(
                    lambda _i: self.load(self.path_edit.text(), self.current_mapping()))
                self.mapping[header] = combo
                self.mapping_form.addRow(header, combo)
        self.table.clear()
        self.table.setColumnCount(len(preview.headers) + 2)
        self.table.setHorizontalHeaderLabels([self.tr("Baris"), self.tr("Tindakan"),
                                              *preview.headers])
        self.table.setRowCount(len(preview.rows))
        actions = {"create": self.tr("baru"), "update": self.tr("diperbarui"),
                   "unchanged": self.tr("tetap"), "error": self.tr("bermasalah"),
                   "excluded": self.tr("dikecualikan")}
        for r, row in enumerate(preview.rows):
            cells: list[Any] = [row.row, actions.get(row.action, row.action),
                                *(row.cells.get(h) for h in preview.headers)]
            for c, value in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        self.errors.clear()
        for error in preview.errors:
            self.errors.addItem(str(error))
        counts = preview.counts
        if preview.errors:
            self.summary.setText(self.tr(
                "{n} masalah: perbaiki berkasnya dulu. Impor bersifat semua atau tidak sama "
                "sekali; belum ada yang disimpan.").format(n=len(preview.errors)))
        else:
            self.summary.setText(self.tr(
                "Siap: {created} baru, {updated} diperbarui, {unchanged} tetap.").format(
                    created=counts.get("created", 0), updated=counts.get("updated", 0),
                    unchanged=counts.get("unchanged", 0)))
        self.import_button.setEnabled(not preview.errors and preview.total_rows > 0)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, K3Error):
            show_error(self, exc)
        self.summary.setText(message_of(exc))
        self.import_button.setEnabled(False)

    def run_import(self) -> None:
        self.import_button.setEnabled(False)
        self.session.run(import_service.import_file, self.session.context(),
                         Path(self.path_edit.text()), self.import_target, self.current_mapping(),
                         success=self._done, failure=self._failed)

    def _done(self, result: import_service.ImportResult) -> None:
        self.session.notify(None, initiator=self)
        self.imported.emit(result)
        self.accept()
