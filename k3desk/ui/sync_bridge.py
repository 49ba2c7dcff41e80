"""The background sync runner's callbacks (a worker thread) as Qt signals (UI thread)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from k3desk.store.db import Database


class SyncBridge(QObject):
    """The background sync runner's callbacks (worker thread) as Qt signals (UI thread).

    Runs only when a server has been configured (``k3desk login --server URL``)."""

    status_changed = Signal(str)
    synced = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from k3desk.services import sync_service

        self.configured = bool(sync_service.server_url(db))
        self.runner = None
        if self.configured:
            self.runner = sync_service.background_runner(
                db, on_status=lambda st: self.status_changed.emit(st.text()),
                on_summary=lambda _summary: self.synced.emit())
            self.runner.start()

    def sync_now(self) -> None:
        if self.runner is not None:
            self.runner.sync_now()

    def stop(self) -> None:
        if self.runner is not None:
            self.runner.stop()
            self.runner = None
