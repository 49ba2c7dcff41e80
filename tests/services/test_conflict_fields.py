"""conflict_service.resolve_fields: a conflict settled field by field, on a demo folder
with the conflict written as a sync leaves it (base = the server's copy before, mine =
the row, theirs = the server's copy now, the row keeping mine)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from k3desk.domain.errors import ValidationError
from k3desk.services import conflict_service
from k3desk.store.db import Database, open_database
from k3desk.store.models import Company, Conflict, OutboxEntry, Shadow


def _conflict(db: Database) -> tuple[int, str, dict[str, object]]:
    with db.session(remote=True) as s:
        company = s.scalars(select(Company).order_by(Company.name)).first()
        base = company.to_data()
        company.version = 3
        theirs = {**base, "name": "PT Dari Server", "phone": "021-9", "city": "Bogor"}
        s.add(Shadow(record_type="company", record_id=company.id, version=3,
                     envelope={"type": "company", "id": company.id, "version": 3,
                               "deleted": False, "data": theirs}))
        mine = {**base, "name": "PT Milik Saya", "phone": "021-1", "city": "Bogor"}
        company.apply_data({k: v for k, v in mine.items()})
        conflict = Conflict(record_type="company", record_id=company.id,
                            base={**base, "_deleted": False},
                            mine={**mine, "_deleted": False},
                            theirs={**theirs, "_deleted": False},
                            fields=[["name"], ["phone"]], reason="uji")
        s.add(conflict)
        s.flush()
        s.execute(OutboxEntry.__table__.delete())
        return conflict.id, company.id, base


def test_resolve_field_by_field(demo_dir: Path) -> None:
    db = open_database(demo_dir)
    conflict_id, company_id, _base = _conflict(db)
    view = conflict_service.get_conflict(db, conflict_id)
    assert view.title == "PT Milik Saya" and [f.path for f in view.fields] == ["name", "phone"]
    with pytest.raises(ValidationError, match="bukan kolom"):
        conflict_service.resolve_fields(db, conflict_id, {"city": "theirs"})
    with pytest.raises(ValidationError, match="pilihan per kolom"):
        conflict_service.resolve_fields(db, conflict_id, {"name": "both"})
    with pytest.raises(ValidationError, match="belum diisi"):
        conflict_service.resolve_fields(db, conflict_id, {"name": "edit"})
    done = conflict_service.resolve_fields(db, conflict_id, {"name": "theirs", "phone": "mine"})
    assert done.resolution == "edit" and done.resolved_at
    with db.session() as s:
        company = s.get(Company, company_id)
        assert (company.name, company.phone, company.city) == ("PT Dari Server", "021-1",
                                                               "Bogor")
        [entry] = list(s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == company_id)))
        assert entry.state == "pending" and entry.base_version == 3
        assert entry.payload["name"] == "PT Dari Server" and entry.payload["phone"] == "021-1"
    with pytest.raises(ValidationError, match="sudah diselesaikan"):
        conflict_service.resolve_fields(db, conflict_id, {"name": "mine"})
    db.dispose()


def test_all_theirs_is_the_servers_copy_and_sends_nothing(demo_dir: Path) -> None:
    db = open_database(demo_dir)
    conflict_id, company_id, _base = _conflict(db)
    done = conflict_service.resolve_fields(db, conflict_id, {"name": "theirs",
                                                             "phone": "theirs"})
    assert done.resolution == "theirs"
    with db.session() as s:
        company = s.get(Company, company_id)
        assert (company.name, company.phone) == ("PT Dari Server", "021-9")
        assert not list(s.scalars(select(OutboxEntry).where(
            OutboxEntry.record_id == company_id, OutboxEntry.state == "pending")))
    db.dispose()


def test_edited_value(demo_dir: Path) -> None:
    db = open_database(demo_dir)
    conflict_id, company_id, _base = _conflict(db)
    conflict_service.resolve_fields(db, conflict_id, {"name": "edit"},
                                    {"name": "PT Gabungan"})
    with db.session() as s:
        company = s.get(Company, company_id)
        assert (company.name, company.phone) == ("PT Gabungan", "021-1")  # phone: mine
    db.dispose()
