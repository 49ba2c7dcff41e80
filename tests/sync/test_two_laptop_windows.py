"""The whole story in the windows of two laptops against a real ``k3desk server`` on
loopback: the inspector's window submits and syncs, the supervisor's window syncs,
approves and syncs, and the inspector's window shows the certificate. And an admin's
window changes the Balai's document settings, which the laptops pull and print."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from k3desk.domain.balai_documents import logo_bytes
from k3desk.services import auth_service, document_service, sync_service
from k3desk.store.models import Balai, Certificate, Inspection
from k3desk.sync.background import State
from k3desk.ui.app import build_main_window
from k3desk.ui.main_window import MainWindow
from k3desk.ui.pages.certificates_page import CertificatesPage
from k3desk.ui.pages.document_settings import DocumentSettingsBox
from k3desk.ui.pages.editor_page import EditorPage
from k3desk.ui.pages.review_page import ReviewPage
from tests.support.server_process import ServerProcess
from tests.sync.helpers import PASSWORD, Laptop, apar_inspection, equipment, make_server

pytestmark = pytest.mark.slow  # a real server process


@pytest.fixture(scope="module")
def desk_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A server of its own: the admin's laptop pulls everything the server holds."""
    srv = make_server(tmp_path_factory.mktemp("windows-server"))
    try:
        yield srv
    finally:
        srv.stop()


def open_window(qtbot: QtBot, lap: Laptop) -> MainWindow:
    """The laptop's window, logged in as the user of its online login."""
    lap.close()
    window = build_main_window(lap.data_dir)
    actor = auth_service.current_actor(window.session.db)
    assert actor is not None
    window.session.set_actor(actor)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def close(window: MainWindow) -> None:
    window.close()  # as a person closes it (the pages let go of what they hold)
    window.sync.stop()
    window.session.ops.wait_idle()
    window.session.close()
    window.session.db.dispose()


def sync_in_window(qtbot: QtBot, window: MainWindow) -> None:
    """F5, then wait until nothing is waiting and the status bar says up to date."""
    before = window.sync_ui.status
    window.actions_by_name["action_sync_now"].trigger()
    qtbot.waitUntil(lambda: window.sync_ui.status is not before
                    and window.sync_ui.status is not None
                    and window.sync_ui.status.state == State.UP_TO_DATE
                    and sync_service.status(window.session.db).pending == 0, timeout=60_000)
    assert "Mutakhir" in window.sync_label.text()


def status_of(window: MainWindow, inspection_id: str) -> str | None:
    with window.session.db.session() as s:
        inspection = s.get(Inspection, inspection_id)
        return inspection.status if inspection is not None else None


def test_submit_approve_and_certificate_across_two_laptop_windows(
        qtbot: QtBot, tmp_path: Path, desk_server: ServerProcess) -> None:
    inspector = Laptop(tmp_path / "inspector", desk_server.url, "insp1")
    supervisor = Laptop(tmp_path / "supervisor", desk_server.url, "spv1")
    inspector.sync()  # the inspector's licences arrive with the first pull
    supervisor.sync()  # its signing key registered, a number block leased
    serial = f"APAR-{uuid.uuid4().hex[:6].upper()}"
    company_id = inspector.company(f"PT Dua Laptop {serial}")
    inspection_id = apar_inspection(inspector, equipment(inspector, company_id, serial))

    # the inspector's window: open the draft, submit (confirmed), sync (F5)
    window = open_window(qtbot, inspector)
    try:
        editor = window.pages["editor"]
        assert isinstance(editor, EditorPage)
        window.open_inspection(inspection_id)
        qtbot.waitUntil(lambda: editor.data is not None and editor.data.id == inspection_id,
                        timeout=10_000)
        window.actions_by_name["action_submit"].trigger()
        box = editor.findChild(QMessageBox, "submit_confirm")
        assert box is not None and box.isVisible()
        box.button(QMessageBox.StandardButton.Yes).click()
        qtbot.waitUntil(lambda: status_of(window, inspection_id) == "submitted", timeout=10_000)
        sync_in_window(qtbot, window)
    finally:
        close(window)

    # the supervisor's window: sync, the queue shows it, approve, sync
    window = open_window(qtbot, supervisor)
    try:
        sync_in_window(qtbot, window)
        window.show_page("review")
        review = window.pages["review"]
        assert isinstance(review, ReviewPage)
        review.refresh()
        qtbot.waitUntil(lambda: review.model.row_of(inspection_id) >= 0, timeout=10_000)
        review.table.selectRow(review.model.row_of(inspection_id))
        qtbot.waitUntil(lambda: review.detail is not None and review.detail.id == inspection_id,
                        timeout=10_000)
        window.actions_by_name["action_approve"].trigger()
        qtbot.waitUntil(lambda: review.dialog is not None
                        and review.dialog.objectName() == "confirm_approve")
        yes = review.dialog.findChild(QAbstractButton, "confirm_approve_yes")
        assert yes is not None and yes.isEnabled()
        yes.click()
        certificates = window.pages["certificates"]
        assert isinstance(certificates, CertificatesPage)
        qtbot.waitUntil(lambda: window.current_page() is certificates
                        and certificates.preview.page_count() > 0, timeout=20_000)
        assert status_of(window, inspection_id) == "approved"
        with window.session.db.session() as s:
            cert = s.scalars(select(Certificate).where(
                Certificate.inspection_id == inspection_id)).one()
            certificate_id, number = cert.id, cert.number
        assert number in certificates.preview.page_text(0)
        sync_in_window(qtbot, window)  # the approval and the certificate go up
    finally:
        close(window)

    # the inspector's window: sync, the certificate is listed and previewed
    window = open_window(qtbot, Laptop(tmp_path / "inspector", desk_server.url, "insp1"))
    try:
        sync_in_window(qtbot, window)
        assert status_of(window, inspection_id) == "approved"
        window.show_page("certificates")
        certificates = window.pages["certificates"]
        assert isinstance(certificates, CertificatesPage)
        certificates.refresh_list()
        qtbot.waitUntil(lambda: certificates.model.row_of(certificate_id) >= 0, timeout=10_000)
        certificates.show_certificate(certificate_id)
        qtbot.waitUntil(lambda: certificates.preview.page_count() > 0, timeout=20_000)
        text = certificates.preview.page_text(0)
        assert number in text and serial in text
        assert certificates.heading.text() == number
    finally:
        close(window)


