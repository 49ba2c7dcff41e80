"""The inspections list: lazy model, filters, search by what a row shows, sort, count,
refresh after another process wrote, open, re-test, delete a draft."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from k3desk.services import inspection_list_service as ils
from k3desk.services.inspection_list_service import ListQuery
from k3desk.store.db import open_database
from k3desk.ui.main_window import MainWindow
from k3desk.ui.models.inspection_table_model import (
    MAX_PAGES,
    PAGE_SIZE,
    InspectionTableModel,
)
from tests.support.cli import run_cli


def _column(page: Any, qtbot: QtBot, column: int) -> list[str]:
    model = page.model
    for r in range(model.rowCount()):
        model.data(model.index(r, column))
    qtbot.waitUntil(lambda: all(model.item(r) is not None for r in range(model.rowCount())))
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def _settle(qtbot: QtBot, page: Any) -> None:
    qtbot.waitUntil(lambda: page.settled, timeout=10_000)


def _open_list(qtbot: QtBot, window: MainWindow) -> Any:
    """The inspections list, opened from the sidebar (the dashboard comes first)."""
    assert window.current_page() is window.pages["dashboard"]
    qtbot.mouseClick(window.nav_buttons["inspections"], Qt.MouseButton.LeftButton)
    page = window.pages["inspections"]
    assert window.page_stack.currentWidget() is page
    return page


def test_lazy_model_holds_only_a_few_pages(demo_dir: Path) -> None:
    db = open_database(demo_dir)
    try:
        rows = ils.rows_by_id(db, ils.inspection_ids(db, None, ListQuery()))
        asked: list[int] = []

        def fetch(ids: list[str], done: Any) -> None:  # synchronous, as the worker would
            asked.append(len(ids))
            done({i: dict(next(iter(rows.values())), id=i) for i in ids})

        model = InspectionTableModel(fetch)
        model.set_ids([f"id-{n}" for n in range(50_000)])
        assert model.rowCount() == 50_000 and model.cached_rows() == 0
        for row in range(0, 50_000, 997):
            assert model.data(model.index(row, InspectionTableModel.STATUS)) != "…"
        assert model.cached_rows() <= MAX_PAGES * PAGE_SIZE
        assert all(n <= PAGE_SIZE for n in asked)
        assert model.data(model.index(0, 0)) is not None
    finally:
        db.dispose()


def test_filter_search_sort_and_count(qtbot: QtBot, inspector_window: MainWindow) -> None:
    window = inspector_window
    page = _open_list(qtbot, window)
    _settle(qtbot, page)
    total = page.model.rowCount()
    assert total >= 50 and str(total) in page.count_label.text()

    page.status.setCurrentIndex(page.status.findData("submitted"))
    _settle(qtbot, page)
    submitted = page.model.rowCount()
    assert 0 < submitted < total
    assert set(_column(page, qtbot, InspectionTableModel.STATUS)) == {"Diajukan"}
    page.status.setCurrentIndex(0)

    qtbot.keyClicks(page.search, "Overhead")  # the object type's name, not its code
    _settle(qtbot, page)
    assert 0 < page.model.rowCount() < total
    assert set(_column(page, qtbot, InspectionTableModel.OBJECT_TYPE)) == {"Overhead Crane"}
    page.search.clear()
    qtbot.keyClicks(page.search, "Sinar Baja")  # the company
    _settle(qtbot, page)
    assert set(_column(page, qtbot, InspectionTableModel.COMPANY)) == {
        "PT Sinar Baja Nusantara"}
    page.search.clear()
    qtbot.keyClicks(page.search, "Ditolak")  # the status label
    _settle(qtbot, page)
    assert set(_column(page, qtbot, InspectionTableModel.STATUS)) == {"Ditolak"}
    page.search.clear()
    _settle(qtbot, page)
    assert page.model.rowCount() == total

    page.mine.setChecked(True)
    _settle(qtbot, page)
    mine = page.model.rowCount()
    assert 0 < mine < total
    assert set(_column(page, qtbot, InspectionTableModel.INSPECTOR)) == {"Budi Santoso, S.T."}
    page.mine.setChecked(False)

    page.view.sortByColumn(InspectionTableModel.COMPANY, Qt.SortOrder.AscendingOrder)
    _settle(qtbot, page)
    companies = _column(page, qtbot, InspectionTableModel.COMPANY)
    assert companies == sorted(companies, key=str.lower) and len(companies) == total
    page.view.sortByColumn(InspectionTableModel.DATE, Qt.SortOrder.DescendingOrder)
    _settle(qtbot, page)
    dates = _column(page, qtbot, InspectionTableModel.DATE)
    assert dates == sorted(dates, reverse=True)


def test_refreshes_after_another_process_writes(qtbot: QtBot,
                                               inspector_window: MainWindow) -> None:
    window = inspector_window
    page = _open_list(qtbot, window)
    _settle(qtbot, page)
    before = page.model.rowCount()
    db = window.session.db
    equipment = run_cli("list", "equipment", "--json", data_dir=window.session.data_dir)
    assert equipment.returncode == 0, equipment.stderr
    import json

    first = json.loads(equipment.stdout)[0]
    proc = run_cli("inspection", "create", "--equipment", first["id"],
                   data_dir=window.session.data_dir)
    assert proc.returncode == 0, proc.stderr
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=15_000)
    assert db is window.session.db


def test_open_retest_and_delete_a_draft(qtbot: QtBot, inspector_window: MainWindow) -> None:
    window = inspector_window
    page = _open_list(qtbot, window)
    page.status.setCurrentIndex(page.status.findData("draft"))
    page.mine.setChecked(True)
    _settle(qtbot, page)
    drafts = page.model.rowCount()
    assert drafts > 0
    qtbot.waitUntil(lambda: page.model.item(0) is not None)
    inspection_id = page.model.id_at(0)
    page.view.setCurrentIndex(page.model.index(0, 0))
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert window.page_stack.currentWidget() is window.pages["editor"]
    window.show_page("inspections")
    _settle(qtbot, page)
    menu = page.context_menu(0)
    names = [a.objectName() for a in menu.actions()]
    assert names == ["menu_open", "menu_retest", "menu_delete"]
    assert all(a.isEnabled() for a in menu.actions())
    menu.actions()[2].trigger()
    box = page.confirm_box
    qtbot.mouseClick(box.findChild(QPushButton, "confirm_delete_yes"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.settled and page.model.rowCount() == drafts - 1)
    assert page.model.row_of(inspection_id) == -1
    with window.session.db.session() as s:
        from sqlalchemy import select

        from k3desk.store.models import OutboxEntry

        tomb = s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == inspection_id)
                         .order_by(OutboxEntry.id.desc())).first()
        assert tomb is not None and tomb.deleted
    page.status.setCurrentIndex(page.status.findData("approved"))
    _settle(qtbot, page)
    qtbot.waitUntil(lambda: page.model.item(0) is not None)
    assert not page.context_menu(0).actions()[2].isEnabled()  # only drafts are deleted


def test_the_list_index_serves_the_date_order(demo_dir: Path) -> None:
    """Migration 0003: the plain list is read from a covering index, in order."""
    db = open_database(demo_dir)
    try:
        from sqlalchemy import select

        stmt = ils._filtered(select(ils.Inspection.id), None, ListQuery()).order_by(
            *ils._order(ListQuery()))
        sql = str(stmt.compile(db.engine, compile_kwargs={"literal_binds": True}))
        with db.engine.connect() as conn:
            plan = " ".join(str(r) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
        assert "COVERING INDEX ix_inspection_list" in plan and "TEMP B-TREE" not in plan
        assert ils.count(db, None, ListQuery(text="Sinar Baja")) == len(
            ils.inspection_ids(db, None, ListQuery(text="Sinar Baja"))) > 0
    finally:
        db.dispose()
