"""A real ``k3desk server`` on loopback, laptops that sync with it, and a fault proxy.

The server runs in a subprocess on a free port with its own SQLite file and blob
folder; the Balai and its users are made with the admin CLI, as an administrator would.
One server serves the whole package (starting one costs seconds); each test makes its
own records, so tests do not depend on each other's data.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server_process import ServerProcess
from tests.sync.fault_proxy import FaultProxy
from tests.sync.helpers import Laptop, make_server

HERE = Path(__file__).parent
REAL_SERVER_FIXTURES = {"server", "laptops", "proxy"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test here that talks to the real server (it asks for ``server``, ``laptops`` or
    ``proxy``) is ``slow``: ``pytest -m "not slow"`` leaves it out."""
    for item in items:
        if (item.path.is_relative_to(HERE)
                and REAL_SERVER_FIXTURES & set(getattr(item, "fixturenames", ()))):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    srv = make_server(tmp_path_factory.mktemp("server"))
    try:
        yield srv
    finally:
        srv.stop()


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
