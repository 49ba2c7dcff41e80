"""The rules a pushed change must pass, in the order SYNC_PROTOCOL.md section 4 gives.

shape (``invalid``) -> ownership (``forbidden``) -> version (``conflict``) ->
references (``missing_reference``) -> workflow -> template and verdict (``invalid``)
-> ``qualification`` and ``calibration`` -> ``blob_missing`` -> ``certificate``.
``check_change`` reads the database but never writes to it.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from k3desk.domain.qualification import calibration_error, parse_day, qualification_error
from k3desk.domain.workflow import Role, Status, transition_error
from k3desk.server.auth import Actor
from k3desk.server.blobs import may_use_blob
from k3desk.server.certificate_checks import certificate_refusal
from k3desk.server.models import Blob, Record
from k3desk.server.outcome import Accept, Refusal
from k3desk.server.rules import is_uuid, shape_error
from k3desk.server.store import get_record, key_holder, settle
from k3desk.server.template_store import find_template
from k3desk.sync.protocol import SERVER_TYPES, Change

#: What a supervisor's review may not change in an inspection.
FROZEN_ON_REVIEW = ("values", "verdict", "template_id", "template_version", "equipment_id",
                    "company_id", "inspector_id", "inspected_on", "instrument_ids")


def visible(session: Session, actor: Actor, record_id: Any, type_: str) -> Record | None:
    """A live record of ``type_`` the actor may see, or None."""
    if not is_uuid(record_id):
        return None
    record = get_record(session, record_id)
    if record is None or record.deleted or record.type != type_:
        return None
    if not actor.is_admin and record.balai_id != actor.balai_id:
        return None
    return record


def check_change(session: Session, actor: Actor, device_id: str, change: Change,
                 existing: Record | None) -> Refusal | Accept:
    data = change.data
    # 1. shape
    if not is_uuid(change.id):
        return Refusal("invalid", "id must be a UUID", "id")
    fault = shape_error(change.type, data, deleted=change.deleted)
    if fault:
        return Refusal("invalid", fault[0], fault[1])
    # 2. ownership and role
    if change.type in SERVER_TYPES:
        return Refusal("forbidden", f"{change.type} records are written by the server only")
    if change.type == "instrument" and actor.role != Role.SUPERVISOR:
        return Refusal("forbidden", "only a supervisor may write instruments")
    if not actor.is_admin and data.get("balai_id") != actor.balai_id:
        return Refusal("forbidden", "the record belongs to another Balai", "balai_id")
    if existing is not None:
        if not actor.is_admin and existing.balai_id != actor.balai_id:
            return Refusal("forbidden", "a record with this id belongs to another Balai", "id")
        if existing.balai_id != data.get("balai_id"):
            return Refusal("forbidden", "a record cannot move to another Balai", "balai_id")
        if existing.type != change.type:
            return Refusal("invalid", f"this id is a {existing.type}, not a {change.type}", "type")
    # 3. version
    if existing is None and change.base_version > 0:
        return Refusal("invalid", "base_version is above 0 for a record the server never had",
                       "base_version")
    if existing is not None and change.base_version != existing.version:
        return Refusal("conflict", "the record changed on the server")
    if change.deleted:
        return _deletion(session, actor, change, existing)
    # 4. references
    refusal = _references(session, actor, change)
    if refusal:
        return refusal
    if change.type == "inspection":
        return _inspection(session, actor, change, existing)
    if change.type == "attachment":
        blob = session.get(Blob, data["sha256"])
        if blob is None or not may_use_blob(session, None if actor.is_admin else actor.balai_id,
                                            data["sha256"]):
            return Refusal("blob_missing", "upload the blob before the attachment", "sha256")
        if blob.size != data["size"]:
            return Refusal("invalid", f"size must be the blob's size, {blob.size} bytes",
                           "size")
    if change.type == "certificate":
        return certificate_refusal(session, actor, device_id, change, existing)
    return Accept()


def certified_by(session: Session, type_: str, record_id: str) -> str | None:
    """The number of an issued certificate that refers to this record, or None: such a
    company, equipment, inspection or attachment is never deleted."""
    if type_ == "inspection":
        inspections = [record_id]
    elif type_ == "attachment":
        attachment = get_record(session, record_id)
        inspections = [str(attachment.data.get("inspection_id"))] if attachment else []
    elif type_ in ("company", "equipment"):
        settle(session)  # the query must see this push's inspections
        inspections = list(session.scalars(select(Record.id).where(
            Record.type == "inspection", Record.data[f"{type_}_id"].as_string() == record_id)))
    else:
        return None
    for inspection_id in inspections:
        cert_id = key_holder(session, "certificate.inspection", inspection_id)
        cert = get_record(session, cert_id) if cert_id else None
        if cert is not None:
            return str(cert.data.get("number"))
    return None


def _deletion(session: Session, actor: Actor, change: Change,
              existing: Record | None) -> Refusal | Accept:
    if change.type == "certificate":
        return Refusal("certificate", "a certificate is never deleted; revoke it instead")
    number = certified_by(session, change.type, change.id) if existing is not None else None
    if number is not None:
        return Refusal("certificate", f"this {change.type} is named by certificate {number} "
                       "and cannot be deleted", "deleted")
    if change.type == "inspection" and existing is not None and not existing.deleted:
        status = existing.data.get("status")
        if status not in (Status.DRAFT, Status.REVISION_REQUESTED) or actor.role != Role.INSPECTOR:
            return Refusal("workflow", f"an inspection that is {status} cannot be deleted "
                           f"by a {actor.role}", "status")
    return Accept()


_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "equipment": (("company_id", "company"),),
    "inspection": (("company_id", "company"), ("equipment_id", "equipment"),
                   ("inspector_id", "user")),
    "attachment": (("inspection_id", "inspection"),),
    "certificate": (("inspection_id", "inspection"),),
}


def _references(session: Session, actor: Actor, change: Change) -> Refusal | None:
    data = change.data
    if actor.is_admin and visible(session, actor, data["balai_id"], "balai") is None:
        return Refusal("missing_reference", "balai_id names no Balai", "balai_id")
    for name, type_ in _REFERENCES.get(change.type, ()):
        if visible(session, actor, data[name], type_) is None:
            return Refusal("missing_reference", f"{name} names no {type_} of this Balai", name)
    if change.type == "inspection":
        for inst_id in data.get("instrument_ids") or []:
            if visible(session, actor, inst_id, "instrument") is None:
                return Refusal("missing_reference", f"instrument {inst_id} is unknown",
                               "instrument_ids")
        if find_template(session, data["template_id"], data["template_version"]) is None:
            return Refusal("missing_reference", f"template {data['template_id']} version "
                           f"{data['template_version']} is unknown", "template_id")
    return None


def _inspection(session: Session, actor: Actor, change: Change,
                existing: Record | None) -> Refusal | Accept:
    data = change.data
    old = existing.data if existing is not None and not existing.deleted else None
    old_status = old.get("status") if old else None
    problem = transition_error(old_status, data["status"], actor.role)
    if problem:
        return Refusal("workflow", problem, "status")
    if old is None and not actor.is_admin and data["inspector_id"] != actor.id:
        return Refusal("forbidden", "inspector_id must be the user who records the inspection",
                       "inspector_id")
    if old is not None and old.get("inspector_id") != data["inspector_id"]:
        return Refusal("forbidden", "the inspector of an inspection never changes",
                       "inspector_id")
    if (actor.role == Role.SUPERVISOR and data["inspector_id"] == actor.id
            and data["status"] != old_status):
        return Refusal("workflow", "a supervisor cannot review an inspection recorded as "
                       "their own", "inspector_id")
    if old is not None and actor.role == Role.SUPERVISOR:
        for name in FROZEN_ON_REVIEW:
            if old.get(name) != data.get(name):
                return Refusal("workflow", f"a review cannot change {name}", name)
    if data["status"] != Status.SUBMITTED:
        return Accept()
    inspected_on = parse_day(data["inspected_on"])
    assert inspected_on is not None  # the shape check made sure
    refusal = _verdict(session, data, inspected_on)
    if refusal:
        return refusal
    equipment = get_record(session, data["equipment_id"])
    assert equipment is not None
    # the licence checked is the named inspector's (the pusher when they recorded it)
    inspector = get_record(session, data["inspector_id"])
    quals = inspector.data.get("qualifications") if inspector is not None else None
    problem = qualification_error(list(quals) if isinstance(quals, list) else [],
                                  str(equipment.data.get("object_type")), inspected_on)
    if problem:
        return Refusal("qualification", problem, "inspector_id")
    instruments = [get_record(session, i) for i in data.get("instrument_ids") or []]
    problem = calibration_error([r.data for r in instruments if r is not None], inspected_on)
    if problem:
        return Refusal("calibration", problem, "instrument_ids")
    return Accept()


def known_photos(session: Session, ids: set[str]) -> set[str]:
    """The photo ids the server knows: a stored blob, or a live attachment record."""
    settle(session)  # the query must see this push's attachments
    blobs = set(session.scalars(select(Blob.sha256).where(Blob.sha256.in_(ids))))
    records = set(session.scalars(select(Record.id).where(
        Record.id.in_(ids), Record.type == "attachment", Record.deleted.is_(False))))
    return blobs | records


def _verdict(session: Session, data: dict[str, Any], inspected_on: date) -> Refusal | None:
    from k3desk.domain.evaluation import evaluate
    from k3desk.domain.photos import with_stored_photos

    template = find_template(session, data["template_id"], data["template_version"])
    if template is None:
        return Refusal("missing_reference", "the inspection's template is unknown", "template_id")
    try:
        values = with_stored_photos(template, data["values"],
                                    lambda ids: known_photos(session, ids))
        evaluation = evaluate(template, values, inspected_on)
    except Exception as exc:  # noqa: BLE001 - values a template cannot read are invalid
        logging.getLogger("k3desk.server").info("values not evaluable: %r", exc)
        return Refusal("invalid", "the values cannot be evaluated by the template", "values")
    missing = list(getattr(evaluation, "missing", []) or [])
    if missing:
        shown = ", ".join(str(m) for m in missing[:10])
        return Refusal("invalid", f"required values are missing: {shown}", "values")
    if data.get("verdict") != evaluation.verdict:
        wanted = str(evaluation.verdict)
        return Refusal("invalid", f"the verdict must be {wanted!r} for these values, "
                       f"not {data.get('verdict')!r}", "verdict")
    return None
