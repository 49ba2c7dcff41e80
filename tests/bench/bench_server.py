"""Load benchmark of the sync server: N simulated laptops pushing and pulling on loopback.

Run: ``.venv/bin/pytest tests/bench/bench_server.py -s`` (or ``python -m
tests.bench.bench_server``). For each engine it starts a real ``k3desk server``
process (SQLite file; a throwaway PostgreSQL cluster with fsync on, as in production),
lets ``LAPTOPS`` threads each push ``ROUNDS`` batches (new companies plus an edit) and
pull after each, and prints requests per second and p50/p95 latency per endpoint. The
baseline, measured in the same run against the same process, is ``/api/v1/health``
(no database); ratios are against it and against SQLite. Bounded in count and time;
it never fails for being slow.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from k3desk.server import admin
from k3desk.server.db import make_engine, migrate, session_factory
from tests.server.helpers import CHEAP, PASSWORD, company, edit
from tests.support.postgres import start_cluster
from tests.support.server_process import ServerProcess

LAPTOPS = int(os.environ.get("K3DESK_BENCH_LAPTOPS", "8"))
ROUNDS = int(os.environ.get("K3DESK_BENCH_ROUNDS", "25"))
BATCH = 5
TIME_CAP = 60.0  # seconds of load per engine, whatever the counts say


def _populate(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    sessions = session_factory(engine)
    with sessions() as s:
        admin.create_balai(s, "BK3JKT", "Balai K3 Jakarta", "Jl. Gatot Subroto",
                           city="Jakarta")
    for i in range(LAPTOPS):
        with sessions() as s:
            admin.create_user(s, f"laptop{i}", f"Laptop {i}", "1", "inspector", "BK3JKT",
                              PASSWORD, CHEAP)
    engine.dispose()


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _timed(samples: list[float], call: Callable[[], httpx.Response]) -> httpx.Response:
    start = time.perf_counter()
    response = call()
    samples.append(time.perf_counter() - start)
    response.raise_for_status()
    return response


def _laptop(base: str, index: int, stop_at: float, out: dict[str, list[float]],
            errors: list[str]) -> None:
    try:
        r = httpx.post(f"{base}/api/v1/auth/login", timeout=60, json={
            "username": f"laptop{index}", "password": PASSWORD, "device_id": f"d{index}",
            "device_name": "bench"})
        r.raise_for_status()
        body = r.json()
        headers = {"Authorization": f"Bearer {body['token']}"}
        balai = body["user"]["balai_id"]
        cursor = 0
        mine: list[tuple[dict[str, Any], int]] = []
        with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
            for round_ in range(ROUNDS):
                if time.monotonic() > stop_at:
                    break
                changes = [company(balai, f"PT {index}-{round_}-{i}") for i in range(BATCH)]
                if mine:
                    old, version = mine.pop(0)
                    changes.append(edit(old, version, name=old["data"]["name"] + " Tbk"))
                r = _timed(out["push"], lambda c=changes: client.post(
                    "/api/v1/sync/push", json={"device_id": f"d{index}", "changes": c}))
                for change, result in zip(changes, r.json()["results"], strict=True):
                    if result["status"] != "applied":
                        errors.append(str(result))
                    elif change["base_version"] == 0:
                        mine.append((change, result["version"]))
                more = True
                while more:
                    page = _timed(out["pull"], lambda since=cursor: client.get(
                        "/api/v1/sync/pull", params={"since": since, "limit": 200})).json()
                    cursor, more = page["next"], page["more"]
    except Exception as exc:  # noqa: BLE001 - reported, never raised from a thread
        errors.append(f"laptop{index}: {exc!r}")


def _baseline(base: str, seconds: float = 3.0) -> tuple[float, list[float]]:
    """Requests per second and latencies of ``/health`` from LAPTOPS threads."""
    samples: list[float] = []
    stop_at = time.monotonic() + seconds

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.monotonic() < stop_at:
                _timed(samples, lambda: client.get("/api/v1/health"))

    threads = [threading.Thread(target=worker) for _ in range(LAPTOPS)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(samples) / (time.perf_counter() - start), samples


def run_engine(name: str, db_url: str, blob_dir: Path) -> dict[str, Any]:
    _populate(db_url)
    with ServerProcess(db_url, blob_dir) as server:
        health_rps, health = _baseline(server.url)
        out: dict[str, list[float]] = {"push": [], "pull": []}
        errors: list[str] = []
        stop_at = time.monotonic() + TIME_CAP
        threads = [threading.Thread(target=_laptop, args=(server.url, i, stop_at, out, errors))
                   for i in range(LAPTOPS)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - start
    total = len(out["push"]) + len(out["pull"])
    return {"engine": name, "elapsed": elapsed, "requests": total, "rps": total / elapsed,
            "push_rps": len(out["push"]) / elapsed,
            "changes_per_s": len(out["push"]) * (BATCH + 1) / elapsed,
            "push": out["push"], "pull": out["pull"], "health": health,
            "health_rps": health_rps, "errors": errors}


def report(results: list[dict[str, Any]]) -> str:
    ms = 1000.0
    lines = [f"k3desk server load: {LAPTOPS} laptops x {ROUNDS} rounds, {BATCH}+1 changes/push",
             f"{'engine':<11}{'req/s':>8}{'push/s':>8}{'chg/s':>8}{'push p50':>10}"
             f"{'push p95':>10}{'pull p50':>10}{'pull p95':>10}{'health/s':>10}{'ratio':>7}"]
    for r in results:
        ratio = r["rps"] / r["health_rps"] if r["health_rps"] else float("nan")
        lines.append(
            f"{r['engine']:<11}{r['rps']:>8.1f}{r['push_rps']:>8.1f}{r['changes_per_s']:>8.0f}"
            f"{_percentile(r['push'], .5) * ms:>8.1f}ms{_percentile(r['push'], .95) * ms:>8.1f}ms"
            f"{_percentile(r['pull'], .5) * ms:>8.1f}ms{_percentile(r['pull'], .95) * ms:>8.1f}ms"
            f"{r['health_rps']:>10.0f}{ratio:>7.2f}")
    if len(results) == 2:
        a, b = results
        lines.append(f"{b['engine']} / {a['engine']} throughput: {b['rps'] / a['rps']:.2f}")
    for r in results:
        if r["errors"]:
            lines.append(f"{r['engine']}: {len(r['errors'])} errors, first: {r['errors'][0]}")
    lines.append("ratio = sync requests per second / /health requests per second (same process)")
    lines.append("median health latency: "
                 + ", ".join(f"{r['engine']} {statistics.median(r['health']) * ms:.1f}ms"
                             for r in results))
    return "\n".join(lines)


def run_all() -> str:
    results = []
    with tempfile.TemporaryDirectory(prefix="k3desk-bench-") as tmp:
        base = Path(tmp)
        results.append(run_engine("sqlite", f"sqlite:///{base / 'bench.db'}", base / "b1"))
        try:
            cluster = start_cluster(fsync=True)
        except RuntimeError as exc:
            print(f"PostgreSQL part skipped: {exc}")
        else:
            try:
                results.append(run_engine("postgresql", cluster.create_database("bench"),
                                          base / "b2"))
            finally:
                cluster.stop()
    return report(results)


@pytest.mark.bench
def test_bench_server() -> None:
    text = run_all()
    print("\n" + text)
    assert "sqlite" in text  # the figures were produced; speed is never a failure


if __name__ == "__main__":
    print(run_all())
