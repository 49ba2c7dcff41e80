"""Screenshots of the supervisor's desk at 1366x768:
`QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_desk.py [OUT_DIR]`.

Makes a demo data folder in a temporary directory, logs in as the supervisor and saves
docs/images/review.png (the review page) and docs/images/certificate-preview.png (the
certificates page with a certificate's preview). With OUT_DIR, also the dialogs.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from k3desk.services import auth_service
from k3desk.services.demo_service import create_demo
from k3desk.ui.app import build_main_window

IMAGES = Path(__file__).resolve().parent.parent / "docs" / "images"


def pump(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    extra = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    app = QApplication([])
    data = Path(tempfile.mkdtemp()) / "data"
    create_demo(data)
    window = build_main_window(data)
    window.resize(1366, 768)
    window.show()
    window.session.set_actor(auth_service.login_offline(window.session.db, "penyelia",
                                                        "demo-penyelia"))
    window.show_page("review")
    pump(app, 2.5)
    window.grab().save(str(IMAGES / "review.png"))
    review = window.pages["review"]

    def shot(widget: QWidget | None, name: str) -> None:
        if extra is not None and widget is not None:
            pump(app, 0.4)
            widget.grab().save(str(extra / name))

    if extra is not None:
        extra.mkdir(parents=True, exist_ok=True)
        for tab in (1, 3):
            review.view.tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]
            shot(window, f"review-tab{tab}.png")
        review.view.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
        review.reject()  # type: ignore[attr-defined]
        shot(review.dialog, "reject-dialog.png")  # type: ignore[attr-defined]
        review.dialog.close()  # type: ignore[attr-defined]
        review.approve()  # type: ignore[attr-defined]
        pump(app, 1.0)
        shot(review.dialog, "confirm-approve.png")  # type: ignore[attr-defined]
        review.dialog.close()  # type: ignore[attr-defined]
    window.show_page("certificates")
    pump(app, 1.5)
    certificates = window.pages["certificates"]
    rows = certificates.model.rows()  # type: ignore[attr-defined]
    chosen = next(r for r in rows if r.verdict == "memenuhi")
    certificates.table.selectRow(certificates.model.row_of(chosen.id))  # type: ignore[attr-defined]
    pump(app, 4.0)
    window.grab().save(str(IMAGES / "certificate-preview.png"))
    if extra is not None:
        certificates.show_qr()  # type: ignore[attr-defined]
        shot(certificates.dialog, "qr-viewer.png")  # type: ignore[attr-defined]
        certificates.dialog.close()  # type: ignore[attr-defined]
        certificates.print_document()  # type: ignore[attr-defined]
        shot(certificates.dialog, "print-dialog.png")  # type: ignore[attr-defined]
        certificates.dialog.close()  # type: ignore[attr-defined]
        certificates.revoke()  # type: ignore[attr-defined]
        shot(certificates.dialog, "revoke-dialog.png")  # type: ignore[attr-defined]
        certificates.dialog.close()  # type: ignore[attr-defined]
    window.session.ops.wait_idle()
    window.session.close()
    window.session.db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
