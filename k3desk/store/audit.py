"""The audit trail: every status change and certificate event, chained by hash.

Each event's hash covers its fields and the previous event's hash, so changing or
deleting an event breaks the chain from there on. The head (last hash and count) is
kept in ``sync_state`` in the same transaction, so deleting the newest events is
detected too. Someone who rewrites the whole file can rebuild a chain; the server's
copy of every record is the second witness.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from k3desk.domain.canonical import canonical_bytes, sha256_hex
from k3desk.store.base import now_text
from k3desk.store.models import AuditEvent, SyncState
from k3desk.store.settings import AUDIT_HEAD

GENESIS = "0" * 64
HEAD_KEY = AUDIT_HEAD.key


def event_hash(fields: dict[str, Any], prev_hash: str) -> str:
    return sha256_hex(canonical_bytes({**fields, "prev_hash": prev_hash}))


def _fields(ev: AuditEvent) -> dict[str, Any]:
    return {"id": ev.id, "at": ev.at, "actor_id": ev.actor_id, "record_type": ev.record_type,
            "record_id": ev.record_id, "action": ev.action, "from_status": ev.from_status,
            "to_status": ev.to_status, "note": ev.note}


def append(session: Session, *, actor_id: str | None, record_type: str, record_id: str,
           action: str, from_status: str | None = None, to_status: str | None = None,
           note: str | None = None) -> AuditEvent:
    """Add an event at the end of the chain, in the caller's transaction."""
    head = session.get(SyncState, HEAD_KEY)
    prev_hash, count, last_id = (head.value["hash"], head.value["count"],
                                 head.value.get("id", 0)) if head else (GENESIS, 0, 0)
    ev = AuditEvent(id=last_id + 1, at=now_text(), actor_id=actor_id, record_type=record_type,
                    record_id=record_id, action=action, from_status=from_status,
                    to_status=to_status, note=note, prev_hash=prev_hash)
    ev.hash = event_hash(_fields(ev), prev_hash)
    session.add(ev)
    value = {"hash": ev.hash, "count": count + 1, "id": ev.id}
    if head is None:
        session.add(SyncState(key=HEAD_KEY, value=value))
    else:
        head.value = value
    return ev


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    count: int
    broken_id: int | None = None
    reason: str | None = None


def verify(session: Session) -> AuditReport:
    """Walk the chain; name the first event that does not hold."""
    prev_hash = GENESIS
    count = 0
    expected_id = 1
    for ev in session.scalars(select(AuditEvent).order_by(AuditEvent.id)):
        count += 1
        if ev.id != expected_id:
            return AuditReport(False, count, expected_id,
                               f"event {expected_id} is missing (next is {ev.id})")
        if ev.prev_hash != prev_hash:
            return AuditReport(False, count, ev.id,
                               f"event {ev.id} does not follow the event before it")
        if event_hash(_fields(ev), prev_hash) != ev.hash:
            return AuditReport(False, count, ev.id, f"event {ev.id} was changed after it was "
                               f"written ({ev.action} {ev.record_type} {ev.record_id})")
        prev_hash = ev.hash
        expected_id += 1
    head = session.get(SyncState, HEAD_KEY)
    if head is not None and (head.value["hash"] != prev_hash or head.value["count"] != count):
        missing = head.value["count"] - count
        return AuditReport(False, count, count + 1,
                           f"the newest {missing} event(s) after event {count} were removed"
                           if missing > 0 else "the chain does not end where it was left")
    return AuditReport(True, count)
