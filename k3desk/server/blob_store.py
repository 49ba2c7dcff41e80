"""Where the server keeps blob bytes: one interface, two backends (docs/server.md).

- ``LocalBlobStore`` (the default): ``<blob_dir>/<first two hex>/<sha256>``.
- ``S3BlobStore``: objects ``<prefix><sha256>`` in a bucket of any S3-compatible store
  (AWS S3, MinIO, Ceph...), through boto3; credentials from the settings or boto3's
  usual chain (environment, ``~/.aws``).

An upload is always spooled to a temporary file under ``<blob_dir>/tmp`` while its hash
is computed (blobs.py); ``place`` makes the checked file the blob: a rename on the local
folder, an upload on S3. Blobs are named by their hash and never change, so placing
one twice is harmless and several server processes can share one store.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from k3desk.server.settings import Settings

CHUNK = 256 * 1024


class BlobStore(Protocol):
    tmp_dir: Path

    def exists(self, sha256: str) -> bool: ...

    def place(self, sha256: str, path: Path) -> None:
        """Make the checked file at ``path`` the blob ``sha256`` (``path`` is consumed)."""

    def read(self, sha256: str) -> Iterator[bytes] | None:
        """The blob's bytes in chunks, or None when it is not stored."""


class LocalBlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp_dir = root / "tmp"

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    def place(self, sha256: str, path: Path) -> None:
        final = self.path(sha256)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, final)

    def read(self, sha256: str) -> Iterator[bytes] | None:
        path = self.path(sha256)
        if not path.exists():
            return None

        def chunks() -> Iterator[bytes]:
            with path.open("rb") as handle:
                while chunk := handle.read(CHUNK):
                    yield chunk

        return chunks()


class S3BlobStore:
    def __init__(self, settings: Settings) -> None:
        import boto3

        if not settings.s3_bucket:
            raise ValueError("the s3 blob store needs a bucket (--s3-bucket)")
        self.bucket = settings.s3_bucket
        self.prefix = settings.s3_prefix
        self.tmp_dir = settings.blob_dir / "tmp"
        options: dict[str, Any] = {}
        if settings.s3_endpoint_url:
            options["endpoint_url"] = settings.s3_endpoint_url
        if settings.s3_region:
            options["region_name"] = settings.s3_region
        if settings.s3_access_key_id and settings.s3_secret_access_key:
            options["aws_access_key_id"] = settings.s3_access_key_id
            options["aws_secret_access_key"] = settings.s3_secret_access_key
        self.client = boto3.session.Session().client("s3", **options)

    def key(self, sha256: str) -> str:
        return f"{self.prefix}{sha256}"

    def exists(self, sha256: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            self.client.head_object(Bucket=self.bucket, Key=self.key(sha256))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True

    def place(self, sha256: str, path: Path) -> None:
        try:
            self.client.upload_file(str(path), self.bucket, self.key(sha256),
                                    ExtraArgs={"ContentType": "application/octet-stream"})
        finally:
            path.unlink(missing_ok=True)

    def read(self, sha256: str) -> Iterator[bytes] | None:
        from botocore.exceptions import ClientError

        try:
            answer = self.client.get_object(Bucket=self.bucket, Key=self.key(sha256))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return None
            raise
        body = answer["Body"]
        return iter(lambda: body.read(CHUNK) or b"", b"")


def make_blob_store(settings: Settings) -> BlobStore:
    """The backend ``settings.blob_store`` names: ``local`` (default) or ``s3``."""
    if settings.blob_store == "s3":
        return S3BlobStore(settings)
    if settings.blob_store != "local":
        raise ValueError(f"unknown blob store {settings.blob_store!r}: local or s3")
    return LocalBlobStore(settings.blob_dir)
