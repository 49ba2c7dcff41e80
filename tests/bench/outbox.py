"""``outbox_save``: 4,000 companies (``--quick``: 400) saved in one transaction through
the store, an outbox entry per record included, against plain sqlite3 inserting the same
rows (executemany, one transaction, WAL and synchronous=FULL like the app) in the same
run: the ratio shows what the ORM, the outbox and the durable settings cost."""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections.abc import Iterator

from sqlalchemy import func, select

from k3desk.store.db import open_database
from k3desk.store.models import Company, OutboxEntry
from tests.bench.bigdata import scratch
from tests.bench.figures import Figure


def figures(quick: bool) -> Iterator[Figure]:
    n = 400 if quick else 4000
    folder = scratch() / "outbox"
    db = open_database(folder)
    try:
        start = time.perf_counter()
        with db.session() as s:
            s.add_all(Company(balai_id="b", name=f"PT {i}", address="Jl. Raya")
                      for i in range(n))
        saved_ms = (time.perf_counter() - start) * 1000
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(OutboxEntry)) == n
    finally:
        db.dispose()
    raw = sqlite3.connect(folder / "raw.db")
    try:
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=FULL")
        raw.execute("CREATE TABLE company (id TEXT PRIMARY KEY, balai_id TEXT, name TEXT, "
                    "address TEXT, data TEXT)")
        start = time.perf_counter()
        with raw:
            raw.executemany("INSERT INTO company VALUES (?, 'b', ?, 'Jl. Raya', '{}')",
                            [(str(uuid.uuid4()), f"PT {i}") for i in range(n)])
        base_ms = (time.perf_counter() - start) * 1000
    finally:
        raw.close()
    yield Figure("outbox_save", saved_ms, "ms", base_ms)
