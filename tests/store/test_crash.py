"""SIGKILL in the middle of a batch of saves loses nothing that was committed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, text

from k3desk.store import audit
from k3desk.store.db import Database, open_database
from k3desk.store.models import Company, OutboxEntry
from tests.support import REPO
from tests.support.cli import run_cli

pytestmark = pytest.mark.slow  # SIGKILL of a writing process

WRITER = """
import sys
from pathlib import Path
from k3desk.store import audit
from k3desk.store.db import open_database
from k3desk.store.models import Company

db = open_database(Path(sys.argv[1]))
i = 0
while True:
    with db.session() as s:
        c = Company(balai_id="b", name=f"PT {i}", address="Jl. " + "x" * 500)
        s.add(c)
        s.flush()
        audit.append(s, actor_id="u", record_type="company", record_id=c.id, action="create")
    print(c.id, flush=True)  # printed only after the commit returned
    i += 1
"""


def test_sigkill_mid_batch_keeps_every_commit(data_dir: Path,
        open_db_at: Callable[[Path], Database]) -> None:
    open_database(data_dir).dispose()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir)], cwd=REPO,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    committed = []
    deadline = time.monotonic() + 60
    while len(committed) < 150 and time.monotonic() < deadline:
        committed.append(proc.stdout.readline().strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    committed += [line.strip() for line in proc.stdout.read().splitlines() if line.strip()]
    assert len(committed) >= 150

    db = open_db_at(data_dir)
    with db.session() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        ids = set(s.scalars(select(Company.id)))
        assert set(committed) <= ids
        outbox_ids = set(s.scalars(select(OutboxEntry.record_id)))
        assert ids == outbox_ids, "every saved record has its outbox entry"
        report = audit.verify(s)
        assert report.ok and report.count == len(ids)
    db.dispose()
    assert run_cli("audit", "verify", data_dir=data_dir).returncode == 0
