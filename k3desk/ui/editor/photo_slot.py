"""One photo field of the inspection editor: add (file, drag and drop, paste), thumbnails,
captions, rotate, remove, enlarge.

The images are stored through ``attachment_service`` on the database worker (decoded,
made upright and small there); thumbnails are scaled on the render worker. ``value()`` is
the list of attachment ids in order, what the editor saves as the field's value.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from k3desk.domain.errors import K3Error
from k3desk.services import attachment_service
from k3desk.services.attachment_service import PhotoInfo, Prepared
from k3desk.services.context import AppContext, Changes
from k3desk.ui.editor.flow_layout import FlowLayout
from k3desk.ui.editor.images import guarded, png_bytes, scaled_image
from k3desk.ui.errors import message_of, show_error
from k3desk.ui.session import UiSession

log = logging.getLogger(__name__)

THUMB = 148
IMAGE_FILTER = "*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff *.gif *.heic *.JPG *.JPEG *.PNG"

AREA_STYLE = """
QFrame#photo_area { border: 1px dashed #aab4be; border-radius: 6px; background: #f7f9fb; }
QFrame#photo_area[dropTarget="true"] { border: 2px dashed #1f6feb; background: #eaf2ff; }
QFrame#photo_tile { border: 1px solid #d0d7de; border-radius: 6px; background: white; }
QToolButton#photo_thumb { border: none; background: #eef1f4; border-radius: 4px; }
QLabel#photo_error { color: #b42318; }
QToolButton#photo_remove { color: #b42318; }
"""


def _lang() -> str:
    from k3desk.ui import i18n

    return i18n.language()


class PhotoTile(QFrame):
    """One photo: its thumbnail (click to enlarge), caption, rotate and remove."""

    rotate_requested = Signal(str, int)
    remove_requested = Signal(str)
    caption_edited = Signal(str, str)
    open_requested = Signal(str)

    def __init__(self, attachment_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photo_tile")
        self.setProperty("attachment_id", attachment_id)
        self.attachment_id = attachment_id
        self.info: PhotoInfo | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        self.thumb = QToolButton(self)
        self.thumb.setObjectName("photo_thumb")
        self.thumb.setFixedSize(THUMB + 8, THUMB + 8)
        self.thumb.setIconSize(QSize(THUMB, THUMB))
        self.thumb.setText(self.tr("Memuat…"))
        self.thumb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.thumb.setToolTip(self.tr("Klik untuk memperbesar"))
        self.thumb.setAccessibleName(self.tr("Foto; klik untuk memperbesar"))
        self.thumb.clicked.connect(lambda: self.open_requested.emit(self.attachment_id))
        layout.addWidget(self.thumb, 0, Qt.AlignmentFlag.AlignHCenter)
        self.caption = QLineEdit(self)
        self.caption.setObjectName("photo_caption")
        self.caption.setPlaceholderText(self.tr("Keterangan foto"))
        self.caption.setAccessibleName(self.tr("Keterangan foto"))
        self.caption.setMaxLength(attachment_service.MAX_CAPTION)
        self.caption.setFixedWidth(THUMB + 8)
        self.caption.editingFinished.connect(self._caption_done)
        layout.addWidget(self.caption)
        row = QHBoxLayout()
        row.setSpacing(2)
        self.rotate_left = self._button("photo_rotate_left", "⟲", self.tr("Putar ke kiri"))
        self.rotate_left.clicked.connect(lambda: self.rotate_requested.emit(
            self.attachment_id, -1))
        self.rotate_right = self._button("photo_rotate_right", "⟳", self.tr("Putar ke kanan"))
        self.rotate_right.clicked.connect(lambda: self.rotate_requested.emit(
            self.attachment_id, 1))
        self.remove = self._button("photo_remove", "✕", self.tr("Hapus foto"))
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self.attachment_id))
        row.addWidget(self.rotate_left)
        row.addWidget(self.rotate_right)
        row.addStretch(1)
        row.addWidget(self.remove)
        layout.addLayout(row)
        self.has_image = False

    def _button(self, name: str, glyph: str, tip: str) -> QToolButton:
        b = QToolButton(self)
        b.setObjectName(name)
        b.setText(glyph)
        b.setToolTip(tip)
        b.setAccessibleName(tip)
        b.setMinimumSize(34, 30)
        return b

    def set_info(self, info: PhotoInfo | None) -> None:
        self.info = info
        if info is None:
            self.thumb.setText(self.tr("Foto tidak\nditemukan"))
            return
        if self.caption.text() != (info.caption or "") and not self.caption.hasFocus():
            self.caption.setText(info.caption or "")
        if not info.stored:
            self.thumb.setText(self.tr("Gambar belum ada\ndi laptop ini\n(menunggu sinkron)"))

    def set_image(self, image: QImage) -> None:
        if image.isNull():
            self.thumb.setText(self.tr("Gambar tidak\ndapat dibuka"))
            return
        self.thumb.setIcon(QPixmap.fromImage(image))
        self.thumb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.has_image = True

    def set_read_only(self, read_only: bool) -> None:
        for b in (self.rotate_left, self.rotate_right, self.remove):
            b.setVisible(not read_only)
        self.caption.setReadOnly(read_only)
        self.caption.setFrame(not read_only)

    def _caption_done(self) -> None:
        if self.info is not None and self.caption.text().strip() != (self.info.caption or ""):
            self.caption_edited.emit(self.attachment_id, self.caption.text())


class PhotoViewer(QFrame):
    """The enlarged photo, in its own window (``show()``; Esc closes it)."""

    def __init__(self, session: UiSession, info: PhotoInfo, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent, Qt.WindowType.Dialog)
        self.setObjectName("photo_viewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(info.caption or info.filename)
        layout = QVBoxLayout(self)
        self.image = QLabel(self.tr("Memuat…"), self)
        self.image.setObjectName("photo_viewer_image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(480, 360)
        layout.addWidget(self.image, 1)
        text = QLabel(info.caption or info.filename, self)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.activated.connect(self.close)
        self.resize(1000, 720)
        session.ops.run(scaled_image, info.path, 1400, pool="render",
                        success=guarded(self, self._show))

    def _show(self, image: QImage) -> None:
        if image.isNull():
            self.image.setText(self.tr("Gambar tidak dapat dibuka"))
            return
        box = self.image.size()
        self.image.setPixmap(QPixmap.fromImage(image).scaled(
            box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))


class PhotoSlot(QFrame):
    """The photos of one photo field (``field:<path>``)."""

    changed = Signal()

    def __init__(self, session: UiSession, inspection_id: str, path: str, spec: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.inspection_id = inspection_id
        self.path = path
        self.spec = spec
        self.setObjectName(f"field:{path}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setStyleSheet(AREA_STYLE)
        self._ids: list[str] = []
        self._tiles: dict[str, PhotoTile] = {}
        self._pending = 0
        self._read_only = False
        title = spec.title.get(_lang()) if hasattr(spec.title, "get") else str(spec.title)
        self.setAccessibleName(title)
        self.need = max(int(getattr(spec, "min_count", 0) or 0),
                        1 if getattr(spec, "required", False) else 0)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 4, 0)
        self.add_button = QPushButton(self.tr("Tambah foto…"), self)
        self.add_button.setObjectName("photo_add")
        self.add_button.setAccessibleName(self.tr("Tambah foto ke {title}").format(title=title))
        self.add_button.clicked.connect(self.open_file_dialog)
        head.addWidget(self.add_button)
        self.hint = QLabel(self.tr("atau seret berkas gambar ke sini, atau tempel (Ctrl+V)"),
                           self)
        self.hint.setObjectName("photo_hint")
        self.hint.setStyleSheet("color: #57606a;")
        head.addWidget(self.hint)
        head.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("photo_count")
        head.addWidget(self.count_label)
        outer.addLayout(head)
        self.area = QFrame(self)
        self.area.setObjectName("photo_area")
        self.flow = FlowLayout(self.area)
        self.flow.setContentsMargins(8, 8, 8, 8)
        self.empty = QLabel(self.tr("Belum ada foto."), self.area)
        self.empty.setObjectName("photo_empty")
        self.empty.setStyleSheet("color: #57606a; border: none; background: transparent;")
        self.empty.setMinimumHeight(40)
        self.flow.addWidget(self.empty)
        outer.addWidget(self.area)
        self.error = QLabel(self)
        self.error.setObjectName("photo_error")
        self.error.setWordWrap(True)
        self.error.hide()
        outer.addWidget(self.error)
        outer.addStretch(1)
        self._dialog: QFileDialog | None = None
        self._update_count()

    # the contract ---------------------------------------------------------------------
    def value(self) -> list[str]:
        return list(self._ids)

    def set_value(self, ids: list[str]) -> None:
        ids = [i for i in (ids or []) if isinstance(i, str)]
        if ids == self._ids:
            return
        for aid in list(self._tiles):
            if aid not in ids:
                self._tiles.pop(aid).deleteLater()
        self._ids = list(ids)
        for aid in ids:
            if aid not in self._tiles:
                self._tiles[aid] = self._make_tile(aid)
        self._relayout()
        missing = [aid for aid in ids if self._tiles[aid].info is None]
        if missing:
            self.session.run(attachment_service.photo_infos, self.session.db, missing,
                             success=guarded(self, self._got_infos))

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.add_button.setVisible(not read_only)
        self.hint.setVisible(not read_only)
        self.setAcceptDrops(not read_only)
        for tile in self._tiles.values():
            tile.set_read_only(read_only)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    # adding -----------------------------------------------------------------------------
    def open_file_dialog(self) -> None:
        dialog = QFileDialog(self, self.tr("Pilih foto"))
        dialog.setObjectName("photo_file_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters([self.tr("Gambar ({patterns})").format(patterns=IMAGE_FILTER),
                               self.tr("Semua berkas (*)")])
        dialog.filesSelected.connect(self.add_files)
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()

    def add_files(self, paths: list[str]) -> None:
        """Store each file as a photo of this slot (each one refused on its own)."""
        for p in paths:
            self._store(Path(p), Path(p).name)

    def add_image(self, image: QImage, name: str | None = None) -> None:
        """Store a pasted or dropped image (encoded on the render worker)."""
        if image.isNull():
            return
        name = name or f"tempel-{datetime.now():%Y%m%d-%H%M%S}.png"
        self._begin()
        self.session.ops.run(png_bytes, image, pool="render",
                             success=guarded(self, lambda data: self._encoded(data, name)),
                             failure=guarded(self, self._refused))

    def _encoded(self, data: bytes, name: str) -> None:
        self._pending -= 1
        self._store(data, name)

    def paste(self) -> None:
        if self._read_only:
            return
        self._take(QGuiApplication.clipboard().mimeData())

    def _take(self, mime: QMimeData | None) -> bool:
        if mime is None:
            return False
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if files:
            self.add_files(files)
            return True
        if mime.hasImage():
            image = mime.imageData()
            self.add_image(image if isinstance(image, QImage) else QImage(image))
            return True
        return False

    def _begin(self) -> None:
        self._pending += 1
        self.error.hide()
        self._update_count()

    def _store(self, source: Path | bytes, name: str) -> None:
        """Decode and shrink on the render worker, then store on the database worker (so
        a 12-megapixel photo never holds up an autosave)."""
        self._begin()
        ctx = self.session.context()
        self.session.ops.run(attachment_service.prepare_photo, source, name, pool="render",
                             success=guarded(self, lambda prepared: self._save(ctx, prepared)),
                             failure=guarded(self, self._refused))

    def _save(self, ctx: AppContext, prepared: Prepared) -> None:
        self.session.run(attachment_service.store_photos, ctx, self.inspection_id, self.path,
                         [prepared], success=guarded(self, lambda ids: self._added(ids[0])),
                         failure=guarded(self, self._refused))

    def _added(self, attachment_id: str) -> None:
        self._pending -= 1
        self._ids.append(attachment_id)
        self._tiles[attachment_id] = self._make_tile(attachment_id)
        self._relayout()
        self.session.run(attachment_service.photo_infos, self.session.db, [attachment_id],
                         success=guarded(self, self._got_infos))
        self.session.notify(Changes("attachment", (attachment_id,)), initiator=self)
        self.changed.emit()

    def _refused(self, exc: BaseException) -> None:
        self._pending = max(0, self._pending - 1)
        self._update_count()
        if not isinstance(exc, K3Error):
            show_error(self.window(), exc)
        self.error.setText(message_of(exc))
        self.error.show()

    # tiles ------------------------------------------------------------------------------
    def _make_tile(self, attachment_id: str) -> PhotoTile:
        tile = PhotoTile(attachment_id, self.area)
        tile.set_read_only(self._read_only)
        tile.rotate_requested.connect(self._rotate)
        tile.remove_requested.connect(self._confirm_remove)
        tile.caption_edited.connect(self._caption)
        tile.open_requested.connect(self._enlarge)
        return tile

    def _relayout(self) -> None:
        while self.flow.count():
            self.flow.takeAt(0)
        self.empty.setVisible(not self._ids)
        if not self._ids:
            self.flow.addWidget(self.empty)
        for aid in self._ids:
            self.flow.addWidget(self._tiles[aid])
            self._tiles[aid].show()
        self.flow.invalidate()
        self.area.updateGeometry()
        self._update_count()

    def _got_infos(self, infos: dict[str, PhotoInfo]) -> None:
        for aid, tile in self._tiles.items():
            if aid in infos:
                self._set_tile_info(tile, infos[aid])
            elif tile.info is None:
                tile.set_info(None)

    def _set_tile_info(self, tile: PhotoTile, info: PhotoInfo) -> None:
        tile.set_info(info)
        if info.stored:
            box = round(THUMB * self.devicePixelRatioF())
            self.session.ops.run(scaled_image, info.path, box, pool="render",
                                 success=guarded(tile, tile.set_image))

    def _update_count(self) -> None:
        n = len(self._ids)
        text = self.tr("%n foto", "", n)
        if self.need and n < self.need:
            text = self.tr("{count} · perlu minimal {need}").format(count=text, need=self.need)
            self.count_label.setStyleSheet("color: #9a6700; font-weight: bold;")
        else:
            self.count_label.setStyleSheet("color: #1a7f37;" if n else "color: #57606a;")
        if self._pending:
            text = self.tr("Menyimpan foto… ({text})").format(text=text)
        self.count_label.setText(text)

    def _rotate(self, attachment_id: str, turns: int) -> None:
        self.session.run(attachment_service.rotate, self.session.context(), attachment_id,
                         turns, success=guarded(self, self._rotated),
                         failure=guarded(self, self._write_failed))

    def _rotated(self, info: PhotoInfo) -> None:
        tile = self._tiles.get(info.id)
        if tile is not None:
            self._set_tile_info(tile, info)
        self.session.notify(Changes("attachment", (info.id,)), initiator=self)

    def _caption(self, attachment_id: str, text: str) -> None:
        self.session.run(attachment_service.set_caption, self.session.context(),
                         attachment_id, text, success=guarded(self, self._captioned),
                         failure=guarded(self, self._write_failed))

    def _captioned(self, info: PhotoInfo) -> None:
        tile = self._tiles.get(info.id)
        if tile is not None:
            tile.set_info(info)
        self.session.notify(Changes("attachment", (info.id,)), initiator=self)

    def _write_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, K3Error):
            show_error(self.window(), exc)
        self.error.setText(message_of(exc))
        self.error.show()

    def _confirm_remove(self, attachment_id: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Hapus foto"),
                          self.tr("Hapus foto ini dari pemeriksaan?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("photo_remove_confirm")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Hapus"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda result: self._remove(attachment_id) if result ==
                             QMessageBox.StandardButton.Yes else None)
        box.finished.connect(box.deleteLater)
        box.open()

    def _remove(self, attachment_id: str) -> None:
        self.session.run(attachment_service.remove_photo, self.session.context(),
                         attachment_id, success=guarded(self, lambda _c: self._removed(
                             attachment_id)), failure=guarded(self, self._write_failed))

    def _removed(self, attachment_id: str) -> None:
        if attachment_id in self._ids:
            self._ids.remove(attachment_id)
        tile = self._tiles.pop(attachment_id, None)
        if tile is not None:
            tile.deleteLater()
        self._relayout()
        self.session.notify(Changes("attachment", (attachment_id,)), initiator=self)
        self.changed.emit()

    def _enlarge(self, attachment_id: str) -> None:
        tile = self._tiles.get(attachment_id)
        if tile is None or tile.info is None or not tile.info.stored:
            return
        viewer = PhotoViewer(self.session, tile.info, self.window())
        viewer.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        # Ctrl+V on the slot or a child that does not paste itself (a caption does)
        if event.matches(QKeySequence.StandardKey.Paste) and not self._read_only:
            self.paste()
            event.accept()
            return
        super().keyPressEvent(event)

    # drag and drop ----------------------------------------------------------------------
    def _highlight(self, on: bool) -> None:
        self.area.setProperty("dropTarget", on)
        self.area.style().unpolish(self.area)
        self.area.style().polish(self.area)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        mime = event.mimeData()
        if not self._read_only and (mime.hasImage() or any(
                u.isLocalFile() for u in mime.urls())):
            event.acceptProposedAction()
            self._highlight(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: Any) -> None:  # noqa: N802
        self._highlight(False)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self._highlight(False)
        if not self._read_only and self._take(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()
