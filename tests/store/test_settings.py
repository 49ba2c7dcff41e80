"""Local settings: every key defined once with its type; a value of the wrong type
reads as the default instead of reaching the code that trusts it."""

from __future__ import annotations

from pathlib import Path

from k3desk.domain.vocabulary import SERVER_TYPES
from k3desk.store import settings
from k3desk.store.db import open_database
from k3desk.store.models import SyncState
from k3desk.sync import protocol


def test_settings_are_typed_and_defined_once(data_dir: Path) -> None:
    keys = [s.key for s in settings.ALL_SETTINGS]
    assert len(keys) == len(set(keys)) and "server_url" in keys
    db = open_database(data_dir)
    with db.session() as s:
        assert settings.get(s, settings.SYNC_CURSOR) == 0
        assert settings.get(s, settings.SERVER_URL) is None
        settings.put(s, settings.SYNC_CURSOR, 42)
        settings.put(s, settings.SERVER_URL, "https://k3.example")
        s.add(SyncState(key=settings.LAST_SYNC_AT.key, value="kemarin"))  # hand-edited
    with db.session() as s:
        assert settings.get(s, settings.SYNC_CURSOR) == 42
        assert settings.get(s, settings.SERVER_URL) == "https://k3.example"
        assert settings.get(s, settings.LAST_SYNC_AT) is None
        settings.put(s, settings.SERVER_INFO, {"max_blob_bytes": 5})
        info = settings.get(s, settings.SERVER_INFO)
        assert info == {"max_blob_bytes": 5}
        s.get(SyncState, settings.SYNC_CURSOR.key).value = True  # not an int cursor
    with db.session() as s:
        assert settings.get(s, settings.SYNC_CURSOR) == 0
        default = settings.get(s, settings.AUDIT_HEAD)
        assert default is None
    db.dispose()


def test_one_list_of_server_types() -> None:
    assert protocol.SERVER_TYPES is SERVER_TYPES
    assert set(protocol.RECORD_TYPES) == set(SERVER_TYPES) | set(protocol.CLIENT_TYPES)
