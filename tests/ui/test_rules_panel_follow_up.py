"""The rules panel never shows "Tidak memenuhi" for a failed minor rule: like the
certificate and the report, it shows a finding to follow up under the passing verdict."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QListWidget
from pytestqt.qtbot import QtBot

from k3desk.domain.evaluation import example_values
from k3desk.domain.templates import default_registry
from k3desk.reports.model import FOLLOW_UP_LABEL
from k3desk.ui.editor.rules_panel import STATUS_ROLE
from tests.ui.editor_support import close, message, new_draft, open_editor, widget, window_for

DEFLECTION = "Lendutan girder ≤ bentang/600"


def test_failed_minor_rule_is_a_finding_to_follow_up(qtbot: QtBot, demo_dir: Path) -> None:
    values = example_values(default_registry().latest_for_object_type("overhead_crane"))
    values.pop("jenis_pemeriksaan", None)
    for step in values["langkah_uji_beban"]:
        step["lendutan"] = 31  # span 18 m: at most 30 mm (a minor rule)
    window = window_for(qtbot, demo_dir)
    iid = new_draft(window.session.db, "overhead_crane", values, full=True)
    page = open_editor(qtbot, window, iid)
    verdict = widget(page, "rules_verdict")
    assert isinstance(verdict, QLabel) and verdict.property("verdict") == "memenuhi"
    rules = page.findChild(QListWidget, "rules_list")
    assert rules is not None
    items = [rules.item(i) for i in range(rules.count())]
    minor = [i for i in items if DEFLECTION in i.text() and i.data(STATUS_ROLE) != "pass"]
    assert minor, [i.text() for i in items]
    for item in minor:
        assert item.data(STATUS_ROLE) == "follow_up"
        assert FOLLOW_UP_LABEL in item.text()
        assert "Tidak memenuhi" not in item.text()
    # no rule of this inspection reads "Tidak memenuhi" under its passing verdict
    assert not any("Tidak memenuhi —" in i.text() for i in items)
    assert "perlu tindak lanjut" in widget(page, "rules_summary").text()
    assert message(page, "langkah_uji_beban[0].lendutan").startswith("Perlu tindak lanjut")
    close(window)
