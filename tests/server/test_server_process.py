"""The real thing: ``k3desk server`` as a process on loopback, ``k3desk admin`` beside it."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.server.helpers import PASSWORD, company
from tests.support.cli import run_cli
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.slow  # a real server process


def test_server_process_serves_while_admin_cli_writes(db_url: str, tmp_path: Path) -> None:
    with ServerProcess(db_url, tmp_path / "blobs") as server:
        assert server.url.startswith("http://127.0.0.1:")
        info = httpx.get(f"{server.url}/api/v1/info", timeout=10).json()
        assert info["protocol"] == 1
        done = run_cli("admin", "create-balai", "--db", db_url, "--code", "BK3JKT", "--name",
                       "Balai K3 Jakarta", "--address", "Jl. Gatot Subroto",
                       "--city", "Jakarta")
        assert done.returncode == 0, done.stderr
        done = run_cli("admin", "create-user", "--db", db_url, "--username", "ani",
                       "--full-name", "Ani", "--nip", "1", "--role", "inspector", "--balai",
                       "BK3JKT", "--password-stdin", stdin=PASSWORD + "\n")
        assert done.returncode == 0, done.stderr
        r = httpx.post(f"{server.url}/api/v1/auth/login", timeout=10, json={
            "username": "ani", "password": PASSWORD, "device_id": "d", "device_name": "x"})
        assert r.status_code == 200, r.text
        body = r.json()
        h = {"Authorization": f"Bearer {body['token']}"}
        c = company(body["user"]["balai_id"])
        r = httpx.post(f"{server.url}/api/v1/sync/push", headers=h, timeout=10,
                       json={"device_id": "d", "changes": [c]})
        assert r.json()["results"][0]["status"] == "applied"
        pulled = httpx.get(f"{server.url}/api/v1/sync/pull", headers=h, timeout=10).json()
        assert c["id"] in {x["id"] for x in pulled["changes"]}
        page = httpx.get(f"{server.url}/verify", params={"number": "1/X"}, timeout=10)
        assert page.status_code == 404 and "TIDAK DITEMUKAN" in page.text
    assert "Traceback" not in "".join(server.output)


def test_bad_database_url_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = run_cli("server", "--db", "mysql://nobody@localhost/x", "--port", "0")
    assert done.returncode == 2
    assert done.stderr.startswith("k3desk: ") and "Traceback" not in done.stderr
