"""Work the first screen does not need waits until the window has been painted (issue 17:
the window shows first, then the rest is built and queried)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """Call ``then`` on the UI thread once ``window`` has been painted (or after a
    second, if no paint comes, e.g. a minimized start)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from shiboken6 import isValid

    done: list[bool] = []

    def run() -> None:
        if done:
            return
        done.append(True)
        _WATCHERS.remove(watcher)
        if isValid(window):  # (a window closed at once: nothing to do)
            window.removeEventFilter(watcher)
            then()

    class Watcher(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, run)
            return False

    watcher = Watcher(window)
    _WATCHERS.append(watcher)  # keeps its Python side (the eventFilter) alive
    window.installEventFilter(watcher)
    # the fallback counts from when the event loop runs, not from construction
    QTimer.singleShot(0, lambda: QTimer.singleShot(1000, run))


_WATCHERS: list[object] = []
