"""Sync in the window against a real ``k3desk server`` on loopback: cancel, conflicts
resolved field by field in the dialog, refused changes with the server's reason,
and logging in again when the login expired."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from k3desk.services import auth_service, records_service, sync_service
from k3desk.store.models import Company, Equipment, OutboxEntry
from k3desk.sync.background import State
from k3desk.sync.engine import CURSOR_KEY, Cancelled
from k3desk.sync.token_store import TokenStore
from k3desk.ui.app import build_main_window
from k3desk.ui.dialogs.conflict_dialog import ConflictDialog
from k3desk.ui.dialogs.quarantine_dialog import QuarantineDialog
from k3desk.ui.main_window import MainWindow
from tests.support.server_process import ServerProcess
from tests.sync.helpers import PASSWORD, Laptop, make_server

pytestmark = pytest.mark.slow  # a real server process


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    srv = make_server(tmp_path_factory.mktemp("desk-server"))
    try:
        yield srv
    finally:
        srv.stop()


def _window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    """The laptop's window, logged in as the user its online login left (the window
    itself always opens on the login page)."""
    window = build_main_window(data_dir)
    actor = auth_service.current_actor(window.session.db)
    if actor is not None:
        window.session.set_actor(actor)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def _close(window: MainWindow) -> None:
    window.sync.stop()
    window.session.close()
    window.session.db.dispose()


def _companies(lap: Laptop, n: int, prefix: str) -> None:
    ctx = lap.ctx
    with lap.db.session() as s:
        for i in range(n):
            records_service.apply_company(ctx, s, {"name": f"{prefix} {i:04d}",
                                                   "address": "Jl. Uji"})


def _count(lap: Laptop, model: type, **where: object) -> int:
    with lap.db.session() as s:
        stmt = select(func.count()).select_from(model)
        for name, value in where.items():
            stmt = stmt.where(getattr(model, name) == value)
        return int(s.scalar(stmt) or 0)


def _pending(lap: Laptop) -> int:
    return _count(lap, OutboxEntry, state="pending")


def test_engine_cancel_stops_between_batches_and_pages(tmp_path: Path,
                                                       server: ServerProcess) -> None:
    sender = Laptop(tmp_path / "sender", server.url, "insp1")
    prefix = f"PT Batal {uuid.uuid4().hex[:6]}"
    _companies(sender, 12, prefix)
    engine = sender.engine()
    real_info = engine.fetch_info

    def small_batches():  # the server's limits, with batches of 5 to have several
        info = real_info()
        engine.info = engine.info.model_copy(update={"max_push_changes": 5})
        return info

    engine.fetch_info = small_batches  # type: ignore[method-assign]
    seen: list[tuple[str, int]] = []
    engine.progress = lambda phase, done, _total: seen.append((phase, done))
    engine.should_stop = lambda: any(p == "push" and d >= 5 for p, d in seen)
    with pytest.raises(Cancelled):
        engine.sync()
    engine.client.close()
    assert _count(sender, OutboxEntry, state="done") == 5
    with sender.db.session() as s:  # the rest was never sent: not frozen, still editable
        rest = list(s.scalars(select(OutboxEntry).where(OutboxEntry.state == "pending")))
    assert len(rest) == 7 and all(e.attempts == 0 for e in rest)
    assert sender.sync().pushed == 7 and _pending(sender) == 0

    # pulling: cancelled after two pages of five; the cursor matches what was applied
    reader = Laptop(tmp_path / "reader", server.url, "insp2")
    engine = reader.engine()
    engine.pull_limit = 5
    pages: list[int] = []
    engine.progress = lambda phase, done, _total: pages.append(done) if phase == "pull" \
        else None
    engine.should_stop = lambda: len(pages) >= 2
    with pytest.raises(Cancelled):
        engine.sync()
    engine.client.close()
    with reader.db.session() as s:
        from k3desk.store.settings import get

        cursor = int(get(s, CURSOR_KEY))
    assert pages == [5, 10] and cursor > 0
    reader.sync()
    assert _count(reader, Company) >= 12
    with reader.db.session() as s:
        names = list(s.scalars(select(Company.name).where(Company.name.like(f"{prefix}%"))))
    assert sorted(names) == [f"{prefix} {i:04d}" for i in range(12)]  # each once
    sender.close()
    reader.close()


def test_cancel_in_the_window_keeps_what_was_sent(qtbot: QtBot, tmp_path: Path,
                                                  server: ServerProcess) -> None:
    lap = Laptop(tmp_path / "busy", server.url, "insp1")
    _companies(lap, 1200, f"PT Antre {uuid.uuid4().hex[:6]}")  # three batches of 500
    lap.close()
    window = _window(qtbot, tmp_path / "busy")
    clicked: list[int] = []

    def on_state(status: object) -> None:
        if (getattr(status, "state", None) == State.SYNCING and status.phase == "push"  # type: ignore[attr-defined]
                and status.done > 0 and not clicked):  # type: ignore[attr-defined]
            assert window.sync_ui.cancel_button.isVisible()
            assert "dari 1200" in window.sync_label.text()
            clicked.append(status.done)  # type: ignore[attr-defined]
            qtbot.mouseClick(window.sync_ui.cancel_button, Qt.MouseButton.LeftButton)

    try:
        window.sync.state_changed.connect(on_state)
        qtbot.waitUntil(lambda: window.sync_ui.status is not None
                        and window.sync_ui.status.state == State.CANCELLED, timeout=90_000)
        assert window.sync_label.text() == "Sinkronisasi dibatalkan"
        assert not window.sync_ui.cancel_button.isVisible()
        counts = sync_service.status(window.session.db)
        assert 0 < counts.pending < 1200  # some went, the rest waits, nothing lost
        with window.session.db.session() as s:
            assert s.scalar(select(func.count()).select_from(OutboxEntry).where(
                OutboxEntry.state == "done")) == 1200 - counts.pending
        window.sync_ui.show_panel()
        assert "Sinkronisasi dihentikan" in window.sync_ui.dialog.message.text()
    finally:
        _close(window)


def test_conflict_resolved_field_by_field_in_the_dialog(qtbot: QtBot, tmp_path: Path,
                                                        server: ServerProcess) -> None:
    a = Laptop(tmp_path / "a", server.url, "insp1")
    b = Laptop(tmp_path / "b", server.url, "insp2")
    name = f"PT Sengketa {uuid.uuid4().hex[:6]}"
    company_id = a.company(name, phone="021-1000", city="Jakarta")
    a.sync()
    b.sync()
    records_service.save_company(a.ctx, {"name": f"{name} (versi A)", "phone": "021-1111"},
                                 company_id)
    records_service.save_company(b.ctx, {"name": f"{name} (versi B)", "phone": "021-2222",
                                         "city": "Bekasi"}, company_id)
    a.sync()
    summary = b.sync()
    assert summary.conflicts == 1
    b.close()
    window = _window(qtbot, tmp_path / "b")
    try:
        window.sync_ui.open_conflicts()
        dialog = window._conflict_dialog  # type: ignore[attr-defined]
        assert isinstance(dialog, ConflictDialog) and dialog.objectName() == "conflict_dialog"
        qtbot.waitUntil(lambda: dialog.list.count() == 1 and dialog.current is not None)
        table = dialog.findChild(type(dialog.table), "conflict_fields")
        paths = [table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(table.rowCount())]
        assert sorted(paths) == ["name", "phone"]  # city: only B changed it, merged
        row = paths.index("name")
        assert [table.item(row, c).text() for c in (1, 2, 3)] == [
            name, f"{name} (versi B)", f"{name} (versi A)"]
        assert "Perusahaan" in dialog.title.text()
        dialog.findChild(type(dialog.choices["name"]), "conflict_choice:name").setCurrentIndex(1)
        assert dialog.values["name"].text() == f"{name} (versi A)"  # theirs shown
        dialog.choose("phone", "mine")
        qtbot.mouseClick(dialog.resolve_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=10_000)
        assert "diselesaikan" in dialog.notice.text()
        window.actions_by_name["action_sync_now"].trigger()  # F5
        qtbot.waitUntil(lambda: sync_service.status(window.session.db).pending == 0
                        and window.sync_ui.status is not None
                        and window.sync_ui.status.state == State.UP_TO_DATE, timeout=30_000)
    finally:
        _close(window)
    a.sync()
    with a.db.session() as s:
        company = s.get(Company, company_id)
        assert (company.name, company.phone, company.city) == (
            f"{name} (versi A)", "021-2222", "Bekasi")
    a.close()


def test_refused_change_listed_with_the_server_reason(qtbot: QtBot, tmp_path: Path,
                                                      server: ServerProcess) -> None:
    lap = Laptop(tmp_path / "q", server.url, "insp2")
    actor = lap.ctx.actor
    with lap.db.session() as s:  # equipment of a company the server never heard of
        s.add(Equipment(balai_id=actor.balai_id, company_id=str(uuid.uuid4()),
                        object_type="apar", serial_number="YATIM-UI-1", modified_by=actor.id))
    assert lap.sync().quarantined == 1
    [refused] = sync_service.list_quarantined(lap.db)
    lap.close()
    window = _window(qtbot, tmp_path / "q")
    try:
        qtbot.waitUntil(lambda: window.sync_ui.attention_button.isVisible(), timeout=20_000)
        assert "perhatian" in window.sync_ui.attention_button.text()
        qtbot.mouseClick(window.sync_ui.attention_button, Qt.MouseButton.LeftButton)
        dialog = window._quarantine_dialog  # type: ignore[attr-defined]
        assert isinstance(dialog, QuarantineDialog)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
        assert dialog.table.item(0, 0).text() == "Peralatan"
        assert dialog.table.item(0, 1).text() == "YATIM-UI-1"
        assert refused.message and refused.message in dialog.table.item(0, 2).text()
        # discarding asks first; "Cancel" keeps it
        qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
        box = dialog.findChild(QMessageBox, "confirm_discard")
        assert box is not None and box.isVisible()
        box.button(QMessageBox.StandardButton.Cancel).click()
        qtbot.wait(200)
        assert len(sync_service.list_quarantined(window.session.db)) == 1
        qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
        box = dialog.confirm
        assert box is not None
        box.button(QMessageBox.StandardButton.Discard).click()
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=10_000)
        assert sync_service.list_quarantined(window.session.db) == []
        with window.session.db.session() as s:  # a record the server never had: removed
            assert s.get(Equipment, refused.record_id) is None
    finally:
        _close(window)


def test_expired_login_asks_to_log_in_again(qtbot: QtBot, tmp_path: Path,
                                            server: ServerProcess) -> None:
    lap = Laptop(tmp_path / "r", server.url, "insp1")
    TokenStore(lap.db.data_dir, server.url).save("not-a-valid-token", lap.ctx.actor.id)
    lap.close()
    window = _window(qtbot, tmp_path / "r")
    try:
        qtbot.waitUntil(lambda: window.sync_ui.status is not None
                        and window.sync_ui.status.state == State.NEEDS_LOGIN, timeout=20_000)
        assert window.sync_label.text() == "Perlu login ulang ke server"
        window.actions_by_name["action_sync_now"].trigger()  # F5 offers the login
        dialog = window.sync_ui.relogin
        assert dialog is not None and dialog.objectName() == "relogin_dialog"
        assert dialog.username.text() == "insp1"
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
        assert "belum diisi" in dialog.message.text()
        dialog.password.setText("salah-sekali")
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.submit_button.isEnabled()
                        and "Menghubungi" not in dialog.message.text(), timeout=20_000)
        assert dialog.isVisible() and dialog.message.text()
        assert "Traceback" not in dialog.message.text()
        dialog.password.setText(PASSWORD)
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.sync_ui.status is not None
                        and window.sync_ui.status.state == State.UP_TO_DATE, timeout=30_000)
        assert not dialog.isVisible()
    finally:
        _close(window)
