"""No raw exception text reaches a person (issue 16): each failure path is driven for
real (a broken backup, a server that is not there or refuses, a wrong password offline,
a damaged photo, database or values file, a garbage QR text) and what the person reads
holds no Python type name, SQL, traceback, internal value or English; the detail is in
the log."""

from __future__ import annotations

import hashlib
import io
import json
import logging
import socket
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from k3desk.domain.errors import K3Error
from tests.support.cli import run_main
from tests.support.http_stub import serve
from tests.support.messages import assert_plain, raw_parts


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_the_checker_itself_catches_raw_text() -> None:
    for raw in ["(sqlite3.IntegrityError) UNIQUE constraint failed: balai.code",
                "ConnectError: [Errno 111] Connection refused",
                "Kesimpulan sementara: tidak_memenuhi",
                "cannot read /tmp/x: No such file or directory",
                'Traceback (most recent call last):\n  File "x.py", line 1']:
        assert raw_parts(raw), raw
    assert not raw_parts("berkas /tmp/test_file_error/x.zip bukan berkas cadangan k3desk")


# -- backup and restore --------------------------------------------------------------------

def test_restoring_a_broken_backup_says_so_plainly(capsys: pytest.CaptureFixture[str],
                                                   demo_dir: Path, tmp_path: Path) -> None:
    garbage = tmp_path / "sampah.zip"
    garbage.write_bytes(b"PK\x03\x04 this is not a zip at all" * 50)
    missing = tmp_path / "tiada.zip"
    for path in (garbage, missing):
        code, out, err = run_main(capsys, "restore", str(path), data_dir=demo_dir)
        assert code == 2 and out == ""
        assert_plain(err)

    from k3desk.services.backup_service import create_backup

    real = create_backup(demo_dir, tmp_path / "asli.zip").path
    cut = tmp_path / "terpotong.zip"
    cut.write_bytes(real.read_bytes()[: real.stat().st_size // 2])
    code, _, err = run_main(capsys, "restore", str(cut), data_dir=demo_dir)
    assert code == 2
    assert_plain(err)

    # a whole archive whose database inside is damaged (its hash in the manifest matches)
    damaged = tmp_path / "rusak.zip"
    with zipfile.ZipFile(real) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    body = b"SQLite format 3\x00" + b"\xff" * 8192
    manifest = json.loads(members.pop("manifest.json"))
    manifest["members"]["k3desk.db"] = hashlib.sha256(body).hexdigest()
    members["k3desk.db"] = body
    with zipfile.ZipFile(damaged, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        zf.writestr("manifest.json", json.dumps(manifest))
    code, _, err = run_main(capsys, "restore", str(damaged), data_dir=demo_dir)
    assert code == 2 and "rusak" in err
    assert_plain(err)


def test_a_backup_into_a_folder_that_cannot_be_written(capsys: pytest.CaptureFixture[str],
                                                       demo_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code, _, err = run_main(capsys, "backup", "-o", str(blocker / "sub" / "b.zip"),
                            data_dir=demo_dir)
    assert code == 2
    assert_plain(err)


# -- logging in, servers -------------------------------------------------------------------

def test_a_wrong_password_offline(capsys: pytest.CaptureFixture[str], demo_dir: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, "not-the-password\n")
    code, _, err = run_main(capsys, "login", "--username", "inspektur", "--password-stdin",
                            data_dir=demo_dir)
    assert code == 2 and "salah" in err
    assert_plain(err)


def test_an_unreachable_server_and_no_offline_login(capsys: pytest.CaptureFixture[str],
                                                    data_dir: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"http://127.0.0.1:{_free_port()}"
    _stdin(monkeypatch, "rahasia-sekali\n")
    code, _, err = run_main(capsys, "login", "--server", url, "--username", "ani",
                            "--password-stdin", data_dir=data_dir)
    assert code == 2 and url in err and "tidak dapat dihubungi" in err
    assert_plain(err)
    code, _, err = run_main(capsys, "sync", data_dir=data_dir)  # the address is remembered
    assert code in (1, 2)
    assert_plain(err)
    for bad in ("http://k3.example:99999", "ftp://k3.example", "k3.example"):
        _stdin(monkeypatch, "rahasia-sekali\n")
        code, _, err = run_main(capsys, "login", "--server", bad, "--username", "ani",
                                "--password-stdin", data_dir=data_dir)
        assert code == 2
        assert_plain(err)


class _Refusing(BaseHTTPRequestHandler):
    """A web server that is not (or no longer) a k3desk server: fixed English refusals."""

    answers = {"/api/v1/info": 403, "/api/v1/auth/login": 429, "/api/v1/sync/push": 413}

    def _answer(self) -> None:
        status = self.answers.get(self.path.split("?")[0], 500)
        body = json.dumps({"error": {"code": "forbidden", "message":
                                     "ValueError: the database is locked [SQL: SELECT 1]"}})
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    do_GET = do_POST = do_HEAD = _answer

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def refusing_server() -> Iterator[str]:
    with serve(_Refusing) as url:
        yield url


def test_a_server_that_refuses_in_english(refusing_server: str,
                                          caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="k3desk.sync")
    from k3desk.services.sync_service import check_server
    from k3desk.sync.client import SyncClient, SyncError
    from k3desk.sync.protocol import Change

    with pytest.raises(K3Error) as refused:
        check_server(refusing_server, timeout=5)
    assert_plain(str(refused.value))
    with SyncClient(refusing_server, "token", timeout=5) as client:
        change = Change(change_id="x", type="company", id="c", base_version=0, data={})
        calls = [lambda: client.login("ani", "x", "dev"), lambda: client.pull(0, 10),
                 lambda: client.push("dev", [change])]
        for call in calls:
            with pytest.raises(SyncError) as caught:
                call()
            assert_plain(str(caught.value))
    assert "the database is locked" in caplog.text  # the server's own words: in the log


def test_every_quarantine_reason_is_a_sentence() -> None:
    from k3desk.sync.reasons import server_reason

    for code in ("invalid", "forbidden", "conflict", "blob_missing", "missing_reference",
                 "qualification", "calibration", "workflow", "certificate", "too_large",
                 "something_new"):
        assert_plain(server_reason(code, "serial_number"))


def test_a_failed_background_run_reports_a_sentence() -> None:
    from k3desk.sync.background import _plain

    text = _plain(RuntimeError("sqlite3.OperationalError: disk I/O error"))
    assert_plain(text)
    assert "log" in text


# -- files a person hands in ----------------------------------------------------------------

def test_a_damaged_photo_and_a_broken_values_file(capsys: pytest.CaptureFixture[str],
                                                  demo_dir: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, "demo-inspektur\n")
    assert run_main(capsys, "login", "--username", "inspektur", "--password-stdin",
                    data_dir=demo_dir).returncode == 0
    listed = json.loads(run_main(capsys, "list", "inspections", "--json", "--status", "draft",
                                 data_dir=demo_dir).stdout)
    draft = listed[0]["id"]
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 only the start of a JPEG" + bytes(range(256)))
    for files in ([str(photo)], [str(tmp_path)], [str(tmp_path / "tiada.jpg")]):
        code, _, err = run_main(capsys, "inspection", "attach", draft, "--slot", "foto_umum",
                                *files, data_dir=demo_dir)
        assert code == 2
        assert_plain(err)
    values = tmp_path / "values.json"
    for text in ('{"tekanan_kerja": 10,,}', "[1, 2]", "\xff\xfe"):
        values.write_bytes(text.encode("latin-1"))
        code, _, err = run_main(capsys, "inspection", "set", draft, "--values", str(values),
                                data_dir=demo_dir)
        assert code == 2
        assert_plain(err)


def test_a_damaged_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for content in (b"not a database at all", b"SQLite format 3\x00" + b"\x13" * 4096):
        folder = tmp_path / f"data{len(content)}"
        folder.mkdir()
        (folder / "k3desk.db").write_bytes(content)
        code, _, err = run_main(capsys, "list", "companies", data_dir=folder)
        assert code == 2 and "k3desk.db" in err
        assert_plain(err)


def test_verifying_garbage(capsys: pytest.CaptureFixture[str], demo_dir: Path,
                           tmp_path: Path) -> None:
    from k3desk.services.verification_service import verify_pdf, verify_qr

    assert_plain(verify_qr("https://k3.example/V/%%%garbage", demo_dir).reason)
    assert_plain(verify_qr("https://k3.example/verify?number=1&p=xx&s=yy", demo_dir).reason)
    fake = tmp_path / "palsu.pdf"
    fake.write_bytes(b"%PDF-1.4\n this is not really a PDF")
    assert_plain(verify_pdf(fake, demo_dir).reason)
    with pytest.raises(K3Error) as missing:
        verify_pdf(tmp_path / "tiada.pdf", demo_dir)
    assert_plain(str(missing.value))


def test_the_server_admin_and_a_bad_template_file(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    broken = tmp_path / "server.db"
    broken.write_bytes(b"this is no database")
    db = f"sqlite:///{broken}"
    code, _, err = run_main(capsys, "admin", "list-users", "--db", db)
    assert code == 2
    assert_plain(err)
    from k3desk.server.admin import read_template_file

    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed\n  title: x\n", encoding="utf-8")
    for path in (bad, tmp_path / "tiada.yaml"):
        with pytest.raises(K3Error) as refused:
            read_template_file(path)
        assert_plain(str(refused.value))
