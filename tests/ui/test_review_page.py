"""The supervisor's review page driven as a person would: the queue oldest first, a
revision with a comment, the inspector's fix through the services, approval with the
preview of the new certificate, and approvals the guards refuse."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from k3desk.services import inspection_service, records_service, review_desk_service
from k3desk.store.models import Attachment, Certificate, Inspection, Instrument, NumberBlock
from k3desk.ui.dialogs.reason_dialog import ReasonDialog
from k3desk.ui.main_window import MainWindow
from k3desk.ui.pages.review_page import ReviewPage
from tests.ui.desk_support import click, context, open_window


def review_page(qtbot: QtBot, window: MainWindow) -> ReviewPage:
    window.show_page("review")
    page = window.pages["review"]
    assert isinstance(page, ReviewPage) and window.current_page() is page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.detail is not None)
    return page


def choose(qtbot: QtBot, page: ReviewPage, inspection_id: str) -> None:
    row = page.model.row_of(inspection_id)
    assert row >= 0
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.id == inspection_id)


def status_of(window: MainWindow, inspection_id: str) -> tuple[str, str | None]:
    with window.session.db.session() as s:
        inspection = s.get(Inspection, inspection_id)
        assert inspection is not None
        return inspection.status, inspection.review_comment


def test_queue_oldest_first_with_filters(qtbot: QtBot, window: MainWindow) -> None:
    page = review_page(qtbot, window)
    rows = page.model.rows()
    ctx = window.session.context()
    expected = review_desk_service.queue(ctx)
    assert [r.id for r in rows] == [r.id for r in expected]
    assert len(rows) == 12  # the demo's submitted inspections
    stamps = [r.submitted_at for r in rows]
    assert stamps == sorted(stamps)
    assert page.detail is not None and page.detail.id == rows[0].id  # the oldest opens
    assert rows[0].serial_number in page.heading.text()

    page.object_type.setCurrentIndex(page.object_type.findData(rows[0].object_type))
    qtbot.waitUntil(lambda: page.model.rowCount() < len(rows))
    assert {r.object_type for r in page.model.rows()} == {rows[0].object_type}
    page.object_type.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(rows))

    inspector = rows[0].inspector_name
    page.inspector.setCurrentIndex(page.inspector.findText(inspector))
    qtbot.waitUntil(lambda: 0 < page.model.rowCount() < len(rows))
    assert {r.inspector_name for r in page.model.rows()} == {inspector}
    page.inspector.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(rows))

    page.company.setCurrentIndex(page.company.findText(rows[-1].company_name))
    qtbot.waitUntil(lambda: page.model.rowCount() < len(rows))
    assert {r.company_name for r in page.model.rows()} == {rows[-1].company_name}
    page.company.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(rows))

    qtbot.keyClicks(page.search, rows[3].serial_number)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.rows()[0].id == rows[3].id
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == len(rows))

    detail = page.detail
    assert detail is not None
    assert detail.results and detail.regulation
    assert detail.regulation in page.view.rules.toPlainText()
    assert detail.instruments and page.view.instruments.rowCount() == len(detail.instruments)
    assert page.view.licences.rowCount() >= 1
    assert detail.licences[0].licence_number in page.view.licences.item(0, 0).text()
    # the whole form is the inspector's editor, read-only, with its rules panel
    form = page.view.form
    assert form is not None and form.objectName() == "review_form"
    qtbot.waitUntil(lambda: form.data is not None and form.data.id == detail.id)
    assert form.read_only and not form.can("save_now") and not form.can("submit")
    assert detail.sections[0][0] in form.form.section_titles.values()  # type: ignore[union-attr]
    inputs = [w for w in form.findChildren(QLineEdit) if w.objectName().startswith("field:")
              and w.text()]
    assert inputs and all(w.isReadOnly() for w in inputs)
    assert form.rules_panel.objectName() == "rules_panel" and form.rules_panel.isVisibleTo(form)
    assert form.signature_pad is not None and form.instrument_picker is not None
    assert "182" in page.numbers.text()


def test_revision_resubmit_approve_and_preview(qtbot: QtBot, window: MainWindow) -> None:
    page = review_page(qtbot, window)
    inspection_id = page.model.rows()[0].id
    choose(qtbot, page, inspection_id)

    window.actions_by_name["action_request_revision"].trigger()
    dialog = page.dialog
    assert isinstance(dialog, ReasonDialog) and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()  # a comment is required
    qtbot.keyClicks(dialog.text, "   ")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.text, "Foto pelat nama kurang jelas")
    click(qtbot, dialog, "reason_ok")
    assert page.dialog is not None and page.dialog.objectName() == "confirm_revision"
    assert "Foto pelat nama kurang jelas" in page.dialog.text()  # type: ignore[attr-defined]
    click(qtbot, page.dialog, "confirm_revision_yes")
    qtbot.waitUntil(lambda: status_of(window, inspection_id)[0] == "revision_requested")
    assert status_of(window, inspection_id)[1] == "Foto pelat nama kurang jelas"
    qtbot.waitUntil(lambda: page.model.row_of(inspection_id) < 0)  # left the queue

    # the inspector fixes and resubmits (through the services, as the editor does)
    with window.session.db.session() as s:
        inspection = s.get(Inspection, inspection_id)
        assert inspection is not None
        owner = inspection.inspector_id
    username = next(u for u in ("inspektur", "inspektur2")
                    if context(window, u).actor.id == owner)
    inspector = context(window, username)
    inspection_service.update_draft(inspector, inspection_id,
                                    notes="Foto pelat nama diambil ulang.")
    inspection_service.submit(inspector, inspection_id)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.row_of(inspection_id) >= 0)
    assert page.model.row_of(inspection_id) == page.model.rowCount() - 1  # newest last
    choose(qtbot, page, inspection_id)
    form = page.view.form
    assert form is not None
    qtbot.waitUntil(lambda: form.data is not None and form.data.id == inspection_id
                    and "Foto pelat nama diambil ulang." in form.notes_edit.toPlainText())

    left_before = review_desk_service.numbers_left(window.session.context())
    window.actions_by_name["action_approve"].trigger()
    qtbot.waitUntil(lambda: page.dialog is not None
                    and page.dialog.objectName() == "confirm_approve")
    click(qtbot, page.dialog, "confirm_approve_yes")
    certificates = window.pages["certificates"]
    qtbot.waitUntil(lambda: window.current_page() is certificates
                    and certificates.preview.page_count() > 0, timeout=15000)
    with window.session.db.session() as s:
        cert = s.scalars(select(Certificate).where(
            Certificate.inspection_id == inspection_id)).one()
        number = cert.number
    assert status_of(window, inspection_id)[0] == "approved"
    assert number in certificates.preview.page_text(0)
    assert certificates.heading.text() == number
    assert str(left_before - 1) in page.numbers.text()


def test_approval_refused_when_calibration_lapsed(qtbot: QtBot, window: MainWindow) -> None:
    page = review_page(qtbot, window)
    inspection_id = page.model.rows()[0].id
    supervisor = window.session.context()
    with window.session.db.session() as s:
        inspection = s.get(Inspection, inspection_id)
        assert inspection is not None
        instrument = s.get(Instrument, inspection.instrument_ids[0])
        assert instrument is not None
        lapsed = inspection.inspected_on - timedelta(days=1)
        instrument_id, kept = instrument.id, instrument.calibration_valid_until
        instrument_name = instrument.name
    records_service.save_instrument(supervisor, {"calibration_valid_until": lapsed.isoformat()},
                                    instrument_id)
    try:
        page.refresh()
        choose(qtbot, page, inspection_id)
        qtbot.waitUntil(lambda: page.guards.isVisible())
        assert "kalibrasi" in page.guards.text() and instrument_name in page.guards.text()
        window.actions_by_name["action_approve"].trigger()
        qtbot.waitUntil(lambda: page.dialog is not None
                        and page.dialog.objectName() == "approval_refused")
        text = page.dialog.text()  # type: ignore[attr-defined]
        assert "kalibrasi alat ukur" in text and lapsed.isoformat() in text
        assert "Traceback" not in text
        assert status_of(window, inspection_id)[0] == "submitted"
        row = [c for c in range(page.view.instruments.rowCount())
               if page.view.instruments.item(c, 0).text() == instrument_name][0]
        assert page.view.instruments.item(row, 4).text() == "KEDALUWARSA"
    finally:
        records_service.save_instrument(supervisor,
                                        {"calibration_valid_until": kept.isoformat()},
                                        instrument_id)


def test_photos_open_large(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = review_page(qtbot, window)
    inspection_id = page.model.rows()[-1].id
    choose(qtbot, page, inspection_id)
    assert page.detail is not None
    before = len(page.detail.photos)  # the demo's own photos of this inspection
    image = QImage(1600, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    png = tmp_path / "pelat.png"
    assert image.save(str(png))
    data = png.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    blob = window.session.db.blob_dir / sha[:2] / sha
    blob.parent.mkdir(parents=True, exist_ok=True)
    blob.write_bytes(data)
    with window.session.db.session() as s:
        inspection = s.get(Inspection, inspection_id)
        assert inspection is not None
        s.add(Attachment(balai_id=inspection.balai_id, inspection_id=inspection_id, sha256=sha,
                         filename="pelat.png", content_type="image/png", size=len(data),
                         caption="Pelat nama"))
    page.refresh()
    choose(qtbot, page, inspection_id)
    qtbot.waitUntil(lambda: page.detail is not None and len(page.detail.photos) == before + 1)
    assert page.view.photos.count() == before + 1
    index = [p.caption for p in page.detail.photos].index("Pelat nama")
    qtbot.waitUntil(lambda: not page.view.photos.item(index).icon().isNull())
    item = page.view.photos.item(index)
    page.view.photos.itemClicked.emit(item)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.objectName() == "photo_viewer"
                    and page.dialog.isVisible())
    pixmap = page.dialog.image_label.pixmap()  # type: ignore[attr-defined]
    assert pixmap.width() == 853 and pixmap.height() == 640  # 1600x1200 fitted to the screen
    qtbot.keyClick(page.dialog, Qt.Key.Key_Escape)
    assert not page.dialog.isVisible()


def test_low_numbers_warn_without_connection(qtbot: QtBot, demo_dir: Path) -> None:
    gen = open_window(qtbot, demo_dir)
    window = next(gen)
    try:
        with window.session.db.session(remote=True) as s:
            block = s.scalars(select(NumberBlock)).one()
            block.last = block.first + 18 + 2  # 18 issued in the demo: 3 left
        page = review_page(qtbot, window)
        qtbot.waitUntil(lambda: "3" in page.numbers.text())
        assert page.numbers.property("low") is True
        assert "tidak tersambung" in page.numbers.text()
        with window.session.db.session(remote=True) as s:
            s.scalars(select(NumberBlock)).one().last = 18
        page.refresh()
        choose(qtbot, page, page.model.rows()[0].id)
        qtbot.waitUntil(lambda: "nomor sertifikat" in page.guards.text())
        window.actions_by_name["action_approve"].trigger()
        qtbot.waitUntil(lambda: page.dialog is not None
                        and page.dialog.objectName() == "approval_refused")
        assert "sisa nomor" in page.dialog.text()  # type: ignore[attr-defined]
    finally:
        gen.close()


def test_inspector_has_no_review(qtbot: QtBot, desk_dir: Path) -> None:
    gen = open_window(qtbot, desk_dir, "inspektur")
    window = next(gen)
    try:
        assert not window.nav_buttons["review"].isVisible()
        assert not window.actions_by_name["action_approve"].isEnabled()
        page = window.pages["review"]
        page.refresh()
        assert page.model.rowCount() == 0
    finally:
        gen.close()
