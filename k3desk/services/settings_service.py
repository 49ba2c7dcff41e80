"""Small local settings kept in the database's ``sync_state`` table."""

from __future__ import annotations

import uuid

from k3desk.store.db import Database
from k3desk.store.settings import DEVICE_ID, Setting, get, put

__all__ = ["Setting", "device_id", "get", "put"]


def device_id(db: Database) -> str:
    """This laptop's id, made once and kept."""
    with db.session() as s:
        value = get(s, DEVICE_ID)
        if value is None:
            value = str(uuid.uuid4())
            put(s, DEVICE_ID, value)
        return value
