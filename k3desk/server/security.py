"""Passwords (argon2id), bearer tokens (random, stored as SHA-256) and login throttling."""

from __future__ import annotations

import functools
import hashlib
import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from k3desk import argon2_cost
from k3desk.domain.errors import ValidationError
from k3desk.server.models import LoginFailure, Token

MIN_PASSWORD_LENGTH = 10


def password_hasher() -> PasswordHasher:
    """The hasher of new passwords (k3desk.argon2_cost: t=3, 64 MiB, p=4)."""
    return argon2_cost.password_hasher()


def dummy_hash() -> str:
    """A real argon2id hash with the parameters every password is stored with
    (``password_hasher()``), checked when a username is unknown, so that the answer
    takes exactly as long as for a known user with a wrong password."""
    return _dummy_hash(repr(argon2_cost.parameters()))


@functools.cache
def _dummy_hash(parameters: str) -> str:  # one per parameters (repr: Parameters is unhashable)
    return password_hasher().hash(secrets.token_urlsafe(16))


def password_problem(password: str, username: str = "") -> str | None:
    """Why ``password`` is too weak, or None. Length and variety, nothing clever."""
    if not password or not password.strip():
        return "the password is empty"
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"the password must have at least {MIN_PASSWORD_LENGTH} characters"
    if len(set(password)) < 5:
        return "the password repeats too few different characters"
    if username and username.lower() in password.lower():
        return "the password must not contain the username"
    return None


def hash_password(password: str, hasher: PasswordHasher | None = None) -> str:
    problem = password_problem(password)
    if problem:
        raise ValidationError(problem, field="password")
    return (hasher or password_hasher()).hash(password)


def check_password(stored_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; a missing hash still costs a hashing round."""
    hasher = PasswordHasher()
    if stored_hash is None:
        try:
            hasher.verify(dummy_hash(), password)
        except (VerificationError, InvalidHashError):
            pass
        return False
    try:
        return hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(session: Session, user_id: str, device_id: str, device_name: str,
                now: datetime, lifetime: timedelta) -> tuple[str, datetime]:
    token = secrets.token_urlsafe(32)
    expires = now + lifetime
    session.add(Token(token_hash=token_hash(token), user_id=user_id, device_id=device_id,
                      device_name=device_name, created_at=now, expires_at=expires))
    return token, expires


def revoke_tokens(session: Session, user_id: str) -> None:
    session.execute(delete(Token).where(Token.user_id == user_id))


def throttle_wait(session: Session, username: str, now: datetime, max_failures: int,
                  window: timedelta) -> int:
    """Seconds until ``username`` may try again (0: now). A sliding window of failures."""
    since = now - window
    rows = session.execute(
        select(func.count(), func.min(LoginFailure.at))
        .where(LoginFailure.username == username, LoginFailure.at > since)
    ).one()
    count, oldest = rows
    if count < max_failures or oldest is None:
        return 0
    # the window passes when enough old failures have aged out; wait for the oldest
    ages = session.scalars(
        select(LoginFailure.at).where(LoginFailure.username == username, LoginFailure.at > since)
        .order_by(LoginFailure.at.desc()).offset(max_failures - 1).limit(1)
    ).first()
    free_at = (ages or oldest) + window
    return max(1, int((free_at - now).total_seconds()) + 1)


def record_failure(session: Session, username: str, now: datetime, window: timedelta) -> int:
    """Count a failure (the id of its row) and forget those long past."""
    row = LoginFailure(username=username, at=now)
    session.add(row)
    session.execute(delete(LoginFailure).where(LoginFailure.at < now - window * 2))
    session.flush()
    return row.id


def forget_failure(session: Session, failure_id: int) -> None:
    session.execute(delete(LoginFailure).where(LoginFailure.id == failure_id))


def lock_username(session: Session, username: str) -> None:
    """Serialise the logins of one username for this transaction. SQLite's write lock
    (``begin_write``) already does; PostgreSQL takes an advisory lock on the name."""
    if session.get_bind().dialect.name == "postgresql":
        key = int.from_bytes(hashlib.sha256(username.encode()).digest()[:8], "big",
                             signed=True)
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
