"""Helpers the test packages share (import them from here, never from a conftest).

- ``tests.support.cli``: ``run_cli``, the one way tests run ``k3desk`` as a process.
- ``tests.support.server_process``: ``ServerProcess``, a real ``k3desk server`` on loopback.
- ``tests.support.postgres``: the throwaway PostgreSQL cluster.

The fixtures every test may use (``data_dir``, ``db``, ``open_db_at``, ``demo_dir``) are
in tests/conftest.py.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
