"""Read-only views for the supervisor's review screen: the queue, one inspection with
everything a decision needs, and the number block. Plain values out; no session or ORM
object leaves here (the decisions themselves are in ``review_service``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from k3desk.domain.errors import K3Error
from k3desk.domain.i18n import language
from k3desk.domain.qualification import parse_day, qualification_error
from k3desk.domain.workflow import Role, Status
from k3desk.services import inspection_service, keys_service, settings_service
from k3desk.services.context import AppContext
from k3desk.store.models import Attachment, Company, Equipment, Instrument, User

PHOTO_TYPES = ("image/jpeg", "image/png")


@dataclass(frozen=True)
class QueueQuery:
    text: str | None = None
    object_type: str | None = None
    company_id: str | None = None
    inspector_id: str | None = None


@dataclass(frozen=True)
class QueueRow:
    id: str
    submitted_at: str
    inspected_on: str
    object_type: str
    serial_number: str
    company_name: str
    inspector_name: str
    verdict: str | None


@dataclass(frozen=True)
class Choice:
    id: str
    name: str


@dataclass(frozen=True)
class Photo:
    id: str
    caption: str
    path: str  # the blob file in the data folder ("" when its bytes are not here yet)


@dataclass(frozen=True)
class InstrumentInfo:
    name: str
    serial_number: str
    calibration_certificate: str
    calibration_valid_until: str
    valid_on_inspection: bool


@dataclass(frozen=True)
class LicenceInfo:
    licence_number: str
    object_types: tuple[str, ...]
    valid_until: str
    covers: bool  # names this object type and is valid on the inspection date


@dataclass
class ReviewDetail:
    id: str
    status: str
    object_type: str
    serial_number: str
    company_name: str
    place: str
    inspected_on: str
    submitted_at: str
    kind: str
    inspector_name: str
    inspector_nip: str
    verdict: str | None
    regulation: str
    review_comment: str
    notes: str
    sections: list[tuple[str, list[tuple[str, str, str]]]] = field(default_factory=list)
    results: list[dict[str, Any]] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    instruments: list[InstrumentInfo] = field(default_factory=list)
    licences: list[LicenceInfo] = field(default_factory=list)
    licence_problem: str = ""
    problems: list[str] = field(default_factory=list)  # why approval would be refused


def queue(ctx: AppContext, q: QueueQuery = QueueQuery()) -> list[QueueRow]:
    """Submitted inspections of the actor's Balai, the longest waiting first."""
    query = inspection_service.InspectionQuery(
        status=Status.SUBMITTED.value, object_type=q.object_type, company_id=q.company_id,
        inspector_id=q.inspector_id, text=q.text or None)
    with ctx.db.session() as s:
        names = dict(s.execute(select(User.id, User.full_name)).all())
        rows = [QueueRow(id=r.inspection.id, submitted_at=r.inspection.submitted_at or "",
                         inspected_on=r.inspection.inspected_on.isoformat(),
                         object_type=r.object_type, serial_number=r.serial_number,
                         company_name=r.company_name,
                         inspector_name=names.get(r.inspection.inspector_id, ""),
                         verdict=r.inspection.verdict)
                for r in inspection_service.search(s, ctx.actor.balai_id, query)]
    return sorted(rows, key=lambda r: (r.submitted_at or "9", r.inspected_on, r.id))


def filter_choices(ctx: AppContext) -> dict[str, list[Choice]]:
    """The companies and inspectors the queue's filters offer."""
    with ctx.db.session() as s:
        companies = select(Company).where(Company.deleted.is_(False)).order_by(Company.name)
        users = select(User).where(User.role == "inspector").order_by(User.full_name)
        if ctx.actor.balai_id:
            companies = companies.where(Company.balai_id == ctx.actor.balai_id)
            users = users.where(User.balai_id == ctx.actor.balai_id)
        return {"companies": [Choice(c.id, c.name) for c in s.scalars(companies)],
                "inspectors": [Choice(u.id, u.full_name) for u in s.scalars(users)]}


def _licences(user: User | None, object_type: str, on: date) -> list[LicenceInfo]:
    out = []
    for q in (user.qualifications if user else None) or []:
        if not isinstance(q, dict):
            continue
        types = tuple(str(t) for t in q.get("object_types") or [])
        until = parse_day(q.get("valid_until"))
        out.append(LicenceInfo(licence_number=str(q.get("licence_number") or "-"),
                               object_types=types,
                               valid_until=until.isoformat() if until else "-",
                               covers=object_type in types and until is not None
                               and until >= on))
    return out


