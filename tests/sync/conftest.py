"""A real ``k3desk server`` on loopback, laptops that sync with it, and a fault proxy.

The server runs in a subprocess on a free port with its own SQLite file and blob
folder; the Balai and its users are made with the admin CLI, as an administrator would.
One server serves the whole package (starting one costs seconds); each test makes its
own records, so tests do not depend on each other's data.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

os.environ["K3DESK_KEYRING"] = "0"  # never touch a real keyring from tests

from k3desk.services import auth_service, records_service, sync_service  # noqa: E402
from k3desk.services.context import AppContext  # noqa: E402
from k3desk.store.db import Database, open_database  # noqa: E402
from k3desk.sync.engine import SyncEngine, SyncSummary  # noqa: E402
from tests.sync.fault_proxy import FaultProxy  # noqa: E402

PASSWORD = "rahasia-uji-123"
ALL_TYPES = ("apar,hydrant,bejana_tekan,tangki_timbun,pesawat_uap,overhead_crane,mobile_crane,"
             "forklift,elevator,instalasi_listrik,penyalur_petir,alarm_kebakaran,"
             "pesawat_tenaga_produksi,lingkungan_kerja")
USERS = {"insp1": "inspector", "insp2": "inspector", "spv1": "supervisor", "spv2": "supervisor"}
#: A second Balai for the heavy tests (crash, volume), so that the laptops of the other
#: tests never pull its thousands of records.
HEAVY_BALAI, HEAVY_USER = "BK3BEBAN", "beban1"


def k3desk(*args: str, stdin: str | None = None, check: bool = True,
           timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the k3desk CLI in a subprocess, as a person would."""
    proc = subprocess.run([sys.executable, "-m", "k3desk", *args], input=stdin, text=True,
                          capture_output=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"k3desk {' '.join(args)} failed ({proc.returncode}):\n"
                             f"{proc.stdout}\n{proc.stderr}")
    return proc


@dataclass
class ServerProcess:
    root: Path
    db_url: str
    blob_dir: Path
    proc: subprocess.Popen[str] | None = None
    url: str = ""
    log: list[str] = field(default_factory=list)

    def start(self, port: int = 0) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "k3desk", "server", "--db", self.db_url, "--blob-dir",
             str(self.blob_dir), "--port", str(port), "--log-level", "warning"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        lines: queue.Queue[str] = queue.Queue()

        def read() -> None:
            assert self.proc is not None and self.proc.stdout is not None
            for line in self.proc.stdout:
                self.log.append(line)
                lines.put(line)

        threading.Thread(target=read, daemon=True).start()
        while True:
            try:
                line = lines.get(timeout=60)
            except queue.Empty:
                self.stop()
                raise RuntimeError("the server did not start:\n" + "".join(self.log)) from None
            if "ready on" in line:
                self.url = line.rsplit("ready on", 1)[1].strip()
                return

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc = None

    def admin(self, *args: str, stdin: str | None = None) -> str:
        return k3desk("admin", *args, "--db", self.db_url, stdin=stdin).stdout


def make_server(root: Path) -> ServerProcess:
    root.mkdir(parents=True, exist_ok=True)
    server = ServerProcess(root=root, db_url=f"sqlite:///{root / 'server.db'}",
                           blob_dir=root / "blobs")
    server.admin("create-balai", "--code", "BK3UJI", "--name", "Balai K3 Uji",
                 "--address", "Jl. Uji No. 1, Jakarta")
    server.admin("create-balai", "--code", HEAVY_BALAI, "--name", "Balai K3 Beban",
                 "--address", "Jl. Beban No. 2, Surabaya")
    users = [(name, role, "BK3UJI") for name, role in USERS.items()]
    users.append((HEAVY_USER, "inspector", HEAVY_BALAI))
    # independent admin commands run side by side (each is a process of its own)
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda item: server.admin(
            "create-user", "--username", item[0], "--full-name", f"Pengguna {item[0]}",
            "--nip", "198001012005011001", "--role", item[1], "--balai", item[2],
            "--password-stdin", stdin=PASSWORD + "\n"), users))
        list(pool.map(lambda name: server.admin(
            "grant-qualification", "--username", name, "--object-types", ALL_TYPES,
            "--licence-number", f"LIC-{name}", "--valid-until", "2035-12-31"),
            [n for n, role in USERS.items() if role == "inspector"]))
    server.start()
    return server


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    srv = make_server(tmp_path_factory.mktemp("server"))
    try:
        yield srv
    finally:
        srv.stop()


class Laptop:
    """One inspector's or supervisor's laptop: its own data folder and database."""

    def __init__(self, data_dir: Path, server_url: str, username: str) -> None:
        self.data_dir = data_dir
        self.server_url = server_url
        self.username = username
        self.db: Database = open_database(data_dir)
        sync_service.login(self.db, username, PASSWORD, server_url)

    @property
    def ctx(self) -> AppContext:
        return auth_service.require_context(self.db)

    def sync(self, **kw: Any) -> SyncSummary:
        return sync_service.sync_now(self.db, self.server_url, **kw)

    def engine(self, url: str | None = None, transport: Any = None,
               **kw: Any) -> SyncEngine:
        """An engine of this laptop, optionally talking through ``url`` (a proxy)."""
        engine = sync_service.make_engine(self.db, self.server_url, **kw)
        if url is not None:
            engine.client.close()
            from k3desk.sync.client import SyncClient

            engine.client = SyncClient(url, engine.client.token, transport=transport,
                                       timeout=kw.get("timeout") or 10.0)
        return engine

    def company(self, name: str, **values: Any) -> str:
        return records_service.save_company(
            self.ctx, {"name": name, "address": "Jl. Contoh 1", **values}).ids[0]

    def close(self) -> None:
        self.db.dispose()


@pytest.fixture
def laptops(tmp_path: Path, server: ServerProcess) -> Iterator[dict[str, Laptop]]:
    """Lazily made laptops: ``laptops["insp1"]``, ``laptops["spv1"]`` ..."""
    made: dict[str, Laptop] = {}

    class Lazy(dict[str, Laptop]):
        def __missing__(self, name: str) -> Laptop:
            user = name.split("#")[0]
            lap = Laptop(tmp_path / name.replace("#", "_"), server.url, user)
            made[name] = lap
            self[name] = lap
            return lap

    yield Lazy()
    for lap in made.values():
        lap.close()


@pytest.fixture
def proxy(server: ServerProcess) -> Iterator[FaultProxy]:
    fp = FaultProxy(("127.0.0.1", server.port), seed=20260306)
    fp.start()
    try:
        yield fp
    finally:
        fp.stop()
