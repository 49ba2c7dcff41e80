"""The writers' lock that makes seqs visible in order (store.lock_seq), on both engines."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from sqlalchemy import select

from k3desk.server.db import make_engine, migrate, session_factory
from k3desk.server.models import Record
from k3desk.server.store import lock_seq, lock_writer, new_id, pull_page, write_record


def test_a_second_writer_waits_for_the_first_to_commit(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    sessions = session_factory(engine)
    locked, done = threading.Event(), threading.Event()
    seqs: dict[str, int] = {}
    waited: list[float] = []

    def first() -> None:
        with sessions() as s, s.begin():
            lock_seq(s)
            seqs["first"] = write_record(s, type_="company", id_=new_id(), data={},
                                         balai_id=None, by=None).seq
            locked.set()
            time.sleep(0.6)
        done.set()

    def second() -> None:
        locked.wait(10)
        start = time.monotonic()
        with sessions() as s, s.begin():
            lock_seq(s)
            waited.append(time.monotonic() - start)
            seqs["second"] = write_record(s, type_="company", id_=new_id(), data={},
                                          balai_id=None, by=None).seq

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    # while the first holds the lock, a reader is not blocked and sees nothing uncommitted
    locked.wait(10)
    with sessions() as s:
        assert s.scalars(select(Record)).all() == []
    for t in threads:
        t.join(20)
    assert waited and waited[0] >= 0.4
    assert seqs["second"] == seqs["first"] + 1
    engine.dispose()


def _writer(sessions: Any, balai_id: str | None, seqs: list[int], started: threading.Event,
            hold: threading.Event | None = None, waited: list[float] | None = None) -> None:
    start = time.monotonic()
    with sessions() as s, s.begin():
        lock_writer(s, balai_id)
        if waited is not None:
            waited.append(time.monotonic() - start)
        seqs.append(write_record(s, type_="company", id_=new_id(), data={"balai_id": balai_id},
                                 balai_id=balai_id, by=None).seq)
        started.set()
        if hold is not None:
            hold.wait(20)


def test_writers_of_different_balai_do_not_wait_for_each_other(db_url: str) -> None:
    """PostgreSQL: a Balai's writers queue on the Balai's lock, a global writer (admin,
    template) on the whole server; SQLite has one writer at a time whatever the Balai."""
    engine = make_engine(db_url)
    migrate(engine)
    sessions = session_factory(engine)
    hold, started = threading.Event(), threading.Event()
    seqs: list[int] = []
    first = threading.Thread(target=_writer, args=(sessions, "balai-a", seqs, started, hold))
    first.start()
    assert started.wait(20)
    waits: dict[str, list[float]] = {"b": [], "a": [], "all": []}
    done = {name: threading.Event() for name in waits}
    others = [threading.Thread(target=_writer, args=(sessions, balai, seqs, done[name], None,
                                                     waits[name]))
              for name, balai in (("b", "balai-b"), ("a", "balai-a"), ("all", None))]
    for t in others:
        t.start()
    postgres = engine.dialect.name == "postgresql"
    # On PostgreSQL balai-b finishes while balai-a still holds its lock (however long a
    # loaded machine takes); on SQLite it cannot.
    assert done["b"].wait(20 if postgres else 0.01) == postgres
    assert not hold.is_set()
    time.sleep(0.3)
    assert not done["a"].is_set() and not done["all"].is_set()  # they wait for balai-a
    hold.set()
    for t in [first, *others]:
        t.join(20)
    assert all(e.is_set() for e in done.values())
    assert waits["a"][0] >= 0.3 and waits["all"][0] >= 0.3
    assert len(set(seqs)) == 4
    engine.dispose()


def test_an_admin_pull_waits_for_writes_in_flight_and_a_balai_pull_does_not(
        db_url: str) -> None:
    """Balai A's write takes seq n and is still in flight when Balai B's write (n+1)
    commits. A's pull and B's pull see only their own view, each in seq order; the
    admin's pull, which sees both, must not show n+1 before n: it waits for A."""
    engine = make_engine(db_url)
    migrate(engine)
    sessions = session_factory(engine)
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time: nothing is in flight beside a commit")
    hold, started = threading.Event(), threading.Event()
    seqs: list[int] = []
    a = threading.Thread(target=_writer, args=(sessions, "balai-a", seqs, started, hold))
    a.start()
    assert started.wait(20)
    _writer(sessions, "balai-b", seqs, threading.Event())
    n, n1 = seqs
    assert n1 > n
    with sessions() as s:  # B's user: its own write, at once
        page = pull_page(s, "balai-b", False, 0, 100)
        assert page is not None and [r.seq for r in page] == [n1]
    with sessions() as s:  # A's user: nothing yet (A has not committed)
        assert pull_page(s, "balai-a", False, 0, 100) == []
    admin_pages: list[list[int]] = []

    def admin_pull() -> None:
        with sessions() as s:
            page = pull_page(s, None, True, 0, 100)
            admin_pages.append([r.seq for r in page or []])

    puller = threading.Thread(target=admin_pull)
    puller.start()
    time.sleep(0.4)
    assert admin_pages == []  # it waits for the write in flight
    hold.set()
    a.join(20)
    puller.join(20)
    assert admin_pages == [[n, n1]]
    engine.dispose()
