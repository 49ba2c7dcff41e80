"""Field types beyond numbers: dates typed or picked, yes/no, choices, computed values
updated live (top level and in a group's row), the section index."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget
from pytestqt.qtbot import QtBot

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


def test_dates_yes_no_and_computed(qtbot: QtBot, demo_dir: Path) -> None:
    window = window_for(qtbot, demo_dir)
    db = window.session.db
    iid = new_draft(db, "pesawat_uap")
    page = open_editor(qtbot, window, iid)
    date = widget(page, "field:tanggal_akte_izin")
    assert isinstance(date, QLineEdit)
    qtbot.keyClicks(date, "31-02-2010")  # no such day
    assert "bukan tanggal yang sah" in message(page, "tanggal_akte_izin")
    date.selectAll()
    qtbot.keyClicks(date, "20-05-2010")
    assert message(page, "tanggal_akte_izin") == ""
    assert page.values["tanggal_akte_izin"] == "2010-05-20"
    field = page.form.widget("tanggal_akte_izin")  # type: ignore[union-attr]
    field.calendar.clicked.emit(QDate(2011, 6, 7))  # picked in the calendar
    assert date.text() == "07-06-2011" and page.values["tanggal_akte_izin"] == "2011-06-07"
    yes_no = widget(page, "field:ada_akte_izin")
    assert isinstance(yes_no, QComboBox)
    yes_no.setCurrentIndex(yes_no.findData(True))
    yes_no.activated.emit(yes_no.currentIndex())
    assert page.values["ada_akte_izin"] is True
    computed = widget(page, "field:tekanan_uji_pertama_wajib")
    assert isinstance(computed, QLineEdit) and computed.isReadOnly()
    qtbot.keyClicks(widget(page, "field:tekanan_kerja_diizinkan"), "4")
    assert computed.text() == "8"  # P <= 5: 2 x P, live
    qtbot.keyClicks(widget(page, "field:tekanan_kerja_diizinkan"), "0")
    assert computed.text() == "60"  # 40 >= 10: 1,5 x P
    wait_saved(qtbot, page)
    saved = stored(db, iid).values
    assert saved["tanggal_akte_izin"] == "2011-06-07" and saved["ada_akte_izin"] is True
    assert "tekanan_uji_pertama_wajib" not in saved  # computed, never stored
    close(window)


def test_computed_in_a_group_row_and_section_index(qtbot: QtBot, demo_dir: Path) -> None:
    window = window_for(qtbot, demo_dir)
    iid = new_draft(window.session.db, "bejana_tekan", full=True)
    page = open_editor(qtbot, window, iid)
    group = next(g for g, t in page.form.groups.items()  # type: ignore[union-attr]
                 if any(s.id == "pengurangan" for s in t.subs))
    nominal = widget(page, f"field:{group}[0].tebal_nominal")
    measured = widget(page, f"field:{group}[0].tebal_terukur")
    assert isinstance(nominal, QLineEdit) and isinstance(measured, QLineEdit)
    nominal.selectAll()
    qtbot.keyClicks(nominal, "10")
    measured.selectAll()
    qtbot.keyClicks(measured, "9,5")
    assert widget(page, f"field:{group}[0].pengurangan").text() == "5"
    index = widget(page, "section_index")
    assert isinstance(index, QListWidget)
    titles = [index.item(i).text() for i in range(index.count())]
    assert "Temuan dan rekomendasi" in titles and "Tanda tangan pemeriksa" in titles
    last = index.item(index.count() - 1)
    index.itemClicked.emit(last)
    bar = page.form_scroll.verticalScrollBar()
    assert bar.value() > 0
    qtbot.waitUntil(lambda: page.current_section() in ("_signature", "_findings",
                                                       "_instruments"), timeout=3000)
    close(window)
