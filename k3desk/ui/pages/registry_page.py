"""Registri: companies, equipment and measuring instruments: search, create, edit,
import from Excel. An equipment item shows its inspection history, its last certificate
and the next test date; an instrument its calibration due date (expired in red)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from k3desk.services import browse_service, inspection_list_service
from k3desk.ui.labels import object_type_name, status_label, verdict_label
from k3desk.ui.models.inspection_table_model import RecordTableModel
from k3desk.ui.pages.base import Page
from k3desk.ui.session import UiSession


class RecordsTab(QWidget):
    def __init__(self, page: RegistryPage, record_type: str, columns: list[tuple[str, str]],
                 widths: tuple[int, ...] = ()) -> None:
        super().__init__()
        self.page, self.record_type, self.session = page, record_type, page.session
        self.setObjectName(f"registry_{record_type}")
        self.search = QLineEdit()
        self.search.setObjectName(f"registry_{record_type}_search")
        self.search.setPlaceholderText(self.tr("Cari… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Cari"))
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("Baru…"))
        self.new_button.setObjectName(f"registry_{record_type}_new")
        self.edit_button = QPushButton(self.tr("Ubah…"))
        self.edit_button.setObjectName(f"registry_{record_type}_edit")
        self.import_button = QPushButton(self.tr("Impor dari Excel…"))
        self.import_button.setObjectName(f"registry_{record_type}_import")
        self.model = RecordTableModel(columns)
        self.view = QTableView()
        self.view.setObjectName(f"registry_{record_type}_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(28)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _i: self.edit())
        self.count = QLabel()
        self.count.setObjectName(f"registry_{record_type}_count")
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        for button in (self.new_button, self.edit_button, self.import_button):
            bar.addWidget(button)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(bar)
        self.detail: QTextBrowser | None = None
        if record_type == "equipment":
            self.detail = QTextBrowser()
            self.detail.setObjectName("registry_equipment_detail")
            split = QSplitter()
            split.addWidget(self.view)
            split.addWidget(self.detail)
            split.setSizes([820, 340])
            self.layout_.addWidget(split, 1)
            self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        else:
            self.layout_.addWidget(self.view, 1)
        for column, width in enumerate(widths):
            self.view.setColumnWidth(column, width)
        self.layout_.addWidget(self.count)
        self.new_button.clicked.connect(self.create_record)
        self.edit_button.clicked.connect(self.edit)
        self.import_button.clicked.connect(self.import_file)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self._serial = 0

    def refresh(self) -> None:
        self._serial += 1
        serial = self._serial
        text = self.search.text().strip() or None
        fn = {"company": browse_service.company_rows,
              "equipment": browse_service.equipment_rows,
              "instrument": browse_service.instrument_rows}[self.record_type]
        self.session.run(fn, self.session.db, text,
                         success=lambda rows: self._rows(serial, rows))

    def _rows(self, serial: int, rows: list[dict[str, Any]]) -> None:
        if serial != self._serial:
            return
        if self.record_type == "equipment":
            rows = [dict(r, object_type_name=object_type_name(r["object_type"])) for r in rows]
        self.model.set_rows(rows)
        self.count.setText(self.tr("%n baris", "", len(rows)))

    def current(self) -> dict[str, Any] | None:
        return self.model.row(self.view.currentIndex().row())

    def create_record(self) -> None:
        self._open_dialog(None)

    def edit(self) -> None:
        record = self.current()
        if record is not None:
            self._open_dialog(record)

    def _open_dialog(self, record: dict[str, Any] | None) -> None:
        from k3desk.ui.dialogs.record_dialog import RecordDialog

        dialog = RecordDialog(self.session, self.record_type, record, self)
        dialog.saved.connect(lambda _c: self.refresh())
        self.dialog = dialog
        dialog.open()

    def import_file(self) -> None:
        from k3desk.ui.dialogs.import_dialog import ImportDialog

        import_target = {"company": "companies", "equipment": "equipment",
                         "instrument": "instruments"}[self.record_type]
        dialog = ImportDialog(self.session, import_target, self)
        dialog.imported.connect(lambda _r: self.refresh())
        self.import_dialog = dialog
        dialog.open()

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row(current.row())
        if row is not None:
            self.session.run(inspection_list_service.equipment_summary, self.session.db,
                             row["id"], success=self._detail)

    def _detail(self, summary: dict[str, Any]) -> None:
        assert self.detail is not None
        cert = summary.get("certificate")
        lines = [f"<h3>{object_type_name(summary['object_type'])} "
                 f"{summary['serial_number']}</h3>",
                 "<p>" + self.tr("Uji berikutnya: {date}").format(
                     date=summary.get("next_test_due") or "—") + "<br>"]
        if cert:
            text = self.tr("Sertifikat terakhir: {number} ({issued})").format(
                number=cert["number"], issued=cert["issued_on"])
            if cert["revoked"]:
                text += " — " + self.tr("dicabut")
            lines.append(text)
        else:
            lines.append(self.tr("Belum ada sertifikat."))
        lines.append("</p><h4>" + self.tr("Riwayat pemeriksaan") + "</h4><table cellpadding=3>")
        for h in summary["history"]:
            lines.append(f"<tr><td>{h['inspected_on']}</td><td>{status_label(h['status'])}"
                         f"</td><td>{verdict_label(h['verdict'])}</td></tr>")
        lines.append("</table>")
        self.detail.setHtml("".join(lines))


class RegistryPage(Page):
    def __init__(self, session: UiSession) -> None:
        super().__init__(session)
        self.setObjectName("registry_page")
        self.title = self.tr("Registri")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("registry_tabs")
        self.companies = RecordsTab(self, "company", [
            ("name", self.tr("Nama")), ("city", self.tr("Kota")),
            ("contact_person", self.tr("Narahubung")), ("address", self.tr("Alamat"))],
            (300, 160, 180))
        self.equipment = RecordsTab(self, "equipment", [
            ("object_type_name", self.tr("Jenis objek")),
            ("serial_number", self.tr("Nomor seri")), ("company_name", self.tr("Perusahaan")),
            ("manufacturer", self.tr("Pabrikan")), ("capacity", self.tr("Kapasitas")),
            ("location", self.tr("Lokasi"))], (210, 120, 220, 100, 90))
        self.instruments = RecordsTab(self, "instrument", [
            ("name", self.tr("Nama alat")), ("serial_number", self.tr("Nomor seri")),
            ("kind", self.tr("Jenis alat")),
            ("calibration_valid_until", self.tr("Kalibrasi berlaku sampai"))],
            (340, 160, 220))
        self.tabs.addTab(self.companies, self.tr("Perusahaan"))
        self.tabs.addTab(self.equipment, self.tr("Peralatan"))
        self.tabs.addTab(self.instruments, self.tr("Alat ukur"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        for tab in (self.companies, self.equipment, self.instruments):
            tab.refresh()

    def focus_search(self) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, RecordsTab):
            tab.search.setFocus()
            tab.search.selectAll()
