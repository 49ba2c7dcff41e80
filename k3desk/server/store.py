"""Reading and writing synced records: the seq lock, envelopes, visibility, unique keys.

Seq visibility (SYNC_PROTOCOL.md principle 5): every write transaction first takes
the single ``seq`` counter row (``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the
first statement is an UPDATE of that row, which takes the database's write lock).
The lock is held until commit, so seqs are assigned and committed in one order and a
pull can never see seq n+1 before seq n. Writers are serialised; readers are not.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from k3desk.server.db import begin_write
from k3desk.server.models import Counter, Record, UniqueKey
from k3desk.sync.protocol import Envelope, utc_text


def utcnow() -> datetime:
    """Naive UTC, as every time column holds."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_id() -> str:
    return str(uuid.uuid4())


def lock_seq(session: Session) -> int:
    """Take the writers' lock (held to commit) and return the last seq given out.

    Seqs handed out by ``next_seq`` are counted in ``session.info`` and written to the
    counter row once, just before commit (``save_seq``, hooked in ``session_factory``).
    """
    begin_write(session)
    if session.get_bind().dialect.name == "sqlite":
        session.execute(update(Counter).where(Counter.name == "seq")
                        .values(value=Counter.value))
        value = session.scalar(select(Counter.value).where(Counter.name == "seq"))
    else:
        value = session.scalar(select(Counter.value).where(Counter.name == "seq")
                               .with_for_update())
    if value is None:
        raise RuntimeError("the seq counter is missing: is the schema migrated?")
    session.info["seq"] = session.info["seq_saved"] = int(value)
    return int(value)


def next_seq(session: Session) -> int:
    """The next seq; only call while holding the lock from ``lock_seq``."""
    if "seq" not in session.info:
        raise RuntimeError("next_seq without lock_seq")
    session.info["seq"] += 1
    return int(session.info["seq"])


def save_seq(session: Session) -> None:
    """Write the last seq handed out to the counter row (before the commit)."""
    seq, saved = session.info.get("seq"), session.info.get("seq_saved")
    if seq is not None and seq != saved:
        session.execute(update(Counter).where(Counter.name == "seq").values(value=seq))
        session.info["seq_saved"] = seq


def forget_seq(session: Session) -> None:
    session.info.pop("seq", None)
    session.info.pop("seq_saved", None)


#: After a restore, seqs jump by this much, so cursors from the lost timeline stand out.
RESTORE_GAP = 1_000_000


def cursor_is_stale(session: Session, since: int) -> bool:
    """True when no pull can continue from ``since`` (protocol: ``cursor_reset``).

    That is a cursor above every seq given out, or one inside a gap left by
    ``mark_restored``: it was given out in a timeline the restore lost.
    """
    values = {name: value for name, value in session.execute(
        select(Counter.name, Counter.value).where(
            Counter.name.in_(("seq", "restored_from", "restored_to"))))}
    if since > int(values.get("seq", 0)):
        return True
    low, high = values.get("restored_from"), values.get("restored_to")
    return low is not None and high is not None and int(low) < since <= int(high)


def mark_restored(session: Session) -> tuple[int, int]:
    """After restoring a backup: jump the seq past a gap; cursors inside it get reset.

    Clients may hold cursors up to the last seq before the crash, higher than the
    restored database knows; once new writes reuse those numbers, such a client would
    silently skip them. Jumping by ``RESTORE_GAP`` keeps new seqs above any old cursor.
    """
    with session.begin():
        current = lock_seq(session)
        high = current + RESTORE_GAP
        for name, value in (("restored_from", current), ("restored_to", high)):
            counter = session.get(Counter, name)
            if counter is None:
                session.add(Counter(name=name, value=value))
            else:
                counter.value = value
        session.info["seq"] = high
        return current, high


def bump_counter(session: Session, name: str, by: int) -> int:
    """Add ``by`` to counter ``name`` (created at 0) and return its new value. Lock first."""
    counter = session.get(Counter, name)
    if counter is None:
        counter = Counter(name=name, value=0)
        session.add(counter)
    counter.value = int(counter.value) + by
    session.flush()
    return int(counter.value)


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
    held = session.get(UniqueKey, (namespace, key))
    return held.record_id if held else None


def committed_seq(session: Session) -> int:
    """The last seq given out; every record up to it is committed (read it first)."""
    return int(session.scalar(select(Counter.value).where(Counter.name == "seq")) or 0)


def visible_after(session: Session, balai_id: str | None, is_admin: bool, since: int,
                  count: int, upto: int) -> list[Record]:
    """Up to ``count`` records visible to a user with ``since < seq <= upto``, by seq.

    For a Balai user this is two index range scans, the Balai's records on
    ``(balai_id, seq)`` and the global templates, merged here: one query with an OR
    would walk the whole seq index past every other Balai's records. ``upto`` (from
    ``committed_seq`` before) keeps the two scans consistent on PostgreSQL's READ
    COMMITTED: a write committed between them cannot put a later seq into the page
    ahead of earlier ones the first scan did not see.
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
