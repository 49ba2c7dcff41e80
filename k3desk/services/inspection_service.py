"""Inspections: create and fill a draft, evaluate it, submit it, find it again.

The verdict is always the template's (k3desk.domain.evaluation), computed here on every
save from the values and the pinned template version, exactly as the server recomputes
it; nobody types a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from k3desk.domain.errors import (
    NotFoundError,
    PermissionDenied,
    SubmissionRefused,
    ValidationError,
    ValuesRejected,
)
from k3desk.domain.i18n import translate
from k3desk.domain.problems import ValueProblem
from k3desk.domain.workflow import (
    INSPECTION_KINDS,
    Role,
    Status,
    transition_error,
)
from k3desk.services.context import AppContext, Changes
from k3desk.store import audit
from k3desk.store.base import now_text
from k3desk.store.models import Company, Equipment, Inspection, Instrument

if TYPE_CHECKING:
    from k3desk.domain.evaluation import Evaluation
    from k3desk.domain.templates import Template



def _template(template_id: str, version: int | None = None) -> Template:
    from k3desk.domain.templates import default_registry

    return default_registry().get(template_id, version)


def own_inspection(ctx: AppContext, s: Session, inspection_id: str) -> Inspection:
    """The inspection, if it exists and belongs to the acting user's Balai."""
    inspection = s.get(Inspection, inspection_id)
    if inspection is None or inspection.deleted:
        raise NotFoundError(translate("inspection", "pemeriksaan {inspection_id} tidak "
                                      "ditemukan").format(
                                inspection_id=inspection_id))
    if ctx.actor.balai_id and inspection.balai_id != ctx.actor.balai_id:
        raise PermissionDenied(translate("inspection", "pemeriksaan {inspection_id} "
                                         "milik Balai lain").format(
                                   inspection_id=inspection_id))
    return inspection


def evaluate_inspection(inspection: Inspection, s: Session | None = None) -> Evaluation:
    """Evaluate with the pinned template version and store verdict, findings, due date.

    A photo counts only when its attachment is stored (``photo_service``)."""
    from sqlalchemy.orm import object_session

    from k3desk.domain.evaluation import evaluate
    from k3desk.services.photo_service import evaluation_values

    template = _template(inspection.template_id, inspection.template_version)
    values = evaluation_values(s or object_session(inspection), template,
                               dict(inspection.values or {}))
    result = evaluate(template, values, inspection.inspected_on)
    as_json = result.to_json()
    inspection.verdict = result.verdict
    inspection.findings = [f for f in as_json["findings"] if not f.get("passed", False)]
    inspection.recommendations = list(result.recommendations)
    inspection.next_test_due = result.next_test_due
    return result


KIND_FIELD = "jenis_pemeriksaan"


def _inspection_kind(kind: str | None, values: dict[str, Any]) -> str:
    """The kind of inspection; the form's own field, when filled, must agree with it."""
    form_kind = values.get(KIND_FIELD)
    if kind is not None and form_kind not in (None, "") and form_kind != kind:
        raise ValidationError(translate("inspection", "jenis pemeriksaan {kind} berbeda "
                                        "dengan isian formulir ({form_kind})").format(
                                  kind=kind, form_kind=form_kind), field="kind")
    return kind or (form_kind if isinstance(form_kind, str) and form_kind else "berkala")


def create_draft(ctx: AppContext, *, equipment_id: str, template_id: str | None = None,
                 kind: str | None = None, values: dict[str, Any] | None = None,
                 inspected_on: date | None = None, instrument_ids: list[str] | None = None,
                 place: str | None = None) -> Changes:
    """A new draft for a piece of equipment, pinned to the template's current version."""
    with ctx.db.session() as s:
        inspection = apply_create_draft(
            ctx, s, equipment_id=equipment_id, template_id=template_id, kind=kind,
            values=values, inspected_on=inspected_on, instrument_ids=instrument_ids,
            place=place)
        return Changes("inspection", (inspection.id,), "draft")


