"""Error shapes and limits (protocol section 9): never a 500, nothing stored."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from k3desk.server.app import Settings, create_app
from tests.server.helpers import TEMPLATE_DB, World, build_world, company
from tests.support.postgres import PostgresCluster


def _is_error(r: object, status: int, code: str | None = None) -> dict[str, object]:
    assert r.status_code == status, (r.status_code, r.text)  # type: ignore[attr-defined]
    body = r.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and {"code", "message"} <= set(body["error"])
    if code:
        assert body["error"]["code"] == code
    return dict(body["error"])


def test_unknown_paths_and_methods(world: World) -> None:
    _is_error(world.client.get("/api/v1/nothing-here"), 404, "not_found")
    _is_error(world.client.get("/"), 404, "not_found")
    _is_error(world.client.delete("/api/v1/info"), 405, "method_not_allowed")


def test_malformed_json_is_400_and_stores_nothing(world: World) -> None:
    before = world.counts()
    h = {**world.inspector.headers, "Content-Type": "application/json"}
    for raw in (b"{", b"{\"device_id\": \"x\", \"changes\": [", b"\xff\xfe",
                b"{\"device_id\":\"x\",\"changes\":[NaN]}"):
        _is_error(world.client.post("/api/v1/sync/push", content=raw, headers=h), 400,
                  "malformed_json")
    _is_error(world.client.post("/api/v1/auth/login", content=b"{oops", headers=h), 400,
              "malformed_json")
    assert world.counts() == before


def test_wrong_types_are_422(world: World) -> None:
    before = world.counts()
    push = "/api/v1/sync/push"
    h = world.inspector.headers
    for body in ([], "x", {"changes": []}, {"device_id": 5, "changes": []},
                 {"device_id": "d", "changes": {"a": 1}}, {"device_id": "", "changes": []}):
        _is_error(world.client.post(push, json=body, headers=h), 422, "invalid")
    for body in ({"username": 1, "password": "x", "device_id": "d"}, {"username": "insp"}, []):
        _is_error(world.client.post("/api/v1/auth/login", json=body), 422, "invalid")
    assert world.counts() == before


def test_body_over_the_limit_is_413_and_stores_nothing(world: World, settings: object) -> None:
    before = world.counts()
    big = company(world.inspector.balai_id)
    big["data"]["notes"] = "x" * (settings.max_push_bytes + 10)  # type: ignore[attr-defined]
    r = world.inspector.push_raw([big])
    _is_error(r, 413, "too_large")
    too_many = [company(world.inspector.balai_id)
                for _ in range(settings.max_push_changes + 1)]  # type: ignore[attr-defined]
    _is_error(world.inspector.push_raw(too_many), 413, "too_large")
    assert world.counts() == before


def test_oversized_body_without_content_length(world: World, settings: object) -> None:
    limit = settings.max_push_bytes  # type: ignore[attr-defined]
    payload = json.dumps({"device_id": "d", "changes": [{"pad": "x" * limit}]}).encode()

    def chunks():
        for i in range(0, len(payload), 4096):
            yield payload[i:i + 4096]

    r = world.client.post("/api/v1/sync/push", content=chunks(),
                          headers={**world.inspector.headers,
                                   "Content-Type": "application/json"})
    _is_error(r, 413, "too_large")


def test_info_and_openapi_are_public(world: World, settings: object) -> None:
    info = world.client.get("/api/v1/info").json()
    assert info["protocol"] == 1 and info["server_time"].endswith("Z")
    assert info["max_push_changes"] == settings.max_push_changes  # type: ignore[attr-defined]
    assert info["max_blob_bytes"] == settings.max_blob_bytes  # type: ignore[attr-defined]
    assert info["max_push_bytes"] == settings.max_push_bytes  # type: ignore[attr-defined]
    doc = world.client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/auth/login", "/api/v1/sync/push", "/api/v1/sync/pull",
                 "/api/v1/blobs/{sha256}", "/api/v1/number-blocks", "/api/v1/signing-keys",
                 "/api/v1/info", "/api/v1/certificates/verification", "/verify"):
        assert path in doc["paths"], path
    assert "PushRequest" in doc["components"]["schemas"]
    assert world.client.get("/api/v1/health").json() == {"status": "ok"}


def test_deeply_nested_input_is_refused_not_crashed(world: World) -> None:
    before = world.counts()
    h = {**world.inspector.headers, "Content-Type": "application/json"}
    for depth in (40, 900, 100_000):
        nested = "[" * depth + "]" * depth
        c = company(world.inspector.balai_id)
        body = json.dumps({"device_id": "d", "changes": [c]}).replace(
            '"npwp": "01.234"', f'"npwp": {nested}')
        r = world.client.post("/api/v1/sync/push", content=body, headers=h)
        assert r.status_code in (200, 400), r.text[:200]
        if r.status_code == 200:
            result = r.json()["results"][0]
            assert (result["status"], result["error"]["code"]) == ("rejected", "invalid")
        r = world.client.post("/api/v1/auth/login", content=nested, headers=h)
        assert r.status_code in (400, 422)
    assert world.counts() == before


def test_applied_results_carry_only_their_fields(world: World) -> None:
    result = world.inspector.push_one(company(world.inspector.balai_id))
    assert set(result) == {"status", "change_id", "version", "seq"}


def test_nul_characters_anywhere_are_refused_alike_on_both_engines(world: World) -> None:
    before = world.counts()
    c = company(world.inspector.balai_id, "PT \x00 Nol")
    result = world.inspector.push_one(c)
    assert (result["status"], result["error"]["code"]) == ("rejected", "invalid")
    c = company(world.inspector.balai_id)
    c["data"]["key\x00"] = 1
    assert world.inspector.push_one(c)["error"]["code"] == "invalid"
    r = world.client.post("/api/v1/auth/login", json={
        "username": "insp\x00", "password": "x\x00", "device_id": "d\x00"})
    assert r.status_code in (401, 422), r.text
    for url, params in (("/api/v1/certificates/verification", {"number": "1\x00"}),
                        ("/verify", {"number": "1\x00"}),
                        ("/api/v1/sync/pull", {"since": "1\x00"})):
        r = world.client.get(url, params=params, headers=world.inspector.headers)
        assert r.status_code in (404, 422), (url, r.status_code, r.text[:200])
    r = world.client.post("/api/v1/number-blocks", headers=world.supervisor.headers,
                          json={"device_id": "lap\x00top", "size": 3})
    assert r.status_code in (201, 422)
    r = world.client.post("/api/v1/sync/push", headers=world.inspector.headers,
                          json={"device_id": "d\x00", "changes": []})
    assert r.status_code in (200, 422)
    assert world.counts()[1] == before[1]


@pytest.mark.postgres
@pytest.mark.slow
def test_database_gone_is_503_for_a_retry_not_500(pg_template: PostgresCluster,
                                                  tmp_path: Path) -> None:
    name = f"gone_{uuid.uuid4().hex[:10]}"
    url = pg_template.create_database(name, template=TEMPLATE_DB)
    app = create_app(Settings(db_url=url, blob_dir=tmp_path / "b"))
    with TestClient(app, raise_server_exceptions=False) as client:
        world = build_world(client)
        pg_template.drop_database(name)  # WITH (FORCE): ends the server's connections
        r = world.inspector.push_raw([company(world.inspector.balai_id)])
        assert r.status_code == 503, r.text
        assert r.json()["error"]["code"] == "unavailable" and r.headers["retry-after"]
        r = client.post("/api/v1/auth/login", json={"username": "insp", "password": "x" * 12,
                                                    "device_id": "d"})
        assert r.status_code == 503
