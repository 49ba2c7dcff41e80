"""Starting the desktop application.

``build_main_window(data_dir, lang=None)`` returns the main window without starting an
event loop (tests drive it with pytest-qt); ``run_app`` adds the event loop, logging,
the unexpected-error handler and the demo data folder of ``scripts/start``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from k3desk.domain.errors import K3Error
from k3desk.ui.first_paint import after_first_paint
from k3desk.ui.main_window import MainWindow
from k3desk.ui.session import UiSession


def build_main_window(data_dir: Path, lang: str | None = None) -> MainWindow:
    """Open the data folder and build the window (a ``QApplication`` must exist).

    The window opens on the welcome page (no users in the folder), else on the login
    page, every start (issue 11), with the last username filled in and the focus on the
    password; a user the CLI or an earlier window left logged in is not let in without
    the password. Tests log in with ``window.session.set_actor(actor)``."""
    window = _build_first(data_dir, lang)
    _build_rest(window)
    return window


def _build_first(data_dir: Path, lang: str | None) -> MainWindow:
    """What the first screen (welcome or login) needs: the shell and the plain pages."""
    from k3desk.services import auth_service, settings_service
    from k3desk.store.db import open_database
    from k3desk.ui.i18n import set_language
    from k3desk.ui.pages.dashboard_page import DashboardPage
    from k3desk.ui.pages.inspections_page import InspectionsPage
    from k3desk.ui.pages.registry_page import RegistryPage
    from k3desk.ui.pages.settings_page import SettingsPage

    db = open_database(Path(data_dir))
    set_language(lang or settings_service.language(db))  # the stored choice, by default
    session = UiSession(db)
    window = MainWindow(session)
    window.install_start_pages()
    window.set_page("dashboard", DashboardPage(session, window))
    window.set_page("inspections", InspectionsPage(session))
    window.set_page("registry", RegistryPage(session))
    window.set_page("settings", SettingsPage(session, window))
    # the editor, review and certificates: _build_rest
    last = window.settings.value("last_username")
    if not last:
        actor = auth_service.current_actor(db)  # one small query, before the loop runs
        last = actor.username if actor is not None else ""
    window.login_page.set_last_username(str(last))
    window.show_start()
    return window


def _build_rest(window: MainWindow) -> None:
    """The pages no one reaches before logging in: the editor (templates, pydantic) and
    the review and certificate desk (documents)."""
    from k3desk.ui.pages.desk import install_desk

    _install_editor(window)
    install_desk(window)


def _install_editor(window: MainWindow) -> None:
    """The inspection editor (``window.pages["editor"]``) and the crash-recovery bar."""
    from k3desk.ui.editor.recovery import install_recovery
    from k3desk.ui.pages.editor_page import EditorPage

    window.set_page("editor", EditorPage(window.session))
    install_recovery(window)


def start_housekeeping(window: MainWindow) -> None:
    """At app start, on the database worker: delete photo blobs no attachment names any
    more (left by a crash between storing a blob and committing its row; only files
    older than an hour, so a write in flight in another process is never touched)."""
    import logging

    from k3desk.services import attachment_service

    def swept(removed: int) -> None:
        if removed:
            logging.getLogger(__name__).info("removed %d unreferenced blob file(s)", removed)

    window.session.run(attachment_service.sweep_unreferenced, window.session.db,
                       success=swept, failure=lambda exc: logging.getLogger(__name__)
                       .warning("blob sweep failed: %s", exc))


def run_app(data_dir: Path, *, with_demo: bool = False, lang: str | None = None) -> int:
    from k3desk.logging_setup import setup_logging
    from k3desk.services.backup_service import maybe_auto_backup
    from k3desk.ui.errors import install_excepthook

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("k3desk")
    try:
        if with_demo:
            from k3desk.services.demo_service import create_demo, has_users

            if not has_users(data_dir):  # a fresh folder only: never a real one
                create_demo(data_dir)
        setup_logging(data_dir)
        window = _build_first(data_dir, lang)
    except K3Error as exc:
        QMessageBox.critical(None, "k3desk", str(exc))
        return 2
    install_excepthook()
    window.show()

    def after_shown() -> None:
        # Once the first screen is on screen: the pages behind the login, then, off the
        # UI thread, the day's backup (seconds for years of inspections; on the render
        # worker, so the login's queries do not wait for it; it never raises) and the
        # blob sweep.
        _build_rest(window)
        window.session.run(maybe_auto_backup, window.session.db, pool="render")
        start_housekeeping(window)

    after_first_paint(window, after_shown)
    code = int(app.exec())
    while window.successor is not None:  # a demo folder set aside for a real one
        window = window.successor
    window.session.close()
    window.session.db.dispose()
    return code
