"""Shared by the supervisor's desk tests: a demo folder per module, a logged-in window,
and clicking through the dialogs the pages open with ``open()``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from k3desk.services import auth_service
from k3desk.services.context import Actor, AppContext
from k3desk.ui.app import build_main_window
from k3desk.ui.main_window import MainWindow

PASSWORDS = {"penyelia": "demo-penyelia", "inspektur": "demo-inspektur",
             "inspektur2": "demo-inspektur"}


def demo_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the session's demo folder (made once, as the ``demo_dir`` fixture does)."""
    from tests.support import demo

    return demo.demo_copy(tmp_path_factory, tmp_path_factory.mktemp("desk") / "demo")


def open_window(qtbot: QtBot, data_dir: Path, username: str = "penyelia"
                ) -> Iterator[MainWindow]:
    window = build_main_window(data_dir)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    login(window, username)
    try:
        yield window
    finally:  # also when a test ends the generator early with .close()
        window.session.ops.wait_idle()
        window.session.close()
        window.session.db.dispose()


def login(window: MainWindow, username: str) -> Actor:
    actor = auth_service.login_offline(window.session.db, username, PASSWORDS[username])
    window.session.set_actor(actor)
    return actor


def context(window: MainWindow, username: str) -> AppContext:
    """Another user's service context on the same folder (the inspector's side)."""
    from sqlalchemy import select

    from k3desk.store.models import User

    with window.session.db.session() as s:
        user = s.scalars(select(User).where(User.username == username)).one()
        return AppContext(db=window.session.db, actor=Actor.of(user))


def click(qtbot: QtBot, dialog: QWidget | None, button_name: str) -> None:
    assert dialog is not None and dialog.isVisible()
    button = dialog.findChild(QAbstractButton, button_name)
    assert button is not None, f"{dialog.objectName()} has no {button_name}"
    assert button.isEnabled()
    button.click()
