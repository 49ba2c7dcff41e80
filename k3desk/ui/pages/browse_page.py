"""Browsing lists of the first window (inspections, companies, equipment): kept until the
list and registry pages replace them."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.workflow import STATUS_LABELS_ID, Status
from k3desk.services import browse_service
from k3desk.services.inspection_service import InspectionQuery
from k3desk.store.db import Database
from k3desk.ui.i18n import tr
from k3desk.ui.models.inspection_table_model import (
    ROW_ROLE,
    VERDICT_COLORS,
    VERDICT_LABELS,
    InspectionItem,
    InspectionTableModel,
    RecordTableModel,
    object_type_name,
)
from k3desk.ui.pages.base import Page
from k3desk.ui.session import UiSession


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


class BrowsePage(Page):
    """The first window's lists as a page (inspections; companies and equipment)."""

    def __init__(self, session: UiSession, which: str) -> None:
        super().__init__(session)
        self.title = tr("Pemeriksaan") if which == "inspections" else tr("Registri")
        db = session.db
        if which == "inspections":
            self.tabs: list[InspectionsTab | RecordsTab] = [InspectionsTab(db)]
            content: QWidget = self.tabs[0]
        else:
            self.tabs = [RecordsTab(db, "company"), RecordsTab(db, "equipment")]
            tabs = QTabWidget()
            tabs.addTab(self.tabs[0], tr("Perusahaan"))
            tabs.addTab(self.tabs[1], tr("Peralatan"))
            content = tabs
        layout = QVBoxLayout(self)
        layout.addWidget(content)

    def refresh(self) -> None:
        for tab in self.tabs:
            tab.refresh()
