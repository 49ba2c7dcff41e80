"""Small local settings kept in the database's ``sync_state`` table."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from k3desk.store.db import Database
from k3desk.store.models import SyncState


def get(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(SyncState, key)
    return default if row is None else row.value


def put(session: Session, key: str, value: Any) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def device_id(db: Database) -> str:
    """This laptop's id, made once and kept."""
    with db.session() as s:
        value = get(s, "device_id")
        if value is None:
            value = str(uuid.uuid4())
            put(s, "device_id", value)
        return str(value)
