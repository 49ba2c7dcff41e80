"""The main window driven as a person would: filter, search, open an inspection."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTextBrowser
from pytestqt.qtbot import QtBot

from k3desk.services import browse_service
from k3desk.services.inspection_service import InspectionQuery
from k3desk.store.db import Database, open_database
from k3desk.ui import i18n
from k3desk.ui.app import build_main_window
from k3desk.ui.models.inspection_table_model import ROW_ROLE, InspectionTableModel
from k3desk.ui.pages.browse_page import InspectionDetailDialog


def test_table_model_without_widgets(demo_dir: Path) -> None:
    db = open_database(demo_dir)
    from k3desk.ui.models.inspection_table_model import InspectionItem

    rows = browse_service.inspection_rows(db, InspectionQuery(status="approved"))
    model = InspectionTableModel()
    model.set_rows([InspectionItem(**r) for r in rows])
    assert model.rowCount() == len(rows) > 0
    assert model.columnCount() == 6
    index = model.index(0, InspectionTableModel.STATUS)
    assert model.data(index) == "Disetujui"
    assert model.data(index, ROW_ROLE).id == rows[0]["id"]
    assert model.rowCount(index) == 0  # a table: no children


def test_filter_and_search(qtbot: QtBot, demo_dir: Path) -> None:
    window = build_main_window(demo_dir)
    qtbot.addWidget(window)
    tab = window.pages["inspections"].tabs[0]
    tab.refresh()
    total = tab.model.rowCount()
    assert total >= 50
    tab.status.setCurrentIndex(tab.status.findData("submitted"))
    submitted = tab.model.rowCount()
    assert 0 < submitted < total
    assert all(tab.model.data(tab.model.index(r, 1)) == "Diajukan" for r in range(submitted))
    tab.status.setCurrentIndex(0)
    qtbot.keyClicks(tab.search, "Sinar Baja")
    found = tab.model.rowCount()
    assert 0 < found < total
    assert all(tab.model.data(tab.model.index(r, 5)) == "PT Sinar Baja Nusantara"
               for r in range(found))
    tab.search.clear()
    assert tab.model.rowCount() == total
    window.session.close()
    window.session.db.dispose()


def test_detail_dialog_shows_verdict_and_findings(qtbot: QtBot, demo_dir: Path,
        open_db_at: Callable[[Path], Database]) -> None:
    db = open_db_at(demo_dir)
    rows = browse_service.inspection_rows(db, InspectionQuery(status="rejected"))
    dialog = InspectionDetailDialog(db, rows[0]["id"])
    qtbot.addWidget(dialog)
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert "Tidak memenuhi" in text
    assert "Persyaratan" in text  # the results table: what was required, what measured
    detail = browse_service.inspection_detail(db, rows[0]["id"])
    failed = [r for r in detail["results"] if not r["passed"]]
    assert failed and failed[0]["factor"] in text
    assert isinstance(dialog, QDialog)


def test_english_on_request(qtbot: QtBot, demo_dir: Path) -> None:
    i18n.set_language("en")
    try:
        window = build_main_window(demo_dir, lang="en")
        qtbot.addWidget(window)
        header = window.pages["inspections"].tabs[0].model.headerData(
            0, Qt.Orientation.Horizontal)
        assert header == "Date"
        window.session.close()
        window.session.db.dispose()
    finally:
        i18n.set_language("id")
