"""A long session does not abort: PySide6 6.12.0 returns True/False/None from many
bindings without a reference (k3desk/ui/__init__.py keeps them alive on Python 3.11)."""

from __future__ import annotations

import subprocess
import sys

from tests.support import REPO

SCRIPT = """
import k3desk.ui
from PySide6.QtCore import QObject, QTimer, Signal
class R(QObject):
    done = Signal(int)
r = R()
r.done.connect(lambda n: None)
t = QTimer()
for i in range(50000):
    r.done.emit(i)
    t.isActive()
print("ok")
"""


def test_fifty_thousand_signals_do_not_abort() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "ok"
