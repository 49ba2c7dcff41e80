"""The writers' lock that makes seqs visible in order (store.lock_seq), on both engines."""

from __future__ import annotations

import threading
import time

from sqlalchemy import select

from k3desk.server.db import make_engine, migrate, session_factory
from k3desk.server.models import Record
from k3desk.server.store import lock_seq, new_id, write_record


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
