"""Screenshots of the desk screens at 1366x768: the dashboard, the conflict dialog and
the settings page, saved to docs/images/ (dashboard.png, conflict.png, settings.png).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/desk_screenshots.py [id|en]

A demo data folder is made in a temporary directory. The demo's certificates were all
issued today (a year or more to go), so a few are moved closer to their re-test date
here, and one company conflict is written as a sync would leave it, so the pictures
show a list and a conflict; nothing of this touches a real data folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

OUT = Path(__file__).resolve().parent.parent / "docs" / "images"
SIZE = (1366, 768)


def prepare(data: Path) -> None:
    from k3desk.services.demo_service import create_demo
    from k3desk.store.db import open_database
    from k3desk.store.models import Certificate, Company, Conflict

    create_demo(data)
    db = open_database(data)
    today = date.today()
    with db.session(remote=True) as s:
        certs = list(s.scalars(select(Certificate).where(Certificate.valid_until.is_not(None))
                               .order_by(Certificate.number)))
        for cert, days in zip(certs, (-12, -3, 6, 14, 27, 41, 58, 75, 88), strict=False):
            cert.valid_until = today + timedelta(days=days)
        company = s.scalars(select(Company).order_by(Company.name)).first()
        assert company is not None
        base = company.to_data()
        mine = {**base, "name": base["name"] + " (Cabang Cakung)", "phone": "(021) 4401122",
                "_deleted": False}
        theirs = {**base, "name": base["name"] + " Tbk", "phone": "(021) 4409988",
                  "contact_person": "Dewi Lestari", "_deleted": False}
        s.add(Conflict(record_type="company", record_id=company.id,
                       base={**base, "_deleted": False}, mine=mine, theirs=theirs,
                       fields=[["name"], ["phone"]],
                       reason="Kolom yang sama diubah di laptop ini dan di server: name, "
                              "phone. Pilih: pakai milik saya, pakai dari server, atau sunting."))
    db.dispose()


def main() -> int:
    os.environ.setdefault("K3DESK_KEYRING", "0")
    lang = sys.argv[1] if len(sys.argv) > 1 else "id"
    suffix = "" if lang == "id" else f"-{lang}"
    data = Path(tempfile.mkdtemp()) / "data"
    prepare(data)
    app = QApplication([])
    from k3desk.services import auth_service
    from k3desk.ui.app import build_main_window
    from k3desk.ui.dialogs.conflict_dialog import ConflictDialog

    window = build_main_window(data, lang)
    window.session.set_actor(auth_service.login_offline(window.session.db, "penyelia",
                                                        "demo-penyelia"))
    window.resize(*SIZE)
    window.show()
    window.show_page("dashboard")
    OUT.mkdir(parents=True, exist_ok=True)

    def dashboard() -> None:
        window.grab().save(str(OUT / f"dashboard{suffix}.png"))
        window.show_page("settings")
        QTimer.singleShot(700, settings)

    def settings() -> None:
        window.grab().save(str(OUT / f"settings{suffix}.png"))
        dialog = ConflictDialog.open_for(window)
        dialog.resize(*SIZE)
        QTimer.singleShot(700, lambda: conflict(dialog))

    def conflict(dialog: ConflictDialog) -> None:
        dialog.choose("name", "theirs")
        dialog.choose("phone", "mine")
        dialog.grab().save(str(OUT / f"conflict{suffix}.png"))
        window.sync.stop()
        app.quit()

    QTimer.singleShot(1200, dashboard)
    code = int(app.exec())
    window.session.close()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
