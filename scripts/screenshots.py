"""Take the README's screenshots: `xvfb-run -a .venv/bin/python scripts/screenshots.py`.

Makes a demo data folder in a temporary directory, opens the main window and an
inspection's details, and saves PNGs of the windows to docs/images/.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from k3desk.services import browse_service
from k3desk.services.demo_service import create_demo
from k3desk.services.inspection_service import InspectionQuery
from k3desk.store.db import open_database
from k3desk.ui.i18n import set_language
from k3desk.ui.main_window import InspectionDetailDialog, MainWindow

OUT = Path(__file__).resolve().parent.parent / "docs" / "images"


def main() -> int:
    set_language(sys.argv[1] if len(sys.argv) > 1 else "id")
    data = Path(tempfile.mkdtemp()) / "data"
    create_demo(data)
    app = QApplication([])
    db = open_database(data)
    window = MainWindow(db, None)
    window.resize(1180, 680)
    window.show()

    def shoot() -> None:
        window.grab().save(str(OUT / "main-window.png"))
        rows = browse_service.inspection_rows(db, InspectionQuery(status="rejected"))
        dialog = InspectionDetailDialog(db, rows[0]["id"], window)
        dialog.show()
        QTimer.singleShot(400, lambda: (dialog.grab().save(str(OUT / "inspection-detail.png")),
                                        app.quit()))

    QTimer.singleShot(800, shoot)
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
