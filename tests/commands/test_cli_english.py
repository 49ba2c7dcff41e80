"""The CLI follows the language setting (issue 12): with ``--lang en`` (or English chosen
in the window's settings of that data folder) its messages on the common paths hold no
Indonesian; by default they are Indonesian."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli import run_cli, run_main
from tests.support.messages import assert_plain


@pytest.fixture(autouse=True)
def _indonesian_afterwards() -> Iterator[None]:
    """``main`` installs the chosen language for the process: put Indonesian back."""
    from k3desk.domain.i18n import install

    yield
    install(None)


def _en(capsys: pytest.CaptureFixture[str], *args: str, data_dir: Path | None = None,
        stdin: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None
        ) -> tuple[int, str]:
    if stdin is not None and monkeypatch is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code, out, err = run_main(capsys, "--lang", "en", *args, data_dir=data_dir)
    return code, out + err


def test_common_refusals_in_english(capsys: pytest.CaptureFixture[str], demo_dir: Path,
                                    data_dir: Path, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    garbage = tmp_path / "garbage.zip"
    garbage.write_bytes(b"nothing like a zip")
    values = tmp_path / "values.json"
    values.write_text("{,}", encoding="utf-8")
    cases = [
        (["login", "--username", "inspektur", "--password-stdin"], demo_dir, "wrong\n"),
        (["restore", str(garbage)], demo_dir, None),
        (["import", "template", "planets", "-o", str(tmp_path / "x.xlsx")], None, None),
        (["export", "recap", "--from", "2026-01-01", "--to", "2026-01-31", "-o",
          str(tmp_path / "recap.csv")], demo_dir, None),
        (["verify", "--qr", "https://k3.example/V/123"], demo_dir, None),
        (["verify"], demo_dir, None),
        (["login", "--server", "http://127.0.0.1:9", "--username", "ani",
          "--password-stdin"], data_dir, "secret\n"),
        (["sync"], data_dir, None),
        (["check", "apar", str(values)], None, None),
    ]
    for args, folder, stdin in cases:
        code, text = _en(capsys, *args, data_dir=folder, stdin=stdin, monkeypatch=monkeypatch)
        assert code != 0, (args, text)
        assert_plain(text, "en")


def test_listing_and_showing_in_english(capsys: pytest.CaptureFixture[str], demo_dir: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = _en(capsys, "login", "--username", "inspektur", "--password-stdin",
                    data_dir=demo_dir, stdin="demo-inspektur\n", monkeypatch=monkeypatch)
    assert code == 0 and "logged in offline" in out
    code, out = _en(capsys, "list", "inspections", data_dir=demo_dir)
    assert code == 0 and "Approved" in out and "Meets requirements" in out
    assert "Disetujui" not in out and "Memenuhi" not in out and "Tidak memenuhi" not in out
    drafts = json.loads(run_main(capsys, "list", "inspections", "--json", "--status", "draft",
                                 data_dir=demo_dir).stdout)
    code, out = _en(capsys, "inspection", "show", drafts[0]["id"], data_dir=demo_dir)
    assert code == 0 and "Verdict:" in out and "inspected on" in out
    for word in ("Kesimpulan", "tanggal pemeriksaan", "Belum lengkap", "status: Draf;"):
        assert word not in out, word
    assert "status: Draft;" in out


def test_the_default_is_indonesian(capsys: pytest.CaptureFixture[str], demo_dir: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
    code, _, err = run_main(capsys, "login", "--username", "inspektur", "--password-stdin",
                            data_dir=demo_dir)
    assert code == 2 and "salah" in err
    assert_plain(err)


def test_english_chosen_in_the_folders_settings(demo_dir: Path) -> None:
    """Without --lang, a separate process reads the language stored for the folder."""
    from k3desk.services.settings_service import set_language
    from k3desk.store.db import open_database

    db = open_database(demo_dir)
    try:
        set_language(db, "en")
    finally:
        db.dispose()
    proc = run_cli("login", "--username", "inspektur", "--password-stdin",
                   data_dir=demo_dir, stdin="wrong\n")
    assert proc.returncode == 2
    assert "wrong username or password" in proc.stderr
    assert_plain(proc.stderr, "en")
