"""Benchmark: the inspections list over 100,000 inspections.

``make_big_folder`` copies the demo data folder and adds inspections with plain INSERTs
(a fixture, kept in pytest's temporary folder, never in git). Times what the window
does: the first page (the ids of every match plus the cells of one page), a filter with
search text, the last page (a scroll to the end), and the count. Prints figures; never
fails for slowness. Run: ``.venv/bin/pytest -s -m bench tests/bench/bench_inspection_list.py``
(K3DESK_BENCH_ROWS changes the number).
"""

from __future__ import annotations

import os
import random
import shutil
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from k3desk.services import inspection_list_service as ils
from k3desk.services.inspection_list_service import ListQuery
from k3desk.store.db import open_database
from k3desk.store.models import Equipment, Inspection, User
from k3desk.ui.models.inspection_table_model import PAGE_SIZE

ROWS = int(os.environ.get("K3DESK_BENCH_ROWS", "100000"))


def make_big_folder(demo: Path, target: Path, rows: int = ROWS) -> Path:
    shutil.copytree(demo, target)
    db = open_database(target)
    rnd = random.Random(7)
    with db.session(remote=True) as s:
        equipment = s.execute(select(Equipment.id, Equipment.company_id, Equipment.balai_id,
                                     Equipment.object_type)).all()
        inspectors = list(s.scalars(select(User.id).where(User.role == "inspector")))
        template = {e[3]: s.scalars(select(Inspection.template_id).where(
            Inspection.equipment_id == e[0])).first() or e[3] for e in equipment}
    statuses = ["draft", "submitted", "approved", "approved", "rejected",
                "revision_requested"]
    verdicts = ["memenuhi", "tidak_memenuhi", "incomplete"]
    start = date.today() - timedelta(days=3650)
    with db.engine.begin() as conn:
        batch = []
        for n in range(rows):
            eq = equipment[rnd.randrange(len(equipment))]
            batch.append({"id": str(uuid.uuid4()), "version": 1, "deleted": False,
                          "modified_at": "2026-01-01T00:00:00Z", "extra": {},
                          "balai_id": eq[2], "company_id": eq[1], "equipment_id": eq[0],
                          "template_id": template[eq[3]], "template_version": 1,
                          "inspector_id": rnd.choice(inspectors),
                          "inspected_on": start + timedelta(days=rnd.randrange(3650)),
                          "status": rnd.choice(statuses), "values": {}, "kind": "berkala",
                          "verdict": rnd.choice(verdicts), "findings": [],
                          "recommendations": [], "instrument_ids": []})
            if len(batch) == 5000 or n == rows - 1:
                conn.execute(insert(Inspection.__table__), batch)
                batch = []
    db.dispose()
    return target


def _time(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = fn()
    return value, (time.perf_counter() - start) * 1000


@pytest.mark.bench
def test_inspection_list_at_100k(demo_dir: Path, tmp_path: Path) -> None:
    folder, build_ms = _time(lambda: make_big_folder(demo_dir, tmp_path / "big"))
    db = open_database(folder)
    figures = []
    try:
        for label, query in (
                ("first page (date, newest first)", ListQuery()),
                ("filter status=approved + text 'Crane'",
                 ListQuery(status="approved", text="Crane")),
                ("search 'Sinar Baja'", ListQuery(text="Sinar Baja")),
                ("sort by company", ListQuery(sort="company_name", descending=False)),
                ("sort by certificate", ListQuery(sort="certificate"))):
            ids, ids_ms = _time(lambda q=query: ils.inspection_ids(db, None, q))
            _rows, first_ms = _time(lambda ids=ids: ils.rows_by_id(db, ids[:PAGE_SIZE]))
            _rows, last_ms = _time(lambda ids=ids: ils.rows_by_id(db, ids[-PAGE_SIZE:]))
            figures.append((label, len(ids), ids_ms, first_ms, last_ms))
        _n, count_ms = _time(lambda: ils.count(db, None, ListQuery(text="Sinar Baja")))
    finally:
        db.dispose()
    print(f"\n{ROWS + 54} inspections (folder built in {build_ms / 1000:.1f} s)")
    for label, n, ids_ms, first_ms, last_ms in figures:
        print(f"  {label:40s} {n:7d} matches: ids {ids_ms:6.0f} ms, first page "
              f"{first_ms:4.0f} ms, last page {last_ms:4.0f} ms")
    print(f"  count('Sinar Baja') {count_ms:.0f} ms")
    assert figures[0][1] >= ROWS
