"""The status bar follows the background sync against a real server on loopback."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from k3desk.services import sync_service
from k3desk.store.db import open_database
from k3desk.ui.app import build_main_window
from tests.support.cli import run_cli
from tests.support.server_process import ServerProcess

PASSWORD = "Kata-Sandi-Uji-2026"


def _setup_server(db_url: str) -> None:
    for args in (("create-balai", "--code", "BK3SBY", "--name", "Balai K3 Surabaya",
                  "--address", "Jl. Dukuh Menanggal 124, Surabaya", "--city", "Surabaya"),
                 ("create-user", "--username", "inspektur", "--full-name", "Budi",
                  "--nip", "198703152010011003", "--role", "inspector", "--balai", "BK3SBY",
                  "--password-stdin"),
                 ("grant-qualification", "--username", "inspektur", "--object-types", "apar",
                  "--licence-number", "L-1", "--valid-until",
                  (date.today() + timedelta(days=30)).isoformat())):
        proc = run_cli("admin", *args, "--db", db_url, stdin=PASSWORD + "\n")
        assert proc.returncode == 0, proc.stderr


@pytest.mark.slow  # a real server process
def test_status_bar_shows_sync_state(qtbot: QtBot, tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'server.db'}"
    _setup_server(db_url)
    with ServerProcess(db_url, tmp_path / "blobs") as server:
        db = open_database(tmp_path / "laptop")
        actor, online = sync_service.login(db, "inspektur", PASSWORD, server.url)
        assert online and actor.username == "inspektur"
        db.dispose()
        window = build_main_window(tmp_path / "laptop")
        qtbot.addWidget(window)
        try:
            assert window.sync.configured
            qtbot.waitUntil(lambda: "Mutakhir" in window.sync_label.text(), timeout=30_000)
        finally:
            window.sync.stop()
            window.session.close()
            window.session.db.dispose()


def test_without_a_server_the_app_says_offline(qtbot: QtBot, tmp_path: Path) -> None:
    window = build_main_window(tmp_path / "laptop")
    qtbot.addWidget(window)
    assert not window.sync.configured
    assert "Luring" in window.sync_label.text()
    assert not window.actions_by_name["action_sync_now"].isEnabled()
    window.session.close()
    window.session.db.dispose()
