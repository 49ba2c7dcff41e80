"""The S3 blob store (``Settings.blob_store = "s3"``) against a local S3 server: moto's
server mode on loopback, spoken to by boto3 over HTTP as a real bucket would be."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from k3desk.server.app import Settings
from tests.server.helpers import World, change, inspection, setup_job

BUCKET = "k3desk-blobs"
KEYS = {"aws_access_key_id": "uji", "aws_secret_access_key": "rahasia-uji"}


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


def _s3(endpoint: str) -> Any:
    import boto3

    return boto3.session.Session().client("s3", endpoint_url=endpoint, region_name="us-east-1",
                                          **KEYS)


@pytest.fixture
def settings(db_url: str, tmp_path: Path, s3_endpoint: str) -> Settings:
    """The server's settings with blobs in a fresh bucket (overrides conftest's)."""
    bucket = f"{BUCKET}-{tmp_path.name[-20:].lower().replace('_', '-')}"
    _s3(s3_endpoint).create_bucket(Bucket=bucket)
    return Settings(db_url=db_url, blob_dir=tmp_path / "spool", max_push_changes=50,
                    max_blob_bytes=64 * 1024, blob_store="s3", s3_bucket=bucket,
                    s3_prefix="uji/", s3_endpoint_url=s3_endpoint, s3_region="us-east-1",
                    s3_access_key_id=KEYS["aws_access_key_id"],
                    s3_secret_access_key=KEYS["aws_secret_access_key"])


def _objects(settings: Settings) -> dict[str, bytes]:
    s3 = _s3(str(settings.s3_endpoint_url))
    listed = s3.list_objects_v2(Bucket=settings.s3_bucket).get("Contents", [])
    return {o["Key"]: s3.get_object(Bucket=settings.s3_bucket, Key=o["Key"])["Body"].read()
            for o in listed}


def test_blobs_go_to_the_bucket_and_come_back_to_their_balai(world: World,
                                                             settings: Settings) -> None:
    body = b"\xff\xd8 foto pelat nama" * 500
    sha = hashlib.sha256(body).hexdigest()
    url = f"/api/v1/blobs/{sha}"
    h = world.inspector.headers
    assert world.client.head(url, headers=h).status_code == 404
    assert world.client.put(url, content=body, headers=h).status_code == 201
    assert world.client.put(url, content=body, headers=h).status_code == 200
    assert _objects(settings) == {f"uji/{sha}": body}
    # nothing stays in the local spool folder
    assert [p for p in settings.blob_dir.rglob("*") if p.is_file()] == []
    r = world.client.get(url, headers=h)
    assert r.status_code == 200 and r.content == body
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


def test_a_wrong_upload_leaves_nothing_in_the_bucket(world: World, settings: Settings) -> None:
    wrong = hashlib.sha256(b"another thing").hexdigest()
    r = world.client.put(f"/api/v1/blobs/{wrong}", content=b"one thing",
                         headers=world.inspector.headers)
    assert r.status_code == 422 and r.json()["error"]["code"] == "blob_mismatch"
    assert _objects(settings) == {}
    assert world.client.get(f"/api/v1/blobs/{wrong}",
                            headers=world.inspector.headers).status_code == 404
