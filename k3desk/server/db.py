"""Engines, sessions and migrations for both database engines.

SQLite: WAL, foreign keys, a long busy timeout, and transactions begun by us (not by
the driver) so that SAVEPOINTs work and the first write of a push takes the write
lock while waiting politely (SQLAlchemy's documented pysqlite recipe).
PostgreSQL: READ COMMITTED; writers take advisory locks and seqs from ``record_seq``
(seqs.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from k3desk.domain.errors import DataFileError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    """An engine for ``url`` (``sqlite:///FILE`` or ``postgresql+psycopg://...``)."""
    try:
        parsed = make_url(url)
    except Exception as exc:  # noqa: BLE001 - any parse failure is the same to a person
        raise DataFileError(f"not a database URL: {url!r}") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})
        _sqlite_recipe(engine)
        return engine
    if backend == "postgresql":
        return create_engine(url, pool_size=pool_size, max_overflow=pool_size,
                             pool_pre_ping=True)
    raise DataFileError(f"unsupported database {backend!r}: use sqlite or postgresql+psycopg")


def _sqlite_recipe(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=60000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get(WRITE_OPTION)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


WRITE_OPTION = "k3desk_write"


def begin_write(session: Session) -> None:
    """Start ``session``'s transaction as a writer; call before its first statement.

    On SQLite this is ``BEGIN IMMEDIATE``: the write lock is taken (or waited for)
    up front. A deferred transaction that reads and then writes can instead fail at
    once with "database is locked" when another writer committed in between.
    PostgreSQL ignores the option.
    """
    session.connection(execution_options={WRITE_OPTION: True})


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose seqs (store.next_seq) are written to the counter before commit."""
    from k3desk.server.seqs import forget_seq, save_seq

    factory = sessionmaker(engine, expire_on_commit=False, autoflush=True)
    event.listen(factory, "before_commit", save_seq)

    def _end(session: Session, transaction: Any) -> None:
        if transaction.parent is None:
            forget_seq(session)

    event.listen(factory, "after_transaction_end", _end)
    return factory


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is there already)."""
    command.upgrade(alembic_config(engine), "head")
