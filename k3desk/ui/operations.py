"""Operations, not threads (Anki's ``CollectionOp``/``QueryOp`` and ``taskman``).

Every database job is one service call run on a single worker thread; network and
rendering jobs have a worker each. Results and errors come back on the UI thread through
``success``/``failure`` callbacks. A SQLAlchemy session never crosses a thread: the job
opens and closes its own through the service it calls.

    ops.run(inspection_service.update_draft, ctx, iid, values=v,
            success=self.saved, failure=self.show_problems)

When ``failure`` is not given, a ``K3Error`` is shown as a message and anything else goes
to the one unexpected-error handler (``k3desk.ui.errors``), which logs it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
POOLS = ("db", "net", "render")


class _Relay(QObject):
    """Lives on the UI thread; a signal emitted from a worker is delivered queued."""

    done = Signal(object, object, object)  # callback, value, ok


class Operations(QObject):
    """The workers of one window. ``busy_changed`` drives the busy indicator."""

    busy_changed = Signal(bool)
    failed = Signal(object)  # an exception nobody handled: the window shows it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools = {name: ThreadPoolExecutor(1, thread_name_prefix=f"k3desk-{name}")
                       for name in POOLS}
        self._relay = _Relay()
        self._relay.done.connect(self._deliver)
        self._running = 0
        self._shut = False
        self.after_db_job: Callable[[], None] | None = None

    def run(self, fn: Callable[..., Any], *args: Any, success: Callback | None = None,
            failure: Callback | None = None, pool: str = "db", **kwargs: Any) -> Future[Any]:
        """Run ``fn(*args, **kwargs)`` on the pool's worker; call back on the UI thread."""
        self._set_running(+1)

        def job() -> Any:
            try:
                value = fn(*args, **kwargs)
            except BaseException as exc:  # noqa: BLE001 (handed to the UI thread)
                self._relay.done.emit(failure or self.failed.emit, exc, False)
                raise
            finally:
                if pool == "db" and self.after_db_job is not None:
                    try:
                        self.after_db_job()
                    except Exception:  # noqa: BLE001 (a watcher must never break a job)
                        log.exception("after_db_job failed")
            self._relay.done.emit(success, value, True)
            return value

        try:
            return self._pools[pool].submit(job)
        except RuntimeError:  # the window closed (shutdown): a late refresh has no one to
            self._set_running(-1)  # show its answer to; nothing is written after close
            log.warning("dropped %s: the workers are shut down", getattr(fn, "__name__", fn))
            dropped: Future[Any] = Future()
            dropped.cancel()
            return dropped

    def _deliver(self, callback: Callback | None, value: Any, ok: bool) -> None:
        self._set_running(-1)
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            return  # its widget was deleted meanwhile (a closed window): nobody to tell
        if callback is not None and not self._shut:  # after shutdown the window is gone
            callback(value)

    def _set_running(self, delta: int) -> None:
        before = self._running > 0
        self._running += delta
        if (self._running > 0) != before:
            self.busy_changed.emit(self._running > 0)

    @property
    def busy(self) -> bool:
        return self._running > 0

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Block until every queued job has run (for shutdown; tests use qtbot.waitUntil)."""
        for pool in self._pools.values():
            pool.submit(lambda: None).result(timeout)

    def shutdown(self) -> None:
        """Let every queued job finish (what they write is kept); results that arrive
        afterwards are not called back (a callback would start work on closed pools)."""
        self._shut = True
        for pool in self._pools.values():
            pool.shutdown(wait=True, cancel_futures=False)
