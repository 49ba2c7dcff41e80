"""The local database: pragmas, migrations, refusal of bad files, faults."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, text

from k3desk.domain.errors import DataFileError
from k3desk.store import db as store_db
from k3desk.store.db import Database, open_database
from k3desk.store.models import Company, OutboxEntry
from tests.support import REPO


def test_pragmas_are_durable(data_dir: Path, db: Database) -> None:
    with db.session() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == store_db.BUSY_TIMEOUT_MS
    assert store_db.current_revision(data_dir / "k3desk.db") == store_db.head_revision()


def test_not_sqlite_file_is_refused_and_left_alone(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "k3desk.db"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 10)
    before = path.read_bytes()
    with pytest.raises(DataFileError, match="not a k3desk database"):
        open_database(data_dir)
    assert path.read_bytes() == before


def test_corrupt_database_is_refused_by_name(data_dir: Path, db: Database) -> None:
    with db.session() as s:
        s.add(Company(balai_id="b", name="PT A", address="Jl. A"))
    db.dispose()
    path = data_dir / "k3desk.db"
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    raw = bytearray(path.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # smash the schema page after the header
    path.write_bytes(bytes(raw))
    before = path.read_bytes()
    with pytest.raises(DataFileError) as err:
        open_database(data_dir)
    assert str(path) in str(err.value)
    assert path.read_bytes() == before


def test_newer_schema_is_refused_untouched(data_dir: Path) -> None:
    open_database(data_dir).dispose()
    path = data_dir / "k3desk.db"
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(DataFileError, match="newer k3desk"):
        open_database(data_dir)
    assert path.read_bytes() == before


def test_upgrade_from_first_revision_keeps_data_and_backs_up(data_dir: Path,
        open_db_at: Callable[[Path], Database]) -> None:
    """A populated database at revision 0001 upgrades to head with every row intact."""
    from alembic import command

    data_dir.mkdir(parents=True)
    path = data_dir / "k3desk.db"
    engine = store_db.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = store_db.alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        for i in range(50):
            conn.execute(text(
                "INSERT INTO company (id, version, deleted, modified_at, extra, balai_id, name,"
                " address) VALUES (:id, 0, 0, '2026-01-01T00:00:00Z', '{}', 'b', :name, 'Jl')"),
                {"id": f"00000000-0000-0000-0000-{i:012d}", "name": f"PT {i}"})
    engine.dispose()
    assert store_db.current_revision(path) == "0001"

    db = open_db_at(data_dir)
    assert store_db.current_revision(path) == store_db.head_revision() != "0001"
    with db.session() as s:
        assert len(s.scalars(select(Company)).all()) == 50
        s.execute(text("SELECT count(*) FROM shadow")).scalar()  # the new table exists
    backups = list((data_dir / "backups").glob("k3desk-*-before-*.db"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT count(*) FROM company").fetchone()[0] == 50
    con.close()


def test_disk_full_keeps_committed_data(data_dir: Path,
        open_db_at: Callable[[Path], Database]) -> None:
    """SQLITE_FULL mid-save: a clear message, the earlier commits intact."""
    db = open_db_at(data_dir)
    with db.session() as s:
        s.add(Company(balai_id="b", name="PT Tersimpan", address="Jl. A"))
    with db.session() as s:
        pages = s.execute(text("PRAGMA page_count")).scalar()
    with pytest.raises(DataFileError, match="penuh"):
        with db.session() as s:
            s.execute(text(f"PRAGMA max_page_count = {pages + 1}"))
            for i in range(400):
                s.add(Company(balai_id="b", name=f"PT {i}", address="x" * 2000))
    with db.session() as s:
        names = [c.name for c in s.scalars(select(Company))]
        assert names == ["PT Tersimpan"]
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX only")
def test_read_only_data_folder_gives_clear_message(tmp_path: Path) -> None:
    """A data folder nobody may write to: a clear message naming it, no trace."""
    data = tmp_path / "ro"
    open_database(data).dispose()
    os.chmod(tmp_path, 0o755)
    data.chmod(0o555)
    (data / "k3desk.db").chmod(0o444)
    cmd = [sys.executable, "-m", "k3desk", "list", "companies", "--data-dir", str(data)]
    if os.geteuid() == 0:  # drop the capabilities that let root ignore file modes
        cmd = ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
               "--bounding-set=-dac_override,-dac_read_search", "--", *cmd]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=60,
                          env={**os.environ, "HOME": str(tmp_path)})
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert str(data) in proc.stderr


def test_outbox_written_in_same_transaction(db: Database) -> None:
    with pytest.raises(RuntimeError):
        with db.session() as s:
            s.add(Company(balai_id="b", name="PT Gagal", address="Jl"))
            s.flush()
            assert len(s.scalars(select(OutboxEntry)).all()) == 1
            raise RuntimeError("crash before commit")
    with db.session() as s:
        assert s.scalars(select(Company)).all() == []
        assert s.scalars(select(OutboxEntry)).all() == []
        c = Company(balai_id="b", name="PT Jadi", address="Jl")
        s.add(c)
    with db.session() as s:
        entries = s.scalars(select(OutboxEntry)).all()
        assert [(e.record_type, e.record_id, e.payload["name"]) for e in entries] == [
            ("company", c.id, "PT Jadi")]
        s.get(Company, c.id).name = "PT Jadi Baru"  # type: ignore[union-attr]
    with db.session() as s:
        entries = s.scalars(select(OutboxEntry)).all()
        assert len(entries) == 1, "an unattempted entry absorbs the next edit"
        assert entries[0].payload["name"] == "PT Jadi Baru"
        entries[0].attempts = 1
    with db.session() as s:
        s.get(Company, c.id).address = "Jl Baru"  # type: ignore[union-attr]
    with db.session() as s:
        entries = s.scalars(select(OutboxEntry).order_by(OutboxEntry.id)).all()
        assert len(entries) == 2, "an attempted entry is frozen; the edit gets a new one"
        assert entries[0].payload["address"] == "Jl" and entries[1].payload["address"] == "Jl Baru"
        assert entries[0].change_id != entries[1].change_id


def test_remote_writes_leave_no_outbox(db: Database) -> None:
    with db.session(remote=True) as s:
        s.add(Company(balai_id="b", name="PT Dari Server", address="Jl", version=3))
    with db.session() as s:
        assert s.scalars(select(OutboxEntry)).all() == []


def test_save_that_changes_nothing_sends_nothing(data_dir: Path,
        open_db_at: Callable[[Path], Database]) -> None:
    """After the server has a record, re-saving it unchanged queues no change."""
    from k3desk.store.models import Shadow

    db = open_db_at(data_dir)
    with db.session(remote=True) as s:
        c = Company(balai_id="b", name="PT Sama", address="Jl", version=2, seq=7)
        s.add(c)
        s.flush()
        s.add(Shadow(record_type="company", record_id=c.id, version=2,
                     envelope={**c.envelope(), "data": {"balai_id": "b", "name": "PT Sama",
                                                        "address": "Jl"}}))
    with db.session() as s:
        row = s.get(Company, c.id)
        assert row is not None
        row.name = "PT Sama"  # the same value, assigned again
        row.address = "Jl"
        row.extra = {}
    with db.session() as s:
        assert s.scalars(select(OutboxEntry)).all() == []
        s.get(Company, c.id).name = "PT Beda"  # type: ignore[union-attr]
    with db.session() as s:
        [entry] = s.scalars(select(OutboxEntry)).all()
        assert entry.payload["name"] == "PT Beda" and entry.base_version == 2



def test_a_broken_rule_is_a_constraint_error_not_a_damaged_file(
        data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    from k3desk.domain.errors import ConstraintError
    from k3desk.store.models import User

    db = open_database(data_dir)
    with db.session() as s:
        s.add(User(balai_id="b", username="sama", full_name="A", nip="1", role="inspector",
                   password_hash="x"))
    with pytest.raises(ConstraintError) as err, db.session() as s:
        s.add(User(balai_id="b", username="sama", full_name="B", nip="2", role="inspector",
                   password_hash="x"))
    assert not isinstance(err.value, DataFileError)
    message = str(err.value)
    assert "bentrok" in message and "rincian ada di log" in message
    assert "UNIQUE" not in message and "SQL" not in message and "sqlite" not in message.lower()
    assert "UNIQUE constraint failed" in caplog.text  # the detail is in the log
    with db.session() as s:
        assert [u.full_name for u in s.scalars(select(User))] == ["A"]
    db.dispose()


def test_an_unexpected_database_error_is_one_fixed_sentence(
        data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    db = open_database(data_dir)
    with pytest.raises(DataFileError) as err, db.session() as s:
        s.execute(text("SELECT * FROM no_such_table"))
    assert str(err.value) == (f"terjadi kesalahan pada basis data {db.path}; perubahan "
                              "terakhir tidak disimpan (rincian ada di log)")
    assert "no such table: no_such_table" in caplog.text
    db.dispose()


def test_outbox_states_round_trip_as_the_stored_strings(data_dir: Path) -> None:
    from k3desk.domain.vocabulary import OutboxState

    db = open_database(data_dir)
    with db.session() as s:
        s.add(Company(balai_id="b", name="PT Antre", address="Jl. A"))
    con = sqlite3.connect(data_dir / "k3desk.db")
    assert con.execute("SELECT DISTINCT state FROM outbox").fetchall() == [("pending",)]
    con.close()
    with db.session() as s:
        [entry] = s.scalars(select(OutboxEntry)).all()
        assert entry.state == OutboxState.PENDING
        entry.state = OutboxState.DONE
    con = sqlite3.connect(data_dir / "k3desk.db")
    assert con.execute("SELECT state, typeof(state) FROM outbox").fetchall() == [("done", "text")]
    con.close()
    db.dispose()


def test_enum_columns_store_the_same_strings_and_read_back_enums(data_dir: Path) -> None:
    from k3desk.domain.workflow import Role
    from k3desk.store.models import User

    db = open_database(data_dir)
    with db.session() as s:
        s.add(User(balai_id="b", username="penyelia", full_name="P", nip="1",
                   role=Role.SUPERVISOR))
        s.add(User(balai_id="b", username="pemeriksa", full_name="Q", nip="2",
                   role="inspector"))  # a plain string from the wire is accepted too
    con = sqlite3.connect(data_dir / "k3desk.db")
    assert sorted(con.execute("SELECT role, typeof(role) FROM user").fetchall()) == [
        ("inspector", "text"), ("supervisor", "text")]
    con.execute("UPDATE user SET full_name = 'R' WHERE role = 'inspector'")
    con.commit()
    con.close()
    with db.session() as s:
        roles = {u.username: u.role for u in s.scalars(select(User))}
        assert roles == {"penyelia": Role.SUPERVISOR, "pemeriksa": Role.INSPECTOR}
        assert all(type(r) is Role for r in roles.values())
        assert s.scalars(select(User.username).where(User.role == "inspector")).all() == [
            "pemeriksa"]
    from sqlalchemy.exc import StatementError

    with pytest.raises(StatementError, match="'raja' is not a valid Role"), db.session() as s:
        s.add(User(balai_id="b", username="x", full_name="X", nip="3", role="raja"))
    db.dispose()


def test_revisions_read_from_the_files_are_alembics() -> None:
    """open_database reads the migration history without importing Alembic (a second at
    start); it must be what Alembic itself reads."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(store_db.alembic_config())
    assert store_db.revisions() == {r.revision: r.down_revision
                                    for r in script.walk_revisions()}
    assert store_db.head_revision() == script.get_current_head()
