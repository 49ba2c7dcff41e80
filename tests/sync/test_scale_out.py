"""Scale-out: two server processes (one of them with two workers) on different ports
over one PostgreSQL database and one blob folder, sharing nothing else; laptops that
sync with one, then the other (as behind a load balancer: one login, the token is good
on every process), converge to the same records."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.postgres import PostgresCluster
from tests.support.postgres import postgres_cluster as postgres_cluster  # the fixture
from tests.support.server_process import ServerProcess
from tests.sync.helpers import Laptop, equipment, make_server, snapshot

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def test_laptops_alternating_between_two_servers_converge(
        postgres_cluster: PostgresCluster, tmp_path: Path) -> None:
    url = postgres_cluster.create_database("scale_out")
    first = make_server(tmp_path / "a", url, extra_args=("--workers", "2"))
    second = ServerProcess(url, tmp_path / "a" / "blobs").start()
    laps: list[Laptop] = []
    try:
        assert first.port != second.port
        urls = [first.url, second.url]
        laps = [Laptop(tmp_path / name, first.url, name) for name in ("insp1", "insp2", "spv1")]
        made: dict[str, list[str]] = {lap.username: [] for lap in laps}
        for round_ in range(4):
            for i, lap in enumerate(laps):
                url_now = urls[(round_ + i) % 2]  # the other server each time
                company = lap.company(f"PT {lap.username} {round_}")
                made[lap.username].append(company)
                if lap.username != "spv1":
                    equipment(lap, company, f"SN-{lap.username}-{round_}")
                lap.engine(url_now).sync()
        for i, lap in enumerate(laps):  # one more round, through the server not used last
            lap.engine(urls[(4 + i) % 2]).sync()
        states = [snapshot(lap) for lap in laps]
        assert states[0] == states[1] == states[2]
        names = {data["name"] for (type_, _id), (_v, _d, data) in states[0].items()
                 if type_ == "company"}
        assert {f"PT {u} {r}" for u in made for r in range(4)} <= names
        assert sum(1 for (type_, _id) in states[0] if type_ == "equipment") == 8
    finally:
        for lap in laps:
            lap.close()
        second.stop()
        first.stop()
