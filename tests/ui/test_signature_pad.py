"""The signature pad: drawn with the mouse, stored as a transparent PNG, loaded again."""

from __future__ import annotations

from collections.abc import Callable

from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from k3desk.services import attachment_service
from k3desk.ui.editor.signature_pad import SignaturePad
from k3desk.ui.session import UiSession
from tests.ui import media_support
from tests.ui.media_support import draft_of

ui_session = media_support.ui_session  # the fixture


def _sign(qtbot: QtBot, pad: SignaturePad) -> None:
    canvas = pad.canvas
    left = Qt.MouseButton.LeftButton
    qtbot.mousePress(canvas, left, pos=QPoint(40, 100))
    for x in range(40, 300, 12):
        qtbot.mouseMove(canvas, QPoint(x, 100 + (30 if (x // 12) % 2 else -30)))
    qtbot.mouseRelease(canvas, left, pos=QPoint(300, 90))


def _pad(qtbot: QtBot, session: UiSession, iid: str) -> SignaturePad:
    pad = SignaturePad(session, iid)
    qtbot.addWidget(pad)
    pad.resize(520, 230)
    pad.show()
    qtbot.waitUntil(lambda: pad.status.text() != "Memuat…", timeout=5000)
    return pad


def test_a_drawn_signature_is_stored_and_reloads(qtbot: QtBot,
                                                 ui_session: Callable[..., UiSession]) -> None:
    session = ui_session()
    iid = draft_of(session)
    pad = _pad(qtbot, session, iid)
    assert pad.objectName() == "signature_pad" and not pad.has_signature()
    with qtbot.waitSignal(pad.changed, timeout=10000):
        _sign(qtbot, pad)
    assert pad.has_signature()
    info = attachment_service.signature(session.db, iid)
    assert info is not None and info.stored
    with Image.open(info.path) as img:
        assert img.format == "PNG" and img.mode == "RGBA"
        assert img.getpixel((0, 0))[3] == 0  # transparent background
        assert img.getchannel("A").getextrema()[1] == 255  # and ink
        assert 400 < img.width < 640  # the stroke's width at twice the screen size
    pad.close()

    again = _pad(qtbot, session, iid)  # the editor opened again
    qtbot.waitUntil(lambda: not again.canvas.base.isNull(), timeout=5000)
    assert again.has_signature() and again.status.text() == "Tanda tangan tersimpan"
    # clear and sign again
    with qtbot.waitSignal(again.changed, timeout=5000):
        qtbot.mouseClick(again.clear_button, Qt.MouseButton.LeftButton)
    assert not again.has_signature()
    assert attachment_service.signature(session.db, iid) is None and not info.path.exists()
    with qtbot.waitSignal(again.changed, timeout=10000):
        _sign(qtbot, again)
    assert attachment_service.signature(session.db, iid) is not None


def test_read_only_pad_takes_no_ink(qtbot: QtBot, ui_session: Callable[..., UiSession]) -> None:
    session = ui_session()
    pad = _pad(qtbot, session, draft_of(session))
    pad.set_read_only(True)
    _sign(qtbot, pad)
    assert pad.canvas.strokes == [] and not pad.clear_button.isVisible()

def test_a_finger_signs_too(qtbot: QtBot, ui_session: Callable[..., UiSession]) -> None:
    session = ui_session()
    pad = _pad(qtbot, session, draft_of(session))
    device = QTest.createTouchDevice()
    seq = QTest.touchEvent(pad.canvas, device)
    seq.press(0, QPoint(60, 80), pad.canvas).commit()
    for x in range(60, 200, 20):
        QTest.touchEvent(pad.canvas, device).move(0, QPoint(x, 90), pad.canvas).commit()
    QTest.touchEvent(pad.canvas, device).release(0, QPoint(200, 90), pad.canvas).commit()
    assert len(pad.canvas.strokes) == 1 and len(pad.canvas.strokes[0]) >= 5
    with qtbot.waitSignal(pad.changed, timeout=10000):
        pass
    assert attachment_service.signature(session.db, pad.inspection_id) is not None
