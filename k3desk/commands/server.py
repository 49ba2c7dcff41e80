"""``k3desk server``: run the central sync server with uvicorn.

Prints ``k3desk server ready on http://HOST:PORT`` (the real port, also with
``--port 0``) on stdout once it accepts connections, so a parent process can wait for it.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("server", help="run the central sync server")
    p.add_argument("--db", default=None,
                   help="database URL (default: sqlite file in the server data folder; "
                        "postgresql+psycopg://user:pass@host/db for PostgreSQL)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8700, help="port (default 8700; 0 picks one)")
    p.add_argument("--blob-dir", type=Path, default=None,
                   help="folder for photos and documents (default: <server data folder>/blobs)")
    p.add_argument("--log-level", default="info",
                   choices=["critical", "error", "warning", "info", "debug"])
    p.add_argument("--proxy-headers", action="store_true",
                   help="trust X-Forwarded-* from --forwarded-allow-ips (behind a TLS proxy)")
    p.add_argument("--forwarded-allow-ips", default="127.0.0.1")
    p.add_argument("--blob-store", choices=["local", "s3"], default="local",
                   help="where blob bytes live: the --blob-dir folder (default) or an "
                        "S3-compatible bucket (credentials: AWS_ACCESS_KEY_ID, ...)")
    p.add_argument("--s3-bucket", default=None, help="bucket of --blob-store s3")
    p.add_argument("--s3-prefix", default="blobs/", help="key prefix (default blobs/)")
    p.add_argument("--s3-endpoint-url", default=None,
                   help="endpoint of an S3-compatible store other than AWS (MinIO, Ceph...)")
    p.add_argument("--s3-region", default=None)
    p.add_argument("--workers", type=int, default=1,
                   help="server processes on the one port (default 1; PostgreSQL for more)")
    p.add_argument("--verify-per-minute", type=int, default=None,
                   help="public verifications one client address may make per minute "
                        "(default 60)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from k3desk.domain.errors import K3Error
    from k3desk.server.runner import serve
    from k3desk.server.settings import Settings, default_blob_dir, default_db_url

    settings = Settings(db_url=args.db or default_db_url(),
                        blob_dir=args.blob_dir or default_blob_dir())
    if args.verify_per_minute is not None:
        if args.verify_per_minute < 1:
            raise K3Error("--verify-per-minute must be at least 1")
        settings.verify_per_minute = args.verify_per_minute
    settings.blob_store = args.blob_store
    settings.s3_bucket, settings.s3_prefix = args.s3_bucket, args.s3_prefix
    settings.s3_endpoint_url, settings.s3_region = args.s3_endpoint_url, args.s3_region
    if args.blob_store == "s3" and not args.s3_bucket:
        raise K3Error("--blob-store s3 needs --s3-bucket")
    if args.workers < 1:
        raise K3Error("--workers must be at least 1")
    if args.workers > 1 and settings.db_url.startswith("sqlite"):
        raise K3Error("--workers above 1 needs PostgreSQL (SQLite has one writer at a time)")
    return serve(settings, host=args.host, port=args.port, log_level=args.log_level,
                 proxy_headers=args.proxy_headers,
                 forwarded_allow_ips=args.forwarded_allow_ips, workers=args.workers)