def logo_png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def test_admin_changes_the_document_settings_in_the_window(
        qtbot: QtBot, tmp_path: Path, desk_server: ServerProcess) -> None:
    username = f"admin{uuid.uuid4().hex[:6]}"
    desk_server.admin("create-user", "--username", username, "--full-name", "Admin Uji",
                      "--nip", "198001012005011001", "--role", "admin", "--password-stdin",
                      stdin=PASSWORD + "\n")
    inspector = Laptop(tmp_path / "inspector", desk_server.url, "insp2")
    inspector.sync()
    draft = apar_inspection(inspector, equipment(inspector, inspector.company("PT Kop"),
                                                 f"KOP-{uuid.uuid4().hex[:6]}"))
    admin = Laptop(tmp_path / "admin", desk_server.url, username)
    admin.sync()
    good, bad = tmp_path / "logo.png", tmp_path / "bukan-logo.png"
    good.write_bytes(logo_png(160, 120))
    bad.write_bytes(b"bukan gambar")
    name = f"Balai K3 Uji {uuid.uuid4().hex[:4]}"
    window = open_window(qtbot, admin)
    try:
        window.show_page("settings")
        box = window.pages["settings"].document_box  # type: ignore[attr-defined]
        assert isinstance(box, DocumentSettingsBox) and box.isVisible()
        qtbot.waitUntil(lambda: box.balai_choice.count() == 2 and box.doc is not None,
                        timeout=10_000)
        assert box.balai_choice.isVisible() and box.save_button.isVisible()
        box.balai_choice.setCurrentIndex(box.balai_choice.findText("BK3UJI", Qt.MatchFlag.
                                                                   MatchStartsWith))
        box.balai_choice.activated.emit(box.balai_choice.currentIndex())
        qtbot.waitUntil(lambda: box.doc is not None and box.doc.code == "BK3UJI",
                        timeout=10_000)
        assert not box.save_button.isEnabled()  # nothing changed yet
        # refusals as typed: the send button stays off, each says what is wrong
        box.inputs["city"].setText("")
        assert "wajib diisi" in box.errors["city"].text() and not box.save_button.isEnabled()
        box.inputs["city"].setText("Jakarta Timur")
        box.number_format.setText("{object_code}/{year}")
        assert "{seq}" in box.number_example.text() and not box.save_button.isEnabled()
        box.number_format.setText("{seq:05d}/{balai_code}/{year}")
        assert f"00042/BK3UJI/{date.today().year}" in box.number_example.text()
        box.inputs["email"].setText("bukan-email")
        assert "bukan alamat email" in box.errors["email"].text()
        box.inputs["email"].setText("info@bk3uji.go.id")
        box.inputs["name"].setText(name)
        box.read_logo(bad)
        qtbot.waitUntil(lambda: "bukan gambar" in box.logo_error.text(), timeout=10_000)
        box.read_logo(good)
        qtbot.waitUntil(lambda: box.logo is not None, timeout=10_000)
        assert "160x120" in box.logo_info.text() and not box.logo_error.isVisible()
        assert box.save_button.isEnabled()
        qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Disimpan di server" in box.message.text(), timeout=20_000)
        assert box.doc.version == 2 and box.doc.name == name
    finally:
        close(window)
    # the inspector's laptop gets them with its next pull and prints with them
    inspector.sync()
    with inspector.db.session() as s:
        balai = s.scalars(select(Balai).where(Balai.code == "BK3UJI")).one()
        assert (balai.name, balai.city, balai.email) == (name, "Jakarta Timur",
                                                         "info@bk3uji.go.id")
        assert balai.number_format == "{seq:05d}/{balai_code}/{year}"
        assert logo_bytes(balai.extra["logo"]) == good.read_bytes()
    pdf, _name = document_service.render(inspector.db, draft, "report")
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert name.upper() in page.extract_text().upper()
    assert any(img.image.size == (160, 120) for img in page.images)
    inspector.close()
