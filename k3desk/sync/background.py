"""Sync in the background while people work: plain Python, one thread, callbacks.

Nobody waits for sync. The runner syncs when started, every ``interval`` seconds,
a few seconds after a save (saves in a burst make one sync), and at once on "Sync
now". When the server cannot be reached it retries with exponential backoff and
jitter, and in between asks the cheap ``probe`` (``/health``) so that it syncs as soon
as the server answers again. A 401 stops the timer until someone logs in.

State and progress go to ``on_status`` as ``SyncStatus`` values, called from the
runner's thread; the GUI turns them into Qt signals (no Qt here). Nothing of the
database crosses threads: ``run_sync`` opens its own sessions.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from k3desk.sync.backoff import Backoff

if TYPE_CHECKING:  # (the engine and the client, with the protocol's pydantic models, are
    # imported by the first run: the window shows SyncStatus from its start)
    from k3desk.sync.engine import Progress, SyncSummary

log = logging.getLogger("k3desk.sync")


class State(StrEnum):
    IDLE = "idle"
    SYNCING = "syncing"
    UP_TO_DATE = "up_to_date"
    ATTENTION = "attention"
    OFFLINE = "offline"
    NEEDS_LOGIN = "needs_login"
    CANCELLED = "cancelled"
    ERROR = "error"


@dataclass(frozen=True)
class SyncStatus:
    """One report of the runner; ``text()`` is what the status bar shows."""

    state: State
    done: int = 0
    total: int | None = None
    phase: str = ""
    last_success: float | None = None
    attention: int = 0
    retry_at: float | None = None
    message: str = ""

    def text(self) -> str:
        if self.state == State.SYNCING:
            if self.total:
                return f"Menyinkronkan {self.done} dari {self.total}"
            return f"Menyinkronkan… ({self.done})" if self.done else "Menyinkronkan…"
        if self.state == State.ATTENTION:
            return f"{self.attention} item perlu perhatian"
        if self.state == State.UP_TO_DATE and self.last_success:
            return f"Mutakhir pukul {datetime.fromtimestamp(self.last_success):%H:%M}"
        if self.state == State.OFFLINE:
            return "Luring: server tidak terhubung"
        if self.state == State.NEEDS_LOGIN:
            return "Perlu login ulang ke server"
        if self.state == State.CANCELLED:
            return "Sinkronisasi dibatalkan"
        if self.state == State.ERROR:
            return f"Sinkronisasi gagal: {self.message}"
        return "Belum disinkronkan"


RunSync = Callable[["Progress"], "SyncSummary"]


class BackgroundSync:
    """The runner. ``run_sync(progress)`` does one full sync (sync_service.sync_now)."""

    def __init__(self, run_sync: RunSync, *, interval: float = 300.0,
                 save_delay: float = 3.0, probe: Callable[[], bool] | None = None,
                 probe_interval: float = 15.0, backoff: Backoff | None = None,
                 on_status: Callable[[SyncStatus], None] | None = None,
                 on_summary: Callable[[SyncSummary], None] | None = None) -> None:
        self.run_sync = run_sync
        self.interval = interval
        self.save_delay = save_delay
        self.probe = probe
        self.probe_interval = probe_interval
        self.backoff = backoff or Backoff(base=5.0, cap=600.0)
        self.on_status = on_status or (lambda _status: None)
        self.on_summary = on_summary or (lambda _summary: None)
        self.status = SyncStatus(State.IDLE)
        self.runs = 0
        self._cond = threading.Condition()
        self._due: float | None = 0.0  # sync at once when started
        self._retry_at: float | None = None
        self._stopping = False
        self._thread: threading.Thread | None = None
        self.last_success: float | None = None
        #: set by ``cancel()``; ``run_sync`` is expected to check it between batches/pages
        self.cancel_event = threading.Event()

    # -- what the app calls ---------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="k3desk-sync", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Ask the thread to end (after the sync in progress, if any) and wait for it."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def sync_now(self) -> None:
        """'Sync now' (also after a new login): at once, backoff or not."""
        self._schedule(0.0, force=True)

    def cancel(self) -> None:
        """Stop the sync in progress at its next batch or page (nothing is lost: what
        was done stays, the rest goes next time). No effect when none is running."""
        if self.status.state == State.SYNCING:
            self.cancel_event.set()

    def notify_saved(self) -> None:
        """A record was saved: sync soon, so that a burst of saves makes one sync."""
        self._schedule(self.save_delay)

    def notify_online(self) -> None:
        """The OS says the network is back: try now instead of waiting for the backoff."""
        self._schedule(0.0, force=True)

    # -- the thread -----------------------------------------------------------------------

    def _schedule(self, delay: float, force: bool = False) -> None:
        with self._cond:
            at = time.monotonic() + delay
            if self.status.state == State.NEEDS_LOGIN and not force:
                return
            if self._retry_at is not None and not force:
                return  # offline: the backoff and the probe decide
            if self._due is None or at < self._due:
                self._due = at
            if force:
                self._retry_at = None
            self._cond.notify_all()

    def _emit(self, status: SyncStatus) -> None:
        self.status = status
        try:
            self.on_status(status)
        except Exception:  # a broken listener must not stop sync
            log.exception("sync status listener failed")

    def _next_wake(self) -> float | None:
        wakes = [t for t in (self._due, self._retry_at) if t is not None]
        if self._retry_at is not None and self.probe is not None:
            wakes.append(time.monotonic() + self.probe_interval)
        return min(wakes) if wakes else None

    def _wait_for_turn(self) -> bool:
        """Block until a sync is due; False when stopping."""
        with self._cond:
            while not self._stopping:
                now = time.monotonic()
                if self._due is not None and self._due <= now:
                    self._due = None
                    return True
                if self._retry_at is not None and self._retry_at <= now:
                    self._retry_at = None
                    return True
                wake = self._next_wake()
                timeout = None if wake is None else max(0.0, wake - now)
                if not self._cond.wait(timeout) and self._retry_at is not None \
                        and self.probe is not None and time.monotonic() < self._retry_at:
                    self._cond.release()
                    try:
                        answered = self._probe()
                    finally:
                        self._cond.acquire()
                    if answered:
                        self._retry_at = None
                        return True
            return False

    def _probe(self) -> bool:
        try:
            return bool(self.probe and self.probe())
        except Exception:
            return False

    def _loop(self) -> None:
        while self._wait_for_turn():
            self._run_once()

    def _progress(self, phase: str, done: int, total: int | None) -> None:
        self._emit(SyncStatus(State.SYNCING, done, total, phase, self.last_success))

    def _run_once(self) -> None:
        self.runs += 1
        self.cancel_event.clear()
        self._emit(SyncStatus(State.SYNCING, last_success=self.last_success))
        from k3desk.sync.client import AuthRequired, Unreachable
        from k3desk.sync.engine import Cancelled

        try:
            summary = self.run_sync(self._progress)
        except Cancelled as exc:
            with self._cond:
                if self._due is None:
                    self._due = time.monotonic() + self.interval
            self._emit(SyncStatus(State.CANCELLED, last_success=self.last_success,
                                  message=str(exc)))
            return
        except Unreachable as exc:
            delay = self.backoff.next_delay()
            with self._cond:
                self._retry_at = time.monotonic() + delay
            self._emit(SyncStatus(State.OFFLINE, last_success=self.last_success,
                                  retry_at=time.time() + delay, message=str(exc)))
            return
        except AuthRequired as exc:
            self._emit(SyncStatus(State.NEEDS_LOGIN, last_success=self.last_success,
                                  message=str(exc)))
            return
        except Exception as exc:  # a bug or a full disk: report, retry later, never die
            log.exception("background sync failed")
            delay = self.backoff.next_delay()
            with self._cond:
                self._retry_at = time.monotonic() + delay
            self._emit(SyncStatus(State.ERROR, last_success=self.last_success,
                                  retry_at=time.time() + delay, message=str(exc)))
            return
        self.backoff.reset()
        self.last_success = time.time()
        with self._cond:
            if self._due is None:
                self._due = time.monotonic() + self.interval
        try:
            self.on_summary(summary)
        except Exception:
            log.exception("sync summary listener failed")
        state = State.ATTENTION if summary.attention else State.UP_TO_DATE
        self._emit(SyncStatus(state, last_success=self.last_success,
                              attention=summary.attention))
