"""Applying a pulled page in bulk (``k3desk.sync.bulk``) stores exactly what the
per-record path stores, and leaves every record with local state to that path."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from k3desk.domain.errors import ConstraintError
from k3desk.store.db import Database, open_database
from k3desk.store.models import SYNCED_MODELS, Conflict, OutboxEntry, Shadow
from k3desk.sync.apply import ApplyStats, apply_remote, prefetch
from k3desk.sync.bulk import apply_page

BALAI = "b" * 26


def env(record_type: str, record_id: str, version: int, data: dict[str, Any],
        deleted: bool = False) -> dict[str, Any]:
    return {"type": record_type, "id": record_id, "version": version, "seq": version * 10,
            "deleted": deleted, "modified_at": "2026-01-02T03:04:05Z", "modified_by": "u1",
            "data": data}


def co(name: str, **more: Any) -> dict[str, Any]:
    return {"balai_id": BALAI, "address": "Jl. Merdeka 1", "name": name, **more}


def page() -> list[dict[str, Any]]:
    return [
        env("company", "c1", 1, co("PT Satu", city="Bekasi", future_field=[1, 2])),
        env("company", "c2", 2, co("PT Dua")),  # fields left out
        env("company", "c3", 1, co("PT Tiga", phone=None)),
        env("equipment", "e1", 3, {"balai_id": BALAI, "company_id": "c1",
                                   "object_type": "apar", "serial_number": "S-1",
                                   "year_built": 2019}),
        env("inspection", "i1", 4, {
            "balai_id": BALAI, "company_id": "c1", "equipment_id": "e1",
            "template_id": "apar", "template_version": 1, "inspector_id": "u1",
            "inspected_on": "2026-01-02", "status": "approved", "values": {"a": 1},
            "verdict": None, "findings": None, "next_test_due": "2027-01-02"}),
        env("user", "u9", 1, {"full_name": "tanpa username"}),  # required field missing
        env("no_such_type", "x1", 1, {"anything": True}),
        env("company", "c4", 1, co("PT Hapus"), deleted=True),
        env("company", "c5", 1, co("PT Lima v1")),
        env("company", "c5", 2, co("PT Lima v2")),  # twice in page
    ]


def dump(db: Database, local: bool = True) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced table and the shadows (and, with ``local``, outbox, conflicts, audit)."""
    tables = sorted({m.__tablename__ for m in SYNCED_MODELS.values()} | {"shadow"}
                    | ({"outbox", "conflict", "audit_event"} if local else set()))
    conn = sqlite3.connect(db.path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in tables if t in names}
    finally:
        conn.close()


def apply_both(tmp_path: Path, envs: list[dict[str, Any]]) -> tuple[Database, Database,
                                                                       ApplyStats, ApplyStats]:
    one, bulk = open_database(tmp_path / "one"), open_database(tmp_path / "bulk")
    stats_one, stats_bulk = ApplyStats(), ApplyStats()
    with one.session(remote=True) as s, s.no_autoflush:
        pre = prefetch(s, [(e["type"], e["id"]) for e in envs])
        for e in envs:
            apply_remote(s, e, stats_one, pre=pre)
    with bulk.session(remote=True) as s, s.no_autoflush:
        apply_page(s, envs, stats_bulk, prefetch(s, [(e["type"], e["id"]) for e in envs]))
    return one, bulk, stats_one, stats_bulk


def test_bulk_page_stores_what_the_per_record_path_stores(tmp_path: Path) -> None:
    one, bulk, stats_one, stats_bulk = apply_both(tmp_path, page())
    assert dump(bulk) == dump(one)
    assert stats_bulk == stats_one
    with bulk.session() as s:
        assert s.scalars(select(OutboxEntry)).all() == []
        shadow = s.get(Shadow, ("company", "c5"))
        assert shadow is not None and shadow.version == 2
        assert s.get(Shadow, ("user", "u9")) is not None
        assert s.get(SYNCED_MODELS["user"], "u9") is None
        for key in ("c1", "c2", "c3", "e1", "i1"):  # stored as rows, not only as shadows
            assert s.scalar(select(Shadow.record_type).where(Shadow.record_id == key))
        assert all(s.get(m, k) is not None for m, k in (
            (SYNCED_MODELS["company"], "c2"), (SYNCED_MODELS["equipment"], "e1"),
            (SYNCED_MODELS["inspection"], "i1")))
        company = s.get(SYNCED_MODELS["company"], "c1")
        assert company is not None and company.extra == {"future_field": [1, 2]}


def test_records_with_local_state_take_the_per_record_path(tmp_path: Path) -> None:
    """A local edit of a pulled record is merged (a conflict here), not overwritten."""
    one, bulk = open_database(tmp_path / "one"), open_database(tmp_path / "bulk")
    for db in (one, bulk):
        with db.session() as s:  # a company made on this laptop, not yet pushed
            company = SYNCED_MODELS["company"](id="c1")
            company.apply_data({"balai_id": BALAI, "address": "Jl. 1", "name": "PT Lokal"})
            s.add(company)
    pulled = [env("company", "c1", 1, {"balai_id": BALAI, "address": "Jl. 1",
                                        "name": "PT Server"}),
              env("company", "c2", 1, {"balai_id": BALAI, "address": "Jl. 1",
                                        "name": "PT Baru"})]
    with one.session(remote=True) as s, s.no_autoflush:
        pre = prefetch(s, [(e["type"], e["id"]) for e in pulled])
        for e in pulled:
            apply_remote(s, e, ApplyStats(), pre=pre)
    with bulk.session(remote=True) as s, s.no_autoflush:
        apply_page(s, pulled, ApplyStats(),
                   prefetch(s, [(e["type"], e["id"]) for e in pulled]))
    assert dump(bulk, local=False) == dump(one, local=False)  # (outbox ids are random)
    with bulk.session() as s:
        conflicts = s.scalars(select(Conflict)).all()
        assert [c.record_id for c in conflicts] == ["c1"]
        row = s.get(SYNCED_MODELS["company"], "c1")
        assert row is not None and row.name == "PT Lokal"


def test_a_bulk_row_breaking_a_unique_rule_rolls_the_page_back(tmp_path: Path) -> None:
    """The engine's one-by-one fallback relies on this: ConstraintError, nothing kept."""
    db = open_database(tmp_path / "lap")
    user = {"username": "budi", "full_name": "Budi", "role": "inspector", "nip": "1",
            "balai_id": BALAI}
    with db.session(remote=True) as s, s.no_autoflush:
        apply_page(s, [env("user", "u1", 1, user)], ApplyStats(), prefetch(s, [("user", "u1")]))
    before = dump(db)
    clash = [env("company", "c1", 1, co("PT Satu")),
             env("user", "u2", 1, user)]
    with pytest.raises(ConstraintError), db.session(remote=True) as s, s.no_autoflush:
        apply_page(s, clash, ApplyStats(), prefetch(s, [(e["type"], e["id"]) for e in clash]))
    assert dump(db) == before
