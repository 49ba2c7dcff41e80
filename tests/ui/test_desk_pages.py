"""The dashboard and settings pages driven offscreen on demo data folders."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from k3desk.services import (
    auth_service,
    backup_service,
    dashboard_service,
    settings_service,
    sync_service,
)
from k3desk.store.db import open_database
from k3desk.store.models import Certificate, Inspection
from k3desk.ui import i18n
from k3desk.ui.app import build_main_window
from k3desk.ui.main_window import MainWindow
from k3desk.ui.pages.dashboard_page import DashboardPage
from k3desk.ui.pages.settings_page import SettingsPage
from tests.support.cli import run_main


def _window(qtbot: QtBot, data_dir: Path, username: str, password: str) -> MainWindow:
    window = build_main_window(data_dir)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.session.set_actor(auth_service.login_offline(window.session.db, username, password))
    return window


def _close(window: MainWindow) -> None:
    window.sync.stop()
    window.session.close()
    window.session.db.dispose()


def test_dashboard_counts_open_the_filtered_list_and_export(qtbot: QtBot, demo_dir: Path,
                                                            tmp_path: Path) -> None:
    db = open_database(demo_dir)
    with db.session() as s:  # one certificate falls due in ten days
        cert = s.scalars(select(Certificate).where(Certificate.valid_until.is_not(None))
                         .order_by(Certificate.number)).first()
        cert.valid_until = date.today() + timedelta(days=10)
        inspection = s.get(Inspection, cert.inspection_id)
        equipment_id = inspection.equipment_id
    db.dispose()
    window = _window(qtbot, demo_dir, "inspektur", "demo-inspektur")
    try:
        page = window.pages["dashboard"]
        assert isinstance(page, DashboardPage) and window.current_page() is page
        qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
        expected = {w.status: w.count for w in dashboard_service.dashboard(
            window.session.db, window.session.actor).my_work}
        for status, count in expected.items():
            assert page.status_buttons[status].text().endswith(f"\n{count}")
        assert expected["draft"] > 0
        assert page.bucket_labels["30"].text() == "≤ 30 hari\n1"
        top = page.retests.topLevelItem(0)
        assert top.child(1).data(0, Qt.ItemDataRole.UserRole) == equipment_id
        assert top.child(1).text(3) == "10"
        assert len(page.chart.points) == 12 and sum(p[1] for p in page.chart.points) > 40
        # a count opens the list of inspections filtered to it: the same count
        inspections = window.pages["inspections"]
        inspections.search.setText("x")  # an earlier filter is cleared
        qtbot.mouseClick(page.status_buttons["draft"], Qt.MouseButton.LeftButton)
        assert window.current_page() is inspections
        assert inspections.status.currentData() == "draft"  # type: ignore[attr-defined]
        assert inspections.mine.isChecked() and not inspections.search.text()  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: inspections.settled and inspections.count_label.text()  # type: ignore[attr-defined]
                        .startswith(f"{expected['draft']} "), timeout=10_000)
        # the call list as an Excel file
        window.show_page("dashboard")
        out = tmp_path / "uji-ulang.xlsx"
        page.export_retests_to(out)
        qtbot.waitUntil(lambda: "diekspor" in page.message.text(), timeout=10_000)
        ws = load_workbook(out).active
        assert ws.cell(row=3, column=9).value == 10 and ws.max_row == 3
    finally:
        _close(window)


def test_settings_server_address_checked_and_language_stored(
        qtbot: QtBot, demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    window = _window(qtbot, demo_dir, "inspektur", "demo-inspektur")
    try:
        window.show_page("settings")
        page = window.pages["settings"]
        assert isinstance(page, SettingsPage) and window.current_page() is page
        assert page.data_dir.text() == str(demo_dir)
        for bad, words in (("k3.example.go.id", "http://"), ("ftp://k3.example.go.id", "http"),
                           ("", "kosong"), ("http://exa mple", "tidak sah")):
            page.server_url.setText(bad)
            qtbot.mouseClick(page.save_server_button, Qt.MouseButton.LeftButton)
            assert words in page.server_message.text(), bad
            assert "red" in page.server_message.styleSheet() or "a40000" in \
                page.server_message.styleSheet()
        qtbot.wait(100)
        assert sync_service.server_url(window.session.db) is None  # nothing stored
        page.server_url.setText("http://127.0.0.1:9")  # nobody listens on port 9
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=20_000)
        assert "tidak dapat dihubungi" in page.server_message.text()
        page.server_url.setText("http://127.0.0.1:9/")
        qtbot.mouseClick(page.save_server_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "disimpan" in page.server_message.text(), timeout=10_000)
        assert sync_service.server_url(window.session.db) == "http://127.0.0.1:9"
        assert window.sync.configured and window.actions_by_name["action_sync_now"].isEnabled()

        page.language.setCurrentIndex(page.language.findData("en"))
        page.language.activated.emit(page.language.currentIndex())
        qtbot.waitUntil(lambda: bool(page.language_message.text()), timeout=10_000)
        assert "buka lagi" in page.language_message.text()
        assert settings_service.language(window.session.db) == "en"
    finally:
        _close(window)
    # the next start and the CLI use it
    again = build_main_window(demo_dir)
    qtbot.addWidget(again)
    try:
        assert i18n.language() == "en"
    finally:
        _close(again)
        i18n.set_language("id")
    proc = run_main(capsys, "--data-dir", str(demo_dir), "templates", "list")
    assert proc.returncode == 0 and "Portable fire extinguisher" in proc.stdout


def test_backup_now_and_diagnostics(qtbot: QtBot, demo_dir: Path, tmp_path: Path) -> None:
    window = _window(qtbot, demo_dir, "penyelia", "demo-penyelia")
    try:
        window.show_page("settings")
        page = window.pages["settings"]
        assert isinstance(page, SettingsPage)
        qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
        assert page.progress.isVisible() or "Cadangan ditulis" in page.data_message.text()
        qtbot.waitUntil(lambda: "Cadangan ditulis" in page.data_message.text(), timeout=30_000)
        assert not page.progress.isVisible()
        [backup] = list((demo_dir / "backups").glob("k3desk-backup-*.zip"))
        assert str(backup) in page.data_message.text()
        manifest = backup_service.read_manifest(backup)
        assert manifest["counts"]["inspection"] > 40
        out = tmp_path / "diag.zip"
        page.export_diagnostics_to(out)
        qtbot.waitUntil(lambda: "diagnostik ditulis" in page.data_message.text(),
                        timeout=30_000)
        assert out.is_file()
        # the Balai's number format, tried live (a supervisor sees, never sends)
        box = page.document_box
        qtbot.waitUntil(lambda: bool(box.number_format.text()), timeout=10_000)
        assert box.isVisible() and "BK3JKT" in box.number_example.text()
        box.number_format.setText("{seq:03d}/{balai_code}/{year}")
        assert f"{box.seq or 42:03d}/BK3JKT/{date.today().year}" in box.number_example.text()
        box.number_format.setText("{nomor}/{year}")
        assert "nomor" in box.number_example.text() and "a40000" in \
            box.number_example.styleSheet()
        assert "Jakarta" in box.letterhead.text()
        assert not box.save_button.isVisible() and not box.inputs["name"].isVisible()
    finally:
        _close(window)


def test_restore_confirmed_then_the_window_closes(qtbot: QtBot, demo_dir: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from k3desk.services import records_service
    from k3desk.services.context import AppContext
    from k3desk.store.models import Company

    window = _window(qtbot, demo_dir, "penyelia", "demo-penyelia")
    try:
        window.show_page("settings")
        page = window.pages["settings"]
        assert isinstance(page, SettingsPage)
        page.backup_now()
        qtbot.waitUntil(lambda: "Cadangan ditulis" in page.data_message.text(), timeout=30_000)
        backup = page.last_backup
        ctx = AppContext(db=window.session.db, actor=window.session.actor)
        with window.session.db.session() as s:
            company = s.scalars(select(Company).order_by(Company.name)).first()
            company_id, old_name = company.id, company.name
        records_service.save_company(ctx, {"name": "PT Sesudah Cadangan"}, company_id)
        # "Batal" changes nothing
        page.ask_restore(backup)
        box = page.findChild(QMessageBox, "confirm_restore")
        assert box is not None and box.isVisible()
        box.button(QMessageBox.StandardButton.Cancel).click()
        qtbot.wait(100)
        assert not page.progress.isVisible() and window.sync.stopped is False
        page.ask_restore(backup)
        page.confirm.button(QMessageBox.StandardButton.Yes).click()
        qtbot.waitUntil(lambda: page.done_box is not None and page.done_box.isVisible(),
                        timeout=60_000)
        assert "buka lagi" in page.done_box.text()
        page.done_box.button(QMessageBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    finally:
        _close(window)
    db = open_database(demo_dir)
    with db.session() as s:
        assert s.get(Company, company_id).name == old_name
    db.dispose()
    assert list((demo_dir / "backups").glob("pre-restore-*.zip"))
