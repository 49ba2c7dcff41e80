"""Take the README's screenshots: `xvfb-run -a .venv/bin/python scripts/screenshots.py`.

Starts the app on a fresh data folder in a temporary directory, walks through the
screens as an inspector would (welcome, demo data, login, inspections list, new
inspection, registry, an inspection opened) and saves a PNG of each at 1366x768 to
docs/images/. ``shoot_editor`` is the hook for the editor with its rules panel.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

OUT = Path(__file__).resolve().parent.parent / "docs" / "images"
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


def settle(app: QApplication, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, name: str) -> None:
    widget.grab().save(str(OUT / name))
    print(f"saved docs/images/{name}")


def shoot_editor(app: QApplication, window: object) -> None:
    """Hook: the editor with its rules panel (once the editor page is in)."""
    editor = window.pages.get("editor")  # type: ignore[attr-defined]
    if editor is None or type(editor).__name__ == "InspectionViewPage":
        save(window, "inspection-view.png")  # type: ignore[arg-type]
        return
    save(window, "editor.png")  # type: ignore[arg-type]


def main() -> int:
    from k3desk.ui.app import build_main_window

    lang = sys.argv[1] if len(sys.argv) > 1 else None
    app = QApplication(sys.argv[:1])
    data = Path(tempfile.mkdtemp()) / "data"
    window = build_main_window(data, lang)
    window.resize(*SIZE)
    window.show()
    wait(app, lambda: window.top.currentWidget() is window.welcome_page)
    settle(app)
    save(window, "welcome.png")

    window.welcome_page.demo_button.click()
    wait(app, lambda: window.top.currentWidget() is window.login_page, 300)
    window.login_page.username.setText("inspektur")
    settle(app)
    save(window, "login.png")

    window.login_page.password.setText("demo-inspektur")
    window.login_page.submit.click()
    wait(app, lambda: window.top.currentWidget() is window.workspace)
    window.show_page("inspections")
    page = window.pages["inspections"]
    wait(app, lambda: page.settled and page.model.item(0) is not None)
    settle(app, 0.8)
    save(window, "inspections.png")

    page.new_inspection()
    dialog = page.new_dialog
    wait(app, lambda: dialog.company_list.count() > 0)
    dialog.company_search.setText("Sinar")
    wait(app, lambda: dialog.equipment_list.count() > 0)
    dialog.equipment_list.setCurrentRow(0)
    settle(app)
    save(dialog, "new-inspection.png")
    dialog.reject()

    window.show_page("registry")
    registry = window.pages["registry"]
    registry.tabs.setCurrentWidget(registry.equipment)
    wait(app, lambda: registry.equipment.model.rowCount() > 0)
    registry.equipment.view.selectRow(0)
    wait(app, lambda: registry.equipment.detail is not None
         and "Riwayat" in registry.equipment.detail.toPlainText())
    settle(app)
    save(window, "registry.png")

    window.show_page("inspections")
    page.status.setCurrentIndex(page.status.findData("rejected"))
    wait(app, lambda: page.settled and page.model.item(0) is not None)
    window.open_inspection(page.model.id_at(0))
    settle(app, 1.5)
    shoot_editor(app, window)

    window.close()
    window.session.close()
    window.session.db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
