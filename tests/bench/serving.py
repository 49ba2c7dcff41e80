"""What the server and sync parts of the runner share: a PostgreSQL world with a real
server process, a bare HTTP server for baselines, an asyncio load generator's pieces.

The load generator is this package's own (asyncio + httpx, one process, one task per
simulated laptop), which replaced the thread-based one of the old ``bench_server.py``.
"""

from __future__ import annotations

import http.server
import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from k3desk.server import admin
from k3desk.server.db import make_engine, migrate, session_factory
from tests.server.helpers import CHEAP, PASSWORD
from tests.support.postgres import PostgresCluster, start_cluster
from tests.support.server_process import ServerProcess

#: Server processes a PostgreSQL part runs (the machine has 2 cores).
WORKERS = 2


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def median_of(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


@dataclass
class PgWorld:
    cluster: PostgresCluster
    url: str
    balai: dict[str, str] = field(default_factory=dict)  # code -> id
    users: list[tuple[str, str]] = field(default_factory=list)  # (username, balai code)


@contextmanager
def pg_world(tmp: Path, balai_count: int, users_per_balai: int,
             role: str = "inspector") -> Iterator[PgWorld]:
    """A throwaway cluster (fsync on, as in production) with Balai ``B00``.. and users
    ``u00_00``.., all with ``PASSWORD``; stopped and removed afterwards."""
    cluster = start_cluster(fsync=True)
    try:
        url = cluster.create_database("bench")
        engine = make_engine(url)
        migrate(engine)
        sessions = session_factory(engine)
        world = PgWorld(cluster, url)
        for b in range(balai_count):
            code = f"BK3B{b:02d}"
            with sessions() as s:
                world.balai[code] = admin.create_balai(
                    s, code, f"Balai K3 {b}", f"Jl. Balai {b}", city=f"Kota {b}").id
            for u in range(users_per_balai):
                name = f"u{b:02d}_{u:02d}"
                with sessions() as s:
                    admin.create_user(s, name, f"Pengguna {name}", "198001012005011001", role,
                                      code, PASSWORD, CHEAP)
                world.users.append((name, code))
        engine.dispose()
        yield world
    finally:
        cluster.stop()


def server(url: str, blob_dir: Path, *extra: str) -> ServerProcess:
    return ServerProcess(url, blob_dir, extra_args=("--workers", str(WORKERS),
                                                    "--verify-per-minute", "100000000",
                                                    *extra))


def login(base: str, username: str) -> tuple[dict[str, str], dict[str, Any]]:
    r = httpx.post(f"{base}/api/v1/auth/login", timeout=60, json={
        "username": username, "password": PASSWORD, "device_id": f"dev-{username}",
        "device_name": "bench"})
    r.raise_for_status()
    body = r.json()
    return {"Authorization": f"Bearer {body['token']}"}, body["user"]


class BareServer:
    """A bare HTTP server (standard library) for baselines: GET answers ``payload``,
    POST reads the body and answers 204. The plain way of moving the same bytes."""

    def __init__(self, payload: bytes = b"") -> None:
        self.payload = payload
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - the standard library's name
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(owner.payload)))
                self.end_headers()
                self.wfile.write(owner.payload)

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", "0"))
                while length > 0:
                    length -= len(self.rfile.read(min(length, 1 << 20)))
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_args: Any) -> None:
                return

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> BareServer:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def download(self) -> float:
        """Seconds for one GET of the payload."""
        with httpx.Client(timeout=120) as client:
            start = time.perf_counter()
            client.get(self.url).raise_for_status()
            return time.perf_counter() - start

    def upload(self, body: bytes) -> float:
        """Seconds for one POST of ``body``."""
        with httpx.Client(timeout=120) as client:
            start = time.perf_counter()
            client.post(self.url, content=body).raise_for_status()
            return time.perf_counter() - start
