"""Small local settings in the ``sync_state`` table, read and written in the caller's
transaction (used by the services and by the sync engine alike).

Every key is defined here, once, with the type of its value: ``get(s, SERVER_URL)`` is
a ``str | None``, ``get(s, SYNC_CURSOR)`` an ``int``. A stored value of another type (a
file edited by hand, an older k3desk) reads as the setting's default.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from sqlalchemy.orm import Session

from k3desk.store.models import SyncState

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One key of ``sync_state`` and the types its value may have."""

    key: str
    types: tuple[type, ...]
    default: T


DEVICE_ID: Setting[str | None] = Setting("device_id", (str,), None)
ACTOR_ID: Setting[str | None] = Setting("actor_id", (str,), None)
#: The server this laptop syncs with; also where a certificate's QR code points.
SERVER_URL: Setting[str | None] = Setting("server_url", (str,), None)
SYNC_CURSOR: Setting[int] = Setting("sync_cursor", (int,), 0)
SERVER_INFO: Setting[dict[str, Any]] = Setting("server_info", (dict,), {})
LAST_SYNC_AT: Setting[float | None] = Setting("last_sync_at", (int, float), None)
#: The hash chain head of the audit log (k3desk.store.audit).
AUDIT_HEAD: Setting[dict[str, Any] | None] = Setting("audit_head", (dict,), None)

#: The inspection open in the editor and its section (until a clean close): after a crash
#: the next start offers to reopen it (k3desk.services.editor_service).
EDITOR_OPEN: Setting[dict[str, Any] | None] = Setting("editor.open", (dict,), None)
#: The interface language of this data folder ("id" or "en"): the window and the CLI.
LANGUAGE: Setting[str | None] = Setting("language", (str,), None)
#: Set by ``k3desk demo``: this folder holds demo data and never talks to a real server.
DEMO_DATA: Setting[bool] = Setting("demo_data", (bool,), False)

ALL_SETTINGS = (DEVICE_ID, ACTOR_ID, SERVER_URL, SYNC_CURSOR, SERVER_INFO, LAST_SYNC_AT,
                AUDIT_HEAD, EDITOR_OPEN, LANGUAGE, DEMO_DATA)


def get(session: Session, setting: Setting[T]) -> T:
    row = session.get(SyncState, setting.key)
    value = None if row is None else row.value
    if (isinstance(value, bool) and bool not in setting.types) \
            or not isinstance(value, setting.types):
        return copy.deepcopy(setting.default)
    return cast(T, value)


def put(session: Session, setting: Setting[T], value: T) -> None:
    row = session.get(SyncState, setting.key)
    if row is None:
        session.add(SyncState(key=setting.key, value=value))
    else:
        row.value = value
