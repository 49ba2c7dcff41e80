"""A supervisor's laptop killed mid-approval never issues a number twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from k3desk.store import audit
from k3desk.store.db import Database
from k3desk.store.models import Certificate, Inspection
from tests.support import REPO

pytestmark = pytest.mark.slow  # SIGKILL of an approving process

APPROVER = """
import sys
from pathlib import Path
import pytest
from sqlalchemy import select
from k3desk.domain.evaluation import example_values
from k3desk.domain.templates import default_registry
from k3desk.services import auth_service, inspection_service, review_service
from k3desk.services.context import AppContext
from k3desk.store.db import open_database
from k3desk.store.models import Equipment

db = open_database(Path(sys.argv[1]))
inspector = AppContext(db, auth_service.login_offline(db, "inspektur", "demo-inspektur"))
supervisor = AppContext(db, auth_service.login_offline(db, "penyelia", "demo-penyelia"))
with db.session() as s:
    equipment_id = s.scalars(select(Equipment.id).where(Equipment.object_type == "apar")).first()
values = example_values(default_registry().latest_for_object_type("apar"))
while True:
    iid = inspection_service.create_draft(inspector, equipment_id=equipment_id,
                                          values=values).ids[0]
    inspection_service.submit(inspector, iid)
    print(review_service.approve(supervisor, iid).number, flush=True)
"""


def test_sigkill_during_approvals_issues_each_number_once(demo_dir: Path,
        open_db_at: Callable[[Path], Database]) -> None:
    proc = subprocess.Popen([sys.executable, "-c", APPROVER, str(demo_dir)], cwd=REPO,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    issued = []
    deadline = time.monotonic() + 120
    while len(issued) < 8 and time.monotonic() < deadline:
        line = proc.stdout.readline().strip()
        if line:
            issued.append(line)
    time.sleep(0.15)  # let it get into the middle of the next approval
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(issued) >= 8

    db = open_db_at(demo_dir)
    with db.session() as s:
        numbers = list(s.scalars(select(Certificate.number)))
        assert set(issued) <= set(numbers)
        assert len(numbers) == len(set(numbers))
        pairs = s.execute(select(Certificate.block_id, Certificate.seq_in_block)).all()
        assert len(pairs) == len(set(pairs))
        per_inspection = s.execute(select(Certificate.inspection_id, func.count())
                                   .group_by(Certificate.inspection_id)).all()
        assert all(n == 1 for _, n in per_inspection)
        approved = s.scalar(select(func.count()).select_from(Inspection)
                            .where(Inspection.status == "approved"))
        assert approved == len(numbers), "an approval and its certificate commit together"
        assert audit.verify(s).ok
