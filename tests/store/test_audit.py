"""The audit chain detects changed, removed and truncated events."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from k3desk.store import audit
from k3desk.store.db import open_database
from tests.support.cli import run_main


def _chain(data_dir: Path, n: int = 5) -> None:
    db = open_database(data_dir)
    for i in range(n):
        with db.session() as s:
            audit.append(s, actor_id="u1", record_type="inspection", record_id=f"r{i}",
                         action="submit", from_status="draft", to_status="submitted",
                         note=f"event {i}")
    db.dispose()


def test_intact_chain_verifies(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _chain(data_dir)
    proc = run_main(capsys, "audit", "verify", data_dir=data_dir)
    assert proc.returncode == 0, proc.stderr
    assert "5" in proc.stdout


@pytest.mark.parametrize("tamper, broken", [
    ("UPDATE audit_event SET note = 'diubah' WHERE id = 3", 3),
    ("UPDATE audit_event SET to_status = 'approved' WHERE id = 2", 2),
    ("DELETE FROM audit_event WHERE id = 4", 4),
    ("DELETE FROM audit_event WHERE id = 5", 5),
])
def test_tampering_is_detected_and_named(data_dir: Path, tamper: str, broken: int,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    _chain(data_dir)
    con = sqlite3.connect(data_dir / "k3desk.db")
    con.execute(tamper)
    con.commit()
    con.close()
    proc = run_main(capsys, "audit", "verify", data_dir=data_dir)
    assert proc.returncode == 1
    assert f"peristiwa {broken}" in proc.stderr
    assert "Traceback" not in proc.stderr
