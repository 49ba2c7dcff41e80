"""Who acts on this laptop: local (offline) login against a stored argon2id hash."""

from __future__ import annotations

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from k3desk import argon2_cost
from k3desk.domain.errors import K3Error, NotFoundError, PermissionDenied
from k3desk.domain.i18n import translate
from k3desk.services import settings_service
from k3desk.services.context import Actor, AppContext
from k3desk.store.db import Database
from k3desk.store.models import User
from k3desk.store.settings import ACTOR_ID, SERVER_URL

ACTOR_KEY = ACTOR_ID


def hash_password(password: str) -> str:
    return argon2_cost.password_hasher().hash(password)


def password_matches(stored_hash: str | None, password: str) -> bool:
    if not stored_hash:
        return False
    try:
        return argon2_cost.password_hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def login_offline(db: Database, username: str, password: str) -> Actor:
    """Check the password against the hash left by the last online login (or the demo)."""
    with db.session() as s:
        user = s.scalars(select(User).where(User.username == username)).first()
        if user is None or not password_matches(user.password_hash, password):
            raise PermissionDenied(translate("auth", "nama pengguna atau kata sandi salah "
                                             "(login luring memakai kata sandi login daring "
                                             "terakhir di laptop ini)"))
        if not user.active:
            raise PermissionDenied(translate("auth", "pengguna {username} dinonaktifkan").format(
                username=username))
        settings_service.put(s, ACTOR_KEY, user.id)
        actor = Actor.of(user)
    unlock_signing_key(db, actor, password)
    return actor


def unlock_signing_key(db: Database, actor: Actor, password: str) -> bool:
    """The password is known here: unlock (or make, or migrate) a supervisor's key."""
    from k3desk.services import keys_service

    return keys_service.unlock(db, actor.id, actor.role, password)


def unlock_for_cli(db: Database, actor: Actor, password: str) -> None:
    """``review approve --password-stdin``: check the password, then unlock the key."""
    with db.session() as s:
        user = s.get(User, actor.id)
        stored = user.password_hash if user is not None else None
    if not password_matches(stored, password):
        raise PermissionDenied(translate("auth", "kata sandi salah; kunci tanda tangan tetap "
                                         "terkunci"))
    if not unlock_signing_key(db, actor, password):
        from k3desk.services import keys_service

        raise K3Error(keys_service.locked_message())


def remember_password(db: Database, user_id: str, password: str) -> None:
    """After an online login: keep a slow hash so the next login works offline."""
    with db.session(remote=True) as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFoundError(translate("auth", "pengguna {user_id} tidak ada di "
                                          "laptop ini").format(
                                    user_id=user_id))
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


def login_hint(db: Database) -> str:
    """The login command for this data folder, as a person would type it: the server
    this laptop knows (else URL), and ``--data-dir`` unless it is the default folder."""
    from k3desk.paths import default_data_dir

    with db.session() as s:
        server = settings_service.get(s, SERVER_URL) or "URL"
    folder = ""
    if db.data_dir.resolve() != default_data_dir().resolve():
        folder = f" --data-dir {db.data_dir}"
    return (f"echo 'KATA_SANDI' | k3desk login --server {server} --username NAMA_PENGGUNA "
            f"--password-stdin{folder}")


def require_context(db: Database) -> AppContext:
    actor = current_actor(db)
    if actor is None:
        raise K3Error(translate("auth", "belum ada pengguna yang login di laptop ini: "
                                "jalankan dulu `{hint}`").format(hint=login_hint(db)))
    return AppContext(db=db, actor=actor)
