"""``POST /sync/push``: each change on its own, in order, with one result each.

A push is one transaction that first takes the seq lock (store.py); every change runs
in its own SAVEPOINT that is released when the change is applied and rolled back when
it is a conflict or rejected, so a refused change leaves nothing behind. The change's
``change_id`` is inserted first: the primary key of ``change_log``, not a look-up,
decides whether it was applied before.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import ValidationError as PydanticError
from sqlalchemy import insert, update
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as SATimeoutError
from sqlalchemy.orm import Session

from k3desk.domain.canonical import data_sha256
from k3desk.server.auth import Actor
from k3desk.server.checks import check_change
from k3desk.server.models import ChangeLog, Record
from k3desk.server.outcome import Refusal
from k3desk.server.rules import MAX_DEPTH, bad_json, bad_text, is_uuid, too_deep
from k3desk.server.store import claim_key, envelope, lock_seq, utcnow, write_record
from k3desk.sync.protocol import Change, ErrorDetail, PushResult

log = logging.getLogger("k3desk.server.push")


@dataclass
class PushContext:
    session: Session
    actor: Actor
    device_id: str
    now: datetime


def rejected(change_id: str | None, code: str, message: str,
             field: str | None = None) -> PushResult:
    return PushResult(status="rejected", change_id=change_id,
                      error=ErrorDetail(code=code, message=message, field=field))


def content_hash(change: Change) -> str:
    return data_sha256({"type": change.type, "id": change.id,
                        "base_version": change.base_version, "deleted": change.deleted,
                        "data": change.data})


def push_changes(session: Session, actor: Actor, device_id: str,
                 raw_changes: list[Any]) -> list[PushResult]:
    """Handle every change of a push and commit; the results in the same order."""
    ctx = PushContext(session=session, actor=actor, device_id=device_id, now=utcnow())
    with session.begin():
        lock_seq(session)
        results = [push_one(ctx, raw) for raw in raw_changes]
    return results


def push_one(ctx: PushContext, raw: Any) -> PushResult:
    raw_id = raw.get("change_id") if isinstance(raw, dict) else None
    change_id = (raw_id if isinstance(raw_id, str) and len(raw_id) <= 64
                 and bad_text(raw_id) is None else None)  # never echo what cannot be sent
    if isinstance(raw, dict):
        for name in ("change_id", "type", "id", "data"):
            problem = bad_json(raw.get(name))
            if problem:
                return rejected(change_id, "invalid", f"{name} {problem}", name)
        problem = bad_json(raw, MAX_DEPTH + 1)
        if problem:
            return rejected(change_id, "invalid", f"the change {problem}")
    try:
        change = Change.model_validate(raw)
    except PydanticError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return rejected(change_id, "invalid", f"{where}: {first.get('msg')}", where or None)
    if not is_uuid(change.change_id):
        return rejected(change_id, "invalid", "change_id must be a UUID", "change_id")
    if too_deep(change.data) or "\x00" in change.id + change.type:
        return rejected(change_id, "invalid",
                        "data nests too deeply or holds a NUL character", "data")
    session = ctx.session
    digest = content_hash(change)
    savepoint = session.begin_nested()
    try:
        session.execute(insert(ChangeLog).values(
            change_id=change.change_id, content_sha256=digest, record_id=change.id[:36],
            version=0, seq=0, user_id=ctx.actor.id, device_id=ctx.device_id[:200],
            applied_at=ctx.now))
    except IntegrityError:
        savepoint.rollback()
        return repeated(session, change, digest)
    try:
        result = apply_change(ctx, change)
    except (OperationalError, InterfaceError, SATimeoutError):
        raise  # the database is unwell: the whole push fails (503) and is retried
    except Exception:  # a bug must not lose the rest of the push nor leak a trace
        log.exception("change %s could not be checked", change.change_id)
        savepoint.rollback()
        return rejected(change.change_id, "invalid", "the server could not check this change")
    if result.status == "applied":
        session.execute(update(ChangeLog).where(ChangeLog.change_id == change.change_id)
                        .values(version=result.version, seq=result.seq))
        savepoint.commit()
    else:
        savepoint.rollback()
    return result


def repeated(session: Session, change: Change, digest: str) -> PushResult:
    """The answer to a ``change_id`` applied before: its first outcome, or a refusal."""
    first = session.get(ChangeLog, change.change_id)
    if first is None:  # cannot happen under the seq lock; be explicit anyway
        return rejected(change.change_id, "invalid", "change_id is being applied; retry")
    if first.content_sha256 != digest:
        return rejected(change.change_id, "change_id_reused",
                        "this change_id was already used for a different change", "change_id")
    return PushResult(status="duplicate", change_id=change.change_id, version=first.version,
                      seq=first.seq)


def apply_change(ctx: PushContext, change: Change) -> PushResult:
    session = ctx.session
    existing = session.get(Record, change.id) if is_uuid(change.id) else None
    outcome = check_change(session, ctx.actor, ctx.device_id, change, existing)
    if isinstance(outcome, Refusal):
        if outcome.code == "conflict" and existing is not None:
            return PushResult(status="conflict", change_id=change.change_id,
                              current=envelope(existing))
        return rejected(change.change_id, outcome.code, outcome.message, outcome.field)
    data = {**change.data, **outcome.server_fields} if outcome.server_fields else change.data
    record = write_record(session, type_=change.type, id_=change.id, data=data,
                          balai_id=change.data.get("balai_id"), by=ctx.actor.id,
                          deleted=change.deleted, now=ctx.now, existing=existing)
    for namespace, key in outcome.keys:
        if not claim_key(session, namespace, key, record.id):
            raise RuntimeError(f"unique key {namespace} {key} taken after the check")
    return PushResult(status="applied", change_id=change.change_id, version=record.version,
                      seq=record.seq)
