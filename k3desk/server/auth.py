"""Who is asking: login, token look-up and the acting user (no FastAPI here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from k3desk.domain.workflow import Role
from k3desk.server.db import begin_write
from k3desk.server.models import Credential, Record, Token
from k3desk.server.security import (
    check_password,
    forget_failure,
    issue_token,
    lock_username,
    record_failure,
    throttle_wait,
    token_hash,
)
from k3desk.server.settings import Settings
from k3desk.sync.protocol import UserPublic


@dataclass(frozen=True)
class Actor:
    """The user behind a request, as the rules need them."""

    id: str
    username: str
    full_name: str
    nip: str
    role: str
    balai_id: str | None
    qualifications: list[dict[str, object]]
    device_id: str

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    def public(self) -> UserPublic:
        return UserPublic(id=self.id, username=self.username, full_name=self.full_name,
                          nip=self.nip, role=self.role, balai_id=self.balai_id)


def actor_of(record: Record, device_id: str) -> Actor:
    d = record.data
    quals = d.get("qualifications")
    return Actor(id=record.id, username=str(d.get("username")), full_name=str(d.get("full_name")),
                 nip=str(d.get("nip", "")), role=str(d.get("role")), balai_id=d.get("balai_id"),
                 qualifications=list(quals) if isinstance(quals, list) else [],
                 device_id=device_id)


class LoginRefused(Exception):
    """Wrong name or password (``retry_after`` 0), or throttled (seconds to wait)."""

    def __init__(self, retry_after: int = 0) -> None:
        super().__init__("login refused")
        self.retry_after = retry_after


def login(session: Session, settings: Settings, username: str, password: str, device_id: str,
          device_name: str, now: datetime) -> tuple[str, datetime, Actor]:
    """Check a password and issue a token; failures are recorded too.

    The slow password hash is computed between two short transactions, never inside
    one: on SQLite a write transaction holds the database's only write lock.
    """
    name = username.strip().lower()
    # Each attempt is counted as a failure *before* the slow hash, under a lock on the
    # name, so a burst of simultaneous logins gets no more guesses than the limit; a
    # correct password then takes its own count back.
    with session.begin():
        begin_write(session)
        lock_username(session, name)
        wait = throttle_wait(session, name, now, settings.login_max_failures,
                             settings.login_window)
        cred = session.scalar(select(Credential).where(Credential.username == name))
        record = session.get(Record, cred.user_id) if cred else None
        stored_hash = cred.password_hash if cred else None
        usable = (cred is not None and not cred.disabled and record is not None
                  and not record.deleted)
        attempt = None if wait else record_failure(session, name, now, settings.login_window)
    if wait or attempt is None:
        raise LoginRefused(wait or 1)
    ok = check_password(stored_hash, password) and usable
    if not ok or record is None:
        raise LoginRefused(0)
    with session.begin():
        begin_write(session)
        forget_failure(session, attempt)
        token, expires = issue_token(session, record.id, device_id, device_name, now,
                                     settings.token_lifetime)
    return token, expires, actor_of(record, device_id)


def authenticate(session: Session, token: str, now: datetime) -> Actor | None:
    """The user of a bearer token, or None (unknown, expired, user disabled)."""
    row = session.get(Token, token_hash(token))
    if row is None or row.expires_at <= now:
        return None
    cred = session.get(Credential, row.user_id)
    record = session.get(Record, row.user_id)
    if cred is None or cred.disabled or record is None or record.deleted:
        return None
    return actor_of(record, row.device_id)
