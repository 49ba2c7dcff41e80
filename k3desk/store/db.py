"""Opening the laptop's database: checks, backup, migration, and transactions.

One SQLite file (``k3desk.db``) in the data folder, in WAL mode with foreign keys on,
``synchronous=FULL`` (a committed save survives a power cut) and a busy timeout.
Before a migration the file is copied to ``backups/`` with SQLite's backup API. A file
that is not a SQLite database, is damaged, or was written by a newer k3desk is refused
with a message naming it, and left untouched.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from k3desk.domain.errors import ConstraintError, DataFileError
from k3desk.store import outbox

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

DB_NAME = "k3desk.db"
BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    from alembic.config import Config  # only to migrate: Alembic costs a second at start

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


_REVISION = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([\w]+)['\"]?", re.M)


@cache
def revisions() -> dict[str, str | None]:
    """Each migration's revision and the one it revises, read from the files of
    ``migrations/versions`` without importing Alembic (a linear history; tests/store
    checks it against Alembic's own reading)."""
    found: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        fields = dict(_REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in fields:
            down = fields.get("down_revision")
            found[fields["revision"]] = None if down in (None, "None") else down
    return found


def head_revision() -> str:
    known = revisions()
    heads = set(known) - {down for down in known.values() if down}
    assert len(heads) == 1, heads
    return heads.pop()


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN below decide
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def _on_begin(conn: Any) -> None:
    # IMMEDIATE: take the write lock at the start, so two writers never deadlock on upgrade.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


CONSTRAINT_MESSAGE = ("perubahan ini bentrok dengan data yang sudah ada (misalnya nomor atau "
                      "nama yang sama); perubahan tidak disimpan (rincian ada di log)")


def describe_db_error(exc: BaseException, path: Path) -> str:
    """A person's sentence for an SQLite failure of the disk or the file; anything else
    is one fixed sentence (the raw SQLite text goes to the log, never to a person)."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return f"disk tempat {path} penuh; perubahan terakhir tidak disimpan"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return (f"tidak dapat menulis ke {path}: folder data hanya-baca atau tidak dapat "
                "diakses")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"{path} rusak atau bukan basis data k3desk"
    if "locked" in text:
        return f"{path} sedang dipakai (k3desk lain sedang menulis); coba lagi"
    return (f"terjadi kesalahan pada basis data {path}; perubahan terakhir tidak disimpan "
            "(rincian ada di log)")


def database_error(exc: DBAPIError, path: Path) -> ConstraintError | DataFileError:
    """The error to raise for ``exc``: a broken rule of the data (IntegrityError) is a
    ConstraintError, not a damaged file; the detail is logged."""
    log.warning("database error on %s: %s", path, getattr(exc, "orig", exc))
    if isinstance(exc, IntegrityError):
        return ConstraintError(CONSTRAINT_MESSAGE)
    return DataFileError(describe_db_error(exc, path))


def check_file(path: Path) -> None:
    """Refuse a file that is not SQLite before anything opens (and could change) it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DataFileError(f"{path} is not a k3desk database (not an SQLite file); "
                            "it was left as it is")


class Database:
    """The laptop's database: an engine, a session factory, and ``session()``."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DB_NAME
        self.blob_dir = self.data_dir / "blobs"
        self.engine: Engine = create_engine(f"sqlite:///{self.path}",
                                            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(self.engine, "connect", _on_connect)
        event.listen(self.engine, "begin", _on_begin)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self, *, remote: bool = False) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error.

        ``remote=True`` marks changes that came from the server (no outbox entries).
        """
        session = self._sessions()
        session.info["remote"] = remote
        try:
            yield session
            session.commit()
        except DBAPIError as exc:
            session.rollback()
            raise database_error(exc, self.path) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()

    @property
    def session_factory(self) -> sessionmaker[Session]:
        """The factory of this database's sessions (the outbox hook listens on it)."""
        return self._sessions


def current_revision(path: Path) -> str | None:
    """The revision a database file was migrated to (None for a new or empty file)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            if tables:
                raise DataFileError(f"{path} is an SQLite file but not a k3desk database; "
                                    "it was left as it is")
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def backup_file(src: Path, dest: Path) -> Path:
    """Copy a live SQLite database consistently (SQLite's backup API)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    target = sqlite3.connect(dest)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    return dest


def open_database(data_dir: Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and migrate the laptop's database in ``data_dir``."""
    data_dir = Path(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFileError(f"cannot create the data folder {data_dir}: {exc.strerror}") from exc
    path = data_dir / DB_NAME
    check_file(path)
    head = head_revision()
    try:
        revision = current_revision(path)
    except (sqlite3.DatabaseError, DBAPIError) as exc:
        raise DataFileError(f"{path} is damaged or is not a k3desk database ({exc}); "
                            "it was left as it is") from exc
    if revision is not None and revision not in revisions():
        raise DataFileError(f"{path} was written by a newer k3desk (schema {revision}); "
                            "install the newer k3desk to open it. The file was left untouched.")
    db = Database(data_dir)
    if migrate and revision != head:
        if revision is not None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_file(path, data_dir / "backups" / f"k3desk-{stamp}-before-{head}.db")
        from alembic import command

        try:
            with db.engine.begin() as conn:
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except (OperationalError, DBAPIError) as exc:
            db.dispose()
            log.warning("migrating %s failed: %s", path, getattr(exc, "orig", exc))
            raise DataFileError(describe_db_error(exc, path)) from exc
    outbox.install(db)
    return db
