"""``GET /sync/pull``: cursor pages, tenancy, cursor_reset."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from tests.server.helpers import World, company, edit


def test_pages_in_increasing_seq_each_record_once(world: World) -> None:
    b = world.inspector.balai_id
    comps = [company(b, f"PT {i}") for i in range(7)]
    world.inspector.push(*comps)
    world.inspector.push_one(edit(comps[0], 1, name="PT 0 baru"))
    seen, cursor = [], 0
    pages = 0
    while True:
        r = world.supervisor.client.get("/api/v1/sync/pull", params={"since": cursor, "limit": 3},
                                        headers=world.supervisor.headers)
        body = r.json()
        assert len(body["changes"]) <= 3
        seen += body["changes"]
        pages += 1
        if body["changes"]:
            assert body["next"] == body["changes"][-1]["seq"]
        cursor = body["next"]
        if not body["more"]:
            break
    assert pages >= 3
    seqs = [c["seq"] for c in seen]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    ids = [c["id"] for c in seen]
    assert len(ids) == len(set(ids))
    first = next(c for c in seen if c["id"] == comps[0]["id"])
    assert (first["version"], first["data"]["name"]) == (2, "PT 0 baru")
    envelope_keys = {"type", "id", "version", "seq", "deleted", "modified_at", "modified_by",
                     "data"}
    assert all(set(c) == envelope_keys for c in seen)
    assert all(c["modified_at"].endswith("Z") for c in seen)
    # a cursor at the end gives nothing more
    again = world.supervisor.client.get("/api/v1/sync/pull", params={"since": cursor},
                                        headers=world.supervisor.headers).json()
    assert again == {"changes": [], "next": cursor, "more": False}


def test_users_see_only_their_balai_and_global_records(world: World) -> None:
    world.inspector.push_one(company(world.inspector.balai_id, "PT Jakarta"))
    world.inspector_b.push_one(company(world.inspector_b.balai_id, "PT Surabaya"))
    mine, _ = world.inspector.pull_all()
    names = {c["data"].get("name") for c in mine}
    assert "PT Jakarta" in names and "PT Surabaya" not in names
    assert all(c["data"].get("balai_id", world.balai_a.id) == world.balai_a.id
               or c["type"] == "balai" for c in mine)
    assert {c["id"] for c in mine if c["type"] == "balai"} == {world.balai_a.id}
    users = {c["data"]["username"] for c in mine if c["type"] == "user"}
    assert users == {"insp", "sup"}
    everything, _ = world.admin.pull_all()
    assert {"PT Jakarta", "PT Surabaya"} <= {c["data"].get("name") for c in everything}


def test_user_records_never_carry_password_hashes(world: World) -> None:
    mine, _ = world.inspector.pull_all()
    assert "argon2" not in str(mine)


def test_cursor_beyond_the_server_is_cursor_reset(world: World) -> None:
    _, cursor = world.inspector.pull_all()
    r = world.client.get("/api/v1/sync/pull", params={"since": cursor + 1000},
                         headers=world.inspector.headers)
    assert r.status_code == 410
    assert r.json()["error"]["code"] == "cursor_reset"


def test_bad_cursor_and_limit_are_422(world: World) -> None:
    for params in ({"since": -1}, {"limit": 0}, {"limit": 1001}, {"since": "abc"}):
        r = world.client.get("/api/v1/sync/pull", params=params, headers=world.inspector.headers)
        assert r.status_code == 422, params
        assert r.json()["error"]["code"] == "invalid"


def test_after_a_restore_cursors_from_the_lost_timeline_are_reset(world: World,
                                                                    db_url: str) -> None:
    """A backup taken, more writes, then the backup restored: a laptop's cursor from
    the lost writes must be reset, even after new writes pass its number again."""
    from k3desk.server.store import mark_restored

    at_backup = world.counts()[2]
    world.inspector.push(*[company(world.inspector.balai_id, f"PT hilang {i}")
                           for i in range(3)])
    _, lost_cursor = world.inspector.pull_all()
    assert lost_cursor == at_backup + 3
    # "restore the backup": the database as it was at at_backup
    from sqlalchemy import delete

    from k3desk.server.models import ChangeLog, Record
    from k3desk.server.seqs import set_last_seq

    with world.sessions() as s, s.begin():
        s.execute(delete(ChangeLog).where(ChangeLog.seq > at_backup))
        s.execute(delete(Record).where(Record.seq > at_backup))
        set_last_seq(s, at_backup)  # the counter (SQLite) or sequence (PostgreSQL) dumped
    with world.sessions() as s:
        low, high = mark_restored(s)
    assert (low, high) == (at_backup, at_backup + 1_000_000)
    for stale in (lost_cursor, lost_cursor - 1, high, high + 5):
        r = world.client.get("/api/v1/sync/pull", params={"since": stale},
                             headers=world.inspector.headers)
        assert r.status_code == 410 and r.json()["error"]["code"] == "cursor_reset", stale
    ok = world.client.get("/api/v1/sync/pull", params={"since": low},
                          headers=world.inspector.headers)
    assert ok.status_code == 200
    new = company(world.inspector.balai_id, "PT baru")
    result = world.inspector.push_one(new)
    assert result["seq"] == high + 1
    changes, _ = world.inspector.pull_all(since=low)
    assert [c["id"] for c in changes] == [new["id"]]


def test_a_write_committed_between_the_two_scans_of_a_pull_is_not_skipped(
        world: World, tmp_path: Path) -> None:
    """A pull reads its Balai's records, then the global templates. A push and a template
    committed between the two reads must not make the page jump over the push."""
    from sqlalchemy import event

    from k3desk.domain.templates import templates_dir
    from k3desk.server import admin

    _, cursor = world.inspector.pull_all()
    engine = world.client.app.state.engine  # type: ignore[attr-defined]
    sessions = world.sessions
    source = (templates_dir() / "tangki_timbun.v1.yaml").read_text(encoding="utf-8")
    path = tmp_path / "copy.yaml"
    path.write_text(source.replace("id: tangki_timbun\n", "id: bt_between\n", 1), "utf-8")
    new_company = company(world.inspector.balai_id, "PT Di Antara")
    fired: list[bool] = []

    def write_meanwhile() -> None:
        world.inspector.push_one(new_company)  # seq n+1, the Balai's own record
        with sessions() as s:
            admin.publish_template(s, path)  # seq n+2, a global record

    def interleave(conn: Any, cursor_: Any, statement: str, *args: Any) -> None:
        if not fired and "balai_id IS NULL" in statement and "FROM records" in statement:
            fired.append(True)
            worker = threading.Thread(target=write_meanwhile)
            worker.start()
            worker.join(30)

    event.listen(engine, "before_cursor_execute", interleave)
    try:
        r = world.client.get("/api/v1/sync/pull", params={"since": cursor},
                             headers=world.inspector.headers)
    finally:
        event.remove(engine, "before_cursor_execute", interleave)
    assert fired and r.status_code == 200
    first_page = r.json()
    seen = [c["id"] for c in first_page["changes"]]
    rest, _ = world.inspector.pull_all(since=first_page["next"])
    seen += [c["id"] for c in rest]
    assert new_company["id"] in seen, "the push committed between the scans was skipped"
    assert any(c["type"] == "template" for c in rest + first_page["changes"])
