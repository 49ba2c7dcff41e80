"""The inspections list of the window: matching ids in SQL order, rows by id, a draft
deleted, and the nameplate data a re-test starts from.

The list is lazy (Anki's browser): one query returns the ids of every match in the
chosen order (cheap: one short string per row); the window asks for the cells of the
few rows on screen with ``rows_by_id``. Search matches what a row *shows*: the object
type's name and the status label (in both languages) are turned into the codes they
stand for before the query, next to company, serial number and certificate number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import aliased

from k3desk.domain.errors import NotFoundError, PermissionDenied
from k3desk.domain.i18n import translate
from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.workflow import STATUS_LABELS_ID, Role, Status
from k3desk.services.context import AppContext, Changes
from k3desk.store import audit
from k3desk.store.db import Database
from k3desk.store.models import Certificate, Company, Equipment, Inspection, User

STATUS_LABELS_EN = {"draft": "Draft", "submitted": "Submitted",
                    "revision_requested": "Revision requested", "approved": "Approved",
                    "rejected": "Rejected"}
VERDICT_LABELS = {"memenuhi": ("Memenuhi", "Meets requirements"),
                  "tidak_memenuhi": ("Tidak memenuhi", "Does not meet requirements"),
                  "incomplete": ("Belum lengkap", "Incomplete")}
# Columns the list can sort by (the window's column keys).
SORT_KEYS = ("inspected_on", "status", "verdict", "object_type", "serial_number",
             "company_name", "certificate", "inspector")
NAMEPLATE_SECTION = "data_teknis"


@dataclass(frozen=True)
class ListQuery:
    text: str | None = None
    status: str | None = None
    object_type: str | None = None
    company_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    inspector_id: str | None = None  # "hanya milik saya"
    sort: str = "inspected_on"
    descending: bool = True


def _codes_matching(text: str) -> tuple[list[str], list[str], list[str]]:
    """Object types, statuses and verdicts whose shown name contains ``text``."""
    t = text.casefold()
    types = [c for c, o in OBJECT_TYPES.items()
             if t in o.name_id.casefold() or t in o.name_en.casefold()]
    statuses = [s.value for s in Status if t in STATUS_LABELS_ID[s].casefold()
                or t in STATUS_LABELS_EN[s.value].casefold()]
    verdicts = [v for v, names in VERDICT_LABELS.items()
                if any(t in n.casefold() for n in names)]
    return types, statuses, verdicts


def _cert() -> Any:
    """The latest certificate number of each inspection (a correlated subquery)."""
    c = aliased(Certificate)
    return (select(c.number).where(c.inspection_id == Inspection.id, c.deleted.is_(False))
            .order_by(c.issued_on.desc()).limit(1).scalar_subquery())


def _object_type_name() -> Any:
    return case({code: o.name_id for code, o in OBJECT_TYPES.items()},
                value=Equipment.object_type, else_=Equipment.object_type)


def _filtered(stmt: Any, balai_id: str | None, q: ListQuery) -> Any:
    text = (q.text or "").strip()
    # Join only what a filter, the search or the sort needs (the plain list uses the
    # (inspected_on, id) index alone).
    if q.sort == "company_name":
        stmt = stmt.join(Company, Company.id == Inspection.company_id, isouter=True)
    if q.sort in ("object_type", "serial_number"):
        stmt = stmt.join(Equipment, Equipment.id == Inspection.equipment_id, isouter=True)
    stmt = stmt.where(Inspection.deleted.is_(False))
    if balai_id:
        stmt = stmt.where(Inspection.balai_id == balai_id)
    if q.status:
        stmt = stmt.where(Inspection.status == q.status)
    if q.object_type:
        stmt = stmt.where(Inspection.equipment_id.in_(
            select(Equipment.id).where(Equipment.object_type == q.object_type)))
    if q.company_id:
        stmt = stmt.where(Inspection.company_id == q.company_id)
    if q.inspector_id:
        stmt = stmt.where(Inspection.inspector_id == q.inspector_id)
    if q.date_from:
        stmt = stmt.where(Inspection.inspected_on >= q.date_from)
    if q.date_to:
        stmt = stmt.where(Inspection.inspected_on <= q.date_to)
    if text:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        types, statuses, verdicts = _codes_matching(text)
        # Each shown text is matched once in its own small table (IN subqueries), not
        # row by row: the scan of the inspections stays one pass, over the covering
        # index ix_inspection_list alone. SQLite's LIKE ignores ASCII case as ilike's
        # lower() does, without calling lower() on every row (a third of the time).
        equipment: Any = Equipment.serial_number.like(pattern, escape="\\")
        if types:
            equipment = or_(equipment, Equipment.object_type.in_(types))
        terms = [Inspection.company_id.in_(select(Company.id).where(
                     Company.name.like(pattern, escape="\\"))),
                 Inspection.equipment_id.in_(select(Equipment.id).where(equipment)),
                 Inspection.id.in_(select(Certificate.inspection_id).where(
                     Certificate.number.like(pattern, escape="\\")))]
        if statuses:
            terms.append(Inspection.status.in_(statuses))
        if verdicts:
            terms.append(Inspection.verdict.in_(verdicts))
        stmt = stmt.where(or_(*terms))
    return stmt


def _order(q: ListQuery) -> list[Any]:
    key = q.sort if q.sort in SORT_KEYS else "inspected_on"
    column: Any = {
        "inspected_on": Inspection.inspected_on, "status": Inspection.status,
        "verdict": Inspection.verdict, "object_type": _object_type_name(),
        "serial_number": Equipment.serial_number, "company_name": func.lower(Company.name),
        "certificate": _cert(),
        "inspector": select(User.full_name).where(User.id == Inspection.inspector_id)
        .scalar_subquery(),
    }[key]
    first = column.desc() if q.descending else column.asc()
    if key == "inspected_on":  # one direction, so ix_inspection_list serves it alone
        return [first, Inspection.id.desc() if q.descending else Inspection.id.asc()]
    return [first, Inspection.inspected_on.desc(), Inspection.id.desc()]


def inspection_ids(db: Database, balai_id: str | None, q: ListQuery) -> list[str]:
    """The ids of every matching inspection, in the list's order."""
    stmt = _filtered(select(Inspection.id), balai_id, q).order_by(*_order(q))
    with db.session() as s:
        return list(s.connection().execute(stmt).scalars())  # (Core: no ORM per row)


