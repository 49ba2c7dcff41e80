"""Autosave: every change stored as a draft within a second, in its own transaction.

The editor marks what changed (``mark(key)``: a top-level value id, ``NOTES`` or
``INSTRUMENTS``); the first mark of a batch starts a short timer (it is not restarted
by further edits, so steady typing still saves every ``DELAY_MS``). When it fires, the
keys are turned into one ``inspection_service.update_draft`` call on the database
worker. Only one save of an inspection is ever in flight: marks made meanwhile are
saved as soon as it returns. ``status_changed(text, state)`` drives the indicator:
"Menyimpan…", "Tersimpan hh:mm:ss", or a sentence saying why a save was refused.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTime, QTimer, Signal

from k3desk.services import inspection_service
from k3desk.ui.errors import message_of

NOTES = "__notes__"
INSTRUMENTS = "__instruments__"
DELAY_MS = 300

Payload = Callable[[set[str]], dict[str, Any]]


class Autosaver(QObject):
    status_changed = Signal(str, str)  # text, "saving" | "saved" | "refused"
    saved = Signal(object)  # Changes
    refused = Signal(object)  # the exception

    def __init__(self, session: Any, payload: Payload, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._payload = payload
        self.inspection_id: str | None = None
        self._dirty: set[str] = set()
        self._in_flight: set[str] | None = None
        self._first_mark: float | None = None
        self._after: list[Callable[[bool], None]] = []
        self.latencies_ms: list[float] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._send)

    def start(self, inspection_id: str) -> None:
        """Begin saving for another inspection (after the previous one was flushed)."""
        self.inspection_id = inspection_id
        self._dirty.clear()
        self._first_mark = None

    @property
    def pending(self) -> bool:
        return bool(self._dirty) or self._in_flight is not None

    def mark(self, key: str) -> None:
        self._dirty.add(key)
        if self._first_mark is None:
            self._first_mark = time.perf_counter()
        self.status_changed.emit(self.tr("Menyimpan…"), "saving")
        if not self._timer.isActive() and self._in_flight is None:
            self._timer.start()

    def save_now(self, then: Callable[[bool], None] | None = None) -> None:
        """Save what is pending at once (Ctrl+S); ``then(ok)`` runs when it is stored."""
        if then is not None:
            self._after.append(then)
        self._timer.stop()
        if self._in_flight is not None:
            return  # _done sends the rest and runs ``then``
        if not self._dirty:
            self._finish(True)
            return
        self._send()

    def flush_blocking(self) -> None:
        """Closing: send what is pending and wait until the worker has stored it."""
        self._timer.stop()
        if self._dirty and self._in_flight is None:
            self._send()
        self.session.ops.wait_idle()

    def _send(self) -> None:
        if self._in_flight is not None or not self._dirty or self.inspection_id is None:
            return
        keys, self._dirty = set(self._dirty), set()
        self._in_flight = keys
        kwargs = self._payload(keys)
        self.session.run(inspection_service.update_draft, self.session.context(),
                         self.inspection_id, **kwargs, success=self._done,
                         failure=self._failed)

    def _done(self, changes: Any) -> None:
        self._in_flight = None
        if self._first_mark is not None:
            self.latencies_ms.append((time.perf_counter() - self._first_mark) * 1000)
        self._first_mark = time.perf_counter() if self._dirty else None
        self.saved.emit(changes)
        if self._dirty:
            self._send()
            return
        self.status_changed.emit(self.tr("Tersimpan {time}").format(
            time=QTime.currentTime().toString("HH:mm:ss")), "saved")
        self._finish(True)

    def _failed(self, exc: BaseException) -> None:
        keys = self._in_flight or set()
        self._in_flight = None
        self._dirty |= keys  # kept: saved with the next change, or by Ctrl+S
        self._first_mark = None
        self.status_changed.emit(self.tr("Tidak tersimpan: {reason}").format(
            reason=message_of(exc)), "refused")
        self.refused.emit(exc)
        self._finish(False)

    def _finish(self, ok: bool) -> None:
        after, self._after = self._after, []
        for then in after:
            then(ok)
