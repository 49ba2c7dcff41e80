"""The built bundle (``K3DESK_BUNDLE=dist/k3desk``) runs by itself: version, demo,
sample render, backup and restore, and carries no server package."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BUNDLE = os.environ.get("K3DESK_BUNDLE")
pytestmark = pytest.mark.skipif(not BUNDLE, reason="K3DESK_BUNDLE not set (no built bundle)")


def exe() -> Path:
    assert BUNDLE
    name = "k3desk.exe" if sys.platform == "win32" else "k3desk"
    return Path(BUNDLE) / name


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)  # the bundle must not lean on the checkout
    return subprocess.run([str(exe()), *args], capture_output=True, text=True, timeout=300,
                          env=env)


def test_no_server_packages_inside():
    assert BUNDLE
    names = [p.name.lower() for p in Path(BUNDLE).rglob("*")]
    for banned in ("fastapi", "uvicorn", "psycopg", "starlette"):
        assert not [n for n in names if banned in n], banned


def test_version_demo_render_backup(tmp_path):
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("k3desk ")
    data = tmp_path / "D"
    demo = run("demo", "--data-dir", str(data))
    assert demo.returncode == 0, demo.stderr
    assert (data / "k3desk.db").is_file()
    if run("render", "--help").returncode == 0:
        render = run("render", "--sample", "-o", str(tmp_path / "x.pdf"), "--data-dir", str(data))
        assert render.returncode == 0, render.stderr
        assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF-")
    backup = run("backup", "-o", str(tmp_path / "b.zip"), "--data-dir", str(data))
    assert backup.returncode == 0, backup.stderr
    restore = run("restore", str(tmp_path / "b.zip"), "--data-dir", str(data))
    assert restore.returncode == 0, restore.stderr
    garbage = tmp_path / "g.zip"
    garbage.write_bytes(b"junk")
    refused = run("restore", str(garbage), "--data-dir", str(data))
    assert refused.returncode == 2 and "bukan berkas cadangan k3desk" in refused.stderr
    assert "Traceback" not in refused.stderr
