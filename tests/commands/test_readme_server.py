"""The README's server story, run as printed (only the port and the checkout's path are
filled in) against a real server process on loopback: set-up, two laptops, record,
submit, approve, verify; and no raw exception text on the way."""

from __future__ import annotations

import os
import re
import socket
import subprocess

import pytest

from tests.support import REPO

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def _story() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- server-story -->", 1)[1].split("<!-- /server-story -->", 1)[0]
    return block.split("```sh\n", 1)[1].rsplit("```", 1)[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_readme_server_story_works_as_printed(tmp_path):
    port = _free_port()
    script = _story().replace("8700", str(port)).replace("scripts/", f"{REPO}/scripts/")
    env = {k: v for k, v in os.environ.items() if not k.startswith("K3DESK_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=560)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "budi: 1 qualification(s)" in out
    assert re.search(r"^diterima: [1-9]", proc.stdout, re.M)  # the first sync brings the Balai
    assert "diajukan ke penyelia" in out
    assert re.search(r"^\d{4}/PK/BK3JKT/[IVX]+/\d{4}$", proc.stdout, re.M)  # approve: the number
    assert "VALID" in proc.stdout
    assert "Kesimpulan: Memenuhi persyaratan K3" in proc.stdout  # inspection show: the label
    assert "kolom diabaikan" not in out  # Pabrik and Alamat map by themselves
    for raw in ("Traceback", "Error:", "tidak_memenuhi", "sqlite3", "ConnectError"):
        assert raw not in out
