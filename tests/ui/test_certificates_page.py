"""The certificates page: the list with its statuses, the preview inside the window,
printing to a PDF file through QPrinter (the QR on the printed page decodes and
verifies), save as, revoke with a reason and a correction that names what it replaces."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from k3desk.domain.verification import VerificationStatus
from k3desk.services import certificate_list_service as certs
from k3desk.services.verification_service import verify_qr
from k3desk.store.models import Inspection
from k3desk.ui.dialogs.reason_dialog import ReasonDialog
from k3desk.ui.main_window import MainWindow
from k3desk.ui.models.review_table_model import CertificateTableModel
from k3desk.ui.pages.certificates_page import CertificatesPage
from tests.reports.helpers import rasterize
from tests.ui.desk_support import click, login


def certificates_page(qtbot: QtBot, window: MainWindow) -> CertificatesPage:
    window.show_page("certificates")
    page = window.pages["certificates"]
    assert isinstance(page, CertificatesPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    return page


def open_certificate(qtbot: QtBot, page: CertificatesPage, number: str) -> certs.CertificateRow:
    row = next(r for r in page.model.rows() if r.number == number)
    page.table.selectRow(page.model.row_of(row.id))
    qtbot.waitUntil(lambda: page.has_document() and page.info is not None
                    and page.info.row.id == row.id, timeout=15000)
    return row


def valid_certificate(window: MainWindow) -> certs.CertificateRow:
    rows = certs.certificate_rows(window.session.context(), status=certs.VALID)
    return next(r for r in rows if r.verdict == "memenuhi")


def test_list_search_and_preview(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = certificates_page(qtbot, window)
    assert page.model.rowCount() == 18  # the demo's approvals
    assert {r.status for r in page.model.rows()} == {certs.VALID}
    row = valid_certificate(window)
    qtbot.keyClicks(page.search, row.serial_number)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.data(page.model.index(0, CertificateTableModel.NUMBER)) == row.number
    assert page.model.data(page.model.index(0, CertificateTableModel.STATUS)) == "Berlaku"
    open_certificate(qtbot, page, row.number)
    preview = page.preview
    assert preview.objectName() == "pdf_preview"
    assert preview.page_count() >= 1 and preview.current_page() == 0
    assert row.number in preview.page_text(0)
    assert row.company_name in preview.page_text(0)
    # the supervisor's laptop holds the demo certificate: the preview is PAdES-signed
    assert "bertanda tangan digital (PAdES)" in page.pdf_signature.text()
    # zoom and navigation
    before = preview._effective_zoom()
    preview.zoom_in()
    assert preview.zoom_factor() == pytest.approx(before * 1.25, rel=0.01)
    preview.zoom_out()
    assert preview.zoom_factor() == pytest.approx(before, rel=0.01)
    preview.fit_page()
    if preview.page_count() > 1:
        preview.next_page()
        qtbot.waitUntil(lambda: preview.current_page() == 1)
        assert preview.page_spin.value() == 2
    # the QR code and its link, from the signed payload
    link = page.link.text()
    assert link == page.info.verify_url  # type: ignore[union-attr]
    assert "/V/" in link  # the compact link the printed QR code holds, not the long one
    assert page.link.isReadOnly()
    page.copy_link.click()
    assert QGuiApplication.clipboard().text() == link
    qtbot.waitUntil(lambda: not page.qr.icon().isNull() and page._qr_large is not None)
    qr_png = tmp_path / "qr.png"
    assert page._qr_large is not None and page._qr_large.save(str(qr_png))
    with Image.open(qr_png) as img:
        assert [r.text for r in zxingcpp.read_barcodes(img.convert("L"))] == [link]
    page.qr.click()
    assert page.dialog is not None and page.dialog.objectName() == "qr_viewer"
    page.dialog.close()
    assert verify_qr(link, window.session.data_dir).status is VerificationStatus.VALID
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 18)


def test_print_to_pdf_and_save_as(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = certificates_page(qtbot, window)
    row = valid_certificate(window)
    open_certificate(qtbot, page, row.number)
    action = window.actions_by_name["action_print"]
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+P"
    action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, QPrintDialog) and dialog.isVisible()
    dialog.reject()

    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(300)  # an office printer (the dialog's own would be 600-1200)
    with qtbot.waitSignal(page.printed, timeout=60000) as blocker:
        page.print_to(printer)
    pages = page.preview.page_count()
    assert blocker.args == [pages]
    printed = pypdf.PdfReader(out)
    assert len(printed.pages) == pages
    box = printed.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    png = rasterize(out, pages, 300, tmp_path)  # the QR sits under the signatures
    with Image.open(png) as img:
        results = zxingcpp.read_barcodes(img.convert("L"))
        ink = img.convert("L").point(lambda v: 255 if v < 128 else 0).getbbox()
    texts = [r.text for r in results if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert len(texts) == 1  # the printed QR (the compact /V/ form of the shown link)
    assert verify_qr(texts[0], window.session.data_dir).status is VerificationStatus.VALID
    assert ink is not None and ink[2] - ink[0] > 1500  # the page is printed edge to edge

    window.actions_by_name["action_save_certificate_as"].trigger()
    save = page.dialog
    assert isinstance(save, QFileDialog) and save.isVisible()
    target = tmp_path / "salinan.pdf"
    with qtbot.waitSignal(page.saved, timeout=10000):
        save.selectFile(str(target))
        save.accept()
    assert target.read_bytes() == page.preview.pdf_bytes()
    assert row.number in pypdf.PdfReader(target).pages[0].extract_text()


def test_revoke_then_correct(qtbot: QtBot, window: MainWindow) -> None:
    page = certificates_page(qtbot, window)
    row = valid_certificate(window)
    open_certificate(qtbot, page, row.number)
    assert not page.action_correct_certificate.isEnabled()  # only a revoked one
    window.actions_by_name["action_revoke_certificate"].trigger()
    dialog = page.dialog
    assert isinstance(dialog, ReasonDialog) and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.text, "Nomor seri salah ketik")
    click(qtbot, dialog, "reason_ok")
    assert page.dialog is not None and page.dialog.objectName() == "confirm_revoke"
    click(qtbot, page.dialog, "confirm_revoke_yes")
    number = row.number

    def status_cell() -> str:
        r = page.model.row_of(row.id)
        return str(page.model.data(page.model.index(r, CertificateTableModel.STATUS)))

    qtbot.waitUntil(lambda: status_cell() == "Dicabut")
    qtbot.waitUntil(lambda: "Nomor seri salah ketik" in page.state.text())
    revoked = certs.certificate_rows(window.session.context(), text=number)
    assert [r.status for r in revoked] == [certs.REVOKED]
    assert verify_qr(page.link.text(), window.session.data_dir).status \
        is VerificationStatus.REVOKED
    assert not page.action_revoke_certificate.isEnabled()

    # the inspector makes the replacement
    login(window, "inspektur")
    page = certificates_page(qtbot, window)
    open_certificate(qtbot, page, number)
    qtbot.waitUntil(page.action_correct_certificate.isEnabled)
    assert not page.action_revoke_certificate.isEnabled()  # supervisors only
    opened: list[str] = []
    page.open_inspection_requested.connect(lambda inspection_id: opened.append(inspection_id))
    window.actions_by_name["action_correct_certificate"].trigger()
    click(qtbot, page.dialog, "confirm_correct_yes")
    qtbot.waitUntil(lambda: len(opened) == 1)
    with window.session.db.session() as s:
        draft = s.get(Inspection, opened[0])
        assert draft is not None and draft.status == "draft"
        assert draft.extra["replaces_certificate_id"] == row.id
        old = s.scalars(select(Inspection).where(Inspection.id == row.inspection_id)).one()
        assert draft.equipment_id == old.equipment_id and draft.values == old.values
    qtbot.waitUntil(lambda: page.info is not None and page.info.correction_id == opened[0])
    assert "draf koreksi" in page.state.text()
