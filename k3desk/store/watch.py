"""Noticing that another connection changed the database (the CLI, the sync thread).

SQLite's ``PRAGMA data_version`` changes on a connection whenever another connection has
committed since it was last read; reading it costs microseconds. The window polls it on
its database worker and refreshes its pages when it moved.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class DataVersionWatcher:
    """One read-only connection of its own; ``changed()`` says whether anyone committed
    since the last ``changed()`` or ``mark()``. Use it from one thread only."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._conn: sqlite3.Connection | None = None
        self._last: int | None = None

    def _read(self) -> int:
        if self._conn is None:
            self._conn = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True,
                                         check_same_thread=False)
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def mark(self) -> None:
        """Take the current version as seen (after this window's own writes)."""
        self._last = self._read()

    def changed(self) -> bool:
        now = self._read()
        moved = self._last is not None and now != self._last
        self._last = now
        return moved

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
