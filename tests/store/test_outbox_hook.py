"""The outbox hook belongs to one database: its own sessions, and nobody else's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session, sessionmaker

from k3desk.domain.vocabulary import SERVER_TYPES
from k3desk.store.base import Base
from k3desk.store.db import Database
from k3desk.store.models import (
    Attachment,
    Certificate,
    Company,
    Equipment,
    Inspection,
    Instrument,
    OutboxEntry,
    SyncedRecord,
)


def _one_of_each(n: int = 1) -> list[SyncedRecord]:
    """One record of every type the laptop writes and pushes."""
    return [
        Company(balai_id="b", name="PT Satu", address="Jl"),
        Equipment(balai_id="b", company_id="c", object_type="bejana_tekan",
                  serial_number="SN-1"),
        Instrument(balai_id="b", name="Manometer", serial_number="M-1",
                   calibration_valid_until=date(2030, 1, 1)),
        Inspection(balai_id="b", company_id="c", equipment_id="e", template_id="t",
                   template_version=1, inspector_id="u", inspected_on=date(2026, 1, 2)),
        Attachment(balai_id="b", inspection_id="i", sha256="0" * 64, filename="a.jpg",
                   content_type="image/jpeg", size=1),
        Certificate(balai_id="b", inspection_id="i", block_id="k", seq_in_block=n,
                    number=f"N-{n}", issued_on=date(2026, 1, 2), approver_id="u", key_id="key",
                    payload="p", signature="s"),
    ]


def test_every_client_type_is_covered() -> None:
    """The list above keeps up with the models: a new pushed type must join it."""
    pushed = {m.class_.sync_type for m in Base.registry.mappers
              if issubclass(m.class_, SyncedRecord) and m.class_.sync_type not in SERVER_TYPES}
    assert {r.sync_type for r in _one_of_each()} == pushed


def test_every_synced_write_of_the_database_leaves_an_entry(db: Database) -> None:
    records = _one_of_each()
    with db.session() as s:
        s.add_all(records)
    with db.session() as s:
        entries = {(e.record_type, e.record_id) for e in s.scalars(select(OutboxEntry))}
    assert entries == {(r.sync_type, r.id) for r in records}


def test_sessions_of_another_engine_write_no_outbox(db: Database, tmp_path: Path) -> None:
    """A plain engine (another tool's, or a test's) in the same process, with the same
    tables, is not this database: its writes leave no outbox entry there or here."""
    engine = create_engine(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        Base.metadata.create_all(engine)
        for n, session in enumerate((Session(engine), sessionmaker(engine)()), start=1):
            with session, session.begin():
                session.add_all(_one_of_each(n))
            with Session(engine) as check:
                assert check.scalars(select(OutboxEntry)).all() == []
    finally:
        engine.dispose()
    with db.session() as s:
        assert s.scalars(select(OutboxEntry)).all() == []


def test_a_second_database_keeps_its_own_entries(
        db: Database, open_db_at: Callable[[Path], Database], tmp_path: Path) -> None:
    """Two databases open at once: each write lands in its own outbox only."""
    other = open_db_at(tmp_path / "other")
    with other.session() as s:
        s.add(Company(balai_id="b", name="PT Lain", address="Jl"))
    with db.session() as s:
        assert s.scalars(select(OutboxEntry)).all() == []
        s.add(Company(balai_id="b", name="PT Sini", address="Jl"))
    for database, name in ((db, "PT Sini"), (other, "PT Lain")):
        with database.session() as s:
            assert [e.payload["name"] for e in s.scalars(select(OutboxEntry))] == [name]
