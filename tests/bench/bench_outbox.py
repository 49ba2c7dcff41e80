"""Benchmark: saving many records in one transaction, outbox included, against sqlite3.

The baseline inserts the same rows with plain sqlite3 (executemany, one transaction)
in the same run, so the ratio shows what the ORM, the outbox entry per record and the
durable settings cost. Prints figures; never fails for slowness.
Run: ``.venv/bin/pytest tests/bench/bench_outbox.py -s``.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from k3desk.store.db import open_database
from k3desk.store.models import Company, OutboxEntry


@pytest.mark.bench
def test_bulk_save_with_outbox(tmp_path: Path) -> None:
    db = open_database(tmp_path / "data")
    figures = []
    for n in (500, 4000):
        start = time.perf_counter()
        with db.session() as s:
            s.add_all(Company(balai_id="b", name=f"PT {i}", address="Jl. Raya") for i in range(n))
        figures.append((n, time.perf_counter() - start))
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 4500

    raw = sqlite3.connect(tmp_path / "raw.db")
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("CREATE TABLE company (id TEXT PRIMARY KEY, balai_id TEXT, name TEXT, "
                "address TEXT, data TEXT)")
    start = time.perf_counter()
    with raw:
        raw.executemany("INSERT INTO company VALUES (?, 'b', ?, 'Jl. Raya', '{}')",
                        [(str(uuid.uuid4()), f"PT {i}") for i in range(4000)])
    baseline = time.perf_counter() - start
    raw.close()
    for n, seconds in figures:
        print(f"\nbulk save, {n} companies + outbox: {seconds:.3f} s "
              f"({n / seconds:,.0f}/s)")
    print(f"baseline sqlite3 executemany, 4000 rows: {baseline:.3f} s; "
          f"ratio {figures[-1][1] / baseline:.1f}x; 4000/500 time ratio "
          f"{figures[1][1] / figures[0][1]:.1f} (linear: 8)")
