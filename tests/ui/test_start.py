"""First start, login, logout, and a demo folder that never meets a real server."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from k3desk.domain.errors import K3Error
from k3desk.services import auth_service, sync_service
from k3desk.store.db import open_database
from k3desk.ui.app import build_main_window
from tests.support.cli import run_cli
from tests.ui.conftest import close_window, login


def test_first_start_with_demo_data_through_the_welcome_page(qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    window = build_main_window(tmp_path / "data")
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.top.currentWidget() is window.welcome_page)
        qtbot.mouseClick(window.welcome_page.demo_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.top.currentWidget() is window.login_page,
                        timeout=120_000)
        users = window.login_page.demo_users
        assert users.isVisible() and "inspektur" in users.text()
        assert "demo-penyelia" in users.text()
        assert "Jakarta" in window.login_page.balai.text()
        login(qtbot, window, "inspektur", "demo-inspektur")
        assert "Budi Santoso" in window.header_user.text()
        assert "Pemeriksa" in window.header_user.text()
        assert window.header_title.text().startswith("Balai")
    finally:
        close_window(window)


def test_login_refuses_a_wrong_password_then_logout_returns(qtbot: QtBot,
                                                           demo_dir: Path) -> None:
    window = build_main_window(demo_dir)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.top.currentWidget() is window.login_page)
        page = window.login_page
        qtbot.keyClicks(page.username, "inspektur")
        qtbot.keyClicks(page.password, "salah")
        qtbot.keyClick(page.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "salah" in page.message.text())
        assert window.top.currentWidget() is page
        assert window.session.actor is None
        login(qtbot, window, "penyelia", "demo-penyelia")
        assert "Penyelia" in window.header_user.text()
        assert window.nav_buttons["review"].isVisibleTo(window)
        window.actions_by_name["action_logout"].trigger()
        qtbot.waitUntil(lambda: window.top.currentWidget() is page)
        assert window.header_user.text() == ""
        assert auth_service.current_actor(window.session.db) is None
        login(qtbot, window, "inspektur2", "demo-inspektur")
        assert "Siti" in window.header_user.text()
        assert not window.nav_buttons["review"].isVisibleTo(window)
    finally:
        close_window(window)


def test_a_demo_folder_refuses_a_server(demo_dir: Path) -> None:
    db = open_database(demo_dir)
    try:
        with pytest.raises(K3Error, match="data demo"):
            sync_service.login(db, "inspektur", "demo-inspektur", "http://127.0.0.1:9")
        assert sync_service.server_url(db) is None  # not even remembered
        with pytest.raises(K3Error, match="folder data baru"):
            sync_service.sync_now(db, "http://127.0.0.1:9")
        # offline login still works on the demo
        actor, online = sync_service.login(db, "inspektur", "demo-inspektur")
        assert actor.username == "inspektur" and not online
    finally:
        db.dispose()
    proc = run_cli("login", "--username", "inspektur", "--password-stdin", "--server",
                   "http://127.0.0.1:9", data_dir=demo_dir, stdin="demo-inspektur\n")
    assert proc.returncode != 0
    assert "data demo" in proc.stderr and "Traceback" not in proc.stderr


def test_choosing_a_server_from_a_demo_folder_sets_the_demo_aside(qtbot: QtBot,
                                                                  demo_dir: Path) -> None:
    window = build_main_window(demo_dir)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.login_page.real_button.isVisible())
        qtbot.mouseClick(window.login_page.real_button, Qt.MouseButton.LeftButton)
        box = window.confirm_box
        qtbot.mouseClick(box.findChild(type(window.login_page.real_button),
                                       "confirm_real_folder_yes"), Qt.MouseButton.LeftButton)
        new = window.successor
        assert new is not None
        qtbot.addWidget(new)
        qtbot.waitUntil(lambda: new.top.currentWidget() is new.welcome_page)
        aside = demo_dir.with_name(demo_dir.name + "-demo")
        assert (aside / "k3desk.db").exists() or any(aside.iterdir())
        from k3desk.services.demo_service import has_users, is_demo

        assert not has_users(demo_dir)
        db = open_database(aside)
        assert is_demo(db)
        db.dispose()
        assert not is_demo(new.session.db)
    finally:
        close_window(window)
