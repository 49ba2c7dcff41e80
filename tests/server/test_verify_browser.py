"""The verification page in a real headless Chromium at a phone's width.

Screenshots land in the test's temporary folder (and in ``$K3DESK_SCREENSHOT_DIR`` when
set, to look at them). The rendered DOM must say the status plainly, and the status box
must be painted in its colour: a page whose CSS failed would not pass.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlencode

import pytest
from PIL import Image

from k3desk.domain.signing import b64url_encode
from k3desk.domain.verify_url import VerifyLink, build_verify_url
from tests.server.helpers import World, approved_inspection, certificate, edit, issuer, setup_job
from tests.support.server_process import ServerProcess

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium (apt-get install chromium)")
GREEN, RED, GREY = (0x17, 0x80, 0x3D), (0xB3, 0x26, 0x1E), (0x5B, 0x64, 0x70)


def chromium(url: str, tmp: Path, name: str) -> tuple[str, Path]:
    """The rendered DOM and a 390 px wide screenshot of ``url``."""
    assert CHROMIUM is not None
    shot = tmp / f"{name}.png"
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--hide-scrollbars", "--window-size=390,900"]
    dom = subprocess.run([*base, f"--user-data-dir={tmp / ('profile-dom-' + name)}",
                          "--dump-dom", url], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    done = subprocess.run([*base, f"--user-data-dir={tmp / ('profile-shot-' + name)}",
                           f"--screenshot={shot}", url], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    target = os.environ.get("K3DESK_SCREENSHOT_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(target) / shot.name)
    return dom.stdout, shot


def share_of(shot: Path, colour: tuple[int, int, int]) -> float:
    raw = Image.open(shot).convert("RGB").tobytes()
    count = len(raw) // 3
    hits = sum(1 for i in range(0, len(raw), 3)
               if all(abs(raw[i + j] - colour[j]) <= 6 for j in range(3)))
    return hits / count


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_verification_page_in_chromium(world: World, db_url: str, tmp_path: Path) -> None:
    job = setup_job(world)
    iss = issuer(world)
    valid = certificate(world, iss, approved_inspection(world, job))
    revoked = certificate(world, iss, approved_inspection(world, job),
                          seq=iss.block["data"]["first"] + 1)
    world.supervisor.push(valid, revoked)
    assert world.supervisor.push_one(edit(revoked, 1, revoked=True, revoked_reason=(
        "Data pelat nama salah; diganti sertifikat baru")))["status"] == "applied"

    with ServerProcess(db_url, tmp_path / "blobs") as server:
        d = valid["data"]
        qr = build_verify_url(VerifyLink(server.url, d["number"], d["payload"], d["signature"],
                                         d["key_id"]))
        dom, shot = chromium(qr, tmp_path, "verify-valid")
        assert "VALID" in dom and "Tanda tangan elektronik sah" in dom
        assert "PT Maju Jaya" in dom and "Balai K3 Jakarta" in dom
        assert Image.open(shot).size[0] == 390
        assert share_of(shot, GREEN) > 0.01

        query = urlencode({"number": revoked["data"]["number"]})
        dom, shot = chromium(f"{server.url}/verify?{query}", tmp_path, "verify-revoked")
        assert "DICABUT" in dom and "Data pelat nama salah" in dom
        assert share_of(shot, RED) > 0.01 and share_of(shot, GREEN) < 0.001

        dom, shot = chromium(f"{server.url}/verify?number=0000%2FXX%2F2026", tmp_path,
                             "verify-unknown")
        assert "TIDAK DITEMUKAN" in dom and "0000/XX/2026" in dom
        assert share_of(shot, GREY) > 0.01

        forged = d["payload"].replace('"memenuhi"', '"tidak_memenuhi"')
        tampered = qr.replace(f"p={b64url_encode(d['payload'])}", f"p={b64url_encode(forged)}")
        assert tampered != qr
        dom, shot = chromium(tampered, tmp_path, "verify-tampered")
        assert "TIDAK SAH</b>" in dom and "VALID</b>" not in dom
        assert share_of(shot, RED) > 0.01 and share_of(shot, GREEN) < 0.001
