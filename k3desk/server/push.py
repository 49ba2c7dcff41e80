"""``POST /sync/push``: each change on its own, in order, with one result each.

A push is one transaction that first takes its Balai's writers' lock (seqs.py). Its
changes are parsed, then applied in batches of up to ``BATCH`` (batch.py): checked one
by one against the records as the batch has them, refused ones leaving nothing, and
written together with a handful of statements. A repeat of a ``change_id`` already
logged is answered from the log; the primary key of ``change_log``, not a look-up,
has the last word: when a batch breaks it (a twin push racing this one) or any other
unique key, the batch is rolled back and applied again the careful way, one change at a
time, each in its own SAVEPOINT, its ``change_id`` inserted before it is checked.
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
from k3desk.server.batch import Batch, Redo
from k3desk.server.checks import check_change
from k3desk.server.models import ChangeLog
from k3desk.server.outcome import Accept, Refusal
from k3desk.server.rules import MAX_DEPTH, bad_json, bad_text, is_uuid
from k3desk.server.store import (
    claim_key,
    envelope,
    get_record,
    lock_writer,
    settle,
    utcnow,
    write_record,
)
from k3desk.sync.protocol import Change, ErrorDetail, PushResult

log = logging.getLogger("k3desk.server.push")
#: Changes applied as one batch (a push has at most ``Settings.max_push_changes``).
BATCH = 500
#: What a batch does not catch: the database is unwell, the whole push fails (503).
DB_TROUBLE = (OperationalError, InterfaceError, SATimeoutError)


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
    parsed = [parse_change(raw) for raw in raw_changes]
    results: list[PushResult] = []
    with session.begin():
        lock_writer(session, None if actor.is_admin else actor.balai_id)
        for start in range(0, len(parsed), BATCH):
            results += apply_batch(ctx, parsed[start:start + BATCH])
    return results


Parsed = tuple[Change, str] | PushResult  # a change and its content hash, or its refusal


def parse_change(raw: Any) -> Parsed:
    """What can be said of a change without the database: its shape and content hash."""
    raw_id = raw.get("change_id") if isinstance(raw, dict) else None
    change_id = (raw_id if isinstance(raw_id, str) and len(raw_id) <= 64
                 and bad_text(raw_id) is None else None)  # never echo what cannot be sent
    if isinstance(raw, dict) and bad_json(raw, MAX_DEPTH + 1):  # one walk when it is fine
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
    # (data too deep or holding a NUL cannot pass bad_json above; shape_error checks again)
    return change, content_hash(change)


def apply_batch(ctx: PushContext, items: list[Parsed]) -> list[PushResult]:
    """Apply ``items`` as one batch; on a broken unique key, one at a time instead."""
    session = ctx.session
    batch = Batch()
    savepoint = session.begin_nested()
    session.info["batch"] = batch
    try:
        with session.no_autoflush:
            batch.preload(session, [item[0] for item in items if isinstance(item, tuple)])
            results = [batched_one(ctx, batch, item) for item in items]
            batch.settle(session)
    except DB_TROUBLE:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken key (IntegrityError, Redo) or a bug
        log.info("a batch of %d changes is applied one at a time: %s", len(items),
                 exc.__class__.__name__)
        session.info.pop("batch", None)
        savepoint.rollback()
        batch.forget(session)
        return [push_one(ctx, item) for item in items]
    finally:
        session.info.pop("batch", None)
    savepoint.commit()
    return results


def batched_one(ctx: PushContext, batch: Batch, item: Parsed) -> PushResult:
    if not isinstance(item, tuple):
        return item
    change, digest = item
    session = ctx.session
    if change.change_id in batch.pending_changes:  # twice in one push: answer the first
        settle(session)
        return repeated(session, change, digest)
    first = batch.logged.get(change.change_id)
    if first is not None:
        return answer_repeat(first, change, digest)
    existing = get_record(session, change.id) if is_uuid(change.id) else None
    try:
        outcome = check_change(session, ctx.actor, ctx.device_id, change, existing)
    except (*DB_TROUBLE, IntegrityError, Redo):
        raise
    except Exception:  # a bug must not lose the rest of the push nor leak a trace
        log.exception("change %s could not be checked", change.change_id)
        return rejected(change.change_id, "invalid", "the server could not check this change")
    if isinstance(outcome, Refusal):
        if outcome.code == "conflict" and existing is not None:
            if existing.id in batch.pending_ids:
                settle(session)  # the envelope shows the seq it will have
            return PushResult(status="conflict", change_id=change.change_id,
                              current=envelope(existing))
        return rejected(change.change_id, outcome.code, outcome.message, outcome.field)
    return batch.write(session, change, with_server_fields(change, outcome), ctx.actor.id,
                       ctx.device_id, digest, existing, list(outcome.keys), ctx.now)


def with_server_fields(change: Change, outcome: Accept) -> dict[str, Any]:
    return {**change.data, **outcome.server_fields} if outcome.server_fields else change.data


def push_one(ctx: PushContext, item: Parsed) -> PushResult:
    """One change in its own savepoint, its ``change_id`` logged before it is checked."""
    if not isinstance(item, tuple):
        return item
    change, digest = item
    session = ctx.session
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
    except DB_TROUBLE:
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
    if first is None:  # a twin push rolled back meanwhile; be explicit anyway
        return rejected(change.change_id, "invalid", "change_id is being applied; retry")
    return answer_repeat(first, change, digest)


def answer_repeat(first: ChangeLog, change: Change, digest: str) -> PushResult:
    if first.content_sha256 != digest:
        return rejected(change.change_id, "change_id_reused",
                        "this change_id was already used for a different change", "change_id")
    return PushResult(status="duplicate", change_id=change.change_id, version=first.version,
                      seq=first.seq)


def apply_change(ctx: PushContext, change: Change) -> PushResult:
    session = ctx.session
    existing = get_record(session, change.id) if is_uuid(change.id) else None
    outcome = check_change(session, ctx.actor, ctx.device_id, change, existing)
    if isinstance(outcome, Refusal):
        if outcome.code == "conflict" and existing is not None:
            return PushResult(status="conflict", change_id=change.change_id,
                              current=envelope(existing))
        return rejected(change.change_id, outcome.code, outcome.message, outcome.field)
    data = with_server_fields(change, outcome)
    record = write_record(session, type_=change.type, id_=change.id, data=data,
                          balai_id=change.data.get("balai_id"), by=ctx.actor.id,
                          deleted=change.deleted, now=ctx.now, existing=existing)
    for namespace, key in outcome.keys:
        if not claim_key(session, namespace, key, record.id):
            raise RuntimeError(f"unique key {namespace} {key} taken after the check")
    return PushResult(status="applied", change_id=change.change_id, version=record.version,
                      seq=record.seq)
