"""Generated data of the laptop benchmarks (never committed): the demo data folder plus
``rows`` inspections and a certificate for each approved one, with plain INSERTs.

``big_folder(rows)`` builds it once per process in a temporary folder (removed at exit);
``demo_folder()`` is the demo folder alone. ``ROWS`` is the size of the issue (100,000);
``rows_for(quick)`` a tenth of it with ``--quick``. ``K3DESK_BENCH_ROWS`` overrides both
(the pytest check of the runner uses a small number); ``K3DESK_BENCH_RUNS`` the number
of timed runs (``runs_for``).
"""

from __future__ import annotations

import atexit
import os
import random
import shutil
import tempfile
import uuid
from datetime import date, timedelta
from pathlib import Path

ROWS = 100_000
_ROOT: list[Path] = []
_MADE: dict[str, Path] = {}


def rows_for(quick: bool) -> int:
    forced = os.environ.get("K3DESK_BENCH_ROWS")
    if forced:
        return int(forced)
    return ROWS // 10 if quick else ROWS


def runs_for(quick: bool, full: int, fewer: int) -> int:
    """How many timed runs a figure takes: ``full``, ``fewer`` with ``--quick``, or
    ``K3DESK_BENCH_RUNS`` (the pytest check of the runner: one)."""
    forced = os.environ.get("K3DESK_BENCH_RUNS")
    if forced:
        return int(forced)
    return fewer if quick else full


def scratch() -> Path:
    """This process's temporary folder (removed at exit)."""
    if not _ROOT:
        _ROOT.append(Path(tempfile.mkdtemp(prefix="k3desk-bench-")))
        atexit.register(shutil.rmtree, _ROOT[0], True)
    return _ROOT[0]


def demo_folder() -> Path:
    """The demo data folder (``k3desk.services.demo_service.create_demo``)."""
    if "demo" not in _MADE:
        from k3desk.services.demo_service import create_demo

        target = scratch() / "demo"
        create_demo(target)
        _MADE["demo"] = target
    return _MADE["demo"]


def copy_of(folder: Path, name: str) -> Path:
    target = scratch() / name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(folder, target)
    return target


def big_folder(rows: int) -> Path:
    """The demo folder with ``rows`` more inspections (made once per size; treat it as
    read-only, or take ``copy_of`` it)."""
    key = f"big-{rows}"
    if key not in _MADE:
        target = copy_of(demo_folder(), key)
        add_inspections(target, rows)
        _MADE[key] = target
    return _MADE[key]


def add_inspections(folder: Path, rows: int) -> None:
    from sqlalchemy import insert, select

    from k3desk.store.db import open_database
    from k3desk.store.models import Certificate, Equipment, Inspection, User

    db = open_database(folder)
    rnd = random.Random(7)
    with db.session(remote=True) as s:
        equipment = s.execute(select(Equipment.id, Equipment.company_id, Equipment.balai_id,
                                     Equipment.object_type)).all()
        inspectors = list(s.scalars(select(User.id).where(User.role == "inspector")))
        approver = s.scalars(select(User.id).where(User.role == "supervisor")).first()
        template = {e[3]: s.scalars(select(Inspection.template_id).where(
            Inspection.equipment_id == e[0])).first() or e[3] for e in equipment}
    statuses = ["draft", "submitted", "approved", "approved", "rejected",
                "revision_requested"]
    verdicts = ["memenuhi", "tidak_memenuhi", "incomplete"]
    start = date.today() - timedelta(days=3650)
    block, seq = str(uuid.uuid4()), 0
    with db.engine.begin() as conn:
        batch: list[dict[str, object]] = []
        certs: list[dict[str, object]] = []
        for n in range(rows):
            eq = equipment[rnd.randrange(len(equipment))]
            inspected_on = start + timedelta(days=rnd.randrange(3650))
            status = rnd.choice(statuses)
            iid = str(uuid.uuid4())
            batch.append({"id": iid, "version": 1, "deleted": False,
                          "modified_at": "2026-01-01T00:00:00Z", "extra": {},
                          "balai_id": eq[2], "company_id": eq[1], "equipment_id": eq[0],
                          "template_id": template[eq[3]], "template_version": 1,
                          "inspector_id": rnd.choice(inspectors),
                          "inspected_on": inspected_on, "status": status, "values": {},
                          "kind": "berkala", "verdict": rnd.choice(verdicts), "findings": [],
                          "recommendations": [], "instrument_ids": []})
            if status == "approved":
                seq += 1
                certs.append({"id": str(uuid.uuid4()), "version": 1, "deleted": False,
                              "modified_at": "2026-01-01T00:00:00Z", "extra": {},
                              "balai_id": eq[2], "inspection_id": iid, "block_id": block,
                              "number_seq": seq,
                              "number": f"BENCH/{inspected_on.year}/{seq:07d}",
                              "issued_on": inspected_on,
                              "valid_until": inspected_on + timedelta(days=365),
                              "approver_id": approver or inspectors[0], "key_id": "bench",
                              "payload": "{}", "signature": "-", "revoked": False})
            if len(batch) == 5000 or n == rows - 1:
                conn.execute(insert(Inspection.__table__), batch)
                if certs:
                    conn.execute(insert(Certificate.__table__), certs)
                batch, certs = [], []
    db.dispose()
