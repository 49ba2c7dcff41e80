"""What every page of the window shares: the database, who is logged in, the workers,
and one "data changed" signal (Anki's ``operation_did_execute``).

A page that writes calls ``session.notify(changes, initiator=self)`` from its success
callback; every page refreshes from ``data_changed`` and skips changes it made itself.
The same signal fires after a sync and when another process (the CLI) committed to the
database: ``PRAGMA data_version`` is polled on the database worker every two seconds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from k3desk.domain.errors import K3Error
from k3desk.services.context import Actor, AppContext, Changes
from k3desk.store.db import Database
from k3desk.store.watch import DataVersionWatcher
from k3desk.ui.operations import Operations

POLL_MS = 2000
EXTERNAL = "external"  # the initiator of changes another process or the sync made


class UiSession(QObject):
    """One data folder open in one window."""

    data_changed = Signal(object, object)  # Changes | None, initiator (object | str | None)
    actor_changed = Signal(object)  # Actor | None

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.data_dir = Path(db.data_dir)
        self.actor: Actor | None = None
        self.ops = Operations(self)
        self._watcher = DataVersionWatcher(db.path)
        self.ops.after_db_job = self._watcher.mark
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check_external)
        self._poll.start()

    # who acts -----------------------------------------------------------------------
    def set_actor(self, actor: Actor | None) -> None:
        self.actor = actor
        self.actor_changed.emit(actor)

    def context(self) -> AppContext:
        """The service context of the logged-in user (pages exist only after login)."""
        if self.actor is None:
            raise K3Error("belum ada pengguna yang login")
        return AppContext(db=self.db, actor=self.actor)

    @property
    def is_supervisor(self) -> bool:
        return self.actor is not None and self.actor.role in ("supervisor", "admin")

    # running work -------------------------------------------------------------------
    def run(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """``ops.run`` on the database worker (see ``k3desk.ui.operations``)."""
        return self.ops.run(fn, *args, **kwargs)

    # data changed -------------------------------------------------------------------
    def notify(self, changes: Changes | None, initiator: object | None = None) -> None:
        self.data_changed.emit(changes, initiator)

    def _check_external(self) -> None:
        if self.ops.busy:
            return
        self.ops.run(self._watcher.changed, success=self._external_result)

    def _external_result(self, moved: bool) -> None:
        if moved:
            self.notify(None, EXTERNAL)

    def close(self) -> None:
        self._poll.stop()
        self.ops.shutdown()
        self._watcher.close()
