"""The inspection editor driven as an inspector would: typing, the rules panel, rows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QListWidget
from pytestqt.qtbot import QtBot

from k3desk.ui.editor.rules_panel import PATH_ROLE, STATUS_ROLE
from tests.ui.editor_support import (
    close,
    message,
    new_draft,
    open_editor,
    stored,
    wait_saved,
    widget,
    window_for,
)


def rule_items(page: object, title: str) -> list[tuple[str, str, str]]:
    rules = page.findChild(QListWidget, "rules_list")  # type: ignore[attr-defined]
    out = []
    for i in range(rules.count()):
        item = rules.item(i)
        if title in item.text():
            out.append((item.data(STATUS_ROLE), item.text(), item.data(PATH_ROLE)))
    return out


def test_crane_typed_values_drive_the_rules_panel(qtbot: QtBot, demo_dir: Path) -> None:
    window = window_for(qtbot, demo_dir)
    iid = new_draft(window.session.db, "overhead_crane")
    page = open_editor(qtbot, window, iid)
    for name in ("section_index", "form_scroll", "rules_panel", "autosave_status",
                 "unit:kapasitas_swl", "field:langkah_uji_beban", "field:catatan"):
        widget(page, name)
    verdict = widget(page, "rules_verdict")
    assert isinstance(verdict, QLabel) and "Belum lengkap" in verdict.text()
    # labels are buddies and name their inputs
    label = widget(page, "label:kapasitas_swl")
    assert isinstance(label, QLabel) and label.buddy() is widget(page, "field:kapasitas_swl")
    assert widget(page, "field:kapasitas_swl").accessibleName() == "Kapasitas angkat (SWL)"
    assert "*" in label.text()
    assert "Rentang 0 – 2.000 ton" in widget(page, "hint:kapasitas_swl").text() or \
        "Rentang 0 – 2000 ton" in widget(page, "hint:kapasitas_swl").text()

    # the ropes are rows of the shared wire-rope group; the drum rule reads all of them
    qtbot.mouseClick(widget(page, "group_add:tali_kawat"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(widget(page, "field:tali_kawat[0].diameter"), "16")
    qtbot.keyClicks(widget(page, "field:diameter_drum"), "400")
    failing = rule_items(page, "Diameter drum ≥ 30 × diameter tali")
    assert failing and failing[0][0] == "fail"
    assert "PER.05/MEN/1985" in failing[0][1]  # the regulation, article and grade
    assert "[R]" in failing[0][1] and "dicabut" in failing[0][1]
    assert failing[0][2] == "diameter_drum"
    soft = message(page, "diameter_drum")
    assert "Tidak memenuhi" in soft  # soft at the field
    # clicking the rule jumps to its field
    widget(page, "field:kapasitas_swl").setFocus()
    rules = page.findChild(QListWidget, "rules_list")
    row = next(i for i in range(rules.count())
               if "Diameter drum ≥ 30" in rules.item(i).text())
    rules.itemClicked.emit(rules.item(row))
    assert QApplication.focusWidget() is widget(page, "field:diameter_drum")

    drum = widget(page, "field:diameter_drum")
    assert isinstance(drum, QLineEdit)
    drum.clear()
    qtbot.keyClicks(drum, "500")
    passing = rule_items(page, "Diameter drum ≥ 30 × diameter tali")
    assert passing[0][0] == "pass"
    assert message(page, "diameter_drum") == ""
    # an alternative unit: 0,5 m is 500 mm
    unit = widget(page, "unit:diameter_drum")
    assert isinstance(unit, QComboBox)
    drum.clear()
    qtbot.keyClicks(drum, "0,5")
    unit.setCurrentIndex(unit.findText("m"))
    unit.activated.emit(unit.currentIndex())
    assert rule_items(page, "Diameter drum ≥ 30")[0][0] == "pass"
    wait_saved(qtbot, page)
    qtbot.waitUntil(lambda: stored(window.session.db, iid).values.get("diameter_drum")
                    == {"value": 0.5, "unit": "m"})
    assert stored(window.session.db, iid).values["tali_kawat"][0]["diameter"] == 16
    assert widget(page, "autosave_status").text().startswith("Tersimpan ")
    close(window)


def test_group_rows_add_remove_undo_move(qtbot: QtBot, demo_dir: Path) -> None:
    window = window_for(qtbot, demo_dir)
    iid = new_draft(window.session.db, "overhead_crane")
    page = open_editor(qtbot, window, iid)
    uses_chains = widget(page, "field:ada_rantai_angkat")  # the chain rows depend on it
    assert isinstance(uses_chains, QComboBox)
    uses_chains.setCurrentIndex(uses_chains.findData(True))
    uses_chains.activated.emit(uses_chains.currentIndex())
    assert page.values["ada_rantai_angkat"] is True
    qtbot.mouseClick(widget(page, "group_add:rantai"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(widget(page, "field:rantai[0].identitas"), "CS-01")
    qtbot.mouseClick(widget(page, "group_add:rantai"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(widget(page, "field:rantai[1].identitas"), "CS-02")
    qtbot.keyClicks(widget(page, "field:rantai[1].faktor_keamanan"), "3")
    assert rule_items(page, "Faktor keamanan rantai ≥ 4")[0][0] == "fail"
    assert [r["identitas"] for r in page.values["rantai"]] == ["CS-01", "CS-02"]
    qtbot.mouseClick(widget(page, "group_remove:rantai[0]"), Qt.MouseButton.LeftButton)
    assert [r.get("identitas") for r in page.values["rantai"]] == ["CS-02"]
    assert page.findChild(QLineEdit, "field:rantai[1].identitas") is None
    assert widget(page, "field:rantai[0].identitas").text() == "CS-02"
    wait_saved(qtbot, page)
    assert [r["identitas"] for r in stored(window.session.db, iid).values["rantai"]] == \
        ["CS-02"]
    page.undo()  # the row comes back, with what was typed in it
    assert [r.get("identitas") for r in page.values["rantai"]] == ["CS-01", "CS-02"]
    assert widget(page, "field:rantai[0].identitas").text() == "CS-01"
    qtbot.mouseClick(widget(page, "group_down:rantai[0]"), Qt.MouseButton.LeftButton)
    assert widget(page, "field:rantai[0].identitas").text() == "CS-02"
    assert widget(page, "field:rantai[1].identitas").text() == "CS-01"
    page.undo()
    assert widget(page, "field:rantai[0].identitas").text() == "CS-01"
    page.redo()
    assert widget(page, "field:rantai[0].identitas").text() == "CS-02"
    wait_saved(qtbot, page)
    assert [r["identitas"] for r in stored(window.session.db, iid).values["rantai"]] == \
        ["CS-02", "CS-01"]
    # the load-test steps need one row at least: with one row it cannot be removed
    qtbot.mouseClick(widget(page, "group_add:langkah_uji_beban"), Qt.MouseButton.LeftButton)
    assert not widget(page, "group_remove:langkah_uji_beban[0]").isEnabled()
    close(window)


def test_checklist_note_is_kept_in_values(qtbot: QtBot, demo_dir: Path) -> None:
    window = window_for(qtbot, demo_dir)
    iid = new_draft(window.session.db, "overhead_crane")
    page = open_editor(qtbot, window, iid)
    rem = widget(page, "field:rem")
    assert isinstance(rem, QComboBox)
    rem.setCurrentIndex(rem.findData("buruk"))
    rem.activated.emit(rem.currentIndex())
    qtbot.keyClicks(widget(page, "note:rem"), "kampas tipis")
    assert any(s == "fail" for s, _t, _p in rule_items(page, "Rem hoist dan travel"))
    wait_saved(qtbot, page)
    saved = stored(window.session.db, iid)
    assert saved.values["rem"] == "buruk"
    assert saved.values["_notes"] == {"rem": "kampas tipis"}
    assert saved.verdict == "incomplete"  # the note is not a value the template knows
    page.undo()  # the note
    assert widget(page, "note:rem").text() == ""
    close(window)
    # reopened: the answer and its note are there
    window = window_for(qtbot, demo_dir)
    page = open_editor(qtbot, window, iid)
    assert widget(page, "field:rem").currentData() == "buruk"
    close(window)


def test_ctrl_s_saves_at_once_and_a_refusal_is_said(qtbot: QtBot, demo_dir: Path) -> None:
    window = window_for(qtbot, demo_dir)
    db = window.session.db
    iid = new_draft(db, "overhead_crane")
    page = open_editor(qtbot, window, iid)
    qtbot.keyClicks(widget(page, "field:kapasitas_swl"), "7")
    assert page.autosaver._timer.isActive()  # would save within DELAY_MS
    action = window.actions_by_name["action_save"]
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+S"
    action.trigger()
    assert not page.autosaver._timer.isActive()  # sent now, not after the delay
    wait_saved(qtbot, page)
    assert stored(db, iid).values["kapasitas_swl"] == 7
    # submitted elsewhere (the CLI): the next save is refused, and the window says why
    from k3desk.services import inspection_service
    from tests.ui.editor_support import inspector

    inspection_service.update_draft(inspector(db), iid, values={"kapasitas_swl": 8})
    with db.session() as s:
        from k3desk.store.models import Inspection

        s.get(Inspection, iid).status = "submitted"  # type: ignore[union-attr]
    qtbot.keyClicks(widget(page, "field:bentang"), "12")
    page.save_now()
    status = widget(page, "autosave_status")
    qtbot.waitUntil(lambda: status.property("state") == "refused", timeout=10000)
    assert status.text().startswith("Tidak tersimpan: ")
    assert "sudah diajukan" in status.text()
    assert page.autosaver.pending  # kept, not dropped
    page.autosaver._dirty.clear()
    close(window)
