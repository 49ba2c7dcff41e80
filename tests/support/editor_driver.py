"""A window in its own process for the SIGKILL test: open the editor on an inspection,
go to a section, add group rows and type values with QTest, print READY, then keep
running until killed.

    python -m tests.support.editor_driver DATA_DIR INSPECTION_ID SECTION STEP...

A STEP is ``+GROUP`` (click the group's add-row button) or ``PATH=TEXT`` (type TEXT into
``field:PATH``), done in order.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit  # noqa: E402

from k3desk.services import auth_service  # noqa: E402
from k3desk.ui.app import build_main_window  # noqa: E402


def main() -> None:
    data_dir, inspection_id, section = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = QApplication(sys.argv[:1])
    window = build_main_window(data_dir)
    window.session.set_actor(auth_service.login_offline(window.session.db, "inspektur",
                                                        "demo-inspektur"))
    window.resize(1366, 768)
    window.show()
    page = window.pages["editor"]
    window.show_page("editor")
    page.open_inspection(inspection_id)  # type: ignore[attr-defined]
    deadline = time.monotonic() + 20
    while getattr(page, "data", None) is None and time.monotonic() < deadline:
        app.processEvents()
    page.jump_to_section(section)  # type: ignore[attr-defined]
    settle = time.monotonic() + 1.3  # where the inspector is is remembered after a second
    while time.monotonic() < settle:
        app.processEvents()
    for step in sys.argv[4:]:
        if step.startswith("+"):
            button = page.findChild(QAbstractButton, f"group_add:{step[1:]}")
            assert button is not None, step
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            continue
        path, text = step.split("=", 1)
        edit = page.findChild(QLineEdit, f"field:{path}")
        assert edit is not None, path
        edit.setFocus()
        QTest.keyClicks(edit, text)
    print("READY", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
