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
from k3desk.ui.main_window import NAV, MainWindow, placeholder
from k3desk.ui.session import UiSession


def build_main_window(data_dir: Path, lang: str | None = None) -> MainWindow:
    """Open the data folder and build the window (a ``QApplication`` must exist)."""
    from k3desk.services import auth_service
    from k3desk.store.db import open_database
    from k3desk.ui.i18n import set_language
    from k3desk.ui.pages.browse_page import BrowsePage
    from k3desk.ui.pages.desk import install_desk

    set_language(lang)
    db = open_database(Path(data_dir))
    session = UiSession(db)
    window = MainWindow(session)
    for key, _object_name, _supervisor in NAV:
        if key == "inspections":
            window.set_page(key, BrowsePage(session, "inspections"))
        elif key == "registry":
            window.set_page(key, BrowsePage(session, "registry"))
        elif key in ("review", "certificates"):
            continue  # install_desk below
        else:
            window.set_page(key, placeholder(session, key, window))
    install_desk(window)
    actor = auth_service.current_actor(db)
    if actor is not None:
        session.set_actor(actor)
    return window


def run_app(data_dir: Path, *, with_demo: bool = False, lang: str | None = None) -> int:
    from k3desk.logging_setup import setup_logging
    from k3desk.services.backup_service import maybe_auto_backup
    from k3desk.ui.errors import install_excepthook

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("k3desk")
    try:
        if with_demo:
            from k3desk.services.demo_service import create_demo, demo_exists

            if not demo_exists(data_dir):
                create_demo(data_dir)
        setup_logging(data_dir)
        window = build_main_window(data_dir, lang)
        maybe_auto_backup(window.session.db)
    except K3Error as exc:
        QMessageBox.critical(None, "k3desk", str(exc))
        return 2
    install_excepthook()
    window.show()
    code = int(app.exec())
    window.session.close()
    return code
