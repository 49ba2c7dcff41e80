"""Starting the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path

from k3desk.domain.errors import K3Error


def run_app(data_dir: Path, *, with_demo: bool = False, lang: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from k3desk.logging_setup import setup_logging
    from k3desk.services import auth_service
    from k3desk.services.backup_service import maybe_auto_backup
    from k3desk.store.db import open_database
    from k3desk.ui.i18n import set_language
    from k3desk.ui.main_window import MainWindow

    set_language(lang)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("k3desk")
    try:
        if with_demo:
            from k3desk.services.demo_service import create_demo, demo_exists

            if not demo_exists(data_dir):
                create_demo(data_dir)
        setup_logging(data_dir)
        db = open_database(data_dir)
        maybe_auto_backup(db)
    except K3Error as exc:
        QMessageBox.critical(None, "k3desk", str(exc))
        return 2
    window = MainWindow(db, auth_service.current_actor(db))
    window.show()
    return int(app.exec())
