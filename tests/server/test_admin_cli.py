"""``k3desk admin ...`` as a person runs it: separate processes, exit codes, messages."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from k3desk.cli import main
from k3desk.domain.evaluation import evaluate, example_values
from k3desk.domain.templates import load_template_file, templates_dir
from k3desk.server.app import Settings, create_app
from tests.server.helpers import (
    PASSWORD,
    change,
    company,
    equipment,
    login,
    upload_example_photos,
)
from tests.support.cli import run_cli


def admin(db_url: str, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    """Run ``k3desk admin`` in this process (cli.main, as the entry point does)."""
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin
    sys.stdin = io.StringIO(stdin or "")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                rc = main(["admin", args[0], "--db", db_url, *args[1:]])
            except SystemExit as exc:  # argparse
                rc = int(exc.code or 0)
    finally:
        sys.stdin = old
    return rc, out.getvalue(), err.getvalue()


def test_admin_cli_as_a_separate_process(db_url: str) -> None:
    done = run_cli("admin", "create-balai", "--db", db_url, "--code", "BK3MKS", "--name",
                   "Balai K3 Makassar", "--address", "Jl. Urip Sumoharjo",
                   "--city", "Makassar")
    assert done.returncode == 0 and "Balai BK3MKS created" in done.stdout
    done = run_cli("admin", "create-user", "--db", db_url, "--username", "xy", "--full-name",
                   "X", "--nip", "1", "--role", "inspector", "--balai", "NOPE",
                   "--password-stdin", stdin=PASSWORD + "\n")
    assert done.returncode == 2
    assert done.stderr.strip() == "k3desk: no Balai with code 'NOPE'"


@pytest.fixture
def populated(db_url: str) -> str:
    assert admin(db_url, "create-balai", "--code", "BK3JKT", "--name", "Balai K3 Jakarta",
                 "--address", "Jl. Gatot Subroto", "--city", "Jakarta")[0] == 0
    rc, out, err = admin(db_url, "create-user", "--username", "Ani", "--full-name", "Ani R",
                         "--nip", "1990", "--role", "inspector", "--balai", "BK3JKT",
                         "--password-stdin", stdin=PASSWORD + "\n")
    assert rc == 0, err
    assert "user ani (inspector) created" in out
    return db_url


def test_bad_arguments_exit_2_with_one_clear_line(populated: str) -> None:
    cases = [
        (("create-balai", "--code", "BK3JKT", "--name", "X", "--address", "Y", "--city",
          "Z"), None,
         "exists already"),
        (("create-user", "--username", "budi", "--full-name", "Budi", "--nip", "1",
          "--role", "inspector", "--balai", "NOPE", "--password-stdin"), PASSWORD, "no Balai"),
        (("create-user", "--username", "ani", "--full-name", "Ani", "--nip", "1",
          "--role", "inspector", "--balai", "BK3JKT", "--password-stdin"), PASSWORD, "taken"),
        (("create-user", "--username", "budi", "--full-name", "Budi", "--nip", "1",
          "--role", "inspector", "--balai", "BK3JKT", "--password-stdin"), "abc", "at least"),
        (("create-user", "--username", "budi", "--full-name", "Budi", "--nip", "1",
          "--role", "inspector", "--balai", "BK3JKT", "--password-stdin"), "", "no password"),
        (("create-user", "--username", "budi", "--full-name", "Budi", "--nip", "1",
          "--role", "boss", "--balai", "BK3JKT", "--password-stdin"), PASSWORD, "invalid choice"),
        (("grant-qualification", "--username", "ani", "--object-types", "apar,toaster",
          "--licence-number", "L1", "--valid-until", "2030-01-01"), None, "toaster"),
        (("grant-qualification", "--username", "ani", "--object-types", "apar",
          "--licence-number", "L1", "--valid-until", "31/12/2030"), None, "YYYY-MM-DD"),
        (("disable-user", "--username", "ghost"), None, "no user"),
    ]
    for args, stdin, fragment in cases:
        rc, _out, err = admin(populated, *args, stdin=stdin)
        assert rc == 2, (args, err)
        assert fragment in err, (args, err)
        assert "Traceback" not in err


def test_user_lifecycle(populated: str, tmp_path: Path) -> None:
    assert admin(populated, "grant-qualification", "--username", "ani", "--object-types",
                 "bejana_tekan,apar", "--licence-number", "SKP-1", "--valid-until",
                 "2029-06-30")[0] == 0
    rc, out, _ = admin(populated, "list-users", "--json")
    assert rc == 0
    import json

    users = json.loads(out)
    assert users[0]["username"] == "ani" and users[0]["balai"] == "BK3JKT"
    assert users[0]["qualifications"] == [{"object_types": ["bejana_tekan", "apar"],
                                           "licence_number": "SKP-1",
                                           "valid_until": "2029-06-30"}]
    app = create_app(Settings(db_url=populated, blob_dir=tmp_path / "b"))
    with TestClient(app) as client:
        api = login(client, "ani")
        assert api.user["role"] == "inspector"
        assert admin(populated, "reset-password", "--username", "ani", "--password-stdin",
                     stdin="another long secret\n")[0] == 0
        assert client.get("/api/v1/auth/me", headers=api.headers).status_code == 401
        api = login(client, "ani", "another long secret")
        assert admin(populated, "disable-user", "--username", "ani")[0] == 0
        assert client.get("/api/v1/auth/me", headers=api.headers).status_code == 401
    rc, out, _ = admin(populated, "list-users")
    assert "disabled" in out


def test_publish_template_and_check_verdicts_with_it(populated: str, tmp_path: Path) -> None:
    source = (templates_dir() / "bejana_tekan.v2.yaml").read_text(encoding="utf-8")
    custom = source.replace("id: bejana_tekan\n", "id: bejana_tekan_balai\n", 1).replace(
        "version: 2\n", "version: 1\n", 1)
    path = tmp_path / "bejana_tekan_balai.v1.yaml"
    path.write_text(custom, encoding="utf-8")
    rc, out, err = admin(populated, "publish-template", str(path))
    assert rc == 0, err
    assert "bejana_tekan_balai version 1 published" in out
    rc, out, _ = admin(populated, "publish-template", str(path))
    assert rc == 0 and "already published" in out
    path.write_text(custom.replace("months_valid: 24", "months_valid: 12"), encoding="utf-8")
    rc, _, err = admin(populated, "publish-template", str(path))
    assert rc == 2 and "another content" in err
    builtin = tmp_path / "changed_builtin.yaml"
    builtin.write_text(source.replace("months_valid: 24", "months_valid: 6"), encoding="utf-8")
    rc, _, err = admin(populated, "publish-template", str(builtin))
    assert rc == 2 and "built in" in err
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    assert admin(populated, "publish-template", str(broken))[0] == 2
    assert admin(populated, "publish-template", str(tmp_path / "missing.yaml"))[0] == 2

    admin(populated, "grant-qualification", "--username", "ani", "--object-types",
          "bejana_tekan", "--licence-number", "SKP-2", "--valid-until", "2030-01-01")
    app = create_app(Settings(db_url=populated, blob_dir=tmp_path / "b"))
    with TestClient(app) as client:
        api = login(client, "ani")
        changes, _ = api.pull_all()
        templates = [c for c in changes if c["type"] == "template"]
        assert [t["data"]["template_id"] for t in templates] == ["bejana_tekan_balai"]
        comp, equip = company(api.balai_id), equipment(api.balai_id, "")
        equip["data"]["company_id"] = comp["id"]
        api.push(comp, equip)
        custom_t = load_template_file(path)
        values = example_values(custom_t)
        upload_example_photos(api, values)
        data = {"balai_id": api.balai_id, "company_id": comp["id"],
                "equipment_id": equip["id"], "template_id": "bejana_tekan_balai",
                "template_version": 1, "inspector_id": api.id, "inspected_on": "2026-03-02",
                "status": "submitted", "values": values, "verdict": "tidak_memenuhi"}
        r = api.push_one(change("inspection", data))
        assert (r["status"], r["error"]["field"]) == ("rejected", "verdict")
        data["verdict"] = evaluate(custom_t, values).verdict
        assert data["verdict"] == "memenuhi"
        assert api.push_one(change("inspection", data))["status"] == "applied"
