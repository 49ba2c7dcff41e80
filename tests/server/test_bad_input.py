"""Issue 13: no input answers 500; a bad change is refused alone, its neighbours applied."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from k3desk.domain.signing import b64url_encode
from tests.server.helpers import (
    World,
    approved_inspection,
    certificate,
    company,
    equipment,
    issuer,
    setup_job,
    uid,
)
from tests.support.server_process import ServerProcess

# Each body text is sent as raw JSON, so that lone surrogates and 1e400 reach the server
# exactly as an attacker (or a broken client) would write them.
BAD_CHANGES = {
    "nul_in_change_id": '{"change_id": "%s\\u0000", "type": "company", "id": "%s", '
                        '"base_version": 0, "deleted": false, "data": %s}',
    "surrogate_in_change_id": '{"change_id": "\\ud800%s", "type": "company", "id": "%s", '
                              '"base_version": 0, "deleted": false, "data": %s}',
    "surrogate_in_type": '{"change_id": "%s", "type": "comp\\ud800", "id": "%s", '
                         '"base_version": 0, "deleted": false, "data": %s}',
    "surrogate_in_id": '{"change_id": "%s", "type": "company", "id": "%s\\udfff", '
                       '"base_version": 0, "deleted": false, "data": %s}',
    "surrogate_in_data": '{"change_id": "%s", "type": "company", "id": "%s", '
                         '"base_version": 0, "deleted": false, "data": %s, "x\\ud800": 1}',
    "overflow_in_data": '{"change_id": "%s", "type": "company", "id": "%s", '
                        '"base_version": 0, "deleted": false, "data": %s}',
}


def _data(world: World, name: str) -> str:
    data: dict[str, Any] = {"balai_id": world.inspector.balai_id, "name": "PT Rusak",
                            "address": "Jl. Rusak"}
    text = json.dumps(data)
    if name == "surrogate_in_data":
        return text.replace('"PT Rusak"', '"PT \\ud800 Rusak"')
    if name == "overflow_in_data":
        return text.replace("}", ', "luas": 1e400}')
    return text


def _push_text(world: World, changes: list[str], device_id: str = '"laptop-1"') -> Any:
    body = '{"device_id": ' + device_id + ', "changes": [' + ", ".join(changes) + "]}"
    return world.client.post("/api/v1/sync/push", content=body.encode("utf-8"),
                             headers={**world.inspector.headers,
                                      "Content-Type": "application/json"})


@pytest.mark.parametrize("name", sorted(BAD_CHANGES))
def test_a_bad_change_is_refused_alone(world: World, name: str) -> None:
    good_before = company(world.inspector.balai_id, "PT Sebelum")
    good_after = company(world.inspector.balai_id, "PT Sesudah")
    bad = BAD_CHANGES[name] % (uid()[:36 if "change_id" not in name else 30], uid(),
                               _data(world, name))
    r = _push_text(world, [json.dumps(good_before), bad, json.dumps(good_after)])
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["status"] for x in results] == ["applied", "rejected", "applied"]
    assert results[1]["error"]["code"] == "invalid"
    assert world.record(good_after["id"]) is not None


def test_a_lone_surrogate_in_device_id_is_invalid(world: World) -> None:
    r = _push_text(world, [json.dumps(company(world.inspector.balai_id))],
                   device_id='"laptop\\ud800"')
    assert r.status_code == 422 and r.json()["error"]["field"] == "device_id"


def test_a_deeply_nested_qr_payload_is_not_valid(world: World) -> None:
    job = setup_job(world)
    cert = certificate(world, issuer(world), approved_inspection(world, job))
    assert world.supervisor.push_one(cert)["status"] == "applied"
    d = cert["data"]
    params = {"number": d["number"], "p": b64url_encode("[" * 1400), "s": "AAAA",
              "k": d["key_id"]}
    r = world.client.get("/api/v1/certificates/verification", params=params)
    assert r.status_code == 200 and r.json()["signature_valid"] is False
    page = world.client.get("/verify", params=params)
    assert page.status_code == 200 and "TIDAK SAH" in page.text


def test_a_blob_upload_on_a_full_disk_answers_503(world: World, db_url: str,
                                                  tmp_path: Path) -> None:
    """A real server process whose files may grow to 16 kB only: what a full disk looks like.

    The limit is set in the server's process alone (a limit in the test process would also
    stop pytest writing its own report to a file).
    """
    if db_url.startswith("sqlite"):
        pytest.skip("the size limit would also hit the SQLite file; PostgreSQL shows it")
    body = bytes(range(256)) * 200  # 51,200 bytes, over the 16 kB a file may hold
    sha = hashlib.sha256(body).hexdigest()
    with ServerProcess(db_url, tmp_path / "full-blobs", file_size_limit=16 * 1024) as server:
        r = httpx.put(f"{server.url}/api/v1/blobs/{sha}", content=body,
                      headers=world.inspector.headers, timeout=30)
    assert r.status_code == 503, r.text
    assert r.headers["Retry-After"] == "60"
    assert r.json()["error"]["code"] == "unavailable"
    assert not list((tmp_path / "full-blobs").rglob(sha + "*")), "a half-written blob was kept"


@pytest.mark.parametrize(("type_", "field"), [("company", "name"), ("company", "address"),
                                              ("equipment", "serial_number")])
def test_bidi_controls_are_refused_in_printed_text(world: World, type_: str,
                                                   field: str) -> None:
    b = world.inspector.balai_id
    comp = company(b)
    assert world.inspector.push_one(comp)["status"] == "applied"
    bad = company(b) if type_ == "company" else equipment(b, comp["id"])
    bad["data"][field] = "PT ABC\u202eKAPAL"
    neighbour = company(b, "PT Tetangga")
    results = world.inspector.push(bad, neighbour)
    assert results[0]["status"] == "rejected"
    assert (results[0]["error"]["code"], results[0]["error"]["field"]) == ("invalid", field)
    assert "U+202E" in results[0]["error"]["message"]
    assert results[1]["status"] == "applied"
