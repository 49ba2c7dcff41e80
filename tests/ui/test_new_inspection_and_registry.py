"""New inspection through the dialog; registry create/edit with messages at the field;
an import whose preview shows a row error imports nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from k3desk.domain.templates import default_registry
from k3desk.store.models import Company, Equipment, Inspection
from k3desk.ui.main_window import MainWindow


def _pick(qtbot: QtBot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(text in widget.item(i).text() for i in range(widget.count())))
    for i in range(widget.count()):
        if text in widget.item(i).text():
            widget.setCurrentRow(i)
            return


def test_new_inspection_with_new_equipment_creates_a_pinned_draft(
        qtbot: QtBot, inspector_window: MainWindow) -> None:
    window = inspector_window
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["inspections"]
    dialog = page.new_dialog
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.company_search, "Sinar")
    _pick(qtbot, dialog.company_list, "PT Sinar Baja")
    qtbot.keyClick(dialog.company_search, Qt.Key.Key_Return)  # to the list, not "create"
    assert dialog.isVisible() and dialog.focusWidget() is dialog.company_list
    assert not dialog.message.isVisibleTo(dialog)
    dialog.new_equipment_button.setChecked(True)
    form = dialog.equipment_form
    form.object_type.setCurrentIndex(form.object_type.findData("overhead_crane"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("pertama"))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # no serial number yet
    qtbot.waitUntil(lambda: form.errors["serial_number"].isVisibleTo(dialog))
    assert "Nomor seri wajib diisi" in form.errors["serial_number"].text()
    qtbot.keyClicks(form.inputs["serial_number"], "OC-UJI-001")
    qtbot.keyClicks(form.inputs["manufacturer"], "Konecranes")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.page_stack.currentWidget() is window.pages["editor"],
                    timeout=10_000)
    with window.session.db.session() as s:
        equipment = s.scalars(select(Equipment).where(
            Equipment.serial_number == "OC-UJI-001")).one()
        inspection = s.scalars(select(Inspection).where(
            Inspection.equipment_id == equipment.id)).one()
        latest = default_registry().latest_for_object_type("overhead_crane")
        assert (inspection.template_id, inspection.template_version) == (latest.id,
                                                                          latest.version)
        assert inspection.status == "draft" and inspection.kind == "pertama"
        assert equipment.manufacturer == "Konecranes"


def test_retest_prefills_the_nameplate_data(qtbot: QtBot,
                                            inspector_window: MainWindow) -> None:
    from k3desk.services import inspection_list_service as ils

    db = inspector_window.session.db
    with db.session() as s:
        last = s.scalars(select(Inspection).join(Equipment, Equipment.id
                                                 == Inspection.equipment_id)
                         .where(Equipment.object_type == "bejana_tekan")).first()
        assert last is not None
        equipment_id, old_values = last.equipment_id, dict(last.values)
    values = ils.nameplate_values(db, equipment_id)
    assert values and "tekanan_desain" in values
    assert values["tekanan_desain"] == old_values["tekanan_desain"]
    assert not any(k.startswith("pelat_nama") for k in values)  # checks are not copied
    page = inspector_window.pages["inspections"]
    page.new_inspection(equipment_id)
    dialog = page.new_dialog
    qtbot.waitUntil(lambda: dialog.equipment_id() == equipment_id, timeout=10_000)
    assert dialog.kind.currentData() == "ulang"


def test_registry_create_and_edit_with_a_message_at_the_field(
        qtbot: QtBot, inspector_window: MainWindow) -> None:
    window = inspector_window
    window.show_page("registry")
    tab = window.pages["registry"].companies
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    before = tab.model.rowCount()
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    qtbot.keyClicks(dialog.inputs["name"], "PT Uji Lapangan")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["address"].isVisibleTo(dialog))
    assert dialog.errors["address"].text() == "Alamat wajib diisi"  # the CLI's sentence
    qtbot.keyClicks(dialog.inputs["address"], "Jl. Uji No. 1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == before + 1, timeout=10_000)
    row = next(r for r in range(tab.model.rowCount())
               if tab.model.row(r)["name"] == "PT Uji Lapangan")
    tab.view.selectRow(row)
    tab.edit()
    dialog = tab.dialog
    assert dialog.inputs["address"].text() == "Jl. Uji No. 1"
    dialog.inputs["city"].setText("Depok")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with window.session.db.session() as s:
        assert s.scalars(select(Company.city).where(
            Company.name == "PT Uji Lapangan")).one() == "Depok"

    equipment = window.pages["registry"].equipment
    qtbot.waitUntil(lambda: equipment.model.rowCount() > 0)
    equipment.view.selectRow(0)
    assert equipment.detail is not None
    qtbot.waitUntil(lambda: "Riwayat pemeriksaan" in equipment.detail.toPlainText())
    assert "Uji berikutnya" in equipment.detail.toPlainText()
    instruments = window.pages["registry"].instruments
    qtbot.waitUntil(lambda: instruments.model.rowCount() == 8)


def test_import_preview_with_a_row_error_imports_nothing(
        qtbot: QtBot, inspector_window: MainWindow, tmp_path: Path) -> None:
    window = inspector_window
    window.show_page("registry")
    tab = window.pages["registry"].companies
    csv = tmp_path / "perusahaan.csv"
    csv.write_text("Nama perusahaan,Alamat,Kota\nPT Baris Baik,Jl. A 1,Bogor\n"
                   "PT Tanpa Alamat,,Bogor\n", encoding="utf-8")
    with window.session.db.session() as s:
        before = s.scalar(select(func.count()).select_from(Company))
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    dialog = tab.import_dialog
    dialog.load(str(csv))
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.table.rowCount() == 2
    assert dialog.errors.count() == 1 and "baris 3" in dialog.errors.item(0).text()
    assert not dialog.import_button.isEnabled()
    assert "belum ada yang disimpan" in dialog.summary.text()
    with window.session.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Company)) == before
    csv.write_text("Nama perusahaan,Alamat,Kota\nPT Baris Baik,Jl. A 1,Bogor\n",
                   encoding="utf-8")
    dialog.load(str(csv))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    with window.session.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Company)) == before + 1
