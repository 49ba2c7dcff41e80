"""An admin changes a Balai's document settings: ``k3desk admin update-balai`` and
``PUT /api/v1/balai/{id}``, on SQLite and PostgreSQL (the ``db_url`` fixture)."""

from __future__ import annotations

import base64
import io
import random
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from PIL import Image

from k3desk.domain.balai_documents import logo_bytes
from k3desk.server import admin
from tests.server.helpers import CHEAP, PASSWORD, World, change, login
from tests.server.test_admin_cli import admin as admin_cli


def png(width: int = 120, height: int = 120, noise: bool = False) -> bytes:
    image = Image.new("RGB", (width, height), (20, 90, 160))
    if noise:
        image = Image.frombytes("RGB", (width, height),
                                random.Random(1).randbytes(width * height * 3))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def put(world: World, who: Any, balai_id: str, **body: Any) -> Any:
    return world.client.put(f"/api/v1/balai/{balai_id}", headers=who.headers, json=body)


def balai_of(records: list[dict[str, Any]], balai_id: str) -> dict[str, Any] | None:
    found = [r for r in records if r["type"] == "balai" and r["id"] == balai_id]
    return found[-1] if found else None


def test_admin_changes_the_settings_and_laptops_pull_them(world: World) -> None:
    a = world.balai_a.id
    _records, since = world.inspector.pull_all()
    logo = png()
    r = put(world, world.admin, a, name="Balai K3 DKI Jakarta", phone="021-5255733",
            email="info@bk3jakarta.go.id", website="https://bk3jakarta.go.id",
            number_format="{seq:05d}/{object_code}/{balai_code}/{year}",
            head_name="Ir. Siti Aminah", head_nip="1975 0101 2000 1220 01",
            logo=base64.b64encode(logo).decode(), base_version=1)
    assert r.status_code == 200, r.text
    env = r.json()
    assert env["version"] == 2 and env["modified_by"] == world.admin.id
    data = env["data"]
    assert data["name"] == "Balai K3 DKI Jakarta" and data["city"] == "Jakarta"
    assert data["head_nip"] == "197501012000122001"
    assert data["logo"]["media_type"] == "image/png" and data["logo"]["width"] == 120
    # the inspector's laptop gets the new version with its next pull, logo and all
    pulled, _ = world.inspector.pull_all(since)
    got = balai_of(pulled, a)
    assert got is not None and got["version"] == 2
    assert logo_bytes(got["data"]["logo"]) == logo
    # the other Balai's users never see it
    other, _ = world.inspector_b.pull_all()
    assert balai_of(other, a) is None
    # clearing an optional field and the logo
    r = put(world, world.admin, a, website="", clear_logo=True)
    assert r.status_code == 200, r.text
    assert "website" not in r.json()["data"] and "logo" not in r.json()["data"]
    assert r.json()["data"]["phone"] == "021-5255733"


@pytest.mark.parametrize(("body", "field", "words"), [
    ({"number_format": "{object_code}/{year}"}, "number_format", "{seq}"),
    ({"number_format": "{seq:04d}/{nope}"}, "number_format", "nope"),
    ({"city": "  "}, "city", "wajib diisi"),
    ({"email": "bukan-email"}, "email", "bukan alamat email"),
    ({"website": "ftp:/x"}, "website", "bukan alamat situs"),
    ({"head_nip": "12345"}, "head_nip", "18 angka"),
    ({"name": "Balai\u202eK3"}, "name", "U+202E"),
    ({"name": "x" * 201}, "name", "200"),
    ({"logo": base64.b64encode(b"%PDF-1.4 not an image").decode()}, "logo", "bukan gambar"),
    ({"logo": "***"}, "logo", "base64"),
    ({}, None, "nothing to change"),
])
def test_bad_settings_are_refused_and_change_nothing(world: World, body: dict[str, Any],
                                                     field: str | None, words: str) -> None:
    before = world.counts()
    r = put(world, world.admin, world.balai_a.id, **body)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "invalid" and error.get("field") == field
    assert words in error["message"]
    assert world.counts() == before


