"""The inspector's signature: drawn with a mouse, a pen (pressure) or a finger, stored as
a transparent PNG through ``attachment_service`` (slot "signature") shortly after each
stroke, loaded again when the editor opens. "Hapus" clears it; "Urungkan goresan" takes
back the last stroke."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from k3desk.domain.errors import K3Error
from k3desk.services import attachment_service
from k3desk.services.attachment_service import PhotoInfo
from k3desk.services.context import Changes
from k3desk.ui.editor.images import guarded, png_bytes
from k3desk.ui.errors import message_of, show_error
from k3desk.ui.session import UiSession

INK = QColor("#0b2a6f")  # dark blue ink: reads as a signature, prints well
SAVE_DELAY_MS = 700
INK_SCALE = 2.0
Stroke = list[tuple[QPointF, float]]  # points and pen width


def _load_image(path: Path) -> QImage:
    return QImage(str(path))


class SignatureCanvas(QWidget):
    """Where the pen writes; ``stroke_finished`` after each stroke."""

    stroke_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signature_canvas")
        self.setAccessibleName(self.tr("Kotak tanda tangan"))
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setMinimumSize(360, 150)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.strokes: list[Stroke] = []
        self.base = QImage()  # a stored signature, drawn under the new strokes
        self._current: Stroke | None = None
        self.read_only = False

    # drawing ------------------------------------------------------------------------
    def _begin(self, pos: QPointF, width: float) -> None:
        if self.read_only:
            return
        self._current = [(pos, width)]
        self.strokes.append(self._current)
        self.update()

    def _extend(self, pos: QPointF, width: float) -> None:
        if self._current is not None:
            self._current.append((pos, width))
            self.update()

    def _end(self) -> None:
        if self._current is not None:
            self._current = None
            self.stroke_finished.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's names)
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), 2.6)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._extend(event.position(), 2.6)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position(), 2.6)
            self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        width = 1.0 + 3.5 * max(0.05, event.pressure())
        event_type = event.type()
        if event_type == QEvent.Type.TabletPress:
            self._begin(event.position(), width)
        elif event_type == QEvent.Type.TabletMove:
            self._extend(event.position(), width)
        elif event_type == QEvent.Type.TabletRelease:
            self._end()
        event.accept()  # no mouse event is made up from it

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
                            QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            if points:
                pos = points[0].position()
                if event.type() == QEvent.Type.TouchBegin:
                    self._begin(pos, 3.0)
                elif event.type() == QEvent.Type.TouchUpdate:
                    self._extend(pos, 3.0)
                else:
                    self._extend(pos, 3.0)
                    self._end()
            event.accept()
            return True
        return super().event(event)

    # showing ------------------------------------------------------------------------
    def clear(self) -> None:
        self.strokes.clear()
        self.base = QImage()
        self._current = None
        self.update()

    def is_empty(self) -> bool:
        return self.base.isNull() and not self.strokes

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.base.isNull():
            size = self.base.size() / INK_SCALE  # stored at twice the screen size
            if size.width() > self.width() or size.height() > self.height():
                size = size.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = (self.width() - size.width()) / 2
            y = (self.height() - size.height()) / 2
            painter.drawImage(QRectF(x, y, size.width(), size.height()), self.base)
        for stroke in self.strokes:
            if len(stroke) == 1:
                pos, width = stroke[0]
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(INK)
                painter.drawEllipse(pos, width / 2, width / 2)
                continue
            for (a, wa), (b, wb) in zip(stroke, stroke[1:], strict=False):
                pen = QPen(INK, (wa + wb) / 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                           Qt.PenJoinStyle.RoundJoin)
                painter.setPen(pen)
                painter.drawLine(a, b)

    def ink_image(self) -> QImage:
        """What is written, on a transparent background, at twice the screen size."""
        scale = INK_SCALE
        image = QImage(round(self.width() * scale), round(self.height() * scale),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.scale(scale, scale)
        self._paint(painter)
        painter.end()
        return image

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        line_y = self.height() - 34
        painter.setPen(QPen(QColor("#c4cbd3"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(24, line_y, self.width() - 24, line_y)
        if self.is_empty() and not self.read_only:
            painter.setPen(QColor("#8c959f"))
            painter.drawText(self.rect().adjusted(0, 0, 0, -40), Qt.AlignmentFlag.AlignCenter,
                             self.tr("Tanda tangan di sini"))
        painter.setPen(QPen(QColor("#aab4be"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        self._paint(painter)
        painter.end()


class SignaturePad(QFrame):
    """The signature of one inspection (objectName ``signature_pad``)."""

    changed = Signal()

    def __init__(self, session: UiSession, inspection_id: str, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.session = session
        self.inspection_id = inspection_id
        self.setObjectName("signature_pad")
        self.setAccessibleName(self.tr("Tanda tangan pemeriksa"))
        self._stored = False
        self._saving = False
        self._dirty = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.canvas = SignatureCanvas(self)
        self.canvas.setMinimumHeight(170)
        self.canvas.stroke_finished.connect(self._stroke_done)
        layout.addWidget(self.canvas)
        row = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setObjectName("signature_status")
        row.addWidget(self.status, 1)
        self.undo_button = QPushButton(self.tr("Urungkan goresan"), self)
        self.undo_button.setObjectName("signature_undo")
        self.undo_button.clicked.connect(self.undo_stroke)
        row.addWidget(self.undo_button)
        self.clear_button = QPushButton(self.tr("Hapus tanda tangan"), self)
        self.clear_button.setObjectName("signature_clear")
        self.clear_button.clicked.connect(self.clear)
        row.addWidget(self.clear_button)
        layout.addLayout(row)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._show_status(self.tr("Memuat…"))
        session.run(attachment_service.signature, session.db, inspection_id,
                    success=guarded(self, self._loaded))

    # the contract ---------------------------------------------------------------------
    def has_signature(self) -> bool:
        """True when a signature is stored (or being stored) for the inspection."""
        return not self.canvas.is_empty() and (self._stored or self._dirty or self._saving)

    def set_read_only(self, read_only: bool) -> None:
        self.canvas.read_only = read_only
        self.canvas.setCursor(Qt.CursorShape.ArrowCursor if read_only
                              else Qt.CursorShape.CrossCursor)
        self.undo_button.setVisible(not read_only)
        self.clear_button.setVisible(not read_only)
        self.canvas.update()

    # loading and storing --------------------------------------------------------------
    def _loaded(self, info: PhotoInfo | None) -> None:
        if info is None:
            self._stored = False
            self._show_status(self.tr("Belum ditandatangani"))
            return
        self._stored = True
        if not info.stored:
            self._show_status(self.tr("Tanda tangan tersimpan; gambarnya menunggu sinkron"))
            return
        self.session.ops.run(_load_image, info.path, pool="render",
                             success=guarded(self, self._show_base))

    def _show_base(self, image: QImage) -> None:
        if not self.canvas.strokes:
            self.canvas.base = image
            self.canvas.update()
        self._show_status(self.tr("Tanda tangan tersimpan"), ok=True)

    def _stroke_done(self) -> None:
        self._dirty = True
        self._show_status(self.tr("Menyimpan…"))
        self._timer.start()

    def save_now(self) -> None:
        """Store what the pad shows now (the pad does this by itself after a stroke)."""
        self._timer.stop()
        if not self._dirty or self._saving:
            return
        self._dirty = False
        if self.canvas.is_empty():
            self.clear()
            return
        self._saving = True
        data = png_bytes(self.canvas.ink_image())  # small: a few ms
        self.session.run(attachment_service.set_signature, self.session.context(),
                         self.inspection_id, data, success=guarded(self, self._saved),
                         failure=guarded(self, self._failed))

    def _saved(self, info: PhotoInfo) -> None:
        self._saving = False
        self._stored = True
        self._show_status(self.tr("Tanda tangan tersimpan"), ok=True)
        self.session.notify(Changes("attachment", (info.id,)), initiator=self)
        self.changed.emit()
        if self._dirty:
            self.save_now()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        if not isinstance(exc, K3Error):
            show_error(self.window(), exc)
        self._show_status(message_of(exc), error=True)

    def undo_stroke(self) -> None:
        if self.canvas.read_only or not self.canvas.strokes:
            return
        self.canvas.strokes.pop()
        self.canvas.update()
        self._stroke_done()

    def clear(self) -> None:
        """Remove the signature (to sign again)."""
        if self.canvas.read_only:
            return
        self._timer.stop()
        self._dirty = False
        self.canvas.clear()
        self.session.run(attachment_service.clear_signature, self.session.context(),
                         self.inspection_id, success=guarded(self, self._cleared),
                         failure=guarded(self, self._failed))

    def _cleared(self, _result: object) -> None:
        self._stored = False
        self._show_status(self.tr("Belum ditandatangani"))
        self.session.notify(Changes("attachment", ()), initiator=self)
        self.changed.emit()

    def _show_status(self, text: str, *, ok: bool = False, error: bool = False) -> None:
        self.status.setText(text)
        color = "#b42318" if error else "#1a7f37" if ok else "#57606a"
        self.status.setStyleSheet(f"color: {color};")
