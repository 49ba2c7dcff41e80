"""``k3desk verify FILE.pdf`` checks the PDF's own signature (PAdES) beside the QR's, and
says in Indonesian which check failed; approval says whether the PDF itself is signed.

The demo folder has a demo authority (services/demo_service.py): its root and CRL in
``pki/``, the supervisor's certificate in the key record, as a sync would leave them."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from k3desk.services import auth_service, document_service, keys_service, pades_service
from k3desk.store.db import Database, open_database
from k3desk.store.models import Inspection, SigningKey
from tests.support.cli import CliResult, run_main

Cli = Callable[..., CliResult]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    return functools.partial(run_main, capsys)


@pytest.fixture
def supervisor_db(demo_dir: Path):  # type: ignore[no-untyped-def]
    db = open_database(demo_dir)
    auth_service.login_offline(db, "penyelia", "demo-penyelia")  # unlocks both keys
    yield db
    keys_service.lock(db)
    db.dispose()


def _signed(db: Database, out: Path) -> pades_service.Signed:
    inspection_id = document_service.sample_inspection_id(db)
    assert inspection_id is not None
    signed, _name = document_service.signed_certificate(db, inspection_id)
    out.write_bytes(signed.data)
    return signed


def test_signed_pdf_verifies_and_one_changed_byte_is_named(
        supervisor_db: Database, demo_dir: Path, tmp_path: Path, cli: Cli) -> None:
    pdf = tmp_path / "sertifikat.pdf"
    signed = _signed(supervisor_db, pdf)
    assert signed.pades and "PAdES" in signed.note and "CRL" in signed.note
    done = cli("verify", str(pdf), "--json", data_dir=demo_dir)
    assert done.returncode == 0, done.stdout
    body = json.loads(done.stdout)
    assert body["status"] == "VALID"
    assert body["details"]["pdf_signature"] == \
        "tanda tangan digital PDF sah dan dokumen tidak berubah"
    assert "Ir. Hendra Wijaya" in body["details"]["pdf_signer"]
    assert "DEMO" in body["details"]["pdf_signer"]  # a demo authority says so

    data = bytearray(pdf.read_bytes())
    data[len(data) // 4] ^= 0x01  # one byte of the signed certificate
    bad = tmp_path / "diubah.pdf"
    bad.write_bytes(bytes(data))
    refused = cli("verify", str(bad), data_dir=demo_dir)
    assert refused.returncode == 1
    assert refused.stdout.startswith("INVALID")
    assert "isi PDF berubah setelah ditandatangani" in refused.stdout \
        or "tanda tangan digital PDF" in refused.stdout
    assert "Traceback" not in refused.stdout + refused.stderr


def test_another_balai_root_makes_the_pdf_signature_untrusted(
        supervisor_db: Database, demo_dir: Path, tmp_path: Path, cli: Cli) -> None:
    pdf = tmp_path / "sertifikat.pdf"
    _signed(supervisor_db, pdf)
    from datetime import UTC, datetime

    from k3desk.domain import pki

    other = pki.make_authority("Balai lain", "Balai lain", datetime.now(UTC))
    pades_service.save_pki(demo_dir, other.certificate_pem.encode("ascii"), None)
    (pades_service.pki_dir(demo_dir) / pades_service.CRL_FILE).unlink()
    refused = cli("verify", str(pdf), data_dir=demo_dir)
    assert refused.returncode == 1 and refused.stdout.startswith("INVALID")
    assert "tidak diterbitkan oleh otoritas sertifikat Balai" in refused.stdout


def test_without_a_certificate_the_pdf_is_signed_by_the_qr_only(
        supervisor_db: Database, demo_dir: Path, tmp_path: Path, cli: Cli) -> None:
    with supervisor_db.session() as s:
        for key in s.scalars(select(SigningKey)):
            key.extra = {}  # a laptop that has not synced since the PDF signature came
    pdf = tmp_path / "sertifikat.pdf"
    signed = _signed(supervisor_db, pdf)
    assert not signed.pades
    assert signed.note.startswith("PDF hanya bertanda tangan pada kode QR")
    assert "sinkronkan" in signed.note
    done = cli("verify", str(pdf), data_dir=demo_dir)
    assert done.returncode == 0 and done.stdout.startswith("VALID")
    assert "tidak memuat tanda tangan digital (PAdES)" in done.stdout


def test_cli_approval_says_the_pdf_is_signed(demo_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    with open_database(demo_dir).session() as s:
        inspection_id = s.scalars(select(Inspection.id).where(
            Inspection.status == "submitted").order_by(Inspection.id)).first()
    assert inspection_id is not None
    assert run_main(capsys, "login", "--username", "penyelia", "--password-stdin",
                    data_dir=demo_dir, stdin="demo-penyelia\n").returncode == 0
    done = run_main(capsys, "review", "approve", inspection_id, "--password-stdin",
                    data_dir=demo_dir, stdin="demo-penyelia\n")
    if done.returncode != 0:  # a demo inspection the template now refuses: say why
        pytest.fail(done.stderr)
    assert "PDF ditandatangani secara digital (PAdES)" in done.stderr
    pdf = Path(next(line for line in done.stderr.splitlines()
                    if line.startswith("PDF: "))[5:])
    verified = run_main(capsys, "verify", str(pdf), data_dir=demo_dir)
    assert verified.returncode == 0 and "sah dan dokumen tidak berubah" in verified.stdout
