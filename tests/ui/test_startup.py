"""Starting the window imports only what the first screen needs (issue 17): ReportLab,
httpx, Alembic, the server's code and every other command's code wait until they are
used; the pages behind the login are built once the window has been painted. Run as a
real ``k3desk gui`` start in its own process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import REPO

SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
LATE = ("reportlab", "httpx", "alembic", "fastapi", "uvicorn", "k3desk.server",
        "k3desk.reports.certificate", "k3desk.commands.verify",
        "k3desk.commands.template_authoring")

def shown(tries=[0]):
    window = next((w for w in app.topLevelWidgets() if w.objectName() == "main_window"),
                  None)
    tries[0] += 1
    if window is None or ("editor" not in window.pages and tries[0] < 100):
        QTimer.singleShot(100, shown)  # the pages behind the login come after the paint
        return
    print("visible", window.isVisible())
    print("editor", "editor" in window.pages, "certificates" in window.pages)
    print("loaded", sorted(m for m in LATE if m in sys.modules))
    app.quit()

QTimer.singleShot(0, shown)
from k3desk.cli import main
print("exit", main(["--data-dir", sys.argv[1], "gui"]))
"""


@pytest.mark.slow
def test_window_start_leaves_reportlab_httpx_alembic_and_server_for_later(
        demo_dir: Path) -> None:
    env = dict(os.environ, K3DESK_KEYRING="0")
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(demo_dir)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "visible True" in done.stdout, done.stdout + done.stderr[-2000:]
    assert "editor True True" in done.stdout, done.stdout  # built after the first paint
    assert "loaded []" in done.stdout, done.stdout
    assert "exit 0" in done.stdout, done.stdout


def test_only_the_window_skips_the_other_commands() -> None:
    from k3desk.cli import _starts_window

    assert _starts_window([]) and _starts_window(["gui"])
    assert _starts_window(["--data-dir", "/tmp/x", "--lang", "en", "gui", "--with-demo"])
    assert not _starts_window(["verify", "x"]) and not _starts_window(["--help"])
    assert not _starts_window(["--data-dir", "gui", "list"])  # a folder named gui
