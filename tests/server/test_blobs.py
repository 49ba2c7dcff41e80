"""``/blobs/{sha256}``: content-addressed upload, existence, download by Balai."""

from __future__ import annotations

import hashlib

from tests.server.helpers import World, change, company, equipment, inspection, setup_job


def _sha(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def test_put_new_then_existing(world: World) -> None:
    body = b"foto pelat nama" * 100
    url = f"/api/v1/blobs/{_sha(body)}"
    h = world.inspector.headers
    assert world.client.head(url, headers=h).status_code == 404
    assert world.client.put(url, content=body, headers=h).status_code == 201
    assert world.client.put(url, content=body, headers=h).status_code == 200
    r = world.client.head(url, headers=h)
    assert r.status_code == 200 and r.headers["content-length"] == str(len(body))


def test_bytes_that_do_not_match_the_name_are_refused_and_not_stored(world: World,
                                                                      settings: object) -> None:
    body = b"one thing"
    wrong = _sha(b"another thing")
    r = world.client.put(f"/api/v1/blobs/{wrong}", content=body, headers=world.inspector.headers)
    assert r.status_code == 422 and r.json()["error"]["code"] == "blob_mismatch"
    assert world.client.head(f"/api/v1/blobs/{wrong}",
                             headers=world.inspector.headers).status_code == 404
    blob_dir = settings.blob_dir  # type: ignore[attr-defined]
    assert [p for p in blob_dir.rglob("*") if p.is_file()] == []


def test_too_large_and_bad_names(world: World, settings: object) -> None:
    body = b"x" * (settings.max_blob_bytes + 1)  # type: ignore[attr-defined]
    r = world.client.put(f"/api/v1/blobs/{_sha(body)}", content=body,
                         headers=world.inspector.headers)
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"

    def chunks():  # no Content-Length: the limit is enforced while reading
        for _ in range(20):
            yield b"y" * 8192

    r = world.client.put(f"/api/v1/blobs/{'a' * 64}", content=chunks(),
                         headers=world.inspector.headers)
    assert r.status_code == 413
    r = world.client.put("/api/v1/blobs/NOT-A-HASH", content=b"x",
                         headers=world.inspector.headers)
    assert r.status_code == 422
    assert world.client.put(f"/api/v1/blobs/{_sha(b'x')}", content=b"x").status_code == 401


def test_get_only_for_the_balai_owning_an_attachment(world: World) -> None:
    body = b"\xff\xd8 jpeg bytes"
    sha = _sha(body)
    url = f"/api/v1/blobs/{sha}"
    world.client.put(url, content=body, headers=world.inspector.headers)
    # its own upload brought it in: the uploader's Balai may read it, no other
    assert world.client.get(url, headers=world.inspector.headers).status_code == 200
    assert world.client.get(url, headers=world.inspector_b.headers).status_code == 404
    job = setup_job(world)
    draft = inspection(world.inspector, job.company["id"], job.equipment["id"])
    world.inspector.push_one(draft)
    att = change("attachment", {"balai_id": world.inspector.balai_id,
                                "inspection_id": draft["id"], "sha256": sha,
                                "filename": "foto.jpg", "content_type": "image/jpeg",
                                "size": len(body)})
    assert world.inspector.push_one(att)["status"] == "applied"
    r = world.client.get(url, headers=world.supervisor.headers)
    assert r.status_code == 200 and r.content == body
    assert world.client.get(url, headers=world.inspector_b.headers).status_code == 404


def test_another_balais_blob_cannot_be_attached_nor_read(world: World) -> None:
    body = b"\x89PNG rahasia Balai A"
    sha = _sha(body)
    url = f"/api/v1/blobs/{sha}"
    assert world.client.put(url, content=body, headers=world.inspector.headers).status_code \
        == 201
    # Balai B knows the hash: HEAD and GET say nothing, attaching it is blob_missing
    assert world.client.head(url, headers=world.inspector_b.headers).status_code == 404
    b = world.inspector_b.balai_id
    comp = company(b)
    equip = equipment(b, comp["id"])
    world.inspector_b.push(comp, equip)
    draft = inspection(world.inspector_b, comp["id"], equip["id"])
    world.inspector_b.push_one(draft)
    att = change("attachment", {"balai_id": b, "inspection_id": draft["id"], "sha256": sha,
                                "filename": "curian.png", "content_type": "image/png",
                                "size": 1})
    result = world.inspector_b.push_one(att)
    assert result["status"] == "rejected" and result["error"]["code"] == "blob_missing"
    assert world.client.get(url, headers=world.inspector_b.headers).status_code == 404
    # once Balai B uploads the same bytes itself it may use them, with the true size
    assert world.client.put(url, content=body, headers=world.inspector_b.headers
                            ).status_code == 200
    result = world.inspector_b.push_one(att)
    assert result["error"]["code"] == "invalid" and result["error"]["field"] == "size"
    att["data"]["size"] = len(body)
    assert world.inspector_b.push_one(att)["status"] == "applied"
    assert world.client.get(url, headers=world.inspector_b.headers).content == body
