"""Backup and restore on real data folders, including one written to by another process."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from k3desk.cli import main
from k3desk.domain.errors import DataFileError
from k3desk.services import backup_service, records_service
from k3desk.services.context import Actor, AppContext
from k3desk.store.db import DB_NAME, open_database
from k3desk.store.models import Balai, Company, Equipment, OutboxEntry, User


def make_ctx(data_dir: Path) -> AppContext:
    db = open_database(data_dir)
    with db.session(remote=True) as s:
        balai = Balai(code="BK3T", name="Balai Uji", address="Jl. Uji 1", version=1)
        s.add(balai)
        s.flush()
        user = User(username="penyelia", full_name="P", nip="1", role="supervisor",
                    balai_id=balai.id, version=1)
        s.add(user)
        s.flush()
        return AppContext(db=db, actor=Actor.of(user))


def fill(ctx: AppContext, n: int = 5) -> None:
    for i in range(n):
        company = records_service.save_company(
            ctx, {"name": f"PT Uji {i}", "address": f"Jl. Uji {i}"}).ids[0]
        records_service.save_equipment(ctx, {"company_id": company, "object_type": "apar",
                                             "serial_number": f"APAR-{i}"})
    blobs = ctx.db.blob_dir
    for i in range(3):
        content = os.urandom(2000 + i)
        digest = hashlib.sha256(content).hexdigest()
        (blobs / digest[:2]).mkdir(parents=True, exist_ok=True)
        (blobs / digest[:2] / digest).write_bytes(content)
    (ctx.db.data_dir / "keys").mkdir(exist_ok=True)
    (ctx.db.data_dir / "keys" / "device.key").write_bytes(b"k" * 32)
    (ctx.db.data_dir / "keys" / "device.key").chmod(0o600)


def records(data_dir: Path) -> dict[str, list[dict[str, object]]]:
    db = open_database(data_dir)
    try:
        with db.session() as s:
            out: dict[str, list[dict[str, object]]] = {}
            for model in (Company, Equipment):
                out[model.sync_type] = sorted((r.envelope() for r in s.scalars(select(model))),
                                              key=lambda e: str(e["id"]))
            out["outbox"] = sorted(({"id": o.change_id, "p": o.payload}
                                    for o in s.scalars(select(OutboxEntry))),
                                   key=lambda e: str(e["id"]))
            return out
    finally:
        db.dispose()


def files(data_dir: Path) -> dict[str, str]:
    """Every data file (not logs or backups) with its hash: what a restore must bring back."""
    out = {}
    for p in sorted(data_dir.rglob("*")):
        rel = p.relative_to(data_dir).as_posix()
        if p.is_file() and not rel.startswith(("logs", "backups", DB_NAME)):
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    ctx = make_ctx(tmp_path / "data")
    fill(ctx)
    ctx.db.dispose()
    return tmp_path / "data"


def test_round_trip_restores_identical_records_and_blobs(filled, tmp_path, open_db_at):
    before_records, before_files = records(filled), files(filled)
    info = backup_service.create_backup(filled, tmp_path / "b.zip")
    m = info.manifest
    assert m["format"] == "k3desk-backup" and m["format_version"] == 1
    assert m["counts"]["company"] == 5 and m["counts"]["equipment"] == 5
    assert len([n for n in m["members"] if n.startswith("blobs/")]) == 3
    assert "keys/device.key" in m["members"]

    # Change everything: a new company, an edited one, a lost blob.
    db = open_db_at(filled)
    with db.session() as s:
        user = s.scalars(select(User)).one()
        ctx = AppContext(db=db, actor=Actor.of(user))
    records_service.save_company(ctx, {"name": "PT Baru", "address": "Jl. Baru"})
    first = before_records["company"][0]["id"]
    records_service.save_company(ctx, {"phone": "0812"}, str(first))
    db.dispose()
    lost = next(iter(p for p in (filled / "blobs").rglob("*") if p.is_file()))
    lost.unlink()
    assert records(filled) != before_records

    result = backup_service.restore_backup(filled, tmp_path / "b.zip")
    assert records(filled) == before_records
    assert files(filled) == before_files
    if os.name == "posix":  # the private key and the backup stay private
        assert (filled / "keys" / "device.key").stat().st_mode & 0o777 == 0o600
        assert (tmp_path / "b.zip").stat().st_mode & 0o777 == 0o600
    pre = Path(result.manifest["pre_restore_backup"])
    assert pre.is_file() and backup_service.read_manifest(pre)["counts"]["company"] == 6
    assert not [p for p in filled.iterdir() if p.name.startswith((".restore-", ".pre-restore"))]

    # A new laptop: restore into a folder that does not exist yet.
    fresh = tmp_path / "new-laptop"
    assert backup_service.restore_backup(fresh, tmp_path / "b.zip").manifest[
        "pre_restore_backup"] is None
    assert records(fresh) == before_records and files(fresh) == before_files


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_restore_refuses_bad_files_and_changes_nothing(filled, tmp_path):
    good = backup_service.create_backup(filled, tmp_path / "good.zip")
    with zipfile.ZipFile(good.path) as zf:
        content = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(content["manifest.json"])

    def variant(name: str, **changes: object) -> Path:
        m = dict(manifest, **changes)
        return _zip(tmp_path / name, {**content, "manifest.json": json.dumps(m).encode()})

    garbage = tmp_path / "garbage.zip"
    garbage.write_bytes(os.urandom(5000))
    tampered = dict(content)
    blob = next(n for n in content if n.startswith("blobs/"))
    tampered[blob] = b"changed"
    cases = {
        garbage: "bukan berkas cadangan k3desk",
        _zip(tmp_path / "other.zip", {"readme.txt": b"hello"}): "bukan berkas cadangan k3desk",
        variant("fmt.zip", format="something-else"): "bukan berkas cadangan k3desk",
        variant("newer.zip", format_version=99, app_version="9.0"): "lebih baru",
        variant("schema.zip", schema_revision="9999_future"): "lebih baru",
        _zip(tmp_path / "tampered.zip", tampered): "sha256",
        _zip(tmp_path / "extra.zip", {**content, "evil.txt": b"x"}): "tidak sesuai manifest",
    }
    before_records, before_files = records(filled), files(filled)
    backups_before = sorted((filled / "backups").glob("*")) if (filled / "backups").exists() \
        else []
    for path, message in cases.items():
        with pytest.raises(DataFileError, match=message):
            backup_service.restore_backup(filled, path)
        assert files(filled) == before_files, path.name
    assert records(filled) == before_records
    backups_after = sorted((filled / "backups").glob("*")) if (filled / "backups").exists() \
        else []
    assert backups_after == backups_before  # refused before even the pre-restore copy
    assert not [p for p in filled.iterdir() if p.name.startswith(".restore-")]


WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from sqlalchemy import select
    from k3desk.store.db import open_database
    from k3desk.store.models import Company, Equipment, User
    data, stop = Path(sys.argv[1]), Path(sys.argv[2])
    db = open_database(data)
    with db.session() as s:
        user = s.scalars(select(User)).one()
        balai, uid = user.balai_id, user.id
    i = 0
    while not stop.exists():
        with db.session() as s:   # one transaction: a company and its equipment
            c = Company(balai_id=balai, name=f"W{i}", address="x" * 500, modified_by=uid)
            s.add(c)
            s.flush()
            s.add(Equipment(balai_id=balai, company_id=c.id, object_type="apar",
                            serial_number=f"W{i}", modified_by=uid))
        i += 1
        if i == 1:
            (stop.parent / "started").touch()
    print(i)
""")


