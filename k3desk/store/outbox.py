"""Every local write to a synced record leaves an outbox entry in the same transaction.

A ``before_flush`` hook on the database's session factory (``install``, called by
``open_database``) does it, so no service can forget: a new or
changed client-written record (SYNC_PROTOCOL.md section 3) gets an entry with a fresh
``change_id``, or updates the one still waiting that was never attempted. A save that
leaves the record as the server already has it (its shadow), with nothing in flight,
leaves no entry: it would only raise the server's version. Changes that came from the
server (``Database.session(remote=True)``) leave none.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from k3desk.domain.vocabulary import SERVER_TYPES, OutboxState
from k3desk.store.base import new_id
from k3desk.store.models import OutboxEntry, Shadow, SyncedRecord

if TYPE_CHECKING:
    from k3desk.store.db import Database

Key = tuple[str, str]


def _stored_pending(session: Session, record: SyncedRecord) -> OutboxEntry | None:
    with session.no_autoflush:
        return session.scalars(
            select(OutboxEntry).where(OutboxEntry.record_type == record.sync_type,
                                      OutboxEntry.record_id == record.id,
                                      OutboxEntry.state == OutboxState.PENDING,
                                      OutboxEntry.attempts == 0)
            .order_by(OutboxEntry.id.desc()).limit(1)
        ).first()


def _unchanged_on_server(session: Session, record: SyncedRecord, data: dict[str, Any]) -> bool:
    """True when the server already holds exactly this (its shadow equals the record) and
    nothing is on its way that the save would have to correct."""
    with session.no_autoflush:
        in_flight = session.scalars(
            select(OutboxEntry.id).where(OutboxEntry.record_type == record.sync_type,
                                         OutboxEntry.record_id == record.id,
                                         OutboxEntry.state == OutboxState.PENDING).limit(1)).first()
        if in_flight is not None:
            return False
        shadow = session.get(Shadow, (record.sync_type, record.id))
    if shadow is None:
        return False
    env = shadow.envelope or {}
    probe = type(record)()  # the server's data as this row would give it back
    probe.apply_data(dict(env.get("data") or {}))
    return probe.to_data() == data and bool(env.get("deleted")) == bool(record.deleted)


def enqueue(session: Session, record: SyncedRecord,
            new_entries: dict[Key, OutboxEntry] | None = None, *, is_new: bool | None = None
            ) -> OutboxEntry | None:
    """Record that ``record`` must be pushed, as it is now; None when nothing changed."""
    key = (record.sync_type, record.id)
    data = record.to_data()
    entry = new_entries.get(key) if new_entries is not None else None
    if is_new is None:
        is_new = record in session.new
    if entry is None and not is_new:
        entry = _stored_pending(session, record)
        if entry is None and _unchanged_on_server(session, record, data):
            return None
    if entry is None:
        entry = OutboxEntry(record_type=record.sync_type, record_id=record.id,
                            base_version=record.version or 0)
        session.add(entry)
        if new_entries is not None:
            new_entries[key] = entry
    entry.payload = data
    entry.deleted = bool(record.deleted)
    return entry


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    if session.info.get("remote"):
        return
    # session.new and .dirty build a fresh set on every access: take them once.
    new_objs = list(session.new)
    new_entries: dict[Key, OutboxEntry] = {
        (obj.record_type, obj.record_id): obj for obj in new_objs
        if isinstance(obj, OutboxEntry)}
    for is_new, objs in ((True, new_objs), (False, list(session.dirty))):
        for obj in objs:
            if (isinstance(obj, SyncedRecord) and obj.sync_type not in SERVER_TYPES
                    and (is_new or session.is_modified(obj))):
                if obj.id is None:
                    obj.id = new_id()
                enqueue(session, obj, new_entries, is_new=is_new)


_INSTALLED: weakref.WeakSet[sessionmaker[Session]] = weakref.WeakSet()


def install(db: Database) -> None:
    """Attach the hook to ``db``'s own sessions (idempotent): sessions of another
    database or engine in the same process are left alone."""
    factory = db.session_factory
    # Not event.contains(): SQLAlchemy keys that on id(factory), and a new factory can
    # reuse the id of a collected one, which then reads as installed (and is not).
    if factory not in _INSTALLED:
        event.listen(factory, "before_flush", _before_flush)
        _INSTALLED.add(factory)
