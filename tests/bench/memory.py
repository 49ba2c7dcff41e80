"""``memory``: resident memory (VmRSS) of the app in a child process with 100,000
inspections (``--quick``: 10,000), logged in, the inspections list open and its first
page on screen; against a bare PySide6 window with an empty ``QTableView`` in a child
process. Median of three runs."""

from __future__ import annotations

from collections.abc import Iterator

from tests.bench.bigdata import big_folder, copy_of, rows_for, runs_for
from tests.bench.figures import Figure
from tests.bench.gui_process import median, probe


def figures(quick: bool) -> Iterator[Figure]:
    folder = copy_of(big_folder(rows_for(quick)), "memory")
    app, bare = [], []
    for _ in range(runs_for(quick, 3, 3)):
        app.append(float(probe("app-list", str(folder))[1]["rss_mb"]))
        bare.append(float(probe("bare-list")[1]["rss_mb"]))
    yield Figure("memory", median(app), "MB", median(bare))
