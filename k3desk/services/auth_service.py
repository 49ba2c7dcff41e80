"""Who acts on this laptop: local (offline) login against a stored argon2id hash."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from k3desk.domain.errors import K3Error, NotFoundError, PermissionDenied
from k3desk.services import settings_service
from k3desk.services.context import Actor, AppContext
from k3desk.store.db import Database
from k3desk.store.models import User
from k3desk.store.settings import ACTOR_ID

_hasher = PasswordHasher()
ACTOR_KEY = ACTOR_ID


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(stored_hash: str | None, password: str) -> bool:
    if not stored_hash:
        return False
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def login_offline(db: Database, username: str, password: str) -> Actor:
    """Check the password against the hash left by the last online login (or the demo)."""
    with db.session() as s:
        user = s.scalars(select(User).where(User.username == username)).first()
        if user is None or not password_matches(user.password_hash, password):
            raise PermissionDenied("nama pengguna atau kata sandi salah (login luring memakai "
                                   "kata sandi login daring terakhir di laptop ini)")
        if not user.active:
            raise PermissionDenied(f"pengguna {username} dinonaktifkan")
        settings_service.put(s, ACTOR_KEY, user.id)
        return Actor.of(user)


def remember_password(db: Database, user_id: str, password: str) -> None:
    """After an online login: keep a slow hash so the next login works offline."""
    with db.session(remote=True) as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFoundError(f"pengguna {user_id} tidak ada di laptop ini")
        user.password_hash = hash_password(password)
        settings_service.put(s, ACTOR_KEY, user.id)


def current_actor(db: Database) -> Actor | None:
    with db.session() as s:
        user_id = settings_service.get(s, ACTOR_KEY)
        user = s.get(User, user_id) if user_id else None
        return Actor.of(user) if user is not None and user.active else None


def logout(db: Database) -> None:
    """Nobody acts on this laptop until the next login (the data stays as it is)."""
    from k3desk.store.models import SyncState

    with db.session(remote=True) as s:
        row = s.get(SyncState, ACTOR_KEY.key)
        if row is not None:
            s.delete(row)


def require_context(db: Database) -> AppContext:
    actor = current_actor(db)
    if actor is None:
        raise K3Error("belum ada pengguna yang login di laptop ini: jalankan dulu "
                      "`k3desk login --username U --password-stdin`")
    return AppContext(db=db, actor=actor)
