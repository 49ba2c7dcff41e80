"""What the inspection editor reads: one inspection as plain values, and where the
inspector was (so a start after a crash can say what it recovered and reopen it there).

The open inspection and section are kept in the local settings (``sync_state``, never
synced) under ``editor.open``; a clean close forgets them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.workflow import EDITABLE_STATUSES, STATUS_LABELS_ID, Status
from k3desk.services.context import AppContext
from k3desk.services.inspection_service import own_inspection
from k3desk.store import settings
from k3desk.store.db import Database
from k3desk.store.models import Company, Equipment, Inspection

OPEN_KEY = settings.EDITOR_OPEN


@dataclass(frozen=True)
class EditorData:
    """One inspection as the editor shows it (no ORM object crosses to the window)."""

    id: str
    template_id: str
    template_version: int
    status: str
    status_label: str
    values: dict[str, Any]
    notes: str
    instrument_ids: list[str]
    inspected_on: date
    kind: str
    review_comment: str | None
    company_name: str
    equipment_label: str
    inspector_id: str
    modified_at: str
    editable: bool
    findings: list[Any] = field(default_factory=list)


def load(ctx: AppContext, inspection_id: str) -> EditorData:
    with ctx.db.session() as s:
        i = own_inspection(ctx, s, inspection_id)
        company = s.get(Company, i.company_id)
        equipment = s.get(Equipment, i.equipment_id)
        object_spec = OBJECT_TYPES.get(equipment.object_type) if equipment else None
        label = " · ".join(x for x in (object_spec.name_id if object_spec else "",
                                       equipment.serial_number if equipment else "") if x)
        editable = (Status(i.status) in EDITABLE_STATUSES and ctx.actor.role == "inspector"
                    and i.inspector_id == ctx.actor.id)
        return EditorData(
            id=i.id, template_id=i.template_id, template_version=i.template_version,
            status=i.status, status_label=STATUS_LABELS_ID.get(Status(i.status), i.status),
            values=dict(i.values or {}), notes=i.notes or "",
            instrument_ids=list(i.instrument_ids or []), inspected_on=i.inspected_on,
            kind=i.kind, review_comment=i.review_comment,
            company_name=company.name if company else "", equipment_label=label,
            inspector_id=i.inspector_id, modified_at=i.modified_at, editable=editable,
            findings=list(i.findings or []))


def remember_open(db: Database, inspection_id: str, section: str | None,
                  user_id: str) -> None:
    """Where the inspector is: kept until a clean close."""
    with db.session() as s:
        settings.put(s, OPEN_KEY, {"inspection_id": inspection_id, "section": section,
                                   "user_id": user_id})


def forget_open(db: Database) -> None:
    with db.session() as s:
        if settings.get(s, OPEN_KEY) is not None:
            settings.put(s, OPEN_KEY, None)


@dataclass(frozen=True)
class Recovered:
    """An inspection that was open when the app last stopped without closing."""

    inspection_id: str
    section: str | None
    title: str
    saved_at: str


def recovered(ctx: AppContext) -> Recovered | None:
    """The inspection left open by a crash, if it is this user's and still editable."""
    with ctx.db.session() as s:
        state = settings.get(s, OPEN_KEY)
        if not isinstance(state, dict) or state.get("user_id") != ctx.actor.id:
            return None
        i = s.get(Inspection, str(state.get("inspection_id")))
        if i is None or i.deleted or Status(i.status) not in EDITABLE_STATUSES:
            return None
        company = s.get(Company, i.company_id)
        equipment = s.get(Equipment, i.equipment_id)
        title = " · ".join(x for x in (
            equipment.serial_number if equipment else "", company.name if company else "",
            i.inspected_on.strftime("%d-%m-%Y")) if x)
        section = state.get("section")
        return Recovered(i.id, section if isinstance(section, str) else None, title,
                         i.modified_at)
