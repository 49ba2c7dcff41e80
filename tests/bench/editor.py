"""The inspection editor, in this process (offscreen Qt), on a copy of the demo folder:

- ``editor_open``: from ``open_inspection`` to the form filled, on the largest template
  (the most inputs with its full example values) with a full inspection;
- ``editor_open_cpu``: the UI thread's CPU time to build and fill that form;
- ``evaluate``: ``k3desk.domain.evaluation.evaluate`` on it (CPU);
- ``autosave``: first keystroke to stored, ten edits.
None has a baseline.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any

from k3desk.domain.evaluation import evaluate, example_values
from k3desk.domain.templates import default_registry
from tests.bench.bigdata import copy_of, demo_folder, runs_for
from tests.bench.figures import Figure


def largest() -> str:
    """The object type whose full example values make the most inputs."""
    def size(t: Any) -> int:
        values = example_values(t)
        return sum(len(v) * len(t.fields[k].fields) if isinstance(v, list)
                   and t.fields[k].field_type == "group" else 1 for k, v in values.items())
    return str(max(default_registry().latest(), key=size).object_type)


def wait_until(app: Any, done: Callable[[], bool], timeout: float = 20.0) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the editor did not answer in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)


def figures(quick: bool) -> Iterator[Figure]:
    from PySide6.QtWidgets import QApplication, QLineEdit

    from k3desk.services import auth_service
    from k3desk.ui.app import build_main_window
    from tests.ui.editor_support import new_draft

    app = QApplication.instance() or QApplication([])
    object_type = largest()
    template = default_registry().latest_for_object_type(object_type)
    values = example_values(template)
    cpu = []
    for _ in range(30):
        started = time.thread_time()
        evaluate(template, values)
        cpu.append((time.thread_time() - started) * 1000)
    window = build_main_window(copy_of(demo_folder(), "editor"))
    try:
        window.session.set_actor(auth_service.login_offline(
            window.session.db, "inspektur", "demo-inspektur"))
        window.resize(1366, 768)
        window.show()
        iid = new_draft(window.session.db, object_type, full=True)
        page: Any = window.pages["editor"]
        window.show_page("editor")
        total, build = [], []
        for n in range(runs_for(quick, 7, 3) + 1):
            started = time.perf_counter()
            page.open_inspection(iid)
            page.data = None
            wait_until(app, lambda: page.data is not None)
            app.processEvents()
            if n:  # the first builds the widget classes' caches
                total.append((time.perf_counter() - started) * 1000)
                build.append(page.last_open_cpu_ms)
        yield Figure("editor_open", statistics.median(total), "ms")
        yield Figure("editor_open_cpu", statistics.median(build), "ms")
        yield Figure("evaluate", statistics.median(cpu), "ms")
        edit = next(e for e in page.findChildren(QLineEdit)
                    if e.objectName().startswith("field:") and not e.isReadOnly()
                    and e.text().strip().isdigit())
        for digit in "1234567890":
            edit.setText(digit)
            wait_until(app, lambda: not page.autosaver.pending)
        yield Figure("autosave", statistics.median(page.autosaver.latencies_ms), "ms")
    finally:
        page.about_to_close()
        window.session.close()
        window.session.db.dispose()
        window.close()
        window.deleteLater()
        app.processEvents()
