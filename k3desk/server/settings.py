"""What a server instance is configured with; one object, passed to ``create_app``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from k3desk.paths import default_server_dir

MIB = 1024 * 1024


def default_db_url() -> str:
    return f"sqlite:///{default_server_dir() / 'k3desk-server.db'}"


def default_blob_dir() -> Path:
    return default_server_dir() / "blobs"


@dataclass
class Settings:
    """Database, blob folder and the limits announced by ``/api/v1/info``.

    ``pool_size`` applies to PostgreSQL; ``migrate`` False skips the Alembic upgrade at
    start (when a deployment migrates separately). ``verify_per_minute`` throttles the
    public verification per client address (a burst of half of it is allowed).
    """

    db_url: str = field(default_factory=default_db_url)
    blob_dir: Path = field(default_factory=default_blob_dir)
    max_push_changes: int = 500
    max_push_bytes: int = 8 * MIB
    max_blob_bytes: int = 20 * MIB
    max_pull_limit: int = 1000
    token_lifetime: timedelta = timedelta(days=14)
    login_max_failures: int = 10
    login_window: timedelta = timedelta(minutes=15)
    migrate: bool = True
    pool_size: int = 10
    #: public verifications (page and JSON) one client address may make per minute
    verify_per_minute: int = 60
    #: where blob bytes live: ``local`` (``blob_dir``) or ``s3`` (blob_store.py); with
    #: s3, ``blob_dir`` holds only the temporary files of uploads in progress
    blob_store: str = "local"
    s3_bucket: str | None = None
    s3_prefix: str = "blobs/"
    s3_endpoint_url: str | None = None  # for an S3-compatible store other than AWS
    s3_region: str | None = None
    s3_access_key_id: str | None = None  # else boto3's chain (environment, ~/.aws)
    s3_secret_access_key: str | None = None
