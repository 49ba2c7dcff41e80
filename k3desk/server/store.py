"""Reading and writing synced records: envelopes, visibility, unique keys, pull pages.

Write transactions begin with ``seqs.lock_writer`` (which writers wait for whom, and how
seqs are given out, is explained there and in docs/server.md). A push's batch
(``batch.py``) keeps the records and keys it wrote in ``session.info``; ``get_record``
and ``key_holder`` read through it.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from k3desk.server.models import Counter, Record, UniqueKey
from k3desk.server.seqs import RESTORE_GAP as RESTORE_GAP  # re-exported
from k3desk.server.seqs import cursor_is_stale, last_seq, next_seq, pull_snapshot, quiet_horizon
from k3desk.server.seqs import lock_seq as lock_seq
from k3desk.server.seqs import lock_writer as lock_writer
from k3desk.server.seqs import mark_restored as mark_restored
from k3desk.sync.protocol import Envelope, utc_text


def utcnow() -> datetime:
    """Naive UTC, as every time column holds."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_id() -> str:
    return str(uuid.uuid4())


def bump_counter(session: Session, name: str, by: int) -> int:
    """Add ``by`` to counter ``name`` (created at 0) and return its new value.

    The row is locked (or created under a savepoint) so that two writers that do not
    share a writers' lock (two Balai with one number prefix) never hand out one value.
    """
    for _attempt in range(3):
        value = session.scalar(select(Counter.value).where(Counter.name == name)
                               .with_for_update())
        if value is not None:
            session.execute(update(Counter).where(Counter.name == name)
                            .values(value=Counter.value + by))
            return int(value) + by
        try:
            with session.begin_nested():
                session.add(Counter(name=name, value=by))
        except IntegrityError:  # created meanwhile by another writer: lock it and add
            continue
        return by
    raise RuntimeError(f"counter {name} could not be bumped")


def envelope(record: Record) -> Envelope:
    return Envelope(type=record.type, id=record.id, version=record.version, seq=record.seq,
                    deleted=record.deleted, modified_at=utc_text(record.modified_at),
                    modified_by=record.modified_by, data=dict(record.data))


_UNKNOWN: Any = object()


def write_record(session: Session, *, type_: str, id_: str, data: dict[str, Any],
                 balai_id: str | None, by: str | None, deleted: bool = False,
                 now: datetime | None = None, existing: Record | None = _UNKNOWN) -> Record:
    """Insert or replace a record with the next seq and version. Call under ``lock_seq``.

    ``existing`` is the record as the caller already loaded it (None: known to be new).
    """
    seq = next_seq(session)
    record = session.get(Record, id_) if existing is _UNKNOWN else existing
    moment = now or utcnow()
    if record is None:
        record = Record(id=id_, type=type_, balai_id=balai_id, version=1, seq=seq,
                        deleted=deleted, modified_at=moment, modified_by=by, data=data)
        session.add(record)
    else:
        record.version = record.version + 1
        record.seq = seq
        record.deleted = deleted
        record.balai_id = balai_id
        record.modified_at = moment
        record.modified_by = by
        record.data = data
    session.flush()
    return record


def claim_key(session: Session, namespace: str, key: str, record_id: str) -> bool:
    """Claim a unique value for ``record_id``; False when another record holds it.

    The primary key decides (a savepoint absorbs the violation), so two racing
    writers can never both win.
    """
    held = session.get(UniqueKey, (namespace, key))
    if held is not None:
        return held.record_id == record_id
    try:
        with session.begin_nested():
            session.add(UniqueKey(namespace=namespace, key=key, record_id=record_id))
    except IntegrityError:
        return False
    return True


def key_holder(session: Session, namespace: str, key: str) -> str | None:
    batch = session.info.get("batch")
    if batch is not None and (namespace, key) in batch.keys:
        return str(batch.keys[namespace, key])
    held = session.get(UniqueKey, (namespace, key))
    return held.record_id if held else None


def get_record(session: Session, record_id: str) -> Record | None:
    """The record of ``record_id`` as this transaction has it (a push's batch first)."""
    batch = session.info.get("batch")
    if batch is not None and record_id in batch.records:
        found: Record | None = batch.records[record_id]
        return found
    return session.get(Record, record_id)


def settle(session: Session) -> None:
    """Write what the current push batch holds, so that a query sees it (no-op outside
    a batch). Call before any query that finds records by anything but their id."""
    batch = session.info.get("batch")
    if batch is not None:
        batch.settle(session)


def pull_page(session: Session, balai_id: str | None, is_admin: bool, since: int,
              count: int) -> list[Record] | None:
    """Up to ``count`` records visible to the user with seq above ``since``, by seq, or
    None when the cursor is stale. Call on a fresh session (it chooses the snapshot).

    A Balai user's view is read in one snapshot: its writers are ordered by the Balai's
    and the server's locks, so a snapshot holds a prefix of the view in seq order. An
    admin sees every Balai, whose writers run side by side: the page stops at
    ``quiet_horizon``, below which every write has ended.
    """
    if is_admin:
        upto = quiet_horizon(session)
    else:
        pull_snapshot(session)
        upto = None
    if cursor_is_stale(session, since):
        return None
    return visible_after(session, balai_id, is_admin, since, count,
                         last_seq(session) if upto is None else upto)


def visible_after(session: Session, balai_id: str | None, is_admin: bool, since: int,
                  count: int, upto: int) -> list[Record]:
    """Up to ``count`` records visible to a user with ``since < seq <= upto``, by seq.

    For a Balai user this is two index range scans, the Balai's records on
    ``(balai_id, seq)`` and the global templates, merged here: one query with an OR
    would walk the whole seq index past every other Balai's records. The two scans
    must read one snapshot (``pull_page``), else a write committed between them could
    put a later template into the page ahead of an earlier record of the Balai.
    """
    window = (Record.seq > since, Record.seq <= upto)
    if is_admin:
        return list(session.scalars(select(Record).where(*window)
                                    .order_by(Record.seq).limit(count)))
    own = session.scalars(select(Record).where(Record.balai_id == balai_id, *window)
                          .order_by(Record.seq).limit(count))
    shared = session.scalars(select(Record).where(Record.balai_id.is_(None),
                                                  Record.type == "template", *window)
                             .order_by(Record.seq).limit(count))
    return sorted([*own, *shared], key=lambda r: r.seq)[:count]