def count(db: Database, balai_id: str | None, q: ListQuery) -> int:
    stmt = _filtered(select(func.count(Inspection.id)), balai_id, q)
    with db.session() as s:
        return int(s.scalar(stmt) or 0)


def rows_by_id(db: Database, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The cells of the given rows (a page of the list), by id."""
    if not ids:
        return {}
    stmt = (select(Inspection.id, Inspection.inspected_on, Inspection.status,
                   Inspection.verdict, Inspection.inspector_id, Inspection.equipment_id,
                   Company.name, Equipment.object_type, Equipment.serial_number,
                   User.full_name, _cert())
            .join(Company, Company.id == Inspection.company_id, isouter=True)
            .join(Equipment, Equipment.id == Inspection.equipment_id, isouter=True)
            .join(User, User.id == Inspection.inspector_id, isouter=True)
            .where(Inspection.id.in_(ids)))
    with db.session() as s:
        return {r[0]: {"id": r[0], "inspected_on": r[1].isoformat(), "status": r[2],
                       "verdict": r[3], "inspector_id": r[4], "equipment_id": r[5],
                       "company_name": r[6] or "", "object_type": r[7] or "",
                       "serial_number": r[8] or "", "inspector": r[9] or "",
                       "certificate": r[10] or ""}
                for r in s.execute(stmt)}


def delete_draft(ctx: AppContext, inspection_id: str) -> Changes:
    """Delete a draft of one's own: a tombstone (``deleted``) the outbox sends on."""
    with ctx.db.session() as s:
        from k3desk.services.inspection_service import own_inspection

        inspection = own_inspection(ctx, s, inspection_id)
        if inspection.status != Status.DRAFT.value:
            raise PermissionDenied(translate("inspection", "hanya draf yang dapat "
                                             "dihapus; pemeriksaan ini sudah berstatus "
                                             "{inspection}").format(
                                       inspection=STATUS_LABELS_ID[Status(inspection.status)]))
        if inspection.inspector_id != ctx.actor.id:
            raise PermissionDenied(translate("inspection", "hanya pemeriksa yang membuat draf "
                                             "ini yang dapat menghapusnya"))
        inspection.deleted = True
        inspection.modified_by = ctx.actor.id
        audit.append(s, actor_id=ctx.actor.id, record_type="inspection",
                     record_id=inspection.id, action="delete", from_status="draft")
        return Changes("inspection", (inspection.id,), "deleted")


def nameplate_values(db: Database, equipment_id: str) -> dict[str, Any]:
    """What a re-test of ``equipment_id`` starts from: the values of the template's
    "Data teknis" section (the nameplate: design pressure, capacity, span, ...) of the
    equipment's last inspection, for the fields the latest template still has.
    Measurements, checklists, photos and the verdict are never copied."""
    from k3desk.domain.errors import K3Error
    from k3desk.domain.templates import default_registry

    with db.session() as s:
        equipment = s.get(Equipment, equipment_id)
        if equipment is None or equipment.deleted:
            raise NotFoundError(translate("inspection", "peralatan {equipment_id} tidak "
                                          "ditemukan").format(
                                    equipment_id=equipment_id))
        last = s.scalars(select(Inspection).where(
            Inspection.equipment_id == equipment_id, Inspection.deleted.is_(False))
            .order_by(Inspection.inspected_on.desc(), Inspection.modified_at.desc())
            .limit(1)).first()
        if last is None:
            return {}
        values = dict(last.values or {})
        try:
            registry = default_registry()
            old = registry.get(last.template_id, last.template_version)
            new = registry.latest_for_object_type(equipment.object_type)
        except K3Error:
            return {}
    names = [f.id for sec in old.sections if sec.id == NAMEPLATE_SECTION for f in sec.fields
             if f.field_type not in ("computed", "group", "photo", "signature")]
    return {n: values[n] for n in names
            if n in new.fields and values.get(n) not in (None, "")}


def equipment_summary(db: Database, equipment_id: str) -> dict[str, Any]:
    """An equipment item with its inspection history, last certificate, next test date."""
    with db.session() as s:
        equipment = s.get(Equipment, equipment_id)
        if equipment is None:
            raise NotFoundError(translate("inspection", "peralatan {equipment_id} tidak "
                                          "ditemukan").format(
                                    equipment_id=equipment_id))
        history = s.execute(
            select(Inspection.id, Inspection.inspected_on, Inspection.status,
                   Inspection.verdict, Inspection.next_test_due)
            .where(Inspection.equipment_id == equipment_id, Inspection.deleted.is_(False))
            .order_by(Inspection.inspected_on.desc())).all()
        cert = s.execute(
            select(Certificate.number, Certificate.issued_on, Certificate.valid_until,
                   Certificate.revoked)
            .join(Inspection, Inspection.id == Certificate.inspection_id)
            .where(Inspection.equipment_id == equipment_id, Certificate.deleted.is_(False))
            .order_by(Certificate.issued_on.desc()).limit(1)).first()
        due = next((h[4] for h in history if h[2] == "approved" and h[4]), None)
        return {"id": equipment.id, **equipment.to_data(),
                "history": [{"id": h[0], "inspected_on": h[1].isoformat(), "status": h[2],
                             "verdict": h[3]} for h in history],
                "certificate": None if cert is None else {
                    "number": cert[0], "issued_on": cert[1].isoformat(),
                    "valid_until": cert[2].isoformat() if cert[2] else None,
                    "revoked": bool(cert[3])},
                "next_test_due": due.isoformat() if due else None}


def start_inspection(ctx: AppContext, *, kind: str, inspected_on: date,
                     equipment_id: str | None = None,
                     equipment: dict[str, Any] | None = None) -> str:
    """The new-inspection dialog's work: register the equipment when it is new, then a
    draft pinned to the latest template of its object type, pre-filled with the
    nameplate data of its last inspection. Returns the new inspection's id."""
    from k3desk.services import inspection_service, records_service

    ctx.actor.require_role(Role.INSPECTOR, action="membuat pemeriksaan")
    if equipment_id is None:
        if equipment is None:
            from k3desk.domain.errors import ValidationError

            raise ValidationError(translate("inspection", "pilih peralatan atau daftarkan yang "
                                            "baru"),
                                  field="equipment_id")
        equipment_id = records_service.save_equipment(ctx, equipment).ids[0]
    values = nameplate_values(ctx.db, equipment_id)
    change = inspection_service.create_draft(ctx, equipment_id=equipment_id, kind=kind,
                                             inspected_on=inspected_on, values=values)
    return change.ids[0]
