"""Small helpers shared by the sync tests."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from k3desk.services import inspection_service, records_service
from k3desk.store.models import SYNCED_MODELS, Conflict, OutboxEntry
from tests.sync.conftest import Laptop


def snapshot(lap: Laptop) -> dict[tuple[str, str], tuple[int, bool, dict[str, Any]]]:
    """Every synced record of a laptop: (version, deleted, data)."""
    out = {}
    with lap.db.session() as s:
        for record_type, model in SYNCED_MODELS.items():
            for row in s.scalars(select(model)):
                out[(record_type, row.id)] = (row.version, bool(row.deleted), row.to_data())
    return out


def open_conflicts(lap: Laptop) -> list[Conflict]:
    with lap.db.session() as s:
        return list(s.scalars(select(Conflict).where(Conflict.resolved_at.is_(None))))


def outbox(lap: Laptop, state: str | None = None) -> list[OutboxEntry]:
    with lap.db.session() as s:
        stmt = select(OutboxEntry).order_by(OutboxEntry.id)
        if state:
            stmt = stmt.where(OutboxEntry.state == state)
        return list(s.scalars(stmt))


def equipment(lap: Laptop, company_id: str, serial: str, object_type: str = "apar") -> str:
    return records_service.save_equipment(lap.ctx, {
        "company_id": company_id, "object_type": object_type, "serial_number": serial}).ids[0]


def apar_inspection(lap: Laptop, equipment_id: str) -> str:
    from k3desk.domain.evaluation import example_values
    from k3desk.domain.templates import default_registry

    template = default_registry().latest_for_object_type("apar")
    values = example_values(template)
    values.pop("foto", None)
    values["jenis_pemeriksaan"] = "berkala"
    return inspection_service.create_draft(lap.ctx, equipment_id=equipment_id,
                                           values=values, kind="berkala").ids[0]


def sync_all(*laps: Laptop, rounds: int = 2) -> None:
    for _ in range(rounds):
        for lap in laps:
            lap.sync()
