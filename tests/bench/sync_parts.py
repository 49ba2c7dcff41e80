"""Sync figures (issue 17): a laptop's first sync, a push of many changes, one change.

A real ``k3desk server`` process on loopback (SQLite, as a Balai's small server; the
PostgreSQL figures are in ``server_parts``) and a laptop in this process, through the
application's own sync service. Baselines, measured in the same run:

- ``sync_initial_50k``: the same rows bulk-inserted with sqlite3 into a copy of the
  laptop's table, plus one bare HTTP download (standard-library server) of the same
  bytes the sync downloaded;
- ``sync_push_10k``: the same rows written with executemany into a copy of the server's
  tables (records and change log, a transaction per 500 as pushes do), plus one bare
  HTTP upload of the same bytes;
- ``sync_one_change``: one bare HTTP round trip to the same server (``/api/v1/health``).
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import httpx

from tests.bench.figures import Figure
from tests.bench.serving import BareServer
from tests.support.server_process import ServerProcess


def figures(quick: bool) -> Iterable[Figure]:
    os.environ.setdefault("K3DESK_KEYRING", "0")  # the bench process only: no keyring
    from tests.sync.helpers import make_server

    records = 5_000 if quick else 50_000
    changes = 1_000 if quick else 10_000
    with tempfile.TemporaryDirectory(prefix="k3desk-bench-") as tmp:
        srv = make_server(Path(tmp) / "server")
        try:
            yield from _run(srv, Path(tmp), records, changes)
        finally:
            srv.stop()


def _seed_server(server: ServerProcess, n: int) -> str:
    """Put ``n`` company records straight into the server's tables (as many pushes
    would have), in one transaction that also moves the seq counter."""
    from tests.sync.helpers import HEAVY_BALAI

    con = sqlite3.connect(server.db_url.removeprefix("sqlite:///"), timeout=60)
    try:
        con.execute("BEGIN IMMEDIATE")
        balai_id = next(rid for rid, data in con.execute(
            "SELECT id, data FROM records WHERE type = 'balai'")
            if json.loads(data)["code"] == HEAVY_BALAI)
        moment = con.execute("SELECT modified_at FROM records LIMIT 1").fetchone()[0]
        seq = con.execute("SELECT value FROM counters WHERE name = 'seq'").fetchone()[0]
        rows = [(str(uuid.uuid4()), "company", balai_id, 1, seq + i + 1, 0, moment, None,
                 json.dumps({"balai_id": balai_id, "name": f"PT Benchmark {i}",
                             "address": f"Jl. Industri No. {i}", "city": "Surabaya",
                             "phone": f"031-{i:07d}", "contact_person": "Bapak Uji"}))
                for i in range(n)]
        con.executemany("INSERT INTO records (id, type, balai_id, version, seq, deleted, "
                        "modified_at, modified_by, data) VALUES (?,?,?,?,?,?,?,?,?)", rows)
        con.execute("UPDATE counters SET value = ? WHERE name = 'seq'", (seq + n,))
        con.commit()
        return balai_id
    finally:
        con.close()


def _sqlite_insert(source_db: Path, table: str, target: Path, rows: list[tuple[Any, ...]],
                   per_commit: int | None = None) -> float:
    """Seconds to executemany ``rows`` into a fresh copy of ``table`` (WAL, synchronous
    FULL, as the application's databases), in one transaction or one per ``per_commit``."""
    src = sqlite3.connect(source_db)
    ddl = src.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    src.close()
    con = sqlite3.connect(target)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    con.execute(ddl)
    marks = ",".join("?" * len(rows[0]))
    step = per_commit or len(rows)
    start = time.perf_counter()
    for first in range(0, len(rows), step):
        with con:
            con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows[first:first + step])
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def _run(server: ServerProcess, tmp: Path, records: int, changes: int) -> Iterator[Figure]:
    from k3desk.services import records_service
    from k3desk.store.models import Company
    from tests.sync.helpers import HEAVY_USER, Laptop

    _seed_server(server, records)
    lap = Laptop(tmp / "laptop", server.url, HEAVY_USER)
    start = time.perf_counter()
    summary = lap.sync()
    first = time.perf_counter() - start
    assert summary.pulled >= records, summary
    token = lap.engine().client.token
    with httpx.Client(base_url=server.url + "/api/v1",
                      headers={"Authorization": f"Bearer {token}"}, timeout=120) as http:
        pages = []
        since = 0
        while True:  # the same bytes the first sync downloaded
            r = http.get("/sync/pull", params={"since": since, "limit": 1000})
            pages.append(r.content)
            body = r.json()
            since = body["next"]
            if not body["more"]:
                break
        con = sqlite3.connect(lap.db.path)
        rows = con.execute("SELECT * FROM company WHERE name LIKE 'PT Benchmark %'").fetchall()
        con.close()
        insert = _sqlite_insert(lap.db.path, "company", tmp / "base1.db", rows)
        with BareServer(b"".join(pages)) as bare:
            download = bare.download()
        yield Figure("sync_initial_50k", first * 1000, "ms", (insert + download) * 1000, "ms")

        # a push of ``changes`` local changes
        actor = lap.ctx.actor
        for begin in range(0, changes, 500):
            with lap.db.session() as s:
                s.add_all([Company(balai_id=actor.balai_id, name=f"PT Lokal {i}",
                                   address="Jl. Lokal", city="Malang", modified_by=actor.id)
                           for i in range(begin, min(changes, begin + 500))])
        start = time.perf_counter()
        summary = lap.sync()
        push = time.perf_counter() - start
        assert summary.pushed == changes, summary
        yield Figure("sync_push_10k", push * 1000, "ms",
                     _push_baseline(server, tmp, changes) * 1000, "ms")

        # a sync with one change (median of 7)
        with lap.db.session() as s:
            company_id = s.query(Company.id).filter(Company.name == "PT Benchmark 7").scalar()
        one: list[float] = []
        for i in range(7):
            records_service.save_company(lap.ctx, {"phone": f"0800-{i}"}, company_id)
            start = time.perf_counter()
            summary = lap.sync()
            one.append(time.perf_counter() - start)
            assert summary.pushed == 1, summary
        trips = []
        for _ in range(21):
            start = time.perf_counter()
            http.get("/health").raise_for_status()
            trips.append(time.perf_counter() - start)
        yield Figure("sync_one_change", statistics.median(one) * 1000, "ms",
                     statistics.median(trips) * 1000, "ms")
    lap.close()


def _push_baseline(server: ServerProcess, tmp: Path, changes: int) -> float:
    """executemany of the pushed rows into copies of the server's records and change log
    (a transaction per 500), plus one bare HTTP upload of as many push bodies."""
    db = Path(server.db_url.removeprefix("sqlite:///"))
    con = sqlite3.connect(db)
    rows = con.execute("SELECT * FROM records WHERE type = 'company' AND data LIKE "
                       "'%PT Lokal %'").fetchall()
    logs = con.execute("SELECT * FROM change_log ORDER BY seq DESC LIMIT ?",
                       (changes,)).fetchall()
    con.close()
    seconds = _sqlite_insert(db, "records", tmp / "base2.db", rows, 500)
    seconds += _sqlite_insert(db, "change_log", tmp / "base3.db", logs, 500)
    bodies = [json.dumps({"device_id": "bench", "changes": [
        {"change_id": log[0], "type": "company", "id": row[0], "base_version": 0,
         "deleted": False, "data": json.loads(row[8])}
        for row, log in zip(rows[b:b + 500], logs[b:b + 500], strict=False)]}).encode()
        for b in range(0, len(rows), 500)]
    with BareServer() as bare:
        seconds += bare.upload(b"".join(bodies))
    return seconds