def apply_create_draft(ctx: AppContext, s: Session, *, equipment_id: str,
                       template_id: str | None = None, kind: str | None = None,
                       values: dict[str, Any] | None = None, inspected_on: date | None = None,
                       instrument_ids: list[str] | None = None, place: str | None = None,
                       extra: dict[str, Any] | None = None) -> Inspection:
    """:func:`create_draft` inside the caller's session (added and flushed, not committed)."""
    ctx.actor.require_role(Role.INSPECTOR, action="membuat pemeriksaan")
    values = dict(values or {})
    kind = _inspection_kind(kind, values)
    if kind not in INSPECTION_KINDS:
        raise ValidationError(translate("inspection", "jenis pemeriksaan harus salah "
                                        "satu dari {value}").format(
                                  value=', '.join(INSPECTION_KINDS)),
                              field="kind")
    from k3desk.domain.templates import default_registry

    equipment = s.get(Equipment, equipment_id)
    if equipment is None or equipment.deleted:
        raise NotFoundError(translate("inspection", "peralatan {equipment_id} tidak "
                                      "ditemukan").format(
                                equipment_id=equipment_id))
    if ctx.actor.balai_id and equipment.balai_id != ctx.actor.balai_id:
        raise PermissionDenied(translate("inspection", "peralatan {equipment_id} milik "
                                         "Balai lain").format(
                                   equipment_id=equipment_id))
    registry = default_registry()
    template = (registry.get(template_id) if template_id
                else registry.latest_for_object_type(equipment.object_type))
    if template.object_type != equipment.object_type:
        raise ValidationError(translate("inspection", "templat {id} untuk "
                                        "{object_type}, sedangkan peralatan ini "
                                        "{object_type2}").format(
                                  id=template.id,
                                  object_type=template.object_type,
                                  object_type2=equipment.object_type),
                              field="template_id")
    if kind not in template.kinds:
        raise ValidationError(translate("inspection", "templat {id} tidak melayani "
                                        "pemeriksaan {kind}").format(
                                  id=template.id, kind=kind),
                              field="kind")
    if KIND_FIELD in template.fields:
        values[KIND_FIELD] = kind
    inspection = Inspection(
        balai_id=equipment.balai_id, company_id=equipment.company_id,
        equipment_id=equipment.id, template_id=template.id,
        template_version=template.version, inspector_id=ctx.actor.id,
        inspected_on=inspected_on or date.today(), status=Status.DRAFT,
        values=values, kind=kind, instrument_ids=list(instrument_ids or []),
        place=place or equipment.location, modified_by=ctx.actor.id)
    if extra:
        inspection.extra = {**(inspection.extra or {}), **extra}
    inspection.values = _checked(template, inspection.values)
    evaluate_inspection(inspection, s)
    s.add(inspection)
    s.flush()
    audit.append(s, actor_id=ctx.actor.id, record_type="inspection",
                 record_id=inspection.id, action="create", to_status="draft")
    return inspection


def _checked(template: Template, values: dict[str, Any]) -> dict[str, Any]:
    """The values to store (numbers typed as text stored as numbers); raises
    ValuesRejected with a problem per field when one cannot be read."""
    from k3desk.domain.values import numbers_as_json, validate_values

    problems = validate_values(template, values)
    if problems:
        raise ValuesRejected(problems)
    return numbers_as_json(template, values)


def update_draft(ctx: AppContext, inspection_id: str, *, values: dict[str, Any] | None = None,
                 merge: bool = True, instrument_ids: list[str] | None = None,
                 inspected_on: date | None = None, place: str | None = None,
                 notes: str | None = None) -> Changes:
    """Save what the inspector typed; values are merged into what is there unless
    ``merge`` is false. Only drafts and inspections sent back for revision change."""
    with ctx.db.session() as s:
        inspection = own_inspection(ctx, s, inspection_id)
        error = transition_error(inspection.status, inspection.status, ctx.actor.role)
        if error:
            raise PermissionDenied(error)
        if values is not None:
            new_values = {**(inspection.values or {}), **values} if merge else dict(values)
            new_values = _checked(_template(inspection.template_id,
                                            inspection.template_version), new_values)
            inspection.values = new_values
            form_kind = new_values.get(KIND_FIELD)
            if form_kind in INSPECTION_KINDS:
                inspection.kind = form_kind
        if instrument_ids is not None:
            inspection.instrument_ids = list(instrument_ids)
        if inspected_on is not None:
            inspection.inspected_on = inspected_on
        if place is not None:
            inspection.place = place
        if notes is not None:
            inspection.notes = notes
        inspection.modified_by = ctx.actor.id
        evaluate_inspection(inspection)
        return Changes("inspection", (inspection.id,), inspection.status)


def attach_photo(ctx: AppContext, inspection_id: str, slot: str, data: bytes,
                 filename: str, caption: str = "") -> str:
    """Store a photo for the photo field ``slot`` of a draft and count it there (through
    ``attachment_service``: decoded, upright, shrunk); returns the attachment's id."""
    from k3desk.services import attachment_service

    with ctx.db.session() as s:
        inspection = own_inspection(ctx, s, inspection_id)
        if not attachment_service.photo_field(inspection, slot):
            raise ValidationError(translate("inspection", "{slot!r} bukan isian foto "
                                            "templat {template_id}").format(
                                      slot=slot, template_id=inspection.template_id),
                                  field=slot)
    return attachment_service.attach_photos(ctx, inspection_id, slot, [(data, filename)],
                                            caption=caption or None)[0]


def submission_problems(s: Session, inspection: Inspection,
                        actor_qualifications: list[dict[str, Any]]) -> list[ValueProblem]:
    """Everything that keeps an inspection from being submitted (empty when it may go):
    missing and invalid values by field path, then licence and instruments (path "")."""
    from k3desk.domain.qualification import qualification_error

    result = evaluate_inspection(inspection)
    problems = list(result.problems)
    template = _template(inspection.template_id, inspection.template_version)
    equipment = s.get(Equipment, inspection.equipment_id)
    object_type = equipment.object_type if equipment else template.object_type
    q_error = qualification_error(actor_qualifications, object_type, inspection.inspected_on)
    if q_error:
        problems.append(ValueProblem("", "licence", {}, q_error))
    problems += instrument_problems(s, inspection)
    return problems


