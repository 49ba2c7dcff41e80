"""The import contracts of pyproject.toml: Qt only in k3desk/ui, FastAPI only in server,
the layers' direction, the server beside them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.support import REPO


def test_import_contracts_hold() -> None:
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    proc = subprocess.run([exe], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Qt only in the ui package KEPT" in proc.stdout
    assert "FastAPI only in the server package KEPT" in proc.stdout
    assert "Layers: cli > commands > ui > services > sync | reports > store > domain KEPT" \
        in proc.stdout
    assert "Nothing below the commands imports the server KEPT" in proc.stdout
    assert "Commands use services, not the store KEPT" in proc.stdout


def test_core_imports_without_qt_or_fastapi() -> None:
    """Importing every non-ui, non-server module loads neither PySide6 nor FastAPI."""
    code = (
        "import importlib, pkgutil, sys, k3desk\n"
        "for m in pkgutil.walk_packages(k3desk.__path__, 'k3desk.'):\n"
        "    skip = ('k3desk.ui', 'k3desk.server', 'k3desk.commands', 'k3desk.__main__')\n"
        "    if m.name.startswith(skip):\n"
        "        continue\n"
        "    if '.migrations' in m.name:\n"
        "        continue\n"
        "    importlib.import_module(m.name)\n"
        "bad = [n for n in sys.modules if n.split('.')[0] in ('PySide6', 'fastapi', 'starlette')]\n"
        "print(bad)\n"
        "assert not bad, bad\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
