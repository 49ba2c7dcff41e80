"""Run ``k3desk`` as a separate process, as a person or a script would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.support import REPO


def run_cli(*args: str, data_dir: Path | None = None, stdin: str | None = None,
            env: dict[str, str] | None = None, timeout: float = 120, check: bool = False
            ) -> subprocess.CompletedProcess[str]:
    """``python -m k3desk ARGS [--data-dir D]``; ``check`` fails the test on a non-zero
    exit, showing what the command printed."""
    cmd = [sys.executable, "-m", "k3desk", *args]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})}, cwd=REPO)
    if check and proc.returncode != 0:
        raise AssertionError(f"k3desk {' '.join(args)} failed ({proc.returncode}):\n"
                             f"{proc.stdout}\n{proc.stderr}")
    return proc


class CliResult(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def run_main(capsys: pytest.CaptureFixture[str], *args: str, data_dir: Path | None = None,
             stdin: str | None = None) -> CliResult:
    """The same command through ``k3desk.cli.main`` in this process: no process start
    (seconds on a busy two-core machine), for the paths a separate process adds nothing to.

    argparse's exits (usage errors: 2, ``--version``: 0) are returned as codes, ``stdin``
    is what the command reads from standard input, and what ``main`` set for the process
    is undone afterwards: the messages' language back to Indonesian, the log file handlers
    of the data folder detached.
    """
    import io

    from k3desk.cli import main
    from k3desk.domain.i18n import install
    from k3desk.logging_setup import close_logging

    argv = [*args, *(["--data-dir", str(data_dir)] if data_dir is not None else [])]
    with pytest.MonkeyPatch.context() as mp:
        if stdin is not None:
            mp.setattr("sys.stdin", io.StringIO(stdin))
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        finally:
            install(None)
            close_logging()
    captured = capsys.readouterr()
    return CliResult(code, captured.out, captured.err)
