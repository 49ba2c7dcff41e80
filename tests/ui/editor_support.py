"""Helpers of the editor tests: a window on a copied demo folder, a fresh draft made
through the services, and the editor opened on it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from k3desk.domain.evaluation import example_values
from k3desk.domain.templates import default_registry
from k3desk.services import auth_service, inspection_service
from k3desk.services.context import AppContext
from k3desk.store.db import Database
from k3desk.store.models import Equipment, Inspection
from k3desk.ui.app import build_main_window
from k3desk.ui.main_window import MainWindow
from k3desk.ui.pages.editor_page import EditorPage
from tests.support.photos import attach_example_photos


def inspector(db: Database, username: str = "inspektur") -> AppContext:
    password = "demo-penyelia" if username == "penyelia" else "demo-inspektur"
    return AppContext(db=db, actor=auth_service.login_offline(db, username, password))


def new_draft(db: Database, object_type: str, values: dict[str, Any] | None = None,
              *, full: bool = False, drop: tuple[str, ...] = ()) -> str:
    """A new draft for an item of ``object_type`` pinned to its latest template: when
    ``full``, with the example values and a stored photo in every photo field, so it can
    be submitted. ``drop`` leaves values out, also inside a group row
    (``"tali_kawat[0].diameter"``)."""
    ctx = inspector(db)
    with db.session() as s:
        equipment_id = s.scalars(select(Equipment.id).where(
            Equipment.object_type == object_type)).first()
    template = default_registry().latest_for_object_type(object_type)
    start = example_values(template) if full else {}
    start.update(values or {})
    for path in drop:
        _drop(start, path)
    start.pop("jenis_pemeriksaan", None)
    change = inspection_service.create_draft(ctx, equipment_id=equipment_id,
                                             kind="berkala", values=start,
                                             inspected_on=dt.date.today())
    if full:
        attach_example_photos(ctx, change.ids[0])
    return change.ids[0]


def _drop(values: dict[str, Any], path: str) -> None:
    match = re.fullmatch(r"(\w+)\[(\d+)\]\.(\w+)", path)
    if match is None:
        values.pop(path, None)
    else:
        group, index, name = match.group(1), int(match.group(2)), match.group(3)
        values[group][index].pop(name, None)


def stored(db: Database, inspection_id: str) -> Inspection:
    with db.session() as s:
        inspection = s.get(Inspection, inspection_id)
        assert inspection is not None
        s.expunge(inspection)
        return inspection


def window_for(qtbot: QtBot, data_dir: Path) -> MainWindow:
    window = build_main_window(data_dir)
    qtbot.addWidget(window)
    window.session.set_actor(auth_service.login_offline(window.session.db, "inspektur",
                                                        "demo-inspektur"))
    window.resize(1366, 768)
    window.show()
    return window


def open_editor(qtbot: QtBot, window: MainWindow, inspection_id: str,
                read_only: bool = False) -> EditorPage:
    page = window.pages["editor"]
    assert isinstance(page, EditorPage)
    window.show_page("editor")
    page.open_inspection(inspection_id, read_only=read_only)
    qtbot.waitUntil(lambda: page.data is not None and page.data.id == inspection_id,
                    timeout=10000)
    return page


def widget(page: EditorPage, name: str) -> QWidget:
    found = page.findChild(QWidget, name)
    assert found is not None, name
    return found


def wait_saved(qtbot: QtBot, page: EditorPage) -> None:
    qtbot.waitUntil(lambda: not page.autosaver.pending, timeout=10000)


def close(window: MainWindow) -> None:
    editor = window.pages.get("editor")
    if isinstance(editor, EditorPage):
        editor.about_to_close()
    window.session.close()
    window.session.db.dispose()


def message(page: EditorPage, path: str) -> str:
    """The inline message shown under a field ("" when none is shown)."""
    assert page.form is not None
    field = page.form.widget(path)
    assert field is not None, path
    label = getattr(field, "_message", None) or getattr(field, "message", None)
    return label.text() if label is not None and label.isVisible() else ""
