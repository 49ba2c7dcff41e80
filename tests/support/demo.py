"""The demo data folder, made once per test session and copied for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

_BASE: list[Path] = []


def demo_copy(tmp_path_factory: pytest.TempPathFactory, target: Path) -> Path:
    """A fresh copy of the session's demo folder at ``target`` (the folder is created by
    ``k3desk.services.demo_service.create_demo`` the first time it is asked for)."""
    if not _BASE:
        from k3desk.services.demo_service import create_demo

        base = tmp_path_factory.mktemp("demo-base") / "data"
        create_demo(base)
        _BASE.append(base)
    shutil.copytree(_BASE[0], target)
    return target
