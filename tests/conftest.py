"""Shared fixtures: every test gets its own data folder; Qt runs offscreen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the developer's real data folder from a test.
os.environ.setdefault("K3DESK_DATA_DIR", "/nonexistent/k3desk-tests-must-pass-data-dir")

REPO = Path(__file__).resolve().parent.parent


def run_cli(*args: str, data_dir: Path | None = None, stdin: str | None = None,
            env: dict[str, str] | None = None, timeout: float = 120
            ) -> subprocess.CompletedProcess[str]:
    """Run ``k3desk`` as a separate process, as a person or a script would."""
    cmd = [sys.executable, "-m", "k3desk", *args]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})}, cwd=REPO)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


_DEMO_CACHE: dict[str, Path] = {}


@pytest.fixture
def demo_dir(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Path]:
    """A copy of a demo data folder (made once per session, like Anki's prepared file)."""
    if "demo" not in _DEMO_CACHE:
        from k3desk.services.demo_service import create_demo

        base = tmp_path_factory.mktemp("demo-base") / "data"
        create_demo(base)
        _DEMO_CACHE["demo"] = base
    target = tmp_path / "demo"
    shutil.copytree(_DEMO_CACHE["demo"], target)
    yield target
