"""The benchmark runner works and prints every figure of the laptop parts in the line
format of issue 17. Small sizes, one timed run each: nothing here is a timed assertion
(figures come from ``python -m tests.bench``, see docs/development.md)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.support import REPO

UNIT = r"(ms|MB|req/s|changes/s)"
NUMBER = r"-?\d+(\.\d+)?"
LINE = re.compile(rf"^[a-z0-9_]+: {NUMBER} {UNIT} \| baseline: ({NUMBER} {UNIT}|-) \| "
                  rf"ratio: ({NUMBER}|-)$")
LAPTOP_PARTS = ["startup", "table", "editor", "memory", "certificate", "outbox"]
EXPECTED = {"startup", "startup_cpu", "startup_list", "table_first_page", "table_filter",
            "editor_open", "memory", "certificate_render", "outbox_save"}


def test_figure_line_format() -> None:
    from tests.bench.figures import Figure

    assert Figure("startup", 812.4, "ms", 540.0).line() == \
        "startup: 812 ms | baseline: 540 ms | ratio: 1.50"
    assert Figure("editor_open", 92.25, "ms").line() == \
        "editor_open: 92.2 ms | baseline: - | ratio: -"
    assert LINE.match(Figure("memory", 212.0, "MB", 61.5).line())


@pytest.mark.slow
@pytest.mark.bench
def test_runner_prints_every_laptop_figure_in_the_format() -> None:
    env = dict(os.environ, K3DESK_BENCH_ROWS="2000", K3DESK_BENCH_RUNS="1")
    done = subprocess.run([sys.executable, "-m", "tests.bench", "--quick", "--only",
                           *LAPTOP_PARTS], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert lines, done.stderr[-3000:]
    for line in lines:
        assert LINE.match(line), line
    names = {line.split(":", 1)[0] for line in lines}
    assert EXPECTED <= names, (EXPECTED - names, done.stderr[-3000:])
