"""Quarantine, 401, cursor_reset, blobs, sizes and the CLI, against the real server."""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path

import httpx
import pytest

from k3desk.services import records_service, settings_service, sync_service
from k3desk.store.models import Attachment, Company, Equipment, OutboxEntry
from k3desk.sync import blobs
from k3desk.sync.client import AuthRequired, SyncClient, Unreachable
from k3desk.sync.engine import CURSOR_KEY, SyncSummary
from k3desk.sync.token_store import TokenStore
from tests.sync.conftest import PASSWORD, Laptop, ServerProcess, k3desk
from tests.sync.fault_proxy import FaultProxy
from tests.sync.helpers import apar_inspection, equipment, outbox, snapshot


def test_rejected_change_is_quarantined_and_the_rest_goes_on(laptops: dict[str, Laptop]
                                                             ) -> None:
    lap = laptops["insp1"]
    ghost_company = str(uuid.uuid4())
    with lap.db.session() as s:  # what a bug or an old laptop could leave behind
        s.add(Equipment(balai_id=lap.ctx.actor.balai_id, company_id=ghost_company,
                        object_type="apar", serial_number="YATIM-1",
                        modified_by=lap.ctx.actor.id))
    good = lap.company("PT Baik Baik")
    summary = lap.sync()
    assert summary.quarantined == 1 and summary.pushed == 1
    [q] = sync_service.list_quarantined(lap.db)
    assert q.record_type == "equipment" and q.code == "missing_reference" and q.message
    assert sync_service.status(lap.db).quarantined == 1
    # later syncs leave it alone and keep going
    other = lap.company("PT Lanjut")
    again = lap.sync()
    assert again.pushed == 1 and again.quarantined == 0 and again.open_quarantined == 1
    # a person fixes the cause (the company now exists) and retries
    with lap.db.session() as s:
        s.add(Company(id=ghost_company, balai_id=lap.ctx.actor.balai_id, name="PT Hantu",
                      address="-", modified_by=lap.ctx.actor.id))
    lap.sync()
    sync_service.retry_quarantined(lap.db, q.entry_id)
    final = lap.sync()
    assert final.pushed == 1 and final.open_quarantined == 0
    with lap.db.session() as s:
        assert s.get(Equipment, q.record_id).version == 1
        assert s.get(Company, good).version == 1 and s.get(Company, other).version == 1


def test_discarding_a_quarantined_new_record_removes_it(laptops: dict[str, Laptop]) -> None:
    lap = laptops["insp2"]
    with lap.db.session() as s:
        bad = Equipment(balai_id=lap.ctx.actor.balai_id, company_id=str(uuid.uuid4()),
                        object_type="apar", serial_number="YATIM-2")
        s.add(bad)
        s.flush()
        bad_id = bad.id
    lap.sync()
    [q] = sync_service.list_quarantined(lap.db)
    sync_service.discard_quarantined(lap.db, q.entry_id)
    with lap.db.session() as s:
        assert s.get(Equipment, bad_id) is None
    assert sync_service.status(lap.db).quarantined == 0


def test_401_asks_for_login_and_leaves_the_queue(laptops: dict[str, Laptop]) -> None:
    lap = laptops["insp1"]
    lap.company("PT Tunggu Login")
    store = TokenStore(lap.data_dir, lap.server_url)
    store.save("token-yang-sudah-kedaluwarsa")
    before = [(e.change_id, e.attempts, e.state) for e in outbox(lap, "pending")]
    with pytest.raises(AuthRequired):
        lap.sync()
    assert [(e.change_id, e.attempts, e.state) for e in outbox(lap, "pending")] == before
    assert store.load() is None
    sync_service.login(lap.db, "insp1", PASSWORD, lap.server_url)
    assert lap.sync().pushed == len(before)


