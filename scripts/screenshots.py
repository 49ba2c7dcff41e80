"""Take the README's pictures: `xvfb-run -a .venv/bin/python scripts/screenshots.py [LANG]`.

Makes a fresh data folder in a temporary directory and walks through the window as an
inspector and then a supervisor would, saving each screen at 1366x768 to docs/images/:
welcome, login, dashboard, inspections, new-inspection, editor (the rules panel showing
a failing rule), registry, review, certificate-preview, conflict, settings. LANG is
``id`` (the default) or ``en`` (the pictures get a ``-en`` suffix); in Indonesian the
English dashboard (dashboard-en.png) is shot too once resources/i18n/k3desk_en.qm exists.

To give the dashboard something to show, a few of the demo's certificates are moved
close to their re-test date and one company conflict is written as a sync would leave
it; nothing of this touches a real data folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images"
SIZE = (1366, 768)
# QCoreApplication.processEvents() drops a reference to None per call (PySide 6.12);
# a long wait loop would exhaust it. Hold enough references for this script's loops.
_KEEP = [None] * 5_000_000


def wait(app: QApplication, condition: Callable[[], object], timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("screenshots: timed out waiting for the window")
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication, seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


class Shooter:
    def __init__(self, app: QApplication, suffix: str) -> None:
        self.app, self.suffix = app, suffix

    def save(self, widget: QWidget, name: str) -> None:
        settle(self.app, 0.3)
        path = OUT / f"{name}{self.suffix}.png"
        widget.grab().save(str(path))
        print(f"saved {path.relative_to(ROOT)}")


def prepare(data: Path) -> None:
    """Re-tests due soon and one conflict, so the dashboard and the dialog show them."""
    from sqlalchemy import select

    from k3desk.store.db import open_database
    from k3desk.store.models import Certificate, Company, Conflict

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
                       reason="Kolom yang sama diubah di laptop ini dan di server: nama dan "
                              "telepon."))
    db.dispose()


def login(app: QApplication, window: Any, username: str, password: str) -> None:
    wait(app, lambda: window.top.currentWidget() is window.login_page)
    window.login_page.username.setText(username)
    window.login_page.password.setText(password)
    window.login_page.submit.click()
    wait(app, lambda: window.top.currentWidget() is window.workspace)


def logout(app: QApplication, window: Any) -> None:
    window.actions_by_name["action_logout"].trigger()
    wait(app, lambda: window.top.currentWidget() is window.login_page)


def dashboard(app: QApplication, shoot: Shooter, window: Any, name: str = "dashboard") -> None:
    window.show_page("dashboard")
    page = window.pages["dashboard"]
    wait(app, lambda: page.data is not None)
    settle(app, 0.8)
    shoot.save(window, name)


def editor_with_a_failing_rule(app: QApplication, shoot: Shooter, window: Any) -> None:
    """The inspector's drafts, the first whose rules panel shows a failed rule."""
    page = window.pages["inspections"]
    page.apply_filter(status="draft", mine=True)
    wait(app, lambda: page.settled)
    editor = window.pages["editor"]
    for row in range(min(page.model.rowCount(), 12)):
        inspection_id = page.model.id_at(row)
        editor.data = None
        window.open_inspection(inspection_id)
        wait(app, lambda i=inspection_id: editor.data is not None and editor.data.id == i)
        settle(app, 0.5)
        if editor.evaluation is not None and editor.evaluation.failed:
            break
    failed = editor.evaluation.failed if editor.evaluation is not None else []
    if failed and failed[0].fields:
        editor.jump_to(failed[0].fields[0])
    settle(app, 1.0)
    shoot.save(window, "editor")


