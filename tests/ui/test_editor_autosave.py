"""Autosave survives SIGKILL: values typed in a window of another process are in the
database a second later, and the next start says what it recovered and reopens it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from k3desk.services import editor_service
from k3desk.store.db import open_database
from tests.support import REPO
from tests.ui.editor_support import close, new_draft, stored, widget, window_for


@pytest.mark.slow  # SIGKILL of a window's process
def test_autosave_survives_sigkill(qtbot: QtBot, demo_dir: Path) -> None:
    db = open_database(demo_dir)
    iid = new_draft(db, "overhead_crane")
    db.dispose()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.support.editor_driver", str(demo_dir), iid, "tali_kawat",
         "+tali_kawat", "tali_kawat[0].diameter=16", "diameter_drum=480",
         "tali_kawat[0].suhu_kerja=41,5"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "READY", proc.stderr.read() if proc.stderr else line
        time.sleep(1.0)  # the autosave second
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL

    db = open_database(demo_dir)
    values = stored(db, iid).values
    assert values["diameter_drum"] == 480
    [rope] = values["tali_kawat"]  # the row added in the other window, and its values
    assert rope["diameter"] == 16 and rope["suhu_kerja"] == 41.5
    db.dispose()

    window = window_for(qtbot, demo_dir)
    bar = window.recovery_bar  # type: ignore[attr-defined]
    qtbot.waitUntil(bar.isVisible, timeout=10000)
    found = bar.found
    assert found is not None and found.inspection_id == iid and found.section == "tali_kawat"
    assert "dipulihkan" in bar.text.text()
    bar.open_button.click()
    page = window.pages["editor"]
    qtbot.waitUntil(lambda: page.data is not None and page.data.id == iid, timeout=10000)
    assert widget(page, "field:diameter_drum").text() == "480"  # type: ignore[attr-defined]
    assert widget(page, "field:tali_kawat[0].diameter").text() == "16"  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.current_section() == "tali_kawat",  # type: ignore
                    timeout=5000)
    close(window)
    # a clean close forgets it: no offer at the next start
    db = open_database(demo_dir)
    from tests.ui.editor_support import inspector

    assert editor_service.recovered(inspector(db)) is None
    db.dispose()
