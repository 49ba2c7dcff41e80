"""Submit: refused with what is missing (clickable), then confirmed and read-only; a
supervisor's revision comment shown, edited and resubmitted; the review's read-only
mode."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from k3desk.services import review_service
from k3desk.ui.editor.submit_dialog import SubmitRefusedDialog
from tests.ui.editor_support import (
    close,
    inspector,
    message,
    new_draft,
    open_editor,
    stored,
    wait_saved,
    widget,
    window_for,
)


def confirm(qtbot: QtBot, page: object) -> None:
    box = page.findChild(QMessageBox, "submit_confirm")  # type: ignore[attr-defined]
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()


def test_submit_refused_then_accepted_and_read_only(qtbot: QtBot, demo_dir: Path) -> None:
    window = window_for(qtbot, demo_dir)
    db = window.session.db
    rope = "tali_kawat[0].diameter"  # a value in a row of the shared wire-rope group
    iid = new_draft(db, "overhead_crane", full=True, drop=(rope,))
    page = open_editor(qtbot, window, iid)
    assert message(page, rope) == ""  # not nagging at first
    window.actions_by_name["action_submit"].trigger()  # Ctrl+Enter
    dialog = page.findChild(SubmitRefusedDialog, "submit_refused")
    assert dialog is not None and dialog.isVisible()
    entries = dialog.entries()
    assert [e.text(0) for e in entries] == [
        "Tali kawat baja baris 1 — Diameter tali: wajib diisi"]
    assert entries[0].parent().text(0) == "Tali kawat baja"
    assert page.findChild(QMessageBox, "submit_confirm") is None  # nothing to confirm
    dialog.list.itemClicked.emit(entries[0], 0)
    field = widget(page, f"field:{rope}")
    assert QApplication.focusWidget() is field
    assert "wajib diisi" in message(page, rope)  # now shown
    assert isinstance(field, QLineEdit)
    qtbot.keyClicks(field, "16")
    assert message(page, rope) == ""
    assert "Memenuhi" in widget(page, "rules_verdict").text()
    page.submit()
    confirm(qtbot, page)
    qtbot.waitUntil(lambda: stored(db, iid).status == "submitted", timeout=10000)
    qtbot.waitUntil(lambda: page.data is not None and page.data.status == "submitted",
                    timeout=10000)
    assert stored(db, iid).values["tali_kawat"][0]["diameter"] == 16
    assert page.read_only and widget(page, "readonly_banner").isVisible()
    assert field is not widget(page, f"field:{rope}")  # rebuilt
    line = widget(page, f"field:{rope}")
    assert isinstance(line, QLineEdit) and line.isReadOnly()
    assert not widget(page, "field:tali_kawat[0].konstruksi").isEnabled()
    assert not widget(page, "editor_submit").isVisible()
    assert not page.can("save_now") and not page.can("submit")
    assert not window.actions_by_name["action_submit"].isEnabled()
    close(window)


def test_revision_comment_shown_and_resubmitted(qtbot: QtBot, demo_dir: Path) -> None:
    window = window_for(qtbot, demo_dir)
    db = window.session.db
    iid = new_draft(db, "hydrant", full=True)
    from k3desk.services import inspection_service

    inspection_service.submit(inspector(db), iid)
    review_service.request_revision(inspector(db, "penyelia"), iid,
                                    comment="Tekanan hidran 2 tidak masuk akal, ukur ulang.")
    window.session.set_actor(inspector(db).actor)
    page = open_editor(qtbot, window, iid)
    banner = widget(page, "revision_banner")
    assert banner.isVisible() and "Tekanan hidran 2 tidak masuk akal" in banner.text()
    assert not page.read_only
    cell = widget(page, "field:hidran[1].tekanan")
    assert isinstance(cell, QLineEdit)
    cell.selectAll()
    qtbot.keyClicks(cell, "5,2")
    wait_saved(qtbot, page)
    assert stored(db, iid).values["hidran"][1]["tekanan"] == 5.2
    assert stored(db, iid).status == "revision_requested"
    page.submit()
    confirm(qtbot, page)
    qtbot.waitUntil(lambda: stored(db, iid).status == "submitted", timeout=10000)
    qtbot.waitUntil(lambda: page.read_only, timeout=10000)
    assert not widget(page, "revision_banner").isVisible()
    close(window)


def test_read_only_mode_for_the_review(qtbot: QtBot, demo_dir: Path) -> None:
    window = window_for(qtbot, demo_dir)
    iid = new_draft(window.session.db, "overhead_crane", full=True)
    page = open_editor(qtbot, window, iid, read_only=True)
    assert page.read_only and not page.can("submit")
    field = widget(page, "field:kapasitas_swl")
    assert isinstance(field, QLineEdit) and field.isReadOnly()
    assert "Memenuhi" in widget(page, "rules_verdict").text()
    page.save_now()
    assert not page.autosaver.pending
    close(window)