def test_cursor_reset_pulls_from_zero_and_keeps_unsent_changes(laptops: dict[str, Laptop]
                                                               ) -> None:
    a, b = laptops["insp1"], laptops["insp2"]
    cid = a.company("PT Reset", city="Awal")
    a.sync()
    b.sync()
    records_service.save_company(a.ctx, {"phone": "111"}, cid)
    a.sync()
    records_service.save_company(b.ctx, {"city": "Lokal"}, cid)  # not sent yet
    with b.db.session() as s:
        settings_service.put(s, CURSOR_KEY, 10**12)  # a server restored from backup
    engine = b.engine()
    engine.fetch_info()
    summary = SyncSummary()
    engine.pull(summary)  # pull only: the local edit is still unsent
    assert summary.cursor_reset and summary.pulled > 0
    with b.db.session() as s:
        row = s.get(Company, cid)
        assert (row.city, row.phone) == ("Lokal", "111")
        assert settings_service.get(s, CURSOR_KEY) < 10**12
    assert [e.payload["city"] for e in outbox(b, "pending")] == ["Lokal"]
    b.sync()
    a.sync()
    with a.db.session() as s:
        assert (s.get(Company, cid).city, s.get(Company, cid).phone) == ("Lokal", "111")


def _attachment(lap: Laptop, inspection_id: str, content: bytes) -> str:
    sha = blobs.store_blob(lap.db.blob_dir, content)
    with lap.db.session() as s:
        att = Attachment(balai_id=lap.ctx.actor.balai_id, inspection_id=inspection_id,
                         sha256=sha, filename="foto.jpg", content_type="image/jpeg",
                         size=len(content), modified_by=lap.ctx.actor.id)
        s.add(att)
        s.flush()
        return att.id


def test_blob_upload_cut_off_then_resumed(laptops: dict[str, Laptop], proxy: FaultProxy,
                                          server: ServerProcess) -> None:
    a, b = laptops["insp1"], laptops["insp2"]
    insp = apar_inspection(a, equipment(a, a.company("PT Foto"), "APAR-FOTO"))
    a.sync()
    content = os.urandom(600_000)
    sha = hashlib.sha256(content).hexdigest()
    att_id = _attachment(a, insp, content)
    one_per_request = httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))
    engine = a.engine(proxy.url, transport=one_per_request)
    engine.retries = 1
    # info, HEAD, then the PUT is cut after ~200 kB
    proxy.plan = ["ok", "ok", "cut_request"]
    proxy.rng.seed(3)
    with pytest.raises(Unreachable):
        engine.sync()
    assert proxy.seen["cut_request"] == 1
    direct = SyncClient(server.url, engine.client.token)
    assert not direct.blob_exists(sha)  # nothing half-stored
    with a.db.session() as s:
        [entry] = [e for e in s.query(OutboxEntry).filter_by(record_id=att_id)]
        assert entry.state == "pending" and entry.attempts == 0
    summary = engine.sync()
    assert summary.blobs_uploaded == 1 and summary.pushed >= 1
    assert direct.get_blob(sha) == content
    direct.close()
    engine.client.close()
    # another laptop receives the record and then the photo itself
    got = b.sync()
    assert got.blobs_downloaded >= 1
    assert blobs.blob_path(b.db.blob_dir, sha).read_bytes() == content


def test_sizes_checked_against_server_info(laptops: dict[str, Laptop]) -> None:
    lap = laptops["insp1"]
    insp = apar_inspection(lap, equipment(lap, lap.company("PT Besar"), "APAR-BESAR"))
    lap.sync()
    limits = sync_service.server_limits(lap.db)
    assert limits["max_blob_bytes"] > 0 and limits["max_push_bytes"] > 0
    assert sync_service.size_problems(lap.db, insp) == []
    with lap.db.session() as s:
        settings_service.put(s, "server_info", {**limits, "max_blob_bytes": 1000})
    _attachment(lap, insp, os.urandom(5000))
    [problem] = sync_service.size_problems(lap.db, insp)
    assert "foto.jpg" in problem and "1000" in problem


