"""Image helpers the photo and signature widgets share; safe on a worker thread
(``QImage`` and ``QImageReader``, never ``QPixmap``, off the UI thread)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt
from PySide6.QtGui import QImage, QImageReader
from shiboken6 import isValid


def scaled_image(path: Path, box: int) -> QImage:
    """The stored image at ``path`` scaled to fit ``box`` x ``box`` (decoded at that
    size where the format allows: a 2048 px JPEG is read at a quarter of the work)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > box:
        reader.setScaledSize(size.scaled(QSize(box, box), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return QImage()
    return image


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG (keeps transparency)."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")  # type: ignore[call-overload]  # (the stubs want bytes)
    buf.close()
    return bytes(data.data())


def guarded(owner: QObject, fn: Callable[[Any], None]) -> Callable[[Any], None]:
    """A callback that does nothing once ``owner`` is gone (a worker may answer after a
    page was closed)."""

    def call(value: Any) -> None:
        if isValid(owner):
            fn(value)

    return call
