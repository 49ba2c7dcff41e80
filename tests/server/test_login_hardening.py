"""Issue 13: logins tell no usernames by their time, and a burst gets no extra guesses."""

from __future__ import annotations

import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from k3desk import argon2_cost
from k3desk.server import admin
from k3desk.server.db import make_engine, migrate, session_factory
from k3desk.server.security import password_hasher
from tests.server.helpers import CHEAP, PASSWORD
from tests.support.server_process import ServerProcess


def _login_ms(client: TestClient, username: str, password: str) -> float:
    start = time.perf_counter()
    r = client.post("/api/v1/auth/login", json={"username": username, "password": password,
                                                "device_id": "d", "device_name": "x"})
    assert r.status_code == 401, r.text
    return (time.perf_counter() - start) * 1000


@pytest.mark.slow  # some fifteen logins at the full argon2id cost
def test_unknown_user_and_wrong_password_take_the_same_time(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    # the real cost, for the stored hash and the dummy: the cheap one of the test run
    # (k3desk.argon2_cost) takes less time than the noise of a busy machine
    monkeypatch.delenv(argon2_cost.TEST_VARIABLE)
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    with sessions() as s:
        admin.create_balai(s, "BK3JKT", "Balai K3 Jakarta", "Jl. Gatot Subroto",
                           city="Jakarta Selatan")
    with sessions() as s:  # stored as every real password is: the default parameters
        admin.create_user(s, "nyata", "Bu Nyata", "1", "inspector", "BK3JKT", PASSWORD,
                          password_hasher())
    _login_ms(client, "pemanasan", "x")  # the dummy hash is made once, on first use
    known: list[float] = []
    unknown: list[float] = []
    for i in range(7):  # interleaved, so both see the same load on a busy machine
        known.append(_login_ms(client, "nyata", f"salah-{i}"))
        unknown.append(_login_ms(client, f"tidak-ada-{i}", "salah"))
    ratio = statistics.median(unknown) / statistics.median(known)
    assert 0.6 < ratio < 1.6, (known, unknown)


@pytest.mark.slow  # a real server process
def test_a_burst_of_logins_gets_no_more_guesses_than_the_limit(db_url: str,
                                                               tmp_path: Path) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    sessions = session_factory(engine)
    with sessions() as s:
        admin.create_balai(s, "BK3JKT", "Balai K3 Jakarta", "Jl. Gatot Subroto",
                           city="Jakarta Selatan")
    with sessions() as s:
        admin.create_user(s, "sasaran", "Pak Sasaran", "1", "inspector", "BK3JKT", PASSWORD,
                          CHEAP)
    engine.dispose()
    with ServerProcess(db_url, tmp_path / "blobs") as server:
        def attempt(i: int) -> int:
            r = httpx.post(f"{server.url}/api/v1/auth/login", timeout=60, json={
                "username": "sasaran", "password": f"tebakan-{i}", "device_id": "d",
                "device_name": "x"})
            return r.status_code

        with ThreadPoolExecutor(max_workers=20) as pool:
            statuses = list(pool.map(attempt, range(20)))
    assert set(statuses) <= {401, 429}
    assert statuses.count(401) <= 10, statuses  # Settings.login_max_failures
    assert statuses.count(429) >= 10
    assert "Traceback" not in "".join(server.output)
