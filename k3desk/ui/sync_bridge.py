"""The background sync runner's callbacks (a worker thread) as Qt signals (UI thread)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from k3desk.store.db import Database

if TYPE_CHECKING:
    from k3desk.sync.background import BackgroundSync


class SyncBridge(QObject):
    """The background sync runner's callbacks (worker thread) as Qt signals (UI thread).

    Runs only when a server has been configured (``k3desk login --server URL``, or the
    settings page: ``configure()`` starts it then). ``state_changed`` carries the
    runner's ``SyncStatus`` (state, progress, last success, message); ``status_changed``
    its Indonesian text, for what only needs a line."""

    status_changed = Signal(str)
    state_changed = Signal(object)  # k3desk.sync.background.SyncStatus
    synced = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner: BackgroundSync | None = None
        self.last_status: object | None = None
        self.configured = False
        self.stopped = False  # after stop(): late reports are ignored
        self.configure()

    def configure(self) -> bool:
        """Start the runner when a server is (now) configured; True when it runs."""
        from k3desk.services.settings_service import server_url

        self.configured = bool(server_url(self.db))
        if self.configured and self.runner is None:
            from k3desk.services import sync_service  # (httpx and the engine: only now)

            self.stopped = False
            self.runner = sync_service.background_runner(
                self.db, on_status=self._on_status,
                on_summary=lambda _summary: self.synced.emit())
            self.runner.start()
        return self.configured

    def _on_status(self, status: object) -> None:  # the runner's thread
        self.last_status = status
        self.state_changed.emit(status)
        self.status_changed.emit(status.text())  # type: ignore[attr-defined]

    def sync_now(self) -> None:
        if self.runner is not None:
            self.runner.sync_now()

    def cancel(self) -> None:
        """Stop the sync in progress at its next batch or page."""
        if self.runner is not None:
            self.runner.cancel()

    def stop(self) -> None:
        self.stopped = True
        if self.runner is not None:
            self.runner.cancel()  # a long sync ends at its next batch or page
            self.runner.stop()
            self.runner = None
