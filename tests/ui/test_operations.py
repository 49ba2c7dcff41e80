"""The workers of a window: results on the UI thread, nothing called back after shutdown."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from k3desk.ui.operations import Operations


def test_results_arrive_on_the_ui_thread(qtbot: QtBot) -> None:
    ops = Operations()
    got: list[tuple[int, bool]] = []
    ops.run(lambda x: x * 2, 21,
            success=lambda v: got.append((v, threading.current_thread()
                                          is threading.main_thread())))
    qtbot.waitUntil(lambda: got == [(42, True)])
    assert not ops.busy
    ops.shutdown()


def test_a_result_arriving_after_shutdown_is_not_called_back(qtbot: QtBot) -> None:
    """A job finishing while the window closes: its row is written, but its callback
    (which would schedule more work on the closed pools) never runs."""
    ops = Operations()
    release = threading.Event()
    ran: list[str] = []
    called: list[object] = []

    def job() -> str:
        release.wait(5)
        ran.append("written")
        return "done"

    ops.run(job, success=lambda v: (called.append(v), ops.run(lambda: None)))
    release.set()
    ops.shutdown()  # waits for the job; its result is still queued for the UI thread
    assert ran == ["written"]
    qtbot.wait(50)  # the queued delivery is processed here
    assert called == [] and not ops.busy
