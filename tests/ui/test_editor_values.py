"""Bad values: each shows its message at the field and in the problems list, is never
saved as something else, and blocks submit; a decimal comma is accepted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QLineEdit, QTreeWidget
from pytestqt.qtbot import QtBot

from k3desk.ui.editor.submit_dialog import SubmitRefusedDialog
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


def problem_texts(page: object) -> list[str]:
    tree = page.findChild(QTreeWidget, "problems_list")  # type: ignore[attr-defined]
    out = []
    for i in range(tree.topLevelItemCount()):
        head = tree.topLevelItem(i)
        out += [head.child(j).text(0) for j in range(head.childCount())]
    return out


def typed(qtbot: QtBot, page: object, path: str, text: str) -> QLineEdit:
    edit = widget(page, f"field:{path}")  # type: ignore[arg-type]
    assert isinstance(edit, QLineEdit)
    edit.selectAll()  # typed over, as a person does
    qtbot.keyClicks(edit, text)
    return edit


def test_letters_range_and_decimal_comma(qtbot: QtBot, demo_dir: Path) -> None:
    window = window_for(qtbot, demo_dir)
    db = window.session.db
    iid = new_draft(db, "overhead_crane", full=True, values={"kapasitas_swl": 10})
    page = open_editor(qtbot, window, iid)

    edit = typed(qtbot, page, "kapasitas_swl", "sepuluh")  # letters
    shown = message(page, "kapasitas_swl")
    assert "bukan angka" in shown
    assert "Kapasitas angkat (SWL)" in shown
    assert edit.text() == "sepuluh"  # stays as typed
    assert any("Kapasitas angkat (SWL)" in t and "bukan angka" in t
               for t in problem_texts(page))
    assert "Belum lengkap" in widget(page, "rules_verdict").text()

    typed(qtbot, page, "bentang", "150")  # above the range 0 - 100 m
    bentang = message(page, "bentang")
    assert "150" in bentang and "100" in bentang
    assert "bentang" in page.input_problems
    assert page.input_problems["bentang"].code == "above_max"

    edit = typed(qtbot, page, "faktor_keamanan_tali", "4,5")  # a decimal comma
    assert message(page, "faktor_keamanan_tali") == ""
    assert page.values["faktor_keamanan_tali"] == 4.5
    edit = typed(qtbot, page, "tinggi_angkat", "9.25")  # and a decimal point
    assert page.values["tinggi_angkat"] == 9.25
    assert edit.text() == "9.25"
    wait_saved(qtbot, page)
    saved = stored(db, iid).values
    assert saved["faktor_keamanan_tali"] == 4.5 and saved["tinggi_angkat"] == 9.25
    assert saved["kapasitas_swl"] == 10 and saved["bentang"] == 18  # never the bad text

    # both block submit; the refusal lists them by section, clickable to the field
    page.submit()
    dialog = page.findChild(SubmitRefusedDialog, "submit_refused")
    assert dialog is not None and dialog.isVisible()
    texts = [e.text(0) for e in dialog.entries()]
    assert any("Kapasitas angkat (SWL)" in t for t in texts)
    assert any("Bentang" in t for t in texts)
    heads = [dialog.list.topLevelItem(i).text(0)
             for i in range(dialog.list.topLevelItemCount())]
    assert heads == ["Data teknis"]
    entry = next(e for e in dialog.entries() if "Bentang" in e.text(0))
    dialog.list.itemClicked.emit(entry, 0)
    assert not dialog.isVisible()
    assert QApplication.focusWidget() is widget(page, "field:bentang")

    typed(qtbot, page, "kapasitas_swl", "12,5")
    typed(qtbot, page, "bentang", "20")
    assert page.input_problems == {}
    assert message(page, "kapasitas_swl") == ""
    wait_saved(qtbot, page)
    assert stored(db, iid).values["kapasitas_swl"] == 12.5
    close(window)


def test_negative_pressure_and_ambiguous_number(qtbot: QtBot, demo_dir: Path) -> None:
    window = window_for(qtbot, demo_dir)
    db = window.session.db
    iid = new_draft(db, "hydrant", full=True)
    page = open_editor(qtbot, window, iid)
    before = stored(db, iid).values["tekanan_pompa_utama"]
    typed(qtbot, page, "tekanan_pompa_utama", "-2")
    shown = message(page, "tekanan_pompa_utama")
    assert "Tekanan pompa utama" in shown
    assert page.input_problems["tekanan_pompa_utama"].code == "below_min"
    # inside a group row too
    typed(qtbot, page, "hidran[0].tekanan", "-1")
    cell = message(page, "hidran[0].tekanan")
    assert "-1" in cell
    typed(qtbot, page, "volume_reservoir", "1.500")  # 1,5 or 1500? asked, not guessed
    assert page.input_problems["volume_reservoir"].code == "ambiguous_number"
    wait_saved(qtbot, page)
    saved = stored(db, iid).values
    assert saved["tekanan_pompa_utama"] == before
    assert saved["hidran"][0]["tekanan"] == 6.0
    page.submit()
    dialog = page.findChild(SubmitRefusedDialog, "submit_refused")
    texts = [e.text(0) for e in dialog.entries()]
    assert len([t for t in texts if "Tekanan" in t]) == 2
    dialog.reject()
    close(window)