@pytest.mark.slow  # a second process writing throughout
def test_backup_while_another_process_writes_is_consistent(filled, tmp_path):
    stop = tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(filled), str(stop)],
                              stdout=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / "started").exists():
            assert writer.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        seen = []
        for n in range(4):
            info = backup_service.create_backup(filled, tmp_path / f"live{n}.zip")
            out = tmp_path / f"live{n}"
            backup_service.verify_backup(info.path, out)  # hashes and integrity_check
            conn = sqlite3.connect(out / DB_NAME)
            companies = conn.execute("SELECT count(*) FROM company").fetchone()[0]
            orphans = conn.execute("SELECT count(*) FROM equipment e LEFT JOIN company c "
                                   "ON c.id = e.company_id WHERE c.id IS NULL").fetchone()[0]
            equipment = conn.execute("SELECT count(*) FROM equipment").fetchone()[0]
            outbox = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
            conn.close()
            assert orphans == 0 and companies == equipment and outbox == 2 * companies
            assert info.manifest["counts"]["company"] == companies
            seen.append(companies)
            time.sleep(0.2)
    finally:
        stop.touch()
        written = int(writer.communicate(timeout=60)[0])
    print("companies seen in live backups:", seen, "written:", written)
    assert written > 0 and seen == sorted(seen) and seen[-1] > seen[0]  # it really wrote


