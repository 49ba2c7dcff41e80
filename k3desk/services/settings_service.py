"""Small local settings kept in the database's ``sync_state`` table."""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

from k3desk.domain.errors import ValidationError
from k3desk.domain.i18n import translate
from k3desk.store.db import DB_NAME, Database
from k3desk.store.settings import DEVICE_ID, LANGUAGE, SERVER_URL, Setting, get, put

__all__ = ["LANGUAGES", "Setting", "device_id", "get", "language", "language_of_folder", "put",
           "set_language"]

LANGUAGES = ("id", "en")  # Bahasa Indonesia (the default), English


def device_id(db: Database) -> str:
    """This laptop's id, made once and kept."""
    with db.session() as s:
        value = get(s, DEVICE_ID)
        if value is None:
            value = str(uuid.uuid4())
            put(s, DEVICE_ID, value)
        return str(value)


def server_url(db: Database) -> str | None:
    """The server this laptop syncs with, None when none is set (read without importing
    the sync code: the window asks at start)."""
    with db.session() as s:
        return get(s, SERVER_URL) or None


def language(db: Database) -> str:
    """The interface language of this data folder (the window and the CLI)."""
    with db.session() as s:
        value = get(s, LANGUAGE)
    return value if value in LANGUAGES else "id"


def set_language(db: Database, lang: str) -> str:
    """Remember the language; the window applies it the next time it starts."""
    if lang not in LANGUAGES:
        raise ValidationError(translate("settings", "bahasa tidak dikenal: {lang!r} "
                                        "(pilih id atau en)").format(
                                  lang=lang),
                              field="language")
    with db.session() as s:
        put(s, LANGUAGE, lang)
    return lang


def language_of_folder(data_dir: Path) -> str | None:
    """The stored language, read without opening (or migrating) the database: what the
    CLI looks at before any command runs. None when there is no database or setting."""
    path = Path(data_dir) / DB_NAME
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1.0)
        try:
            row = conn.execute("SELECT value FROM sync_state WHERE key = ?",
                               (LANGUAGE.key,)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    try:
        value = json.loads(row[0]) if row and isinstance(row[0], str) else None
    except ValueError:
        value = None
    return value if value in LANGUAGES else None
