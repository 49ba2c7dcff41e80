"""Helpers of the window tests: build, log in, close."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from k3desk.ui.app import build_main_window
from k3desk.ui.main_window import MainWindow
from tests.ui.desk_support import demo_copy, open_window


def close_window(window: MainWindow) -> None:
    window.hide()
    while window.successor is not None:
        window = window.successor
        window.hide()
    window.sync.stop()
    window.session.close()
    window.session.db.dispose()


def login(qtbot: QtBot, window: MainWindow, username: str, password: str) -> None:
    qtbot.waitUntil(lambda: window.top.currentWidget() is window.login_page, timeout=10_000)
    page = window.login_page
    page.username.setText(username)
    page.password.setText(password)
    qtbot.mouseClick(page.submit, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.top.currentWidget() is window.workspace, timeout=10_000)


@pytest.fixture
def inspector_window(qtbot: QtBot, demo_dir: Path) -> Iterator[MainWindow]:
    """The demo folder's window, logged in as the inspector through the login page."""
    window = build_main_window(demo_dir)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    login(qtbot, window, "inspektur", "demo-inspektur")
    yield window
    close_window(window)


@pytest.fixture(scope="module")
def desk_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The supervisor's desk tests: a copy of the demo folder per module."""
    return demo_copy(tmp_path_factory)


@pytest.fixture
def window(qtbot: QtBot, desk_dir: Path) -> Iterator[MainWindow]:
    """The desk folder's window, the supervisor logged in (``desk_support.open_window``)."""
    yield from open_window(qtbot, desk_dir)
