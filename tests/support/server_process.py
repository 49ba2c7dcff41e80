"""Run a real ``k3desk server`` process on loopback for a test, and stop it afterwards.

    with ServerProcess(db_url, blob_dir) as server:
        httpx.get(server.url + "/api/v1/health")

The server is started with ``--port 0`` and the test waits for its
``k3desk server ready on http://HOST:PORT`` line, so no port is ever guessed.
"""

from __future__ import annotations

import os
import re
import resource
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

from tests.support import REPO
from tests.support.cli import run_cli

_READY = re.compile(r"k3desk server ready on (http://\S+)")


class ServerProcess:
    """A ``k3desk server`` subprocess; ``url`` is set once it is ready."""

    def __init__(self, db_url: str, blob_dir: Path, *, timeout: float = 90,
                 extra_args: tuple[str, ...] = (), file_size_limit: int | None = None) -> None:
        self.db_url = db_url
        self.blob_dir = Path(blob_dir)
        self.cmd = [sys.executable, "-m", "k3desk", "server", "--db", db_url, "--blob-dir",
                    str(blob_dir), "--port", "0", "--log-level", "warning", *extra_args]
        self.timeout = timeout
        self.url = ""
        self.output: list[str] = []
        self.proc: subprocess.Popen[str] | None = None
        # A limit on the size of any file the server process writes (RLIMIT_FSIZE): what a
        # full disk looks like to it. Only the child gets it, never the test process.
        self.file_size_limit = file_size_limit

    def start(self) -> ServerProcess:
        limit = self.file_size_limit

        def limit_files() -> None:
            if limit is not None:
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE,
                                   (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))

        self.proc = subprocess.Popen(self.cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True, cwd=REPO,
                                     env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
                                     preexec_fn=limit_files if limit is not None else None)
        ready = threading.Event()

        def reader() -> None:
            assert self.proc is not None and self.proc.stdout is not None
            for line in self.proc.stdout:
                self.output.append(line)
                match = _READY.search(line)
                if match and not ready.is_set():
                    self.url = match.group(1)
                    ready.set()

        threading.Thread(target=reader, daemon=True).start()
        deadline = time.monotonic() + self.timeout
        while not ready.wait(0.1):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("k3desk server did not start:\n" + "".join(self.output))
        return self

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def admin(self, *args: str, stdin: str | None = None) -> str:
        """``k3desk admin ARGS --db`` this server's database; its standard output."""
        return run_cli("admin", *args, "--db", self.db_url, stdin=stdin, check=True).stdout

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc = None

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
