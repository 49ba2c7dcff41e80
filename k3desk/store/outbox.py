"""Every local write to a synced record leaves an outbox entry in the same transaction.

A ``before_flush`` hook on the session does it, so no service can forget: a new or
changed client-written record (SYNC_PROTOCOL.md section 3) gets an entry with a fresh
``change_id``, or updates the one still waiting that was never attempted. Changes that
came from the server (``Database.session(remote=True)``) leave none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from k3desk.store.models import SERVER_TYPES, OutboxEntry, SyncedRecord

if TYPE_CHECKING:
    from k3desk.store.db import Database


def _pending_entry(session: Session, record: SyncedRecord) -> OutboxEntry | None:
    for obj in session.new:
        if (isinstance(obj, OutboxEntry) and obj.record_id == record.id
                and obj.record_type == record.sync_type):
            return obj
    if record in session.new:
        return None  # a record new in this session has no stored entry yet
    with session.no_autoflush:
        return session.scalars(
            select(OutboxEntry).where(OutboxEntry.record_type == record.sync_type,
                                      OutboxEntry.record_id == record.id,
                                      OutboxEntry.state == "pending",
                                      OutboxEntry.attempts == 0)
            .order_by(OutboxEntry.id.desc()).limit(1)
        ).first()


def enqueue(session: Session, record: SyncedRecord) -> OutboxEntry:
    """Record that ``record`` must be pushed, as it is now."""
    entry = _pending_entry(session, record)
    if entry is None:
        entry = OutboxEntry(record_type=record.sync_type, record_id=record.id,
                            base_version=record.version or 0)
        session.add(entry)
    entry.payload = record.to_data()
    entry.deleted = bool(record.deleted)
    return entry


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    if session.info.get("remote"):
        return
    for obj in list(session.new) + list(session.dirty):
        if (isinstance(obj, SyncedRecord) and obj.sync_type not in SERVER_TYPES
                and (obj in session.new or session.is_modified(obj))):
            if obj.id is None:
                from k3desk.store.base import new_id

                obj.id = new_id()
            enqueue(session, obj)


def install(db: Database) -> None:
    """Attach the hook to the database's sessions (idempotent)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
