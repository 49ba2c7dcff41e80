"""``k3desk verify`` as a person runs it: a real PDF and a real data folder; a separate
process for the main path (a PDF), the CLI's ``main`` in this process for the rest (each
process start costs seconds on a busy two-core machine)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from k3desk.domain.signing import b64url_decode, b64url_encode
from k3desk.domain.verification import KnownKey, save_known_keys
from k3desk.reports import render_certificate, sample_certificate_document
from k3desk.reports.layout import INFO_PAYLOAD
from k3desk.reports.sample import SAMPLE_KEY_ID, sample_known_keys
from k3desk.store.db import Database
from tests.support.cli import CliResult, run_cli, run_main

Cli = Callable[..., CliResult]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run ``k3desk ARGS --data-dir D`` through cli.main in this process."""
    return functools.partial(run_main, capsys)


@pytest.fixture
def keys_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "laptop"
    save_known_keys(folder, sample_known_keys())
    return folder


def test_valid_pdf_prints_valid_and_exits_0(certificate_pdf: Path, keys_dir: Path) -> None:
    proc = run_cli("verify", str(certificate_pdf), data_dir=keys_dir)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "VALID"
    assert "0042/PAA/BK3JKT/III/2026" in proc.stdout
    assert "PT Sinar Baja Nusantara" in proc.stdout and "OHC-2019-07731" in proc.stdout
    assert "4 Maret 2027" in proc.stdout and "MEMENUHI PERSYARATAN K3" in proc.stdout


def test_qr_text_is_verified_offline(keys_dir: Path, cli: Cli) -> None:
    stamp = sample_certificate_document().stamp
    assert stamp is not None
    proc = cli("verify", "--qr", stamp.verify_url, "--json", data_dir=keys_dir)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["status"] == "VALID" and out["details"]["number"] == "0042/PAA/BK3JKT/III/2026"


def test_unknown_key_is_invalid_exit_1(certificate_pdf: Path, tmp_path: Path,
                                       cli: Cli) -> None:
    proc = cli("verify", str(certificate_pdf), data_dir=tmp_path / "empty")
    assert proc.returncode == 1
    assert proc.stdout.startswith("INVALID") and "tidak dikenal" in proc.stdout


def test_revoked_key_and_revoked_number(certificate_pdf: Path, tmp_path: Path,
                                        cli: Cli) -> None:
    folder = tmp_path / "revoked-key"
    key = sample_known_keys()[SAMPLE_KEY_ID]
    save_known_keys(folder, {SAMPLE_KEY_ID: KnownKey(key.public_key, True, key.user_id)})
    proc = cli("verify", str(certificate_pdf), data_dir=folder)
    assert proc.returncode == 1 and proc.stdout.startswith("REVOKED")

    folder2 = tmp_path / "revoked-number"
    save_known_keys(folder2, sample_known_keys())
    (folder2 / "revoked_certificates.json").write_text(
        json.dumps({"0042/PAA/BK3JKT/III/2026": "diganti karena salah data"}))
    proc = cli("verify", str(certificate_pdf), data_dir=folder2)
    assert proc.returncode == 1 and proc.stdout.startswith("REVOKED")
    assert "salah data" in proc.stdout


def test_tampered_embedded_payload_is_invalid(certificate_pdf: Path, keys_dir: Path,
                                              tmp_path: Path,
                                              cli: Cli) -> None:
    reader = PdfReader(certificate_pdf)
    writer = PdfWriter(clone_from=reader)
    payload = b64url_decode(str(reader.metadata["/" + INFO_PAYLOAD]))
    forged = payload.replace("2027-03-04", "2029-03-04")
    writer.add_metadata({"/" + INFO_PAYLOAD: b64url_encode(forged)})
    out = tmp_path / "forged.pdf"
    with out.open("wb") as fh:
        writer.write(fh)
    proc = cli("verify", str(out), data_dir=keys_dir)
    assert proc.returncode == 1 and proc.stdout.startswith("INVALID")
    assert "tidak terbukti asli" in proc.stdout


def test_printed_text_that_differs_from_the_signed_payload_is_invalid(
        keys_dir: Path, tmp_path: Path, cli: Cli) -> None:
    doc = sample_certificate_document()
    forged = replace(doc, company=replace(doc.company, name="PT Pemalsu Sejahtera"))
    path = tmp_path / "forged-text.pdf"
    path.write_bytes(render_certificate(forged))  # valid stamp, other printed company
    proc = cli("verify", str(path), data_dir=keys_dir)
    assert proc.returncode == 1 and proc.stdout.startswith("INVALID")
    assert "tidak sesuai" in proc.stdout


def test_unsigned_pdf_and_garbage_are_invalid(keys_dir: Path, tmp_path: Path,
                                              cli: Cli) -> None:
    unsigned = tmp_path / "unsigned.pdf"
    unsigned.write_bytes(render_certificate(sample_certificate_document(signed=False)))
    proc = cli("verify", str(unsigned), data_dir=keys_dir)
    assert proc.returncode == 1 and proc.stdout.startswith("INVALID")
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.4 not really")
    proc = cli("verify", str(garbage), data_dir=keys_dir)
    assert proc.returncode == 1 and proc.stdout.startswith("INVALID")
    assert "Traceback" not in proc.stderr
    proc = cli("verify", "--qr", "https://example.org/not-a-link", data_dir=keys_dir)
    assert proc.returncode == 1 and proc.stdout.startswith("INVALID")


def test_usage_errors_exit_2(tmp_path: Path, cli: Cli) -> None:
    proc = cli("verify", str(tmp_path / "missing.pdf"), data_dir=tmp_path)
    assert proc.returncode == 2 and "tidak ditemukan" in proc.stderr
    proc = cli("verify", "--qr", "x", str(tmp_path / "both.pdf"), data_dir=tmp_path)
    assert proc.returncode == 2 and "berkas PDF atau --qr" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_keys_from_the_laptop_database(certificate_pdf: Path, tmp_path: Path,
                                       cli: Cli, open_db_at: Callable[[Path], Database]) -> None:
    """A laptop with a database knows the keys that sync (or its own approvals) stored."""
    import uuid

    from k3desk.store.models import SigningKey

    folder = tmp_path / "with-db"
    db = open_db_at(folder)
    key = sample_known_keys()[SAMPLE_KEY_ID]
    with db.session() as s:
        s.add(SigningKey(key_id=SAMPLE_KEY_ID, user_id=str(uuid.uuid4()), device_id="dev-1",
                         public_key=key.public_key, revoked=False))
    db.engine.dispose()
    proc = cli("verify", str(certificate_pdf), data_dir=folder)
    assert proc.returncode == 0 and proc.stdout.startswith("VALID"), proc.stdout

    db = open_db_at(folder)
    with db.session() as s:
        row = s.query(SigningKey).filter_by(key_id=SAMPLE_KEY_ID).one()
        row.revoked = True
    db.engine.dispose()
    proc = cli("verify", str(certificate_pdf), data_dir=folder)
    assert proc.returncode == 1 and proc.stdout.startswith("REVOKED")