def test_auto_backup_once_a_day_keeping_the_newest(filled):
    day = date(2026, 11, 1)
    made = [backup_service.maybe_auto_backup(filled, keep=3, today=day + timedelta(days=i))
            for i in range(5)]
    assert all(made)
    assert backup_service.maybe_auto_backup(filled, keep=3, today=day + timedelta(days=4)) \
        is None
    names = sorted(p.name for p in (filled / "backups" / "auto").iterdir())
    assert names == [f"k3desk-auto-2026-11-0{d}.zip" for d in (3, 4, 5)]
    assert backup_service.maybe_auto_backup(filled.parent / "empty") is None


def test_cli_backup_and_restore(filled, tmp_path, capsys, open_db_at):
    out = tmp_path / "cli.zip"
    assert main(["backup", "-o", str(out), "--data-dir", str(filled)]) == 0
    assert "cadangan ditulis" in capsys.readouterr().out and out.is_file()
    junk = tmp_path / "junk.zip"
    junk.write_text("hello")
    assert main(["restore", str(junk), "--data-dir", str(filled)]) == 2
    assert "bukan berkas cadangan k3desk" in capsys.readouterr().err
    assert main(["restore", str(out), "--data-dir", str(filled)]) == 0
    assert "dipulihkan" in capsys.readouterr().out
    db = open_db_at(filled)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Company)) == 5


def test_restore_refuses_a_zip_bomb_and_oversized_members(filled, tmp_path, monkeypatch):
    good = backup_service.create_backup(filled, tmp_path / "good.zip")
    with zipfile.ZipFile(good.path) as zf:
        content = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(content["manifest.json"])
    bomb = bytes(200 * 1024 * 1024)  # 200 MB of zeros, about 200 kB deflated
    name = "blobs/00/" + hashlib.sha256(bomb).hexdigest()
    members = dict(manifest["members"], **{name: hashlib.sha256(bomb).hexdigest()})
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in content.items():
            if member != "manifest.json":
                zf.writestr(member, data)
        zf.writestr(name, bomb)
        zf.writestr("manifest.json", json.dumps(dict(manifest, members=members)))
    del bomb
    assert path.stat().st_size < 2 * 1024 * 1024
    before_records, before_files = records(filled), files(filled)
    with pytest.raises(DataFileError, match="terlalu besar"):
        backup_service.restore_backup(filled, path)
    assert (records(filled), files(filled)) == (before_records, before_files)
    assert not [p for p in filled.iterdir() if p.name.startswith(".restore-")]
    # the caps on a member and on the whole hold without any compression at all
    monkeypatch.setattr(backup_service, "MAX_MEMBER_BYTES", 10)
    with pytest.raises(DataFileError, match="terlalu besar"):
        backup_service.restore_backup(filled, good.path)
    monkeypatch.setattr(backup_service, "MAX_MEMBER_BYTES", 1 << 30)
    monkeypatch.setattr(backup_service, "MAX_TOTAL_BYTES", 1000)
    with pytest.raises(DataFileError, match="melebihi"):
        backup_service.restore_backup(filled, good.path)
    assert (records(filled), files(filled)) == (before_records, before_files)
