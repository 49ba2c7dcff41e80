"""A throwaway PostgreSQL cluster for tests, started by the test suite itself.

Use it as a pytest plugin (``pytest_plugins = ["tests.support.postgres"]`` or
``from tests.support.postgres import *`` in a conftest). Fixtures:

- ``postgres_cluster`` (session): a running ``PostgresCluster`` in a temporary folder;
- ``postgres_url`` (session): the SQLAlchemy URL of a fresh, empty database in it.

The cluster lives in a temporary directory owned by the ``postgres`` user; when the
tests run as root, ``initdb``/``pg_ctl`` run through ``runuser -u postgres`` (PostgreSQL
refuses to run as root). Binaries are looked up in ``$K3DESK_PG_BIN``, then
``/usr/lib/postgresql/<newest>/bin``, then ``PATH``. Without them the PostgreSQL tests
are skipped with the reason shown, unless ``K3DESK_REQUIRE_POSTGRES=1`` (set it in CI),
which turns the skip into a failure.
"""

from __future__ import annotations

import atexit
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

__all__ = ["PostgresCluster", "find_pg_bin", "postgres_cluster", "postgres_url",
           "start_cluster"]


def find_pg_bin() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, or None."""
    env = os.environ.get("K3DESK_PG_BIN")
    if env and (Path(env) / "initdb").exists():
        return Path(env)
    root = Path("/usr/lib/postgresql")
    if root.is_dir():
        versions = sorted((p for p in root.iterdir() if (p / "bin" / "initdb").exists()),
                          key=lambda p: int(p.name) if p.name.isdigit() else 0)
        if versions:
            return versions[-1] / "bin"
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresCluster:
    """A running cluster; ``url(db)`` gives SQLAlchemy URLs, ``create_database`` makes dbs."""

    def __init__(self, bin_dir: Path, base: Path, port: int, run_as: str | None) -> None:
        self.bin_dir = bin_dir
        self.base = base
        self.data = base / "data"
        self.port = port
        self.run_as = run_as
        self.user = "postgres"

    def _cmd(self, *args: str) -> list[str]:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        return ["runuser", "-u", self.run_as, "--", *cmd] if self.run_as else cmd

    def _run(self, *args: str, timeout: float = 120) -> None:
        done = subprocess.run(self._cmd(*args), capture_output=True, text=True,
                              timeout=timeout, cwd=self.base)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:2])} failed:\n{done.stdout}\n{done.stderr}")

    def start(self, *, fsync: bool = False, max_connections: int = 200) -> None:
        self._run("initdb", "-D", str(self.data), "-U", self.user, "-A", "trust",
                  "-E", "UTF8", "--no-sync", "--no-instructions")
        options = (f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 "
                   f"-c max_connections={max_connections} -c shared_buffers=64MB")
        if not fsync:
            options += " -F -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.base / "server.log"),
                  "-o", options, "-w", "-t", "60", "start")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(self._cmd("pg_ctl", "-D", str(self.data), "-m", "fast", "-w",
                                     "stop"), capture_output=True, timeout=60, cwd=self.base)
        shutil.rmtree(self.base, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def _admin_sql(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={self.user} "
                             "dbname=postgres", autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def create_database(self, name: str | None = None, template: str | None = None) -> str:
        """Create a database (optionally a copy of ``template``) and return its URL."""
        name = name or f"t_{uuid.uuid4().hex[:16]}"
        tmpl = f' TEMPLATE "{template}"' if template else ""
        self._admin_sql(f'CREATE DATABASE "{name}"{tmpl}')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self._admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_cluster(*, fsync: bool = False) -> PostgresCluster:
    """Start a new cluster in a fresh temporary folder; raise RuntimeError if impossible."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL binaries (initdb, pg_ctl) found; install "
                           "postgresql or set K3DESK_PG_BIN")
    run_as: str | None = None
    base = Path(tempfile.mkdtemp(prefix="k3desk-pg-"))
    if os.geteuid() == 0:
        run_as = "postgres"
        try:
            entry = pwd.getpwnam(run_as)
        except KeyError:
            shutil.rmtree(base, ignore_errors=True)
            raise RuntimeError("running as root but there is no 'postgres' user") from None
        os.chown(base, entry.pw_uid, entry.pw_gid)
    cluster = PostgresCluster(bin_dir, base, _free_port(), run_as)
    try:
        cluster.start(fsync=fsync)
    except Exception:
        cluster.stop()
        raise
    atexit.register(cluster.stop)  # also when the session dies before teardown
    return cluster


def _unavailable(reason: str) -> None:
    if os.environ.get("K3DESK_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL is required here (K3DESK_REQUIRE_POSTGRES=1): {reason}")
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """A throwaway cluster for the whole test session (skips when none can start)."""
    try:
        cluster = start_cluster()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        _unavailable(str(exc))
        raise AssertionError("unreachable") from exc
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def postgres_url(postgres_cluster: PostgresCluster) -> str:
    """The URL of a fresh, empty database of the session's cluster."""
    return postgres_cluster.create_database("k3desk_test")
