"""Public verification: ``/verify`` (HTML) and ``/api/v1/certificates/verification``."""

from __future__ import annotations

from typing import Any

import pytest

from k3desk.domain.signing import generate_keypair, sign
from k3desk.domain.verify_url import VerifyLink, build_verify_url
from tests.server.helpers import World, approved_inspection, certificate, edit, issuer, setup_job


@pytest.fixture
def issued(world: World) -> dict[str, Any]:
    job = setup_job(world)
    approved = approved_inspection(world, job)
    iss = issuer(world)
    cert = certificate(world, iss, approved)
    assert world.supervisor.push_one(cert)["status"] == "applied"
    return cert


def _qr_query(cert: dict[str, Any], **override: str) -> dict[str, str]:
    d = cert["data"]
    url = build_verify_url(VerifyLink("https://k3.example.go.id", override.get(
        "number", d["number"]), override.get("payload", d["payload"]),
        override.get("signature", d["signature"]), d["key_id"]))
    from urllib.parse import parse_qs, urlsplit

    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def test_json_of_a_valid_certificate(world: World, issued: dict[str, Any]) -> None:
    number = issued["data"]["number"]
    r = world.client.get("/api/v1/certificates/verification", params={"number": number})
    assert r.status_code == 200
    body = r.json()
    assert body["number"] == number and "/" in number
    assert body["status"] == "valid"
    assert body["balai"] == "Balai K3 Jakarta"
    assert body["company"] == "PT Maju Jaya"
    assert body["equipment"] == "Bejana Tekanan, nomor seri BT-2019-0042"
    assert body["verdict"] == "memenuhi"
    assert (body["issued_on"], body["valid_until"]) == ("2026-03-05", "2027-03-05")
    assert body["revoked_reason"] is None
    assert body["signature_valid"] is None


def test_json_with_qr_parameters_checks_the_signature(world: World,
                                                      issued: dict[str, Any]) -> None:
    r = world.client.get("/api/v1/certificates/verification", params=_qr_query(issued))
    assert r.json()["signature_valid"] is True
    forged = sign(generate_keypair().private_raw, issued["data"]["payload"])
    r = world.client.get("/api/v1/certificates/verification",
                         params=_qr_query(issued, signature=forged))
    assert r.json()["signature_valid"] is False


def test_unknown_number_is_404_in_json_and_html(world: World) -> None:
    r = world.client.get("/api/v1/certificates/verification", params={"number": "0001/X/Y"})
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    page = world.client.get("/verify", params={"number": "0001/X/Y"})
    assert page.status_code == 404
    assert "TIDAK DITEMUKAN" in page.text and "0001/X/Y" in page.text


def test_page_of_a_valid_certificate(world: World, issued: dict[str, Any]) -> None:
    page = world.client.get("/verify", params=_qr_query(issued))
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    text = page.text
    for expected in ("VALID", "Balai K3 Jakarta", "PT Maju Jaya", "BT-2019-0042",
                     "Memenuhi persyaratan K3", "5 Maret 2027", "Tanda tangan elektronik sah",
                     'lang="id"', "width=device-width"):
        assert expected in text, expected
    assert "<script" not in text.lower()


def test_page_flags_a_tampered_qr(world: World, issued: dict[str, Any]) -> None:
    payload = issued["data"]["payload"].replace("memenuhi", "tidak_memenuhi")
    page = world.client.get("/verify", params=_qr_query(issued, payload=payload))
    assert "<b>TIDAK SAH</b>" in page.text and "<b>VALID</b>" not in page.text


def test_revoked_certificate(world: World, issued: dict[str, Any]) -> None:
    revoke = edit(issued, 1, revoked=True, revoked_reason="Nomor seri salah tulis")
    assert world.supervisor.push_one(revoke)["status"] == "applied"
    body = world.client.get("/api/v1/certificates/verification",
                            params={"number": issued["data"]["number"]}).json()
    assert body["status"] == "revoked"
    assert body["revoked_reason"] == "Nomor seri salah tulis"
    page = world.client.get("/verify", params={"number": issued["data"]["number"]})
    assert "DICABUT" in page.text and "Nomor seri salah tulis" in page.text
    assert "VALID<" not in page.text


def test_page_escapes_what_it_shows(world: World) -> None:
    page = world.client.get("/verify", params={"number": "<script>alert(1)</script>"})
    assert "<script>" not in page.text and "&lt;script&gt;" in page.text


def test_empty_page_offers_a_search_form(world: World) -> None:
    page = world.client.get("/verify")
    assert page.status_code == 200 and "<form" in page.text


def test_published_keys(world: World, issued: dict[str, Any]) -> None:
    r = world.client.get("/api/v1/signing-keys/public")
    assert r.status_code == 200
    keys = r.json()["keys"]
    assert [k["key_id"] for k in keys] == [issued["data"]["key_id"]]
    assert keys[0]["balai"] == "Balai K3 Jakarta" and keys[0]["revoked"] is False


def test_compact_qr_link_gives_the_same_page(world: World, issued: dict[str, Any]) -> None:
    from urllib.parse import urlsplit

    from k3desk.domain.verify_url import build_qr_url

    d = issued["data"]
    url = build_qr_url(VerifyLink("https://k3.example.go.id", d["number"], d["payload"],
                                  d["signature"], d["key_id"]))
    path = urlsplit(url).path
    assert path.startswith("/V/") and len(url) < 600
    page = world.client.get(path)
    assert page.status_code == 200
    for expected in ("VALID", "PT Maju Jaya", "BT-2019-0042", "Tanda tangan elektronik sah"):
        assert expected in page.text, expected
    broken = world.client.get(path[:-40] + "1" * 40)
    assert broken.status_code in (200, 404) and "<b>VALID</b>" not in broken.text
    assert world.client.get("/V/12ab").status_code in (404, 422)
