"""Running ``tests/bench/probe.py`` as a child process and reading what it prints."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.bigdata import scratch

PROBE = Path(__file__).with_name("probe.py")
REPO = Path(__file__).resolve().parents[2]


def probe(*args: str) -> tuple[float, dict[str, str]]:
    """Start the probe; its monotonic start time and its ``key=value`` lines, plus
    ``cpu_ms``: the CPU time (user + system) the child used until it exited."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               K3DESK_KEYRING="0", PYTHONPATH=str(REPO),
               # compiled modules, as an installed k3desk has them (this machine's shell
               # sets PYTHONDONTWRITEBYTECODE): kept in the run's scratch folder
               PYTHONPYCACHEPREFIX=str(scratch() / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(PROBE), *args], capture_output=True,
                          text=True, env=env, timeout=300, cwd=REPO)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    values = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    if done.returncode != 0 or not values:
        raise RuntimeError(f"probe {args} failed ({done.returncode}): {done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    values["cpu_ms"] = f"{cpu * 1000:.1f}"
    return started, values


def median(values: list[float]) -> float:
    return statistics.median(values)
