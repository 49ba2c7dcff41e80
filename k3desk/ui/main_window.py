"""The main window: inspections, companies and equipment of this laptop."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.workflow import STATUS_LABELS_ID, Status
from k3desk.services import browse_service
from k3desk.services.context import Actor
from k3desk.services.inspection_service import InspectionQuery
from k3desk.store.db import Database
from k3desk.ui.i18n import tr
from k3desk.ui.inspection_table_model import (
    ROW_ROLE,
    VERDICT_COLORS,
    VERDICT_LABELS,
    InspectionItem,
    InspectionTableModel,
    RecordTableModel,
    object_type_name,
)


def _table(model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class InspectionsTab(QWidget):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.search = QLineEdit(placeholderText=tr("Cari…"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(tr("Semua status"), None)
        for s in Status:
            self.status.addItem(tr(STATUS_LABELS_ID[s]), s.value)
        self.object_type = QComboBox()
        self.object_type.addItem(tr("Semua jenis objek"), None)
        for code in OBJECT_TYPES:
            self.object_type.addItem(object_type_name(code), code)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.object_type, 1)
        self.model = InspectionTableModel()
        self.view = _table(self.model)
        self.view.doubleClicked.connect(self.show_detail)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self.search.textChanged.connect(self.refresh)
        self.status.currentIndexChanged.connect(self.refresh)
        self.object_type.currentIndexChanged.connect(self.refresh)

    def query(self) -> InspectionQuery:
        return InspectionQuery(status=self.status.currentData(),
                               object_type=self.object_type.currentData(),
                               text=self.search.text().strip() or None)

    def refresh(self) -> None:
        rows = browse_service.inspection_rows(self.db, self.query())
        self.model.set_rows([InspectionItem(**r) for r in rows])

    def show_detail(self, index: QModelIndex) -> None:
        item: InspectionItem = self.model.data(index, ROW_ROLE)
        InspectionDetailDialog(self.db, item.id, self).exec()


class InspectionDetailDialog(QDialog):
    """The verdict and why: every rule with what was required and what was measured,
    then every value entered (read-only)."""

    def __init__(self, db: Database, inspection_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        detail = browse_service.inspection_detail(db, inspection_id)
        insp = detail["inspection"]
        equipment, company = detail["equipment"], detail["company"]
        self.setWindowTitle(f"{tr('Pemeriksaan')} {equipment.get('serial_number', '')}")
        self.resize(860, 640)
        verdict = insp.get("verdict") or ""
        color = VERDICT_COLORS.get(verdict, "#000")
        cert = detail.get("certificate")
        parts = [
            f"<h3>{esc(object_type_name(equipment.get('object_type', '')))} "
            f"{esc(equipment.get('serial_number', ''))}</h3>",
            f"<p>{esc(company.get('name', ''))}<br>{esc(company.get('address', ''))}<br>"
            f"{tr('Tanggal')}: {insp['inspected_on']} &nbsp; {tr('Pemeriksa')}: "
            f"{esc(detail.get('inspector', ''))}</p>",
            f"<p><b>{tr('Kesimpulan')}:</b> <span style='color:{color}'><b>"
            f"{tr(VERDICT_LABELS.get(verdict, '-'))}</b></span> &nbsp; <b>{tr('Status')}:</b> "
            f"{tr(STATUS_LABELS_ID[Status(insp['status'])])}"
            + (f" &nbsp; <b>{tr('Nomor')}:</b> {esc(cert)}" if cert else "")
            + (f" <span style='color:#b71c1c'>({tr('dicabut')})</span>"
               if detail.get("certificate_revoked") else "") + "</p>"]
        if insp.get("review_comment"):
            parts.append(f"<p><b>{tr('Catatan penyelia')}:</b> "
                         f"{esc(insp['review_comment'])}</p>")
        if detail["results"]:
            rows = "".join(
                f"<tr><td>{esc(r['factor'])}</td><td>{esc(r['required'])}"
                f"{'*' if r['unverified'] else ''}<br><small>{esc(r['reference'])}</small></td>"
                f"<td align=right>{esc(r['measured'])} {esc(r['unit'])}</td>"
                f"<td style='color:{'#1b5e20' if r['passed'] else '#b71c1c'}'>"
                f"{tr('Memenuhi') if r['passed'] else tr('Tidak memenuhi')}</td></tr>"
                for r in detail["results"])
            parts.append(
                f"<h4>{tr('Hasil pemeriksaan dan pengujian')}</h4>"
                "<table border=1 cellspacing=0 cellpadding=3 width=100%>"
                f"<tr><th>{tr('Faktor')}</th><th>{tr('Persyaratan')}</th>"
                f"<th>{tr('Hasil ukur')}</th><th>{tr('Keterangan')}</th></tr>{rows}</table>"
                f"<p><small>* {tr('ambang belum terverifikasi terhadap teks peraturan')}"
                "</small></p>")
        for title, values in detail["sections"]:
            rows = "".join(f"<tr><td>{esc(label)}</td><td>{esc(value)} {esc(unit)}</td></tr>"
                           for label, value, unit in values)
            parts.append(f"<h4>{esc(title)}</h4><table cellspacing=2>{rows}</table>")
        if not detail["sections"]:
            rows = "".join(f"<tr><td>{esc(k)}</td><td>{esc(v)}</td></tr>"
                           for k, v in sorted((insp.get("values") or {}).items()))
            parts.append(f"<h4>{tr('Nilai terukur')}</h4><table>{rows}</table>")
        text = QTextBrowser()
        text.setHtml("".join(parts))
        buttons = QDialogButtonBox()
        buttons.addButton(tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)


def esc(value: object) -> str:
    return html.escape(str(value))


class RecordsTab(QWidget):
    def __init__(self, db: Database, kind: str) -> None:
        super().__init__()
        self.db, self.kind = db, kind
        columns = ([("name", "Nama"), ("city", "Kota"), ("address", "Alamat")]
                   if kind == "company" else
                   [("object_type_name", "Jenis objek"), ("serial_number", "Nomor seri"),
                    ("manufacturer", "Pabrikan"), ("model", "Model"), ("capacity", "Kapasitas"),
                    ("company_name", "Perusahaan"), ("location", "Lokasi")])
        self.search = QLineEdit(placeholderText=tr("Cari…"))
        self.search.setClearButtonEnabled(True)
        self.model = RecordTableModel(columns)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(_table(self.model))
        self.search.textChanged.connect(self.refresh)

    def refresh(self) -> None:
        text = self.search.text().strip() or None
        if self.kind == "company":
            rows = browse_service.company_rows(self.db, text)
        else:
            rows = [dict(r, object_type_name=object_type_name(r["object_type"]))
                    for r in browse_service.equipment_rows(self.db, text)]
        self.model.set_rows(rows)


class SyncBridge(QObject):
    """The background sync runner's callbacks (worker thread) as Qt signals (UI thread).

    Runs only when a server has been configured (``k3desk login --server URL``)."""

    status_changed = Signal(str)
    synced = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from k3desk.services import sync_service

        self.configured = bool(sync_service.server_url(db))
        self.runner = None
        if self.configured:
            self.runner = sync_service.background_runner(
                db, on_status=lambda st: self.status_changed.emit(st.text()),
                on_summary=lambda _summary: self.synced.emit())
            self.runner.start()

    def sync_now(self) -> None:
        if self.runner is not None:
            self.runner.sync_now()

    def stop(self) -> None:
        if self.runner is not None:
            self.runner.stop()
            self.runner = None


class MainWindow(QMainWindow):
    def __init__(self, db: Database, actor: Actor | None) -> None:
        super().__init__()
        self.db = db
        overview = browse_service.overview(db)
        self.setWindowTitle("k3desk" + (f" — {overview.balai_name}" if overview.balai_name
                                        else ""))
        self.resize(1180, 720)
        self.inspections = InspectionsTab(db)
        self.companies = RecordsTab(db, "company")
        self.equipment = RecordsTab(db, "equipment")
        tabs = QTabWidget()
        tabs.addTab(self.inspections, tr("Pemeriksaan"))
        tabs.addTab(self.companies, tr("Perusahaan"))
        tabs.addTab(self.equipment, tr("Peralatan"))
        self.setCentralWidget(tabs)
        menu = self.menuBar().addMenu(tr("Berkas"))
        quit_action = QAction(tr("Keluar"), self)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(tr("Bantuan"))
        about = QAction(tr("Tentang k3desk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        who = (f"{actor.full_name} ({actor.role})" if actor else tr("Belum ada yang login"))
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(QLabel(f"{who}  ·"))
        self.sync_label = QLabel(tr("Luring: belum ada server"))
        self.statusBar().addPermanentWidget(self.sync_label)
        self.sync = SyncBridge(db, self)
        self.sync.status_changed.connect(self.sync_label.setText)
        self.sync.synced.connect(self.refresh_all)
        sync_action = QAction(tr("Sinkronkan sekarang"), self)
        sync_action.setShortcut("F5")
        sync_action.triggered.connect(self.sync.sync_now)
        sync_action.setEnabled(self.sync.configured)
        menu.insertAction(quit_action, sync_action)
        self.data_path = Path(db.path)
        for tab in (self.inspections, self.companies, self.equipment):
            tab.refresh()
        self.inspections.model.modelReset.connect(self.update_status)
        self.update_status()

    def refresh_all(self) -> None:
        for tab in (self.inspections, self.companies, self.equipment):
            tab.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.sync.stop()
        super().closeEvent(event)

    def update_status(self) -> None:
        self.status_label.setText(f"{self.inspections.model.rowCount()} "
                                  f"{tr('pemeriksaan ditampilkan')}  ·  {tr('Data')}: "
                                  f"{self.data_path}")

    def show_about(self) -> None:
        from k3desk import __version__

        QMessageBox.about(self, tr("Tentang k3desk"),
                          f"k3desk {__version__}\nPemeriksaan dan pengujian K3, luring dulu.")

