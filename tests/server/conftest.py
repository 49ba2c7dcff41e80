"""Server test fixtures: every API test runs on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from k3desk.server.app import Settings, create_app
from k3desk.server.db import make_engine, migrate
from tests.server.helpers import TEMPLATE_DB, World, build_world
from tests.support.postgres import *  # noqa: F403 - the postgres_cluster fixture
from tests.support.postgres import PostgresCluster

# The PostgreSQL run of each API test is ``slow`` too: the quick loop (-m "not slow")
# checks the API on SQLite, the whole suite on both.
ENGINES = [pytest.param("sqlite", id="sqlite"),
           pytest.param("postgres", id="postgres", marks=[pytest.mark.postgres, pytest.mark.slow])]


@pytest.fixture(scope="session")
def pg_template(postgres_cluster: PostgresCluster) -> PostgresCluster:
    """The session's cluster with a migrated template database to copy per test."""
    engine = make_engine(postgres_cluster.create_database(TEMPLATE_DB))
    migrate(engine)
    engine.dispose()
    return postgres_cluster


@pytest.fixture(params=ENGINES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated server database on the engine of the test's parameter."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.db'}"
        return
    cluster: PostgresCluster = request.getfixturevalue("pg_template")
    name = f"t_{uuid.uuid4().hex[:16]}"
    url = cluster.create_database(name, template=TEMPLATE_DB)
    yield url
    cluster.drop_database(name)


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(db_url=db_url, blob_dir=tmp_path / "blobs", max_push_bytes=256 * 1024,
                    max_blob_bytes=64 * 1024, max_push_changes=50)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def world(client: TestClient) -> World:
    """Two Balai, their inspectors and supervisors, an admin, logged in."""
    return build_world(client)
