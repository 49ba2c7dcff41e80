"""Alembic environment for the laptop's database (run by k3desk.store.db.open_database)."""

from __future__ import annotations

from alembic import context

from k3desk.store import models  # noqa: F401  (registers the tables on Base)
from k3desk.store.base import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only through k3desk.store.db
    raise RuntimeError("migrations run when k3desk.store.db.open_database() opens the file")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