def instrument_problems(s: Session, inspection: Inspection) -> list[ValueProblem]:
    """Unknown instruments, or one whose calibration had lapsed on the inspection date."""
    from k3desk.domain.qualification import calibration_error

    problems = []
    instruments = [s.get(Instrument, i) for i in inspection.instrument_ids or []]
    if any(i is None for i in instruments):
        problems.append(ValueProblem("", "unknown_instrument", {},
                                     "alat ukur yang dipakai tidak dikenal di laptop ini"))
    c_error = calibration_error([i.to_data() | {"id": i.id} for i in instruments if i],
                                inspection.inspected_on)
    if c_error:
        problems.append(ValueProblem("", "calibration", {}, f"kalibrasi alat ukur: {c_error}"))
    return problems


def sections_of(template: Template) -> list[tuple[str, list[str]]]:
    """(section title, its field ids) in form order: how problems are listed."""
    return [(sec.title.id, [f.id for f in sec.fields]) for sec in template.sections]


def submit(ctx: AppContext, inspection_id: str) -> Changes:
    """Send a finished inspection to the supervisor; refuses with every reason at once
    (missing or invalid values, licence, calibration, and sizes the server would refuse)."""
    from k3desk.services.sync_service import size_problems

    too_large = [ValueProblem("", "too_large", {}, text)
                 for text in size_problems(ctx.db, inspection_id)]
    with ctx.db.session() as s:
        inspection = own_inspection(ctx, s, inspection_id)
        old = inspection.status
        error = transition_error(old, Status.SUBMITTED.value, ctx.actor.role)
        if error:
            raise PermissionDenied(error)
        if inspection.inspector_id != ctx.actor.id:
            raise PermissionDenied(translate("inspection", "hanya pemeriksa yang mengisi "
                                             "pemeriksaan ini yang dapat mengajukannya"))
        problems = submission_problems(s, inspection, ctx.actor.qualifications) + too_large
        if problems:
            raise SubmissionRefused(problems, sections_of(
                _template(inspection.template_id, inspection.template_version)))
        inspection.status = Status.SUBMITTED
        inspection.submitted_at = now_text()
        inspection.modified_by = ctx.actor.id
        audit.append(s, actor_id=ctx.actor.id, record_type="inspection", record_id=inspection.id,
                     action="submit", from_status=old, to_status=Status.SUBMITTED.value)
        return Changes("inspection", (inspection.id,), Status.SUBMITTED.value)


@dataclass(frozen=True)
class InspectionQuery:
    status: str | None = None
    object_type: str | None = None
    company_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str | None = None
    inspector_id: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class InspectionRow:
    """One line of an inspection list: the record with its company and equipment."""

    inspection: Inspection
    company_name: str
    object_type: str
    serial_number: str


def _search_stmt(balai_id: str | None, q: InspectionQuery) -> Any:
    # (a Select of four columns; its generic form differs between SQLAlchemy 2.0 and 2.1)
    stmt = (select(Inspection, Company.name, Equipment.object_type, Equipment.serial_number)
            .join(Company, Company.id == Inspection.company_id, isouter=True)
            .join(Equipment, Equipment.id == Inspection.equipment_id, isouter=True)
            .where(Inspection.deleted.is_(False)))
    if balai_id:
        stmt = stmt.where(Inspection.balai_id == balai_id)
    if q.status:
        if q.status not in {s.value for s in Status}:
            raise ValidationError(translate("inspection", "status tidak dikenal: "
                                            "{status}").format(
                                      status=q.status), field="status")
        stmt = stmt.where(Inspection.status == q.status)
    if q.object_type:
        stmt = stmt.where(Equipment.object_type == q.object_type)
    if q.company_id:
        stmt = stmt.where(Inspection.company_id == q.company_id)
    if q.inspector_id:
        stmt = stmt.where(Inspection.inspector_id == q.inspector_id)
    if q.date_from:
        stmt = stmt.where(Inspection.inspected_on >= q.date_from)
    if q.date_to:
        stmt = stmt.where(Inspection.inspected_on <= q.date_to)
    if q.text:
        escaped = q.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        stmt = stmt.where(or_(Company.name.ilike(pattern, escape="\\"),
                              Equipment.serial_number.ilike(pattern, escape="\\"),
                              Inspection.place.ilike(pattern, escape="\\"),
                              Inspection.notes.ilike(pattern, escape="\\")))
    return stmt


def search(s: Session, balai_id: str | None, q: InspectionQuery = InspectionQuery()
           ) -> list[InspectionRow]:
    """Inspections matching every filter given, newest first."""
    stmt = _search_stmt(balai_id, q).order_by(Inspection.inspected_on.desc(),
                                              Inspection.id).offset(q.offset)
    if q.limit:
        stmt = stmt.limit(q.limit)
    return [InspectionRow(row[0], row[1] or "", row[2] or "", row[3] or "")
            for row in s.execute(stmt)]


def get(ctx: AppContext, inspection_id: str) -> Inspection:
    with ctx.db.session() as s:
        return own_inspection(ctx, s, inspection_id)

