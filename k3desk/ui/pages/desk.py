"""Install the supervisor's desk in the window: the review and certificates pages, a
"Tinjauan" menu with their actions, and the links between them (an approval opens the
certificate's preview; a correction opens in the editor)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from k3desk.ui.dialogs.confirm import inform
from k3desk.ui.pages.certificates_page import CertificatesPage
from k3desk.ui.pages.review_page import ReviewPage

if TYPE_CHECKING:
    from k3desk.ui.main_window import MainWindow

translate = QCoreApplication.translate


def install_desk(window: MainWindow) -> tuple[ReviewPage, CertificatesPage]:
    session = window.session
    review = ReviewPage(session)
    certificates = CertificatesPage(session)
    window.set_page("review", review)
    window.set_page("certificates", certificates)
    review.connected = lambda: bool(window.sync.configured)

    menu = window.menuBar().addMenu(translate("desk", "T&injauan"))
    menu.setObjectName("menu_review")
    actions = window.menuBar().actions()
    if len(actions) >= 2:  # before Bantuan, the last menu
        window.menuBar().insertMenu(actions[-2], menu)
    for action in review.decision_actions:
        menu.addAction(action)
    menu.addSeparator()
    for action in (certificates.action_print_certificate,
                   certificates.action_save_certificate_as,
                   certificates.action_revoke_certificate,
                   certificates.action_correct_certificate):
        menu.addAction(action)
    for action in (*review.decision_actions, certificates.action_print_certificate,
                   certificates.action_save_certificate_as,
                   certificates.action_revoke_certificate,
                   certificates.action_correct_certificate):
        window.actions_by_name[action.objectName()] = action

    def on_actor(_actor: object) -> None:
        menu.menuAction().setVisible(session.is_supervisor
                                     or session.actor is None)

    session.actor_changed.connect(on_actor)
    on_actor(session.actor)

    def open_preview(certificate_id: str, pdf: bytes) -> None:
        window.show_page("certificates")
        certificates.show_certificate(certificate_id, pdf)

    def open_inspection(inspection_id: str) -> None:
        opener = getattr(window, "open_inspection", None)
        if callable(opener):
            opener(inspection_id)
        else:
            certificates.dialog = inform(certificates, "correction_created",
                                         translate("desk", "Koreksi"), translate(
                "desk", "Draf pengganti sudah dibuat; bukalah dari daftar Pemeriksaan."))

    review.certificate_ready.connect(open_preview)
    certificates.open_inspection_requested.connect(open_inspection)
    return review, certificates
