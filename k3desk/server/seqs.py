"""Writers' locks and seqs: who waits for whom, and how seqs are given out (docs/server.md).

Seq visibility (SYNC_PROTOCOL.md principle 5) is kept per *view*: a Balai user sees its
Balai's records and the global templates, so only writers of one view need one order.

- PostgreSQL: a Balai's writer takes a shared advisory lock on the whole server and an
  exclusive one on its Balai; a writer of global or several Balai's records (an admin,
  a template, a restore) takes the server lock exclusively. Seqs come from the sequence
  ``record_seq`` (no lock; never rolled back, so a crash leaves gaps) and are taken only
  while the lock is held. Writers of different Balai never wait for each other.
- SQLite has one writer at a time anyway: every write transaction begins with ``BEGIN
  IMMEDIATE`` and counts seqs in the ``seq`` row of ``counters``, written once before
  commit (``save_seq``, hooked in ``db.session_factory``).

Locks are held until commit, so within one view seqs are given out and become visible
in one order; ``pull_snapshot`` reads a view in one snapshot.
"""

from __future__ import annotations

import zlib

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from k3desk.server.db import begin_write
from k3desk.server.models import Counter

#: Advisory lock keys (the two-int4 key space; login throttling uses the bigint one).
SERVER_LOCK = (0x6B33, 0)
BALAI_LOCK_CLASS = 0x6B34
#: After a restore, seqs jump by this much, so cursors from the lost timeline stand out.
RESTORE_GAP = 1_000_000


def is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def balai_lock_key(balai_id: str) -> int:
    """A 32-bit key for a Balai's lock (a collision only makes two Balai share one)."""
    return zlib.crc32(balai_id.encode("utf-8")) - 2**31


def lock_writer(session: Session, balai_id: str | None) -> None:
    """Begin ``session``'s transaction as a writer of ``balai_id``'s records (None: of
    global records or of any Balai); the lock is held to commit. Call first."""
    begin_write(session)
    if not is_postgres(session):
        session.execute(update(Counter).where(Counter.name == "seq").values(value=Counter.value))
        value = session.scalar(select(Counter.value).where(Counter.name == "seq"))
        if value is None:
            raise RuntimeError("the seq counter is missing: is the schema migrated?")
        session.info["seq"] = session.info["seq_saved"] = int(value)
        return
    cls, key = SERVER_LOCK
    if balai_id is None:
        session.execute(text("SELECT pg_advisory_xact_lock(:c, :k)"), {"c": cls, "k": key})
    else:  # always the server lock first, so no two writers can wait in a cycle
        session.execute(text("SELECT pg_advisory_xact_lock_shared(:c, :k)"),
                        {"c": cls, "k": key})
        session.execute(text("SELECT pg_advisory_xact_lock(:c, :k)"),
                        {"c": BALAI_LOCK_CLASS, "k": balai_lock_key(balai_id)})
    session.info["seq"] = session.info["seq_saved"] = -1  # seqs come from record_seq


def lock_seq(session: Session) -> int:
    """Take the whole server's writers' lock; return the last seq given out."""
    lock_writer(session, None)
    return last_seq(session)


def take_seqs(session: Session, count: int) -> list[int]:
    """``count`` new seqs in increasing order; only while holding ``lock_writer``."""
    if "seq" not in session.info:
        raise RuntimeError("seqs taken without lock_writer")
    if count <= 0:
        return []
    if is_postgres(session):
        values = session.scalars(text("SELECT nextval('record_seq') FROM "
                                      "generate_series(1, :n)"), {"n": count})
        return sorted(int(v) for v in values)
    first = int(session.info["seq"]) + 1
    session.info["seq"] = first + count - 1
    return list(range(first, first + count))


def next_seq(session: Session) -> int:
    return take_seqs(session, 1)[0]


def save_seq(session: Session) -> None:
    """Write the last seq handed out to the counter row (SQLite, before the commit)."""
    seq, saved = session.info.get("seq"), session.info.get("seq_saved")
    if seq is not None and seq != saved:
        session.execute(update(Counter).where(Counter.name == "seq").values(value=seq))
        session.info["seq_saved"] = seq


def forget_seq(session: Session) -> None:
    session.info.pop("seq", None)
    session.info.pop("seq_saved", None)


def last_seq(session: Session) -> int:
    """The last seq given out (some of them may still be in flight on PostgreSQL)."""
    if is_postgres(session):
        return int(session.scalar(text(
            "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END "
            "FROM record_seq")) or 0)
    if session.info.get("seq", -1) >= 0:
        return int(session.info["seq"])
    return int(session.scalar(select(Counter.value).where(Counter.name == "seq")) or 0)


def set_last_seq(session: Session, value: int) -> None:
    """Make ``value`` the last seq given out (a restore); under the server lock."""
    if is_postgres(session):
        session.execute(text("SELECT setval('record_seq', :v, :called)"),
                        {"v": max(value, 1), "called": value >= 1})
        return
    session.execute(update(Counter).where(Counter.name == "seq").values(value=value))
    if "seq" in session.info:
        session.info["seq"] = session.info["seq_saved"] = value


def quiet_horizon(session: Session) -> int:
    """A seq up to which every write has ended (committed or not): with the server lock
    held exclusively no writer is between taking a seq and committing. It is taken and
    let go at once (PostgreSQL; on SQLite the last seq, as writers are serial)."""
    if not is_postgres(session):
        return last_seq(session)
    with session.begin():
        cls, key = SERVER_LOCK
        session.execute(text("SELECT pg_advisory_xact_lock(:c, :k)"), {"c": cls, "k": key})
        return last_seq(session)


def pull_snapshot(session: Session) -> None:
    """Read the rest of this transaction in one snapshot (PostgreSQL REPEATABLE READ;
    SQLite's read transaction already is one). Call before the first statement."""
    if is_postgres(session):
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def cursor_is_stale(session: Session, since: int) -> bool:
    """True when no pull can continue from ``since`` (protocol: ``cursor_reset``).

    That is a cursor above every seq given out, or one inside a gap left by
    ``mark_restored``: it was given out in a timeline the restore lost.
    """
    if since > last_seq(session):
        return True
    values = {name: value for name, value in session.execute(
        select(Counter.name, Counter.value).where(
            Counter.name.in_(("restored_from", "restored_to"))))}
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
        set_last_seq(session, high)
        return current, high