def detail(ctx: AppContext, inspection_id: str) -> ReviewDetail:
    """One inspection with its form, rules, photos, instruments, licence and the reasons
    approval would be refused."""
    from k3desk.domain.evaluation import evaluate
    from k3desk.domain.templates import default_registry
    from k3desk.services import presentation, review_service

    with ctx.db.session() as s:
        inspection = inspection_service.own_inspection(ctx, s, inspection_id)
        equipment = s.get(Equipment, inspection.equipment_id)
        company = s.get(Company, inspection.company_id)
        inspector = s.get(User, inspection.inspector_id)
        object_type = equipment.object_type if equipment else ""
        on = inspection.inspected_on
        values = dict(inspection.values or {})
        out = ReviewDetail(
            id=inspection.id, status=inspection.status, object_type=object_type,
            serial_number=equipment.serial_number if equipment else "",
            company_name=company.name if company else "", place=inspection.place or "",
            inspected_on=on.isoformat(), submitted_at=inspection.submitted_at or "",
            kind=inspection.kind, inspector_name=inspector.full_name if inspector else "",
            inspector_nip=inspector.nip if inspector else "", verdict=inspection.verdict,
            regulation="", review_comment=inspection.review_comment or "",
            notes=inspection.notes or "",
            recommendations=[str(r) for r in inspection.recommendations or []])
        try:
            template = default_registry().get(inspection.template_id,
                                              inspection.template_version)
            out.regulation = template.regulation
            out.sections = presentation.section_rows(template, values, language())
            out.results = presentation.result_rows(evaluate(template, values, on))
        except K3Error:
            out.sections = [("", [(k, presentation.format_value(v), "")
                                  for k, v in sorted(values.items())])]
        for att in s.scalars(select(Attachment).where(
                Attachment.inspection_id == inspection.id, Attachment.deleted.is_(False))
                .order_by(Attachment.slot, Attachment.filename)):
            if att.content_type in PHOTO_TYPES:
                path = ctx.db.blob_dir / att.sha256[:2] / att.sha256
                out.photos.append(Photo(att.id, att.caption or att.filename,
                                        str(path) if path.is_file() else ""))
        for iid in inspection.instrument_ids or []:
            inst = s.get(Instrument, iid)
            if inst is None:
                continue
            out.instruments.append(InstrumentInfo(
                inst.name, inst.serial_number, inst.calibration_certificate or "-",
                inst.calibration_valid_until.isoformat(), inst.calibration_valid_until >= on))
        out.licences = _licences(inspector, object_type, on)
        out.licence_problem = qualification_error(
            list(inspector.qualifications or []) if inspector else [], object_type, on) or ""
        if inspection.status == Status.SUBMITTED.value:
            out.problems = review_service.approval_problems(s, inspection)
            s.rollback()  # approval_problems re-evaluates; never write from a view
    if out.status == Status.SUBMITTED.value and numbers_left(ctx) <= 0:
        out.problems.append(NO_NUMBERS)
    return out


NO_NUMBERS = ("laptop ini tidak punya sisa nomor sertifikat tahun ini: sambungkan ke server "
              "dan sinkronkan untuk meminta blok nomor baru")


def approval_check(ctx: AppContext, inspection_id: str) -> list[str]:
    """Why approving now would be refused (empty when it may go), read fresh."""
    from k3desk.services import review_service

    ctx.actor.require_role(Role.SUPERVISOR, action="menyetujui pemeriksaan")
    with ctx.db.session() as s:
        inspection = inspection_service.own_inspection(ctx, s, inspection_id)
        if inspection.status != Status.SUBMITTED.value:
            return ["pemeriksaan ini tidak lagi menunggu persetujuan"]
        problems = review_service.approval_problems(s, inspection)
        s.rollback()
    if numbers_left(ctx) <= 0:
        problems.append(NO_NUMBERS)
    return problems


def numbers_left(ctx: AppContext) -> int:
    """Certificate numbers left in the blocks leased to this laptop for this year."""
    return keys_service.numbers_left(ctx.db, settings_service.device_id(ctx.db))

