"""Read-only views for screens: plain values out, no session or ORM object leaves here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from k3desk.domain.errors import K3Error
from k3desk.domain.vocabulary import OutboxState
from k3desk.services import inspection_service, records_service
from k3desk.services.inspection_service import InspectionQuery
from k3desk.store.db import Database
from k3desk.store.models import Balai, Certificate, Company, Equipment, Inspection, User


@dataclass(frozen=True)
class Overview:
    balai_name: str | None
    inspections: int
    companies: int
    equipment: int
    pending_outbox: int


def overview(db: Database) -> Overview:
    from k3desk.store.models import OutboxEntry

    with db.session() as s:
        balai = s.scalars(select(Balai).limit(1)).first()

        def count(model: Any) -> int:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)

        pending = int(s.scalar(select(func.count()).select_from(OutboxEntry)
                               .where(OutboxEntry.state == OutboxState.PENDING)) or 0)
        return Overview(balai.name if balai else None, count(Inspection), count(Company),
                        count(Equipment), pending)


def inspection_rows(db: Database, query: InspectionQuery) -> list[dict[str, Any]]:
    with db.session() as s:
        return [{"id": r.inspection.id, "inspected_on": r.inspection.inspected_on.isoformat(),
                 "status": r.inspection.status, "verdict": r.inspection.verdict,
                 "object_type": r.object_type, "serial_number": r.serial_number,
                 "company_name": r.company_name}
                for r in inspection_service.search(s, None, query)]


def company_rows(db: Database, text: str | None = None) -> list[dict[str, Any]]:
    with db.session() as s:
        return [{"id": c.id, **c.to_data()} for c in records_service.list_companies(
            s, None, records_service.RecordQuery(text=text))]


def equipment_rows(db: Database, text: str | None = None) -> list[dict[str, Any]]:
    with db.session() as s:
        names = dict(s.execute(select(Company.id, Company.name)).all())
        return [{"id": e.id, **e.to_data(), "company_name": names.get(e.company_id, "")}
                for e in records_service.list_equipment(
                    s, None, records_service.RecordQuery(text=text))]


def inspection_detail(db: Database, inspection_id: str) -> dict[str, Any]:
    """Everything a details view shows of one inspection."""
    with db.session() as s:
        inspection = s.get(Inspection, inspection_id)
        if inspection is None:
            return {}
        equipment = s.get(Equipment, inspection.equipment_id)
        company = s.get(Company, inspection.company_id)
        inspector = s.get(User, inspection.inspector_id)
        cert = s.scalars(select(Certificate).where(
            Certificate.inspection_id == inspection.id)).first()
        sections: list[Any] = []
        results: list[dict[str, Any]] = []
        try:
            from k3desk.domain.evaluation import evaluate
            from k3desk.domain.templates import default_registry
            from k3desk.services import presentation

            template = default_registry().get(inspection.template_id,
                                              inspection.template_version)
            values = dict(inspection.values or {})
            from k3desk.services.photo_service import evaluation_values

            values = evaluation_values(s, template, values)
            sections = presentation.section_rows(template, values)
            results = presentation.result_rows(evaluate(template, values,
                                                        inspection.inspected_on))
        except K3Error:
            pass  # a template this laptop does not have yet: show the raw values
        return {"inspection": {"id": inspection.id, **inspection.to_data()},
                "sections": sections, "results": results,
                "equipment": equipment.to_data() if equipment else {},
                "company": company.to_data() if company else {},
                "inspector": inspector.full_name if inspector else "",
                "certificate": cert.number if cert else None,
                "certificate_revoked": bool(cert and cert.revoked)}


def instrument_rows(db: Database, text: str | None = None) -> list[dict[str, Any]]:
    """Measuring instruments with their calibration due date (``expired`` when past)."""
    from datetime import date

    with db.session() as s:
        rows = []
        needle = (text or "").casefold()
        for i in records_service.list_instruments(s, None):
            data = {"id": i.id, **i.to_data()}
            if needle and not any(needle in str(data.get(k) or "").casefold()
                                  for k in ("name", "serial_number", "kind",
                                            "calibration_certificate")):
                continue
            data["expired"] = i.calibration_valid_until < date.today()
            rows.append(data)
        return rows


def demo_users() -> list[tuple[str, str, str, str]]:
    """(username, password, full name, role) of the demo data's users."""
    from k3desk.services.demo_service import DEMO_USERS

    return [(u, p, name, role) for u, p, name, _nip, role in DEMO_USERS]


@dataclass(frozen=True)
class StartState:
    """What the window opens on: welcome (no users), login, or the workspace."""

    has_users: bool
    is_demo: bool
    balai_name: str | None


def start_state(db: Database) -> StartState:
    from k3desk.services.demo_service import is_demo

    with db.session() as s:
        users = bool(s.scalar(select(func.count()).select_from(User)))
        balai = s.scalars(select(Balai).limit(1)).first()
        name = balai.name if balai else None
    return StartState(users, is_demo(db), name)