def shoot_inspector(app: QApplication, shoot: Shooter, window: Any) -> None:
    login(app, window, "inspektur", "demo-inspektur")
    dashboard(app, shoot, window)

    window.show_page("inspections")
    page = window.pages["inspections"]
    page.apply_filter()
    wait(app, lambda: page.settled and page.model.item(0) is not None)
    settle(app, 0.8)
    shoot.save(window, "inspections")

    window.actions_by_name["action_new_inspection"].trigger()  # Ctrl+N
    dialog = page.new_dialog
    wait(app, lambda: dialog.company_list.count() > 0)
    dialog.company_search.setText("Sinar")
    wait(app, lambda: dialog.equipment_list.count() > 0)
    dialog.equipment_list.setCurrentRow(0)
    shoot.save(dialog, "new-inspection")
    dialog.reject()

    editor_with_a_failing_rule(app, shoot, window)

    window.show_page("registry")
    registry = window.pages["registry"]
    registry.tabs.setCurrentWidget(registry.equipment)
    wait(app, lambda: registry.equipment.model.rowCount() > 0)
    detail = registry.equipment.detail
    for row in range(min(registry.equipment.model.rowCount(), 40)):  # one with a history
        detail.clear()
        registry.equipment.view.selectRow(row)
        wait(app, lambda: bool(detail.toPlainText().strip()))
        if "Belum ada sertifikat" not in detail.toPlainText():
            break
    settle(app, 0.8)
    shoot.save(window, "registry")
    logout(app, window)


def shoot_supervisor(app: QApplication, shoot: Shooter, window: Any) -> None:
    from k3desk.ui.dialogs.conflict_dialog import ConflictDialog

    login(app, window, "penyelia", "demo-penyelia")
    window.show_page("review")
    review = window.pages["review"]
    wait(app, lambda: review.detail is not None)
    form = review.view.form
    wait(app, lambda: form is not None and form.data is not None)
    settle(app, 1.5)
    shoot.save(window, "review")

    window.show_page("certificates")
    certificates = window.pages["certificates"]
    wait(app, lambda: bool(certificates.model.rows()))
    chosen = next(r for r in certificates.model.rows() if r.verdict == "memenuhi")
    certificates.table.selectRow(certificates.model.row_of(chosen.id))
    wait(app, lambda: certificates.preview.page_count() > 0, 60)
    settle(app, 1.5)
    shoot.save(window, "certificate-preview")

    window.show_page("settings")
    settle(app, 1.0)
    shoot.save(window, "settings")

    dialog = ConflictDialog.open_for(window)
    dialog.resize(*SIZE)
    settle(app, 1.0)
    dialog.choose("name", "theirs")
    dialog.choose("phone", "mine")
    shoot.save(dialog, "conflict")
    dialog.close()
    logout(app, window)


def close(window: Any) -> None:
    window.close()
    window.session.ops.wait_idle()
    window.sync.stop()
    window.session.close()
    window.session.db.dispose()


def main() -> int:
    os.environ.setdefault("K3DESK_KEYRING", "0")
    from k3desk.paths import resources_dir
    from k3desk.ui.app import build_main_window

    lang = sys.argv[1] if len(sys.argv) > 1 else "id"
    app = QApplication(sys.argv[:1])
    shoot = Shooter(app, "" if lang == "id" else f"-{lang}")
    OUT.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp()) / "data"
    window = build_main_window(data, lang)
    window.resize(*SIZE)
    window.show()
    wait(app, lambda: window.top.currentWidget() is window.welcome_page)
    shoot.save(window, "welcome")

    window.welcome_page.demo_button.click()
    wait(app, lambda: window.top.currentWidget() is window.login_page, 300)
    prepare(data)
    window.login_page.username.setText("inspektur")
    window.login_page.password.setFocus()
    shoot.save(window, "login")

    shoot_inspector(app, shoot, window)
    shoot_supervisor(app, shoot, window)
    close(window)

    if lang == "id" and (resources_dir() / "i18n" / "k3desk_en.qm").exists():
        english = build_main_window(data, "en")
        english.resize(*SIZE)
        english.show()
        login(app, english, "inspektur", "demo-inspektur")
        dashboard(app, Shooter(app, "-en"), english)
        close(english)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
