"""``startup``: process start to the first paint of the main window on a data folder of
100,000 inspections (``--quick``: 10,000), against a bare PySide6 window with an empty
``QTableView`` started the same way; ``startup_list``: to the first page of the
inspections list on screen (logged in), against the same bare window. Each is a child
process (``tests/bench/probe.py``), started alternately; one warm-up of each, then the
median of several runs. ``startup_cpu``: the CPU time the child process used to its
first paint (user + system), less sensitive than wall time to a busy machine.
Compiled modules (``.pyc``) are used as an installed k3desk has them."""

from __future__ import annotations

from collections.abc import Iterator

from tests.bench.bigdata import big_folder, copy_of, rows_for, runs_for
from tests.bench.figures import Figure
from tests.bench.gui_process import median, probe


def figures(quick: bool) -> Iterator[Figure]:
    folder = copy_of(big_folder(rows_for(quick)), "startup")
    runs = runs_for(quick, 7, 3)
    app, bare, listed, app_cpu, bare_cpu = [], [], [], [], []
    for n in range(runs + 1):
        t0, b = probe("bare")
        t1, a = probe("app", str(folder))
        t2, ls = probe("app-list", str(folder))
        if n:  # the first of each warms the file cache, compiles (and the day's backup)
            bare.append((float(b["painted"]) - t0) * 1000)
            app.append((float(a["painted"]) - t1) * 1000)
            listed.append((float(ls["listed"]) - t2) * 1000)
            bare_cpu.append(float(b["cpu_ms"]))
            app_cpu.append(float(a["cpu_ms"]))
    yield Figure("startup", median(app), "ms", median(bare))
    yield Figure("startup_cpu", median(app_cpu), "ms", median(bare_cpu))
    yield Figure("startup_list", median(listed), "ms", median(bare))
