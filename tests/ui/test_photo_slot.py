"""The photo slot driven as an inspector would: file, drag and drop, paste, rotate, remove."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from k3desk.domain.templates import default_registry
from k3desk.services import attachment_service
from k3desk.ui.editor.photo_slot import PhotoSlot, PhotoTile
from k3desk.ui.session import UiSession
from tests.services.test_attachment_service import jpeg
from tests.ui import media_support
from tests.ui.media_support import draft_of

ui_session = media_support.ui_session  # the fixture


def _slot(qtbot: QtBot, session: UiSession) -> PhotoSlot:
    spec = default_registry().get("mobile_crane").field("foto")
    slot = PhotoSlot(session, draft_of(session), "foto", spec)
    qtbot.addWidget(slot)
    slot.resize(760, 420)
    slot.show()
    return slot


def _tiles(slot: PhotoSlot) -> list[PhotoTile]:
    return [slot._tiles[i] for i in slot.value()]


def _wait_thumbs(qtbot: QtBot, slot: PhotoSlot, n: int) -> None:
    qtbot.waitUntil(lambda: len(slot.value()) == n and all(t.has_image for t in _tiles(slot)),
                    timeout=10000)


def test_a_photo_from_a_file_shows_a_thumbnail(qtbot: QtBot, ui_session: Callable[..., UiSession],
                                               tmp_path: Path) -> None:
    session = ui_session()
    slot = _slot(qtbot, session)
    assert slot.objectName() == "field:foto" and slot.value() == []
    assert "perlu minimal 1" in slot.count_label.text()
    src = tmp_path / "kait.jpg"
    src.write_bytes(jpeg((4000, 3000), orientation=6))
    with qtbot.waitSignal(slot.changed, timeout=10000):
        slot.add_files([str(src)])
    _wait_thumbs(qtbot, slot, 1)
    [tile] = _tiles(slot)
    icon = tile.thumb.icon().pixmap(200, 200)
    assert icon.height() > icon.width()  # upright: portrait
    assert slot.count_label.text().startswith("1 foto")
    infos = attachment_service.photos(session.db, slot.inspection_id, "foto")
    assert [i.id for i in infos] == slot.value()
    # the caption typed under the thumbnail is stored
    caption = tile.findChild(QLineEdit, "photo_caption")
    caption.setFocus()
    qtbot.keyClicks(caption, "Kait utama")
    qtbot.keyClick(caption, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: attachment_service.photos(session.db, slot.inspection_id)[0]
                    .caption == "Kait utama", timeout=5000)


def test_a_refused_file_shows_its_message(qtbot: QtBot, ui_session: Callable[..., UiSession],
                                          tmp_path: Path) -> None:
    slot = _slot(qtbot, ui_session())
    bad = tmp_path / "catatan.jpg"
    bad.write_text("bukan gambar", encoding="utf-8")
    slot.add_files([str(bad)])
    qtbot.waitUntil(lambda: slot.error.isVisible(), timeout=5000)
    assert "catatan.jpg" in slot.error.text() and "bukan gambar" in slot.error.text()
    assert slot.value() == []


def test_drop_of_image_files(qtbot: QtBot, ui_session: Callable[..., UiSession],
                             tmp_path: Path) -> None:
    slot = _slot(qtbot, ui_session())
    paths = []
    for i, color in enumerate(((200, 30, 30), (30, 160, 60))):
        p = tmp_path / f"drop{i}.png"
        Image.new("RGB", (320, 240), color).save(p)
        paths.append(p)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(slot, enter)  # as a drag does first: the slot is the target
    assert enter.isAccepted() and slot.area.property("dropTarget")
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(slot, event)
    assert event.isAccepted() and not slot.area.property("dropTarget")
    _wait_thumbs(qtbot, slot, 2)
    names = [i.filename for i in attachment_service.photos(slot.session.db, slot.inspection_id)]
    assert sorted(names) == ["drop0.jpg", "drop1.jpg"]


def test_paste_an_image_from_the_clipboard(qtbot: QtBot, ui_session: Callable[..., UiSession]
                                           ) -> None:
    slot = _slot(qtbot, ui_session())
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#2060c0"))
    QGuiApplication.clipboard().setImage(image)
    slot.add_button.setFocus()
    qtbot.waitUntil(slot.add_button.hasFocus, timeout=2000)
    qtbot.keyClick(slot.add_button, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    _wait_thumbs(qtbot, slot, 1)
    [info] = attachment_service.photos(slot.session.db, slot.inspection_id)
    with Image.open(info.path) as img:
        assert img.size == (400, 300)
        r, g, b = img.getpixel((200, 150))
        assert b > 150 and r < 80


def test_rotate_remove_and_read_only(qtbot: QtBot, ui_session: Callable[..., UiSession]) -> None:
    session = ui_session()
    slot = _slot(qtbot, session)
    ctx = session.context()
    ids = [attachment_service.add_photo(ctx, slot.inspection_id, "foto", jpeg((300, 200)),
                                        f"f{i}.jpg") for i in range(2)]
    slot.set_value(ids)
    _wait_thumbs(qtbot, slot, 2)
    first = _tiles(slot)[0]
    old = first.info.path
    qtbot.mouseClick(first.rotate_right, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.info.path != old, timeout=5000)
    turned = first.info.path
    with Image.open(turned) as img:
        assert img.size == (200, 300)
    assert old.exists()  # the second photo has the same bytes: its blob stays
    qtbot.mouseClick(first.remove, Qt.MouseButton.LeftButton)
    box = slot.findChild(QMessageBox, "photo_remove_confirm")
    assert box is not None and box.isVisible()
    with qtbot.waitSignal(slot.changed, timeout=5000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert slot.value() == [ids[1]]
    assert not turned.exists() and old.exists()
    assert [i.id for i in attachment_service.photos(session.db, slot.inspection_id)] == [ids[1]]
    slot.set_read_only(True)
    tile = _tiles(slot)[0]
    assert not slot.add_button.isVisible() and not tile.remove.isVisible()
    assert tile.caption.isReadOnly() and not slot.acceptDrops()
