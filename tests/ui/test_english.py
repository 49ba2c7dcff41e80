"""English the Qt way: the window in English shows no Indonesian on its main screens, the
catalogue has no unfinished entry, and a service's refusal reads in English in the window
and in the CLI when English is chosen (and in Indonesian by default)."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from k3desk.domain import i18n as domain_i18n
from k3desk.paths import resources_dir
from k3desk.ui.app import build_main_window
from k3desk.ui.i18n import set_language
from k3desk.ui.main_window import MainWindow
from tests.support.cli import CliResult, run_main
from tests.ui.conftest import close_window, login

ROOT = Path(__file__).resolve().parents[2]
TS = resources_dir() / "i18n" / "k3desk_en.ts"
# Words of the interface, never of the demo data (company names, template titles).
MARKERS = ("Pemeriksaan", "Simpan", "Perusahaan", "Keluar", "Cari", "Tanggal", "Kesimpulan",
           "Sinkronkan", "Peralatan", "Pengaturan", "Tinjauan", "Sertifikat", "Dasbor",
           "Pilih", "Tambah", "Hapus", "Batal", "Tutup", "Buka", "Belum", "Ajukan",
           "Nomor", "Berlaku", "Kata sandi", "Masuk", "Alat ukur", "Cadangan", "Bahasa",
           "Setujui", "Tolak", "Impor", "Ekspor", "Semua", "Sisa", "Terlambat", "Uji ulang")
PATTERN = re.compile(r"\b(" + "|".join(re.escape(m) for m in MARKERS) + r")\b", re.I)


@pytest.fixture
def english() -> Iterator[None]:
    yield
    set_language("id")  # the rest of the suite speaks the source language
    assert not domain_i18n.installed()


def _texts(widget: QWidget) -> list[tuple[str, str]]:
    """(objectName or class, text) of what a person reads on the visible widget tree."""
    out: list[tuple[str, str]] = []

    def add(w: QWidget, text: str) -> None:
        if text:
            out.append((w.objectName() or type(w).__name__, text))

    for w in [widget, *widget.findChildren(QWidget)]:
        if not w.isVisibleTo(widget) and w is not widget:
            continue
        add(w, w.toolTip())
        add(w, w.accessibleName())
        if isinstance(w, (QLabel, QAbstractButton)):
            add(w, w.text())
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            add(w, w.placeholderText())
        if isinstance(w, QGroupBox):
            add(w, w.title())
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w, w.tabText(i))
        if isinstance(w, QComboBox) and w.isEditable() is False and w.count() < 12:
            for i in range(w.count()):
                add(w, w.itemText(i))
        header = (w.horizontalHeader() if isinstance(w, QTableView)
                  else w.header() if isinstance(w, QTreeView) else None)
        if header is not None and header.model() is not None:
            for c in range(header.count()):
                add(w, str(header.model().headerData(c, Qt.Orientation.Horizontal) or ""))
    return out


def _menus(window: MainWindow) -> list[tuple[str, str]]:
    out = []
    for action in window.menuBar().actions():
        out.append(("menu", action.text()))
        menu = action.menu()
        if isinstance(menu, QMenu):
            out += [(a.objectName(), a.text()) for a in menu.actions() if a.text()]
            out += [(a.objectName(), a.toolTip()) for a in menu.actions() if a.toolTip()]
    return out


def _indonesian(texts: list[tuple[str, str]], data: set[str]) -> list[tuple[str, str]]:
    """The texts that still hold an Indonesian interface word, data values aside."""
    bad = []
    for name, text in texts:
        cleaned = text
        for value in data:
            cleaned = cleaned.replace(value, "")
        if PATTERN.search(cleaned):
            bad.append((name, text))
    return bad


def _data_values(window: MainWindow) -> set[str]:
    """Names and titles that are data, not interface (company names, template titles)."""
    from sqlalchemy import select

    from k3desk.domain.templates import default_registry
    from k3desk.store.models import Company, Equipment

    values: set[str] = set()
    with window.session.db.session() as s:
        for c in s.scalars(select(Company)):
            values |= {c.name, c.address or "", c.city or "", c.contact_person or ""}
        for e in s.scalars(select(Equipment)):
            values |= {e.location or "", e.manufacturer or "", e.model or ""}
    for t in default_registry():
        values.add(t.title("id"))
        for section in t.sections:
            values.add(section.title.id)
    values.add("Bahasa Indonesia")  # a language is named in its own language
    return {v for v in values if v}


def _show(qtbot: QtBot, window: MainWindow, key: str) -> QWidget:
    window.show_page(key)
    page = window.pages[key]
    qtbot.wait(300)
    window.session.ops.wait_idle()
    qtbot.wait(100)
    return page


def test_window_in_english_has_no_indonesian_left(qtbot: QtBot, demo_dir: Path,
                                                   english: None) -> None:
    window = build_main_window(demo_dir, "en")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.top.currentWidget() is window.login_page, timeout=10_000)
        data = _data_values(window)
        found = _indonesian(_texts(window.login_page), data)
        assert window.login_page.submit.text() == "Log in"
        login(qtbot, window, "penyelia", "demo-penyelia")
        found += _indonesian(_menus(window), data)
        for key in ("dashboard", "inspections", "registry", "review", "certificates",
                    "settings"):
            page = _show(qtbot, window, key)
            found += [(f"{key}/{n}", t) for n, t in _indonesian(_texts(page), data)]
        found += [(f"sidebar/{n}", t) for n, t in _indonesian(_texts(window.workspace), data)]
        review = window.pages["review"]
        qtbot.waitUntil(lambda: getattr(review, "detail", None) is not None, timeout=10_000)
        found += [(f"review-detail/{n}", t) for n, t in _indonesian(_texts(review), data)]
        inspection_id = review.detail.id  # type: ignore[attr-defined]
        window.open_inspection(inspection_id)
        editor = window.pages["editor"]
        qtbot.wait(500)
        window.session.ops.wait_idle()
        qtbot.wait(200)
        found += [(f"editor/{n}", t) for n, t in _indonesian(_texts(editor), data)]
        assert editor.status_text.text() == "Status: Submitted"  # type: ignore[attr-defined]
        assert window.nav_buttons["settings"].text().replace("&", "") == "Settings"
        assert not found, "\n".join(f"{n}: {t!r}" for n, t in sorted(set(found)))
    finally:
        window.close()  # the editor saves while the workers still run
        close_window(window)


def test_catalogue_has_no_unfinished_or_empty_entry() -> None:
    root = ET.parse(TS).getroot()
    assert root.get("language") == "en" and root.get("sourcelanguage") == "id"
    bad, total = [], 0
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            total += 1
            node = msg.find("translation")
            forms = [] if node is None else [f.text for f in node.findall("numerusform")]
            texts = forms or [None if node is None else node.text]
            if node is None or node.get("type") or not all(t and t.strip() for t in texts):
                bad.append(msg.findtext("source"))
            if msg.get("numerus") == "yes":
                assert len(forms) == 2 and all("%n" in f for f in forms if f), msg.findtext(
                    "source")
            else:
                source = msg.findtext("source") or ""
                # the same placeholders, so .format(...) fills the English text too
                assert sorted(re.findall(r"\{[^{}]*\}", source)) == sorted(
                    re.findall(r"\{[^{}]*\}", texts[0] or "")), source
    assert total > 700 and not bad, bad


def test_catalogue_is_up_to_date_with_the_sources_and_the_qm() -> None:
    """scripts/i18n --check: lupdate over the sources finds no untranslated string and
    lrelease gives the committed .qm byte for byte."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n"), "--check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_service_refusal_in_english_in_the_window(qtbot: QtBot, demo_dir: Path,
                                                  english: None) -> None:
    for lang, words in (("en", "wrong username or password"),
                        (None, "nama pengguna atau kata sandi salah")):
        window = build_main_window(demo_dir, lang)
        qtbot.addWidget(window)
        window.show()
        try:
            qtbot.waitUntil(lambda w=window: w.top.currentWidget() is w.login_page,
                            timeout=10_000)
            page = window.login_page
            page.username.setText("penyelia")
            page.password.setText("salah-sekali")
            qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda p=page, w=words: w in p.message.text(), timeout=10_000)
        finally:
            close_window(window)
        set_language("id")


