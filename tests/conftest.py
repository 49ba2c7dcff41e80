"""Shared fixtures: every test gets its own data folder; Qt runs offscreen.

Helpers to import (``run_cli``, ``ServerProcess``, ``REPO``) live in tests/support/; a
conftest only holds fixtures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from k3desk.store.db import Database


@pytest.fixture(scope="session", autouse=True)
def _test_environment() -> Iterator[None]:
    """The process environment of the whole run (and of every k3desk it starts):
    Qt offscreen, no real keyring, never the developer's real data folder, and argon2id at
    its least cost (k3desk.argon2_cost: milliseconds, not half a second, per hash)."""
    import os

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("QT_QPA_PLATFORM", os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        mp.setenv("K3DESK_DATA_DIR", os.environ.get(
            "K3DESK_DATA_DIR", "/nonexistent/k3desk-tests-must-pass-data-dir"))
        mp.setenv("K3DESK_KEYRING", "0")
        mp.setenv("K3DESK_TEST_CHEAP_ARGON2", "1")
        yield


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def open_db_at() -> Iterator[Callable[[Path], Database]]:
    """``open_db_at(folder)`` opens (creating, migrating) a database the test ends up
    disposing, however the test ends."""
    from k3desk.store.db import open_database

    opened: list[Database] = []

    def open_at(folder: Path) -> Database:
        db = open_database(folder)
        opened.append(db)
        return db

    yield open_at
    for db in opened:
        db.dispose()


@pytest.fixture
def db(data_dir: Path, open_db_at: Callable[[Path], Database]) -> Database:
    """The test's own database (in ``data_dir``), disposed when the test ends."""
    return open_db_at(data_dir)


@pytest.fixture(scope="session")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pdfs")


@pytest.fixture(scope="session")
def certificate_pdf(pdf_dir: Path) -> Path:
    """The signed sample certificate (k3desk.reports.sample), rendered once."""
    from k3desk.reports import render_certificate, sample_certificate_document

    path = pdf_dir / "certificate.pdf"
    path.write_bytes(render_certificate(sample_certificate_document()))
    return path


@pytest.fixture
def demo_dir(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    """A copy of a demo data folder (made once per session, like Anki's prepared file)."""
    from tests.support.demo import demo_copy

    return demo_copy(tmp_path_factory, tmp_path / "demo")
