"""Schemathesis against the real app, on SQLite and PostgreSQL: every operation of
``/api/v1/openapi.json`` with generated input, all of Schemathesis's checks (no 5xx, the
documented statuses, headers and bodies, ...), a fixed seed and a bounded number of
examples (``K3DESK_FUZZ_EXAMPLES``, default 12 per operation and engine)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, seed, settings
from schemathesis.config import SchemathesisConfig

from k3desk.server.app import Settings, create_app
from tests.server.helpers import World, build_world

EXAMPLES = int(os.environ.get("K3DESK_FUZZ_EXAMPLES", "12"))
#: A schema-valid request may still be refused by a documented rule: 410 ``cursor_reset``
#: for a cursor the server never gave, 422 for a change the rules refuse (a lone
#: surrogate is valid JSON Schema text, but never storable), 429 for the throttle.
CONFIG = SchemathesisConfig.from_dict({"checks": {"positive_data_acceptance": {
    "expected-statuses": ["2xx", "3xx", 401, 403, 404, 409, 410, 413, 422, 429]}}})


def _operations() -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        doc = create_app(Settings(db_url="sqlite://", migrate=False,
                                  blob_dir=Path(folder))).openapi()
    return sorted((method.upper(), path) for path, item in doc["paths"].items()
                  for method in item if method in ("get", "put", "post", "head", "delete"))


@pytest.fixture
def fuzz_world(db_url: str, tmp_path: Path) -> Iterator[tuple[Any, World]]:
    settings_ = Settings(db_url=db_url, blob_dir=tmp_path / "blobs", max_push_bytes=256 * 1024,
                         max_blob_bytes=64 * 1024, max_push_changes=50,
                         verify_per_minute=1_000_000)
    app = create_app(settings_)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield app, build_world(client)


@pytest.mark.slow
@pytest.mark.parametrize(("method", "path"), _operations())
def test_every_operation_keeps_its_documented_promises(fuzz_world: tuple[Any, World],
                                                      method: str, path: str) -> None:
    app, world = fuzz_world
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app, config=CONFIG)
    operation = schema[path][method]
    auth = {"Authorization": f"Bearer {world.inspector.token}"}

    @seed(20261201)
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def run(case: Any) -> None:
        if case.headers and "Authorization" in case.headers:
            case.headers.pop("Authorization")
        case.call_and_validate(headers=auth)

    run()


def test_the_document_tells_the_truth_schemathesis_found(world: World) -> None:
    doc = world.client.get("/api/v1/openapi.json").json()
    blob = doc["paths"]["/api/v1/blobs/{sha256}"]
    name = next(p for p in blob["get"]["parameters"] if p["name"] == "sha256")
    assert name["schema"]["pattern"] == "^[0-9a-f]{64}$"
    assert world.client.get("/api/v1/blobs/0", headers=world.inspector.headers
                            ).status_code == 422
    assert "503" in blob["put"]["responses"]
    assert "410" in doc["paths"]["/api/v1/sync/pull"]["get"]["responses"]
    assert "404" in doc["paths"]["/verify"]["get"]["responses"]
    r = world.client.delete(f"/api/v1/blobs/{'a' * 64}", headers=world.inspector.headers)
    assert r.status_code == 405
    assert set(r.headers["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "PUT"}
    push = doc["paths"]["/api/v1/sync/push"]["post"]["requestBody"]["content"][
        "application/json"]["schema"]
    assert {} in push["properties"]["changes"]["items"]["anyOf"]
    r = world.inspector.push_raw([[None, None]])
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "rejected"


def _change(**override: Any) -> dict[str, Any]:
    import uuid

    body: dict[str, Any] = {"change_id": str(uuid.uuid4()), "type": "company",
                            "id": str(uuid.uuid4()), "base_version": 0, "deleted": False,
                            "data": {"name": "PT Contoh", "address": "Jl. Contoh"}}
    body.update(override)
    return body


def _nested(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


EXPLICIT_PUSHES = {
    "nul_change_id": {"device_id": "d", "changes": [_change(change_id="a\x00b")]},
    "surrogate_change_id": {"device_id": "d", "changes": [_change(change_id="\ud800")]},
    "surrogate_type": {"device_id": "d", "changes": [_change(type="comp\ud800")]},
    "surrogate_id": {"device_id": "d", "changes": [_change(id="\udfff")]},
    "surrogate_data": {"device_id": "d", "changes": [_change(data={"name": "\ud800"})]},
    "surrogate_device_id": {"device_id": "laptop\ud800", "changes": [_change()]},
    "deep_data": {"device_id": "d", "changes": [_change(data={"x": _nested(40)})]},
}


@pytest.mark.parametrize("name", sorted(EXPLICIT_PUSHES))
def test_the_cases_the_black_box_pass_found_keep_the_promises(fuzz_world: tuple[Any, World],
                                                            name: str) -> None:
    app, world = fuzz_world
    body = EXPLICIT_PUSHES[name]
    for change in body["changes"]:
        change["data"].setdefault("balai_id", world.inspector.balai_id)
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app, config=CONFIG)
    case = schema["/api/v1/sync/push"]["POST"].Case(body=body, media_type="application/json")
    response = case.call_and_validate(headers={"Authorization":
                                               f"Bearer {world.inspector.token}"})
    assert response.status_code in (200, 422)
    if response.status_code == 200:
        assert [r["error"]["code"] for r in response.json()["results"]] == ["invalid"]


def test_a_deep_qr_payload_keeps_the_promises(fuzz_world: tuple[Any, World]) -> None:
    from k3desk.domain.signing import b64url_encode

    app, _world = fuzz_world
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app, config=CONFIG)
    for path in ("/verify", "/api/v1/certificates/verification"):
        case = schema[path]["GET"].Case(query={"number": "0001/X", "p": b64url_encode(
            "[" * 1400), "s": "AAAA", "k": "k"})
        assert case.call_and_validate().status_code == 404  # no such number, and no 500
