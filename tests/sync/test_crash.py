"""``k3desk sync`` killed with SIGKILL in the middle of a push and of a pull, then run
again: nothing lost, nothing applied twice, the laptops converge."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from k3desk.store.models import Company
from tests.support.cli import run_cli
from tests.support.server_process import ServerProcess
from tests.sync.fault_proxy import FaultProxy
from tests.sync.helpers import HEAVY_USER, Laptop, outbox, snapshot

N = 1500


def add_companies(lap: Laptop, n: int, prefix: str) -> list[str]:
    ids: list[str] = []
    actor = lap.ctx.actor
    for start in range(0, n, 500):
        with lap.db.session() as s:
            rows = [Company(balai_id=actor.balai_id, name=f"{prefix} {i}", address="Jl. Beban",
                            modified_by=actor.id) for i in range(start, min(n, start + 500))]
            s.add_all(rows)
            s.flush()
            ids += [r.id for r in rows]
    return ids


def run_until(data_dir: Path, condition: str, timeout: float = 120) -> tuple[bool, object]:
    """Start ``k3desk sync``; SIGKILL it the moment ``condition`` (SQL on its database)
    returns a true first column. Returns (killed, the value seen)."""
    proc = subprocess.Popen([sys.executable, "-m", "k3desk", "sync", "--data-dir",
                             str(data_dir)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    con = sqlite3.connect(data_dir / "k3desk.db", timeout=30)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            row = con.execute(condition).fetchone()
            if row and row[0]:
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=30)
                return True, row[0]
            time.sleep(0.005)
        proc.wait(timeout=30)
        return False, proc.returncode
    finally:
        con.close()
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def server_versions(server: ServerProcess, ids: list[str]) -> dict[str, tuple[int, int]]:
    con = sqlite3.connect(f"file:{server.db_url.removeprefix('sqlite:///')}?mode=ro", uri=True)
    try:
        found: dict[str, tuple[int, int]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            logs = dict(con.execute(f"SELECT record_id, count(*) FROM change_log WHERE "
                                    f"record_id IN ({marks}) GROUP BY record_id", chunk))
            for rid, version in con.execute(f"SELECT id, version FROM records WHERE id IN "
                                            f"({marks})", chunk):
                found[rid] = (version, logs.get(rid, 0))
        return found
    finally:
        con.close()


def test_sigkill_mid_push_then_mid_pull(tmp_path: Path, server: ServerProcess,
                                        proxy: FaultProxy) -> None:
    proxy.weights = {"ok": 3, "delay": 1}
    pusher = Laptop(tmp_path / "pusher", proxy.url, HEAVY_USER)
    pusher.sync()
    ids = add_companies(pusher, N, "PT Beban")

    killed, seen = run_until(pusher.data_dir, "SELECT count(*) FROM outbox WHERE "
                                              "state = 'pending' AND attempts > 0")
    assert killed, f"the sync ended ({seen}) before it could be killed mid-push"
    in_flight = [e for e in outbox(pusher, "pending") if e.attempts > 0]
    assert in_flight and all(e.attempts == 1 for e in in_flight)

    out = run_cli("sync", "--data-dir", str(pusher.data_dir), check=True)
    assert "karantina: 0 baru" in out.stdout
    assert outbox(pusher, "pending") == [] and outbox(pusher, "quarantined") == []
    versions = server_versions(server, ids)
    assert len(versions) == N
    assert set(versions.values()) == {(1, 1)}  # each company once, each applied once

    puller_dir = tmp_path / "puller"
    puller = Laptop(puller_dir, proxy.url, HEAVY_USER)
    killed, cursor = run_until(puller_dir, "SELECT value FROM sync_state WHERE "
                                           "key = 'sync_cursor' AND CAST(value AS INTEGER) > 0")
    assert killed, f"the sync ended ({cursor}) before it could be killed mid-pull"
    with puller.db.session() as s:
        assert s.query(Company).count() < N  # really in the middle
        assert s.query(Company).count() == len({r.id for r in s.query(Company)})
    assert json.loads(str(cursor)) > 0
    run_cli("sync", "--data-dir", str(puller_dir), check=True)
    pusher.sync()
    snap = snapshot(puller)
    assert sum(1 for (t, _i) in snap if t == "company") >= N
    assert snap == snapshot(pusher)
    pusher.close()
    puller.close()
