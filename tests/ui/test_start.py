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
from tests.support.cli import run_main
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


def test_a_demo_folder_refuses_a_server(demo_dir: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
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
    proc = run_main(capsys, "login", "--username", "inspektur", "--password-stdin",
                    "--server", "http://127.0.0.1:9", data_dir=demo_dir,
                    stdin="demo-inspektur\n")
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


def test_later_starts_open_the_login_page_with_the_last_username(
        qtbot: QtBot, demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the CLI left a user logged in: the window still asks for the password
    proc = run_main(capsys, "login", "--username", "inspektur2", "--password-stdin",
                    data_dir=demo_dir, stdin="demo-inspektur\n")
    assert proc.returncode == 0, proc.stderr
    window = build_main_window(demo_dir)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.top.currentWidget() is window.login_page)
        page = window.login_page
        assert window.session.actor is None
        assert page.username.text() == "inspektur2"
        assert page.focusWidget() is page.password
        login(qtbot, window, "inspektur", "demo-inspektur")
        assert window.current_page() is window.pages["dashboard"]
        window.show_page("registry")
    finally:
        window.close()  # closed without "Keluar akun"
        close_window(window)
    again = build_main_window(demo_dir)
    qtbot.addWidget(again)
    again.show()
    try:
        qtbot.waitUntil(lambda: again.top.currentWidget() is again.login_page)
        assert again.login_page.username.text() == "inspektur"
        qtbot.keyClicks(again.login_page.password, "demo-inspektur")
        qtbot.keyClick(again.login_page.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: again.top.currentWidget() is again.workspace, timeout=10_000)
        assert again.current_page() is again.pages["registry"]  # the last screen
    finally:
        close_window(again)


def test_app_start_sweeps_unreferenced_blobs_off_the_ui_thread(qtbot: QtBot,
                                                               demo_dir: Path) -> None:
    import os
    import time

    from k3desk.ui.app import start_housekeeping

    window = build_main_window(demo_dir)
    qtbot.addWidget(window)
    try:
        root = Path(window.session.db.blob_dir)
        orphan = root / "ab" / ("ab" + "0" * 62)  # a crash between blob and row
        orphan.parent.mkdir(parents=True, exist_ok=True)
        orphan.write_bytes(b"left by a crash")
        young = root / "ab" / ("ab" + "1" * 62)  # maybe another process's write in flight
        young.write_bytes(b"about to commit")
        old = time.time() - 2 * 3600
        os.utime(orphan, (old, old))
        kept = [p for p in root.glob("*/*") if p not in (orphan, young)]
        start_housekeeping(window)
        qtbot.waitUntil(lambda: not orphan.exists(), timeout=10_000)
        window.session.ops.wait_idle()
        assert young.exists() and all(p.exists() for p in kept)
    finally:
        close_window(window)
