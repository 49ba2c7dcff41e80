"""The inspections list over 100,000 inspections (``--quick``: 10,000), through the
service the window uses (``inspection_list_service``: the ids of every match in the
list's order, then the cells of the first page), against the same SQL statements
replayed with raw sqlite3 (captured from the engine as the service ran them).

- ``table_first_page``: the list as it opens (no filter, newest first).
- ``table_filter``: a free-text search (part of a company's name).
- ``table_filter_serial``, ``table_filter_certificate``: a serial number, a certificate
  number (both rare: a handful of matches).
- ``table_sort_company``: the list sorted by company.
- ``table_last_page``: the cells of the last page (a scroll to the end).

``table_first_page_cpu`` and ``table_filter_cpu`` are the same runs in CPU time of this
thread: on a machine shared with other jobs, what the wall time would be on a quiet one.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import event, select

from k3desk.services import inspection_list_service as ils
from k3desk.services.inspection_list_service import ListQuery
from k3desk.store.db import open_database
from k3desk.store.models import Certificate, Equipment, User
from k3desk.ui.models.inspection_table_model import PAGE_SIZE
from tests.bench.bigdata import big_folder, rows_for, runs_for
from tests.bench.figures import Figure

CPU_TOO = ("table_first_page", "table_filter")


def _ms(fn: Callable[[], Any]) -> tuple[float, float]:
    """Wall and this thread's CPU milliseconds of ``fn()`` (SQLite works in the calling
    thread, so its CPU time counts; time other processes take does not)."""
    started, cpu = time.perf_counter(), time.thread_time()
    fn()
    return (time.perf_counter() - started) * 1000, (time.thread_time() - cpu) * 1000


def figures(quick: bool) -> Iterator[Figure]:
    folder = big_folder(rows_for(quick))
    db = open_database(folder)
    raw = sqlite3.connect(folder / "k3desk.db")
    captured: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any,
                _context: Any, _many: bool) -> None:
        captured.append((statement, parameters))

    try:
        with db.session() as s:
            balai = s.scalars(select(User.balai_id).where(User.username == "inspektur")).one()
            serial = s.scalars(select(Equipment.serial_number)).first() or "x"
            number = s.scalars(select(Certificate.number).order_by(
                Certificate.number.desc())).first() or "x"

        def first_page(q: ListQuery) -> Callable[[], Any]:
            return lambda: ils.rows_by_id(db, ils.inspection_ids(db, balai, q)[:PAGE_SIZE])

        def last_page() -> Any:
            return ils.rows_by_id(db, ils.inspection_ids(db, balai, ListQuery())[-PAGE_SIZE:])

        cases: list[tuple[str, Callable[[], Any]]] = [
            ("table_first_page", first_page(ListQuery())),
            ("table_filter", first_page(ListQuery(text="Sinar"))),
            ("table_filter_serial", first_page(ListQuery(text=serial))),
            ("table_filter_certificate", first_page(ListQuery(text=number[-9:]))),
            ("table_sort_company", first_page(ListQuery(sort="company_name",
                                                        descending=False))),
            ("table_last_page", last_page)]
        runs = runs_for(quick, 9, 5)
        for name, work in cases:
            captured.clear()
            event.listen(db.engine, "before_cursor_execute", capture)
            work()  # warm-up, and the statements it runs
            event.remove(db.engine, "before_cursor_execute", capture)
            statements = [(sql, params) for sql, params in captured
                          if sql.lstrip().upper().startswith(("SELECT", "WITH"))]

            def replay(statements: list[tuple[str, Any]] = statements) -> None:
                for sql, params in statements:
                    raw.execute(sql, params).fetchall()

            service, baseline = [], []
            for _ in range(runs):  # alternately, so a busy moment hits both
                service.append(_ms(work))
                baseline.append(_ms(replay))
            yield Figure(name, statistics.median(w for w, _ in service), "ms",
                         statistics.median(w for w, _ in baseline))
            if name in CPU_TOO:
                yield Figure(f"{name}_cpu", statistics.median(c for _, c in service), "ms",
                             statistics.median(c for _, c in baseline))
    finally:
        raw.close()
        db.dispose()