def test_cli_login_sync_and_unreachable(tmp_path: Path, server: ServerProcess,
                                        laptops: dict[str, Laptop]) -> None:
    lap = laptops["insp1"]
    lap.sync()
    data = tmp_path / "cli"
    out = k3desk("login", "--username", "insp2", "--password-stdin", "--server", server.url,
                 "--data-dir", str(data), stdin=PASSWORD + "\n")
    assert "daring" in out.stdout
    out = k3desk("sync", "--data-dir", str(data))
    assert "dikirim: 0" in out.stdout and "diterima:" in out.stdout
    assert "karantina: 0" in out.stdout and "konflik: 0" in out.stdout
    from k3desk.store.db import open_database

    db = open_database(data)
    try:  # the CLI laptop and an in-process laptop agree
        cli_lap = Laptop.__new__(Laptop)
        cli_lap.db = db
        assert snapshot(cli_lap) == snapshot(lap)
    finally:
        db.dispose()
    # login + sync in one go, on a second folder
    other = tmp_path / "cli2"
    out = k3desk("sync", "--data-dir", str(other), "--server", server.url, "--username",
                 "insp1", "--password-stdin", stdin=PASSWORD + "\n")
    assert "diterima:" in out.stdout
    # offline login works after an online one, and sync says why it failed
    dead = k3desk("sync", "--data-dir", str(data), "--server", "http://127.0.0.1:9",
                  "--timeout", "2", check=False)
    assert dead.returncode == 1 and "tidak dapat dihubungi" in dead.stderr
    out = k3desk("login", "--username", "insp2", "--password-stdin", "--data-dir", str(data),
                 stdin=PASSWORD + "\n")
    assert "luring" in out.stdout
    wrong = k3desk("login", "--username", "insp2", "--password-stdin", "--data-dir",
                   str(data), stdin="salah\n", check=False)
    assert wrong.returncode == 2 and "salah" in wrong.stderr
    assert "Traceback" not in dead.stderr + wrong.stderr


def test_a_pulled_record_that_clashes_locally_does_not_block_the_pull(
        laptops: dict[str, Laptop]) -> None:
    a = laptops["insp1"]
    cid = a.company("PT Sesudah Bentrok")
    a.sync()
    from sqlalchemy import select

    from k3desk.store.models import User

    b = laptops["insp2#demo"]
    with b.db.session(remote=True) as s:  # an old demo row holding a server user's name
        s.add(User(username="spv1", full_name="Demo", nip="1", role="supervisor",
                   balai_id=None, version=0))
    summary = b.sync()
    assert any("bentrok" in m for m in summary.messages)
    with b.db.session() as s:
        assert s.get(Company, cid) is not None
        assert s.scalars(select(User).where(User.username == "insp1")).one()


def test_a_pulled_record_that_breaks_a_local_rule_is_skipped_alone(
        laptops: dict[str, Laptop]) -> None:
    """A page breaking a local unique rule (a user name held by an old local row) is a
    ConstraintError: the page is applied record by record, the clash reported, the rest
    stored (not mistaken for a damaged data file)."""
    from sqlalchemy import select

    from k3desk.store.models import User

    lap = laptops["insp1#clash"]
    other = laptops["spv1"]
    company = other.company("PT Dari Penyelia")
    other.sync()
    with lap.db.session(remote=True) as s:
        s.add(User(balai_id=lap.ctx.actor.balai_id, username="spv1", full_name="Lama",
                   nip="-", role="inspector"))
    summary = lap.sync()
    assert any("tidak dapat disimpan" in m for m in summary.messages), summary.messages
    with lap.db.session() as s:
        assert s.get(Company, company) is not None
        assert [u.full_name for u in s.scalars(select(User).where(User.username == "spv1"))
                ] == ["Lama"]
