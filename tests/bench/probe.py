"""A child process of the laptop benchmarks: ``python tests/bench/probe.py MODE [FOLDER]``.

Modes (each prints ``key=value`` lines on standard output, then exits at once):

- ``app FOLDER``: ``k3desk --data-dir FOLDER gui`` as a person starts it; prints
  ``painted=<time.monotonic()>`` when the main window's first paint is done.
- ``bare``: a bare PySide6 window holding an empty ``QTableView``; the same line.
- ``app-list FOLDER``: the window on FOLDER, the inspector logged in (without the
  password hash, as the tests do), the inspections list shown; when its first page of
  rows is on screen it prints ``rss_mb=`` (resident memory, from /proc) and ``listed=``.
- ``bare-list``: the bare window with an empty table, shown; ``rss_mb=``.

The parent takes ``time.monotonic()`` just before starting the process (the clock is
system-wide), so a figure is from process start to the first paint.
"""

from __future__ import annotations

import cProfile
import os
import sys
import time
from pathlib import Path


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def report(**values: object) -> None:
    for key, value in values.items():
        print(f"{key}={value}", flush=True)
    if _PROFILE:  # K3DESK_PROBE_PROFILE=file: a cProfile of the run, for pstats
        _PROFILE[0].disable()
        _PROFILE[0].dump_stats(os.environ["K3DESK_PROBE_PROFILE"])
    os._exit(0)


_PROFILE: list[cProfile.Profile] = []


def watch_first_paint(app: object, window_name: str | None) -> None:
    """Report once the first paint of a top-level window has been delivered."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Probe(QObject):
        seen = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if not self.seen and event.type() == QEvent.Type.Paint:
                top = obj.window() if hasattr(obj, "window") else None
                if top is not None and (window_name is None
                                        or top.objectName() == window_name):
                    self.seen = True
                    QTimer.singleShot(0, lambda: report(painted=time.monotonic()))
            return False

    probe = Probe()
    app.installEventFilter(probe)  # type: ignore[attr-defined]
    globals()["_probe"] = probe


def bare(list_mode: bool) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setObjectName("bare")
    window.setCentralWidget(QTableView())
    window.resize(1366, 768)
    if list_mode:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(200, lambda: report(rss_mb=f"{rss_mb():.1f}"))
    else:
        watch_first_paint(app, None)
    window.show()
    app.exec()


def app(folder: str) -> None:
    from PySide6.QtWidgets import QApplication

    qapp = QApplication(sys.argv[:1])
    watch_first_paint(qapp, "main_window")
    from k3desk.cli import main

    main(["--data-dir", folder, "gui"])


def app_list(folder: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from k3desk.services import auth_service
    from k3desk.ui.app import build_main_window

    qapp = QApplication(sys.argv[:1])
    window = build_main_window(Path(folder))
    actor = auth_service.current_actor(window.session.db)
    if actor is None:  # nobody logged in on this folder: the demo inspector
        from sqlalchemy import select

        from k3desk.services.context import Actor
        from k3desk.store.models import User

        with window.session.db.session() as s:
            actor = Actor.of(s.scalars(select(User).where(User.username == "inspektur")).one())
    window.session.set_actor(actor)
    window.resize(1366, 768)
    window.show()
    window.show_page("inspections")
    page = window.pages["inspections"]

    def check() -> None:
        model = page.model  # type: ignore[attr-defined]
        if page.settled and model.rowCount() and model.cached_rows():  # type: ignore
            qapp.processEvents()
            report(rss_mb=f"{rss_mb():.1f}", rows=model.rowCount(), listed=time.monotonic())
        QTimer.singleShot(20, check)

    QTimer.singleShot(20, check)
    qapp.exec()


if __name__ == "__main__":
    mode = sys.argv[1]
    if os.environ.get("K3DESK_PROBE_PROFILE"):
        _PROFILE.append(cProfile.Profile())
        _PROFILE[0].enable()
    if mode in ("bare", "bare-list"):
        bare(mode == "bare-list")
    elif mode == "app":
        app(sys.argv[2])
    elif mode == "app-list":
        app_list(sys.argv[2])
    else:
        raise SystemExit(f"unknown mode {mode}")
