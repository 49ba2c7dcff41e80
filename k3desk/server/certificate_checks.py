"""The ``certificate`` rule of a push: number, block, key, signature and payload.

Every fault here is ``certificate`` (SYNC_PROTOCOL.md section 4). A new certificate
claims three unique keys: its number, its inspection, and its block's seq. An
existing certificate may only be revoked (``revoked`` true with a reason).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from k3desk.domain.canonical import data_sha256
from k3desk.domain.certificates import parse_payload
from k3desk.domain.errors import ValidationError
from k3desk.domain.signing import verify
from k3desk.domain.workflow import Role, Status
from k3desk.server.auth import Actor
from k3desk.server.models import Record
from k3desk.server.outcome import Accept, Refusal
from k3desk.server.store import get_record, key_holder, utcnow
from k3desk.sync.protocol import Change

#: Fields a revocation may add; nothing else of a certificate ever changes.
REVOCATION_FIELDS = ("revoked", "revoked_reason", "revoked_at", "revoked_by")
#: How a payload says "no validity" (a findings report has none).
NO_VALIDITY = ("-", "", None)


def _no(message: str, field: str | None = None) -> Refusal:
    return Refusal("certificate", message, field)


def certificate_refusal(session: Session, actor: Actor, device_id: str, change: Change,
                        existing: Record | None) -> Refusal | Accept:
    if actor.role != Role.SUPERVISOR:
        return _no("only a supervisor of the Balai issues or revokes certificates")
    if existing is not None:
        return _revocation(actor, change, existing)
    data = change.data
    if data.get("revoked") or data.get("revoked_by") or data.get("revoked_at"):
        return _no("a certificate cannot be issued already revoked", "revoked")
    inspection = get_record(session, data["inspection_id"])
    assert inspection is not None  # references were checked
    if inspection.data.get("status") != Status.APPROVED:
        return _no("the inspection is not approved", "inspection_id")
    if inspection.data.get("inspector_id") == actor.id:
        return _no("a supervisor cannot certify an inspection recorded as their own",
                   "inspection_id")
    if key_holder(session, "certificate.inspection", inspection.id) not in (None, change.id):
        return _no("the inspection already has a certificate", "inspection_id")
    if data["approver_id"] != actor.id:
        return _no("approver_id must be the supervisor who pushes the certificate",
                   "approver_id")
    refusal = _number(session, actor, device_id, change)
    if refusal:
        return refusal
    refusal = _signature(session, actor, data)
    if refusal:
        return refusal
    refusal = _payload(session, actor, data, inspection)
    if refusal:
        return refusal
    replaces = data.get("replaces")
    if replaces is not None:
        old = get_record(session, replaces)
        if (old is None or old.type != "certificate" or old.balai_id != actor.balai_id
                or replaces == change.id):
            return _no("replaces names no other certificate of this Balai", "replaces")
    return Accept(keys=[("certificate.number", data["number"]),
                        ("certificate.inspection", inspection.id),
                        ("certificate.block_seq", f"{data['block_id']}:{data['seq']}")])


def _revocation(actor: Actor, change: Change, existing: Record) -> Refusal | Accept:
    old, new = existing.data, change.data
    if old.get("revoked"):
        return _no("the certificate is revoked and never changes again", "revoked")
    kept_old = {k: v for k, v in old.items() if k not in REVOCATION_FIELDS}
    kept_new = {k: v for k, v in new.items() if k not in REVOCATION_FIELDS}
    if kept_old != kept_new:
        changed = sorted(k for k in set(kept_old) | set(kept_new)
                         if kept_old.get(k) != kept_new.get(k))
        return _no(f"a certificate never changes (only a revocation): {', '.join(changed)}",
                   changed[0] if changed else None)
    if new.get("revoked") is not True:
        return _no("a certificate can only be pushed again to revoke it", "revoked")
    reason = new.get("revoked_reason")
    if not isinstance(reason, str) or not reason.strip():
        return _no("a revocation needs a revoked_reason", "revoked_reason")
    if new.get("revoked_by") not in (None, actor.id):
        return _no("revoked_by must be the supervisor who pushes the revocation", "revoked_by")
    # who and when are the server's to say: the pusher, the server's clock
    return Accept(server_fields={"revoked_by": actor.id,
                                 "revoked_at": utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")})


def _number(session: Session, actor: Actor, device_id: str, change: Change) -> Refusal | None:
    data = change.data
    block = get_record(session, data["block_id"])
    if block is None or block.type != "number_block" or block.deleted:
        return _no("block_id names no number block", "block_id")
    if block.balai_id != actor.balai_id or block.data.get("device_id") != device_id:
        return _no("the number block was not leased to this device", "block_id")
    first, last = block.data.get("first"), block.data.get("last")
    if not (isinstance(first, int) and isinstance(last, int) and first <= data["seq"] <= last):
        return _no(f"seq {data['seq']} lies outside block {first}..{last}", "seq")
    if key_holder(session, "certificate.block_seq", f"{block.id}:{data['seq']}") is not None:
        return _no(f"seq {data['seq']} of this block was used before", "seq")
    if key_holder(session, "certificate.number", data["number"]) is not None:
        return _no(f"certificate number {data['number']} exists already", "number")
    return None


def _signature(session: Session, actor: Actor, data: dict[str, object]) -> Refusal | None:
    key_record_id = key_holder(session, "signing_key", str(data["key_id"]))
    key = get_record(session, key_record_id) if key_record_id else None
    if key is None or key.type != "signing_key":
        return _no(f"unknown signing key {data['key_id']}", "key_id")
    if key.data.get("user_id") != actor.id:
        return _no("the signing key belongs to another user", "key_id")
    if key.data.get("revoked"):
        return _no("the signing key is revoked", "key_id")
    if not verify(str(key.data.get("public_key")), str(data["payload"]), str(data["signature"])):
        return _no("the signature does not verify over the payload", "signature")
    return None


def _payload(session: Session, actor: Actor, data: dict[str, object],
             inspection: Record) -> Refusal | None:
    try:
        payload = parse_payload(str(data["payload"]))
    except ValidationError:  # the domain's sentence is for a person; the API speaks English
        return _no("the payload is not a complete, canonical certificate payload", "payload")
    for name in ("number", "inspection_id", "issued_on"):
        if payload.get(name) != data.get(name):
            return _no(f"the payload's {name} disagrees with the record", "payload")
    until = data.get("valid_until")
    if payload.get("valid_until") != until and not (until is None and payload.get(
            "valid_until") in NO_VALIDITY):
        return _no("the payload's valid_until disagrees with the record", "payload")
    if payload.get("verdict") != inspection.data.get("verdict"):
        return _no("the payload's verdict is not the inspection's", "payload")
    if payload.get("data_sha256") != data_sha256(inspection.data):
        return _no("the payload's data_sha256 is not that of the approved inspection", "payload")
    equipment = get_record(session, str(inspection.data.get("equipment_id")))
    serial = equipment.data.get("serial_number") if equipment is not None else None
    if payload.get("equipment_serial") != serial:
        return _no("the payload's equipment_serial is not the equipment's", "payload")
    if "object_type" in payload and equipment is not None and payload[
            "object_type"] != equipment.data.get("object_type"):
        return _no("the payload's object_type is not the equipment's", "payload")
    company = get_record(session, str(inspection.data.get("company_id")))
    company_data = company.data if company is not None else {}
    if payload.get("company") != company_data.get("name"):
        return _no("the payload's company is not the inspection's company", "payload")
    if "company_address" in payload and payload["company_address"] != company_data.get(
            "address"):
        return _no("the payload's company_address is not the company's", "payload")
    if "approver" in payload and payload["approver"] != actor.full_name:
        return _no("the payload's approver is not the supervisor who signs", "payload")
    return None