def test_logo_limits(world: World) -> None:
    a = world.balai_a.id
    for image, words in ((png(32, 32), "antara 64 dan 2048"),
                         (png(400, 400, noise=True), "paling besar 256 KB")):
        r = put(world, world.admin, a, logo=base64.b64encode(image).decode())
        assert r.status_code == 422 and words in r.json()["error"]["message"], r.text[:300]
    gif = io.BytesIO()
    Image.new("RGB", (100, 100)).save(gif, "GIF")
    r = put(world, world.admin, a, logo=base64.b64encode(gif.getvalue()).decode())
    assert r.status_code == 422 and "PNG atau JPEG" in r.json()["error"]["message"]


def test_role_tenancy_and_versions(world: World) -> None:
    a, b = world.balai_a.id, world.balai_b.id
    for who in (world.inspector, world.supervisor, world.supervisor_b):
        r = put(world, who, a, phone="021-1")
        assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    # an admin of one Balai changes that Balai only
    with world.sessions() as s:
        admin.create_user(s, "rootjkt", "Admin Jakarta", "1", "admin", "BK3JKT", PASSWORD,
                          CHEAP)
    local = login(world.client, "rootjkt")
    assert put(world, local, b, phone="031-1").status_code == 403
    assert put(world, local, a, phone="021-2").status_code == 200
    # unknown ids, a user's id, a stale version
    assert put(world, world.admin, world.inspector.id, phone="1").status_code == 404
    assert put(world, world.admin, "not-a-uuid", phone="1").status_code == 404
    r = put(world, world.admin, a, phone="021-3", base_version=1)
    assert r.status_code == 409 and r.json()["error"]["code"] == "conflict"
    assert world.record(a).data["phone"] == "021-2"  # type: ignore[union-attr]
    # the Balai record is still never pushed, even by an admin
    record = world.record(a)
    assert record is not None
    result = world.admin.push_one(change("balai", {**record.data, "balai_id": a}, id_=a,
                                         base_version=record.version))
    assert result["status"] == "rejected" and result["error"]["code"] == "forbidden"


def test_update_balai_command(client: TestClient, db_url: str, tmp_path: Path) -> None:
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    with sessions() as s:
        admin.create_balai(s, "BK3MKS", "Balai K3 Makassar", "Jl. Urip Sumoharjo",
                           city="Makassar")
    logo = tmp_path / "logo.png"
    logo.write_bytes(png(200, 100))
    rc, out, err = admin_cli(db_url, "update-balai", "--code", "bk3mks", "--phone",
                             "0411-1", "--number-format", "{seq:03d}-{balai_code}-{year}",
                             "--logo", str(logo))
    assert rc == 0, err
    assert "Balai BK3MKS updated (version 2); logo 200x100" in out
    assert "next number looks like 001-BK3MKS-" in out
    with sessions() as s:
        data = admin.find_balai(s, "BK3MKS").data
        assert data["phone"] == "0411-1" and logo_bytes(data["logo"]) == logo.read_bytes()
    for args, words in ((("--code", "NOPE", "--phone", "1"), "no Balai with code"),
                        (("--code", "BK3MKS", "--number-format", "{year}"), "{seq}"),
                        (("--code", "BK3MKS", "--logo", str(tmp_path / "missing.png")),
                         "cannot read"),
                        (("--code", "BK3MKS", "--logo", str(logo), "--clear-logo"),
                         "not both")):
        rc, out, err = admin_cli(db_url, "update-balai", *args)
        assert rc == 2 and words in err and len(err.strip().splitlines()) == 1, (args, err)
    with sessions() as s:
        assert admin.find_balai(s, "BK3MKS").version == 2  # nothing refused was written
