"""The outbox hook is attached to every database opened in a process, however many."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

from sqlalchemy import func, select

from k3desk.store.db import open_database
from k3desk.store.models import Company, OutboxEntry


def test_every_database_opened_after_others_were_collected_gets_the_outbox(
        tmp_path: Path) -> None:
    # A new session factory may take the id of a collected one; SQLAlchemy's
    # event.contains() then said "installed" and edits of that database never synced.
    open_database(tmp_path / "first").dispose()
    missing = []
    for n in range(120):
        folder = tmp_path / f"d{n}"
        folder.mkdir()
        shutil.copy(tmp_path / "first" / "k3desk.db", folder / "k3desk.db")
        db = open_database(folder)
        with db.session() as s:
            s.add(Company(balai_id="b", name=f"PT {n}", address="Jl. Raya"))
        with db.session() as s:
            if s.scalar(select(func.count()).select_from(OutboxEntry)) != 1:
                missing.append(n)
        db.dispose()
        del db
        gc.collect()
    assert missing == []
