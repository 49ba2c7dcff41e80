"""The whole story across two laptops and a server, through the command line only.

An administrator sets up the Balai; the supervisor's laptop imports the measuring
instruments; the inspector's laptop imports a company and its fire extinguisher,
inspects it, submits and syncs; the supervisor syncs, approves (offline numbering and
signing) and syncs; the server's public verification says valid; the inspector's
laptop, after a sync, verifies the PDF offline.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from k3desk.domain.evaluation import example_values
from k3desk.domain.templates import default_registry
from k3desk.reports.embedded import read_embedded_stamp
from tests.support.cli import run_cli
from tests.support.server_process import ServerProcess

PASSWORD = "Kata-Sandi-Uji-2026"


def cli(*args: str, data_dir: Path | None = None, stdin: str | None = None) -> str:
    proc = run_cli(*args, data_dir=data_dir, stdin=stdin, env={"K3DESK_KEYRING": "0"})
    assert proc.returncode == 0, f"k3desk {' '.join(args)}:\n{proc.stdout}\n{proc.stderr}"
    assert "Traceback" not in proc.stderr
    return proc.stdout.strip()


@pytest.mark.slow  # a real server process
def test_two_laptops_and_a_server(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'server.db'}"
    admin = ("--db", db_url)
    cli("admin", "create-balai", "--code", "BK3JKT", "--name", "Balai K3 Jakarta",
        "--address", "Jl. Jend. Gatot Subroto Kav. 51, Jakarta", "--city", "Jakarta", *admin)
    for username, role in (("inspektur", "inspector"), ("penyelia", "supervisor")):
        cli("admin", "create-user", "--username", username, "--full-name", username.title(),
            "--nip", "198703152010011003", "--role", role, "--balai", "BK3JKT",
            "--password-stdin", *admin, stdin=PASSWORD + "\n")
    cli("admin", "grant-qualification", "--username", "inspektur", "--object-types", "apar",
        "--licence-number", "SKP/1021/PK/2024",
        "--valid-until", (date.today() + timedelta(days=365)).isoformat(), *admin)

    inspector, supervisor = tmp_path / "laptop-inspektur", tmp_path / "laptop-penyelia"
    with ServerProcess(db_url, tmp_path / "blobs") as server:
        login = ("--password-stdin", "--server", server.url)
        cli("login", "--username", "penyelia", *login, data_dir=supervisor, stdin=PASSWORD)
        instruments = tmp_path / "alat.csv"
        instruments.write_text(
            "name,serial_number,calibration_valid_until\n"
            f"Timbangan digital,TD-778,{date.today() + timedelta(days=200)}\n",
            encoding="utf-8")
        cli("import", "instruments", str(instruments), data_dir=supervisor)
        cli("sync", data_dir=supervisor)

        cli("login", "--username", "inspektur", *login, data_dir=inspector, stdin=PASSWORD)
        companies = tmp_path / "perusahaan.csv"
        companies.write_text("name,address\nPT Sinar Baja Nusantara,"
                             "\"Jl. Raya Cakung Cilincing Km 3, Jakarta Utara\"\n",
                             encoding="utf-8")
        cli("import", "companies", str(companies), data_dir=inspector)
        equipment = tmp_path / "peralatan.csv"
        equipment.write_text("company_name,object_type,serial_number,manufacturer\n"
                             "PT Sinar Baja Nusantara,apar,APAR-2024-0042,Yamato\n",
                             encoding="utf-8")
        cli("import", "equipment", str(equipment), data_dir=inspector)
        cli("sync", data_dir=inspector)
        [apar] = json.loads(cli("list", "equipment", "--json", data_dir=inspector))
        instrument_id = _instrument_id(inspector)
        values = tmp_path / "nilai.json"
        values.write_text(json.dumps(example_values(
            default_registry().latest_for_object_type("apar"))), encoding="utf-8")
        inspection_id = cli("inspection", "create", "--equipment", apar["id"], "--values",
                            str(values), "--instruments", instrument_id, data_dir=inspector)
        cli("inspection", "submit", inspection_id, data_dir=inspector)
        cli("sync", data_dir=inspector)

        cli("sync", data_dir=supervisor)
        number = cli("review", "approve", inspection_id, "--password-stdin",
                     data_dir=supervisor, stdin=PASSWORD).splitlines()[0]
        assert "/PK/BK3JKT/" in number
        summary = cli("sync", data_dir=supervisor)
        assert "karantina: 0 baru, 0 menunggu" in summary, summary

        answer = httpx.get(f"{server.url}/api/v1/certificates/verification",
                           params={"number": number}, timeout=30)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["status"] == "valid"
        assert body["company"] == "PT Sinar Baja Nusantara"
        assert "APAR-2024-0042" in body["equipment"]

        cli("sync", data_dir=inspector)
        pdf = tmp_path / "sertifikat.pdf"
        cli("render", "certificate", inspection_id, "-o", str(pdf), data_dir=inspector)
        assert cli("verify", str(pdf), data_dir=inspector).startswith("VALID")

        # The QR code points at this server, whose page checks the signature too.
        stamp = read_embedded_stamp(pdf)
        link = urlsplit(stamp.verify_url)
        assert f"{link.scheme}://{link.netloc}" == server.url
        target = link.path + (f"?{link.query}" if link.query else "")  # /V/<code> or /verify?
        page = httpx.get(f"{server.url}{target}", timeout=30)
        assert page.status_code == 200 and "VALID" in page.text
        assert "Tanda tangan elektronik sah" in page.text
        # A QR code whose payload was altered is called out, not shown as valid.
        from k3desk.domain.verify_url import VerifyLink, build_verify_url

        forged = stamp.payload.replace("PT Sinar Baja Nusantara", "PT Lain")
        assert forged != stamp.payload
        number = json.loads(stamp.payload)["number"]
        forged_link = urlsplit(build_verify_url(VerifyLink(
            server.url, number, forged, stamp.signature, stamp.key_id)))
        forged_page = httpx.get(f"{server.url}/verify?{forged_link.query}", timeout=30).text
        assert "TIDAK SAH" in forged_page and ">VALID<" not in forged_page


def _instrument_id(data_dir: Path) -> str:
    from sqlalchemy import select

    from k3desk.store.db import open_database
    from k3desk.store.models import Instrument

    db = open_database(data_dir)
    try:
        with db.session() as s:
            return s.scalars(select(Instrument.id)).one()
    finally:
        db.dispose()