def _cli(capsys: pytest.CaptureFixture[str], demo_dir: Path, *args: str) -> CliResult:
    return run_main(capsys, "--data-dir", str(demo_dir), *args, "login", "--username",
                    "penyelia", "--password-stdin", stdin="salah-sekali\n")


def test_service_refusal_in_the_cli_follows_the_language(
        demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    english = _cli(capsys, demo_dir, "--lang", "en")
    assert english.returncode == 2
    assert "wrong username or password" in english.stderr, english.stderr
    default = _cli(capsys, demo_dir)
    assert default.returncode == 2
    assert "nama pengguna atau kata sandi salah" in default.stderr, default.stderr

    from k3desk.services import settings_service
    from k3desk.store.db import open_database

    db = open_database(demo_dir)
    try:
        settings_service.set_language(db, "en")  # the window's setting: the CLI follows it
    finally:
        db.dispose()
    assert "wrong username or password" in _cli(capsys, demo_dir).stderr


def test_domain_hook_reads_the_catalogue_without_qt(english: None) -> None:
    from k3desk.domain.i18n import translate, use_language

    text = "pemeriksaan {inspection_id} tidak ditemukan"
    assert translate("inspection", text) == text
    use_language("en", resources_dir())
    try:
        assert translate("inspection", text).format(inspection_id="X") == (
            "inspection X not found")
        assert translate("inspection", "no such entry") == "no such entry"
    finally:
        use_language("id", resources_dir())
    assert translate("inspection", text) == text
