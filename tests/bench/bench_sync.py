"""Benchmark of the laptop's sync client against a real server process on loopback.

Run: ``.venv/bin/pytest tests/bench/bench_sync.py -s -m bench``. Three figures, each
beside a raw baseline measured in the same run:

1. first sync of ``RECORDS`` records into an empty laptop, against the same rows
   bulk-inserted with ``sqlite3`` into a copy of the laptop's table (and against a
   bare HTTP download of the same pages, which is what the network and server cost);
2. push of ``CHANGES`` local changes, against the same rows bulk-inserted with
   ``sqlite3`` (and a bare HTTP push of as many changes in the same batch size);
3. a sync with one change, against one bare HTTP round trip (``/api/v1/health``).

It prints and never fails for being slow.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from k3desk.services import records_service
from k3desk.store.models import Company
from tests.support.server_process import ServerProcess
from tests.sync.helpers import HEAVY_BALAI, HEAVY_USER, Laptop, make_server

RECORDS = int(os.environ.get("K3DESK_BENCH_RECORDS", "50000"))
CHANGES = int(os.environ.get("K3DESK_BENCH_CHANGES", "10000"))
pytestmark = pytest.mark.bench


@pytest.fixture(scope="module")
def bench_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    os.environ["K3DESK_KEYRING"] = "0"
    srv = make_server(tmp_path_factory.mktemp("bench-server"))
    try:
        yield srv
    finally:
        srv.stop()


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = call()
    return time.perf_counter() - start, value


def _seed_server(server: ServerProcess, n: int) -> str:
    """Put ``n`` company records straight into the server's tables (as many pushes
    would have), in one transaction that also moves the seq counter."""
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


def _sqlite_baseline(laptop_db: Path, target: Path, rows: list[tuple[Any, ...]]) -> float:
    """The same rows bulk-inserted with sqlite3 into a fresh copy of the company table."""
    src = sqlite3.connect(laptop_db)
    ddl = src.execute("SELECT sql FROM sqlite_master WHERE name = 'company'").fetchone()[0]
    src.close()
    con = sqlite3.connect(target)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    con.execute(ddl)
    marks = ",".join("?" * len(rows[0]))
    start = time.perf_counter()
    with con:
        con.executemany(f"INSERT INTO company VALUES ({marks})", rows)
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def _company_rows(lap: Laptop, name_like: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(lap.db.path)
    rows = con.execute("SELECT * FROM company WHERE name LIKE ?", (name_like,)).fetchall()
    con.close()
    return rows


def _line(label: str, seconds: float, baseline_label: str, baseline: float,
          count: int | None = None) -> None:
    rate = f", {count / seconds:,.0f}/s" if count else ""
    print(f"  {label}: {seconds:.2f} s{rate} | {baseline_label}: {baseline:.4f} s | "
          f"ratio {seconds / baseline:,.1f}x")


def test_bench_sync(bench_server: ServerProcess, tmp_path: Path) -> None:
    server = bench_server
    _seed_server(server, RECORDS)
    print(f"\nsync benchmark ({RECORDS} records, {CHANGES} changes; loopback server)")

    # 1. first sync into an empty laptop
    lap = Laptop(tmp_path / "empty", server.url, HEAVY_USER)
    first, summary = _timed(lap.sync)
    assert summary.pulled >= RECORDS
    token = lap.engine().client.token
    with httpx.Client(base_url=server.url + "/api/v1",
                      headers={"Authorization": f"Bearer {token}"}) as http:
        def bare_pull() -> int:
            since, got = 0, 0
            while True:
                page = http.get("/sync/pull", params={"since": since, "limit": 1000}).json()
                got += len(page["changes"])
                since = page["next"]
                if not page["more"]:
                    return got
        http_pull, _ = _timed(bare_pull)
        rows = _company_rows(lap, "PT Benchmark %")
        insert = _sqlite_baseline(lap.db.path, tmp_path / "baseline1.db", rows)
        _line(f"first sync, {summary.pulled} records", first, "sqlite3 bulk insert", insert,
              summary.pulled)
        print(f"  (bare HTTP download of the same pages: {http_pull:.2f} s, "
              f"sync/download {first / http_pull:.1f}x)")

        # 2. push of CHANGES local changes
        actor = lap.ctx.actor
        for start in range(0, CHANGES, 500):
            with lap.db.session() as s:
                s.add_all([Company(balai_id=actor.balai_id, name=f"PT Lokal {i}",
                                   address="Jl. Lokal", city="Malang", modified_by=actor.id)
                           for i in range(start, min(CHANGES, start + 500))])
        push, summary = _timed(lap.sync)
        assert summary.pushed == CHANGES
        new_rows = _company_rows(lap, "PT Lokal %")
        insert2 = _sqlite_baseline(lap.db.path, tmp_path / "baseline2.db", new_rows)

        def bare_push() -> None:
            for start in range(0, CHANGES, 500):
                changes = [{"change_id": str(uuid.uuid4()), "type": "company",
                            "id": str(uuid.uuid4()), "base_version": 0, "deleted": False,
                            "data": {"balai_id": actor.balai_id, "name": f"PT Mentah {i}",
                                     "address": "Jl. Mentah"}}
                           for i in range(start, min(CHANGES, start + 500))]
                r = http.post("/sync/push", json={"device_id": "bench", "changes": changes})
                r.raise_for_status()
        http_push, _ = _timed(bare_push)
        _line(f"push of {CHANGES} changes", push, "sqlite3 bulk insert", insert2, CHANGES)
        print(f"  (bare HTTP push of as many changes: {http_push:.2f} s, "
              f"sync/bare {push / http_push:.1f}x)")

        # 3. a sync with one change (median of 7), against one bare round trip
        with lap.db.session() as s:
            company_id = s.query(Company.id).filter(Company.name == "PT Benchmark 7").scalar()
        lap.sync()  # take in the bare pushes first
        one: list[float] = []
        for i in range(7):
            records_service.save_company(lap.ctx, {"phone": f"0800-{i}"}, company_id)
            seconds, summary = _timed(lap.sync)
            assert summary.pushed == 1
            one.append(seconds)
        trips = []
        for _ in range(21):
            seconds, _ = _timed(lambda: http.get("/health").raise_for_status())
            trips.append(seconds)
        _line("sync with one change (median)", statistics.median(one),
              "one bare HTTP round trip (median)", statistics.median(trips))
    lap.close()
