"""Benchmark: opening the editor on the largest template with a full inspection,
``evaluate()`` on it, and autosave latency (first keystroke to stored). Prints figures;
never fails for slowness. Run: ``.venv/bin/pytest -s -m bench tests/bench/bench_editor.py``.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from k3desk.domain.evaluation import evaluate, example_values
from k3desk.domain.templates import default_registry
from tests.ui.editor_support import close, new_draft, wait_saved, window_for


def largest() -> str:
    """The object type whose full example values make the most inputs."""
    def size(t: object) -> int:
        values = example_values(t)  # type: ignore[arg-type]
        return sum(len(v) * len(t.fields[k].fields) if isinstance(v, list)  # type: ignore
                   and t.fields[k].field_type == "group" else 1 for k, v in values.items())  # type: ignore
    return max(default_registry().latest(), key=size).object_type


@pytest.mark.bench
def test_bench_editor(qtbot: QtBot, demo_dir: Path) -> None:
    object_type = largest()
    template = default_registry().latest_for_object_type(object_type)
    values = example_values(template)
    runs = []
    for _ in range(30):
        started = time.thread_time()
        evaluate(template, values)
        runs.append((time.thread_time() - started) * 1000)
    window = window_for(qtbot, demo_dir)
    iid = new_draft(window.session.db, object_type, full=True)
    page = window.pages["editor"]
    window.show_page("editor")
    total, build, cpu = [], [], []
    for _ in range(7):
        started = time.perf_counter()
        page.open_inspection(iid)  # type: ignore[attr-defined]
        page.data = None  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: page.data is not None, timeout=10000)  # type: ignore
        total.append((time.perf_counter() - started) * 1000)
        build.append(page.last_open_ms)  # type: ignore[attr-defined]
        cpu.append(page.last_open_cpu_ms)  # type: ignore[attr-defined]
    cells = page.findChildren(QLineEdit)
    edit = next(e for e in cells if e.objectName().startswith("field:")
                and not e.isReadOnly() and e.text().strip().isdigit())
    for digit in "1234567890":
        edit.setText(digit)
        wait_saved(qtbot, page)  # type: ignore[arg-type]
    latency = page.autosaver.latencies_ms  # type: ignore[attr-defined]
    print(f"\neditor, {template.id} ({len(page.form.all_cells())} inputs):"  # type: ignore
          f" open {statistics.median(total):.0f} ms (form {statistics.median(build):.0f} ms, "
          f"UI-thread CPU {statistics.median(cpu):.0f} ms)"
          f"; evaluate() {statistics.median(runs):.1f} ms CPU (max {max(runs):.1f})"
          f"; autosave first edit -> stored {statistics.median(latency):.0f} ms "
          f"(max {max(latency):.0f}, {len(latency)} saves)")
    close(window)
