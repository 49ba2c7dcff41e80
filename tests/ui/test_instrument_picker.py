"""The instrument picker: calibration status on the inspection date, before submit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from k3desk.services import records_service
from k3desk.services.context import Actor, AppContext
from k3desk.store.models import Instrument, User
from k3desk.ui.editor.instrument_picker import InstrumentPicker
from k3desk.ui.session import UiSession
from tests.ui import media_support

ui_session = media_support.ui_session  # the fixture


def _expired(session: UiSession, on: date) -> str:
    with session.db.session() as s:
        boss = Actor.of(s.scalars(select(User).where(User.username == "penyelia")).one())
    change = records_service.save_instrument(AppContext(session.db, boss), {
        "name": "Manometer uji Bourdon", "serial_number": "MN-0042", "kind": "Pressure gauge",
        "calibration_valid_until": (on - timedelta(days=3)).isoformat()})
    return change.ids[0]


def _valid(session: UiSession) -> str:
    with session.db.session() as s:
        return s.scalars(select(Instrument.id).where(Instrument.name.like("Load cell%"))).one()


def test_an_expired_calibration_is_marked_and_named(qtbot: QtBot,
                                                     ui_session: Callable[..., UiSession]
                                                     ) -> None:
    session = ui_session()
    on = date.today()
    expired, valid = _expired(session, on), _valid(session)
    picker = InstrumentPicker(session)
    qtbot.addWidget(picker)
    picker.resize(820, 300)
    picker.show()
    assert picker.objectName() == "instrument_picker"
    picker.set_value([valid, expired], on)
    qtbot.waitUntil(lambda: picker.loaded, timeout=5000)
    assert picker.value() == [valid, expired]
    [problem] = picker.problems()
    assert "Manometer uji Bourdon (MN-0042)" in problem and "berakhir" in problem
    assert picker.table.item(1, picker.STATUS).text().startswith("Kalibrasi berakhir")
    assert picker.table.item(0, picker.STATUS).text().startswith("Berlaku")
    assert picker.problem_label.isVisible() and "MN-0042" in picker.problem_label.text()
    # on an earlier inspection date the same instrument was fine
    picker.set_value([valid, expired], on - timedelta(days=10))
    qtbot.waitUntil(lambda: picker.problems() == [], timeout=5000)
    assert not picker.problem_label.isVisible()
    # removing it emits changed and shrinks the value
    picker.set_value([valid, expired], on)
    qtbot.waitUntil(lambda: len(picker.problems()) == 1, timeout=5000)
    buttons = picker.table.findChildren(QToolButton, "instrument_remove")
    with qtbot.waitSignal(picker.changed):
        picker.table.cellWidget(1, picker.REMOVE).click()
    assert picker.value() == [valid] and picker.problems() == [] and buttons


def test_search_and_add_from_the_registry(qtbot: QtBot, ui_session: Callable[..., UiSession]
                                          ) -> None:
    session = ui_session()
    picker = InstrumentPicker(session)
    qtbot.addWidget(picker)
    picker.show()
    picker.set_value([], date.today())
    qtbot.waitUntil(lambda: picker.loaded, timeout=5000)
    assert picker.choice.count() == 8  # the demo Balai's instruments
    picker.search.setFocus()
    qtbot.keyClicks(picker.search, "lux")
    with qtbot.waitSignal(picker.changed):
        qtbot.mouseClick(picker.add_button, Qt.MouseButton.LeftButton)
    assert len(picker.value()) == 1
    assert picker.table.item(0, picker.NAME).text().startswith("Lux meter")
    assert picker.choice.count() == 7  # a chosen instrument is not offered again
    picker.set_read_only(True)
    assert not picker.add_button.isVisible() and picker.table.isColumnHidden(picker.REMOVE)
