"""Parallel pushes while others pull, against a real server process.

What each puller saw through its cursor must equal the server's records: a seq that
became visible after a puller's cursor had passed it would be missed for good, and
the puller's copy of that record would differ from the server's.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from k3desk.domain.templates import templates_dir
from k3desk.server import admin
from k3desk.server.db import make_engine, migrate, session_factory
from k3desk.server.models import Record
from tests.server.helpers import CHEAP, PASSWORD, company, edit
from tests.support.server_process import ServerProcess

PUSHERS = 4
PULLERS = 2
BATCHES = 12
BATCH_SIZE = 4
TEMPLATES = 5


def _login(base: str, username: str) -> tuple[dict[str, str], dict[str, Any]]:
    r = httpx.post(f"{base}/api/v1/auth/login", timeout=30, json={
        "username": username, "password": PASSWORD, "device_id": username,
        "device_name": "t"})
    r.raise_for_status()
    body = r.json()
    return {"Authorization": f"Bearer {body['token']}"}, body["user"]


@pytest.mark.slow
def test_parallel_pushes_and_pulls_see_every_seq(db_url: str, tmp_path: Path) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    sessions = session_factory(engine)
    with sessions() as s:
        admin.create_balai(s, "BK3JKT", "Balai K3 Jakarta", "Jl. Gatot Subroto",
                           city="Jakarta")
    names = [f"pusher{i}" for i in range(PUSHERS)] + [f"puller{i}" for i in range(PULLERS)]
    for name in names:
        with sessions() as s:
            admin.create_user(s, name, name, "1", "inspector", "BK3JKT", PASSWORD, CHEAP)

    errors: list[str] = []
    pushing_done = threading.Event()
    seen: dict[str, dict[str, tuple[int, int]]] = {}

    with ServerProcess(db_url, tmp_path / "blobs") as server:
        base = server.url

        def pusher(name: str) -> None:
            headers, user = _login(base, name)
            mine: list[dict[str, Any]] = []
            with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
                for batch in range(BATCHES):
                    changes = [company(user["balai_id"], f"{name}-{batch}-{i}")
                               for i in range(BATCH_SIZE)]
                    if mine:  # edit an earlier record too, so versions move
                        old = mine[batch % len(mine)]
                        changes.append(edit(old["change"], old["version"],
                                            name=f"{old['change']['data']['name']}*"))
                    r = client.post("/api/v1/sync/push",
                                    json={"device_id": name, "changes": changes})
                    if r.status_code != 200:
                        errors.append(f"{name}: {r.status_code} {r.text[:200]}")
                        return
                    for ch, res in zip(changes, r.json()["results"], strict=True):
                        if res["status"] != "applied":
                            errors.append(f"{name}: {res}")
                            return
                        if ch["base_version"] == 0:
                            mine.append({"change": ch, "version": res["version"]})
                        else:
                            for m in mine:
                                if m["change"]["id"] == ch["id"]:
                                    m["change"], m["version"] = ch, res["version"]

        def puller(name: str) -> None:
            headers, _user = _login(base, name)
            state: dict[str, tuple[int, int]] = {}
            cursor = 0
            with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
                while True:
                    finished = pushing_done.is_set()
                    while True:
                        r = client.get("/api/v1/sync/pull", params={"since": cursor, "limit": 7})
                        if r.status_code != 200:
                            errors.append(f"{name}: {r.status_code} {r.text[:200]}")
                            return
                        body = r.json()
                        for env in body["changes"]:
                            if env["seq"] <= cursor:
                                errors.append(f"{name}: seq {env['seq']} after cursor {cursor}")
                            cursor = env["seq"]
                            state[env["id"]] = (env["version"], env["seq"])
                        cursor = body["next"]
                        if not body["more"]:
                            break
                    if finished:
                        break
            seen[name] = state

        def publisher() -> None:
            """Templates (global records) published meanwhile: pulls merge two scans."""
            source = (templates_dir() / "tangki_timbun.v1.yaml").read_text(encoding="utf-8")
            for i in range(TEMPLATES):
                path = tmp_path / f"t{i}.yaml"
                path.write_text(source.replace("id: tangki_timbun\n", f"id: bt_copy_{i}\n", 1),
                                encoding="utf-8")
                with sessions() as s:
                    admin.publish_template(s, path)
                time.sleep(0.05)

        threads = [threading.Thread(target=pusher, args=(f"pusher{i}",))
                   for i in range(PUSHERS)] + [threading.Thread(target=publisher)]
        pull_threads = [threading.Thread(target=puller, args=(f"puller{i}",))
                        for i in range(PULLERS)]
        for t in pull_threads + threads:
            t.start()
        for t in threads:
            t.join(timeout=600)
        pushing_done.set()
        for t in pull_threads:
            t.join(timeout=600)

    assert not errors, errors[:5]
    with sessions() as s:
        server_state = {r.id: (r.version, r.seq) for r in s.scalars(select(Record))
                        if r.balai_id is not None or r.type == "template"}
        assert sum(1 for r in s.scalars(select(Record)) if r.type == "template") == TEMPLATES
        companies = [r for r in s.scalars(select(Record).where(Record.type == "company"))]
    engine.dispose()
    assert len(companies) == PUSHERS * BATCHES * BATCH_SIZE
    assert any(c.version > 1 for c in companies)
    seqs = sorted(seq for _v, seq in server_state.values())
    assert len(seqs) == len(set(seqs))
    for name, state in seen.items():
        assert state == server_state, name
