"""Issue 13: security headers on public pages, and a per-address verification throttle."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from fastapi.testclient import TestClient

from k3desk.server.app import Settings, create_app
from k3desk.server.public_guard import Throttle
from tests.server.helpers import World


def test_public_pages_send_strict_security_headers(world: World) -> None:
    for path in ("/verify", "/api/v1/certificates/verification?number=1/X",
                 "/api/v1/health"):
        r = world.client.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "script-src" not in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
    page = world.client.get("/verify").text
    style = re.search(r"<style>(.*?)</style>", page, re.S)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"'sha256-{digest}'" in world.client.get("/verify").headers[
        "content-security-policy"]  # the page's own style is allowed, nothing else


def test_public_verification_is_throttled_per_client(db_url: str, tmp_path: Path) -> None:
    settings = Settings(db_url=db_url, blob_dir=tmp_path / "blobs", verify_per_minute=10)
    with TestClient(create_app(settings)) as client:
        statuses = [client.get("/api/v1/certificates/verification",
                               params={"number": f"{i:04d}/X"}).status_code
                    for i in range(8)]
        assert statuses[:5] == [404] * 5 and statuses[5:] == [429] * 3
        r = client.get("/verify", params={"number": "0009/X"})
        assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
        assert "Terlalu banyak" in r.text
        assert r.headers["content-security-policy"].startswith("default-src 'none'")
        assert client.get("/api/v1/health").status_code == 200  # only verification counts


def test_the_throttle_is_per_address_and_refills() -> None:
    throttle = Throttle(per_minute=60)  # a burst of 30, one more each second
    assert all(throttle.wait("10.0.0.1", now=0.0) == 0 for _ in range(30))
    assert throttle.wait("10.0.0.1", now=0.0) >= 1
    assert throttle.wait("10.0.0.2", now=0.0) == 0
    assert throttle.wait("10.0.0.1", now=2.0) == 0
