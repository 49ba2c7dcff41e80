"""Sync as the app and the CLI use it: log in (online, else offline), sync once, see what
waits for a person, and settle quarantined changes.

The server's address is a local setting (``server_url``); the token lives in the OS
keyring or a 0600 file (k3desk.sync.token_store). A 401 forgets the token and asks for
a login; it never touches the outbox.
"""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from k3desk.domain.errors import K3Error, NotFoundError, PermissionDenied, ValidationError
from k3desk.domain.i18n import translate
from k3desk.domain.vocabulary import OutboxState
from k3desk.domain.workflow import Role
from k3desk.services import auth_service, settings_service
from k3desk.services.context import Actor
from k3desk.store.db import Database
from k3desk.store.models import (
    SYNCED_MODELS,
    Attachment,
    Inspection,
    OutboxEntry,
    Shadow,
    SigningKey,
    User,
)
from k3desk.store.settings import SERVER_URL
from k3desk.sync.apply import (
    OUTSTANDING,
    ApplyStats,
    apply_remote,
    normalized,
    open_conflict,
    write_row,
)
from k3desk.sync.background import BackgroundSync
from k3desk.sync.background import SyncStatus as BackgroundStatus
from k3desk.sync.client import AuthRequired, ServerRefused, SyncClient, Unreachable
from k3desk.sync.engine import (
    DEFAULT_INFO,
    INFO_KEY,
    LAST_SYNC_KEY,
    Progress,
    SyncEngine,
    count_open,
)
from k3desk.sync.engine import SyncSummary as SyncSummary
from k3desk.sync.protocol import Envelope
from k3desk.sync.token_store import TokenStore

SERVER_KEY = SERVER_URL


log = logging.getLogger("k3desk.sync")

class NoServer(K3Error):
    """No server address was given and none is configured on this laptop."""


def server_url(db: Database, override: str | None = None) -> str | None:
    """The server to talk to; an explicit one is remembered for next time."""
    with db.session(remote=True) as s:
        if override:
            settings_service.put(s, SERVER_KEY, override.rstrip("/"))
            return override.rstrip("/")
        return settings_service.get(s, SERVER_KEY) or None


def _store_user(db: Database, user: dict[str, Any]) -> None:
    """Keep the user row the server's login answer describes (the full record, with
    qualifications, arrives with the next pull)."""
    with db.session(remote=True) as s:
        row = s.get(User, user["id"])
        if row is None:
            clash = s.scalars(select(User).where(User.username == user["username"])).first()
            if clash is not None:  # same name, other id (an old or demo row): rename it
                clash.username = f"{clash.username}~{clash.id[:8]}"
                s.flush()
            row = User(id=user["id"], version=0, qualifications=[], active=True)
            s.add(row)
        for name in ("username", "full_name", "nip", "role", "balai_id"):
            setattr(row, name, user[name])


def login(db: Database, username: str, password: str, server: str | None = None, *,
          timeout: float | None = None) -> tuple[Actor, bool]:
    """Log in: online when a server is known and answers, else offline against the hash
    the last online login left. Returns the actor and whether the login was online."""
    from k3desk.services.demo_service import refuse_if_demo

    if server or server_url(db):
        refuse_if_demo(db)  # before the address is remembered
    url = server_url(db, server)
    if url:
        client = SyncClient(url, timeout=timeout) if timeout else SyncClient(url)
        try:
            answer = client.login(username, password, settings_service.device_id(db),
                                  socket.gethostname())
        except Unreachable:
            answer = None
        except AuthRequired as exc:
            raise PermissionDenied(str(exc)) from exc
        finally:
            client.close()
        if answer is not None:
            _store_user(db, answer.user.model_dump())
            auth_service.remember_password(db, answer.user.id, password)
            TokenStore(db.data_dir, url).save(answer.token, answer.user.id)
            actor = auth_service.current_actor(db)
            assert actor is not None
            auth_service.unlock_signing_key(db, actor, password)
            return actor, True
    try:
        return auth_service.login_offline(db, username, password), False
    except PermissionDenied as exc:
        if url:
            raise PermissionDenied(translate("sync", "server {url} tidak dapat "
                                             "dihubungi, dan login luring gagal: {exc}").format(
                                       url=url, exc=exc)) from exc
        raise


def has_token(db: Database, server: str | None = None) -> bool:
    url = server_url(db, server)
    return bool(url and TokenStore(db.data_dir, url).load())


def make_engine(db: Database, server: str | None = None, *, progress: Progress | None = None,
                timeout: float | None = None, retries: int = 3,
                should_stop: Callable[[], bool] | None = None) -> SyncEngine:
    from k3desk.services.demo_service import refuse_if_demo

    refuse_if_demo(db)
    url = server_url(db, server)
    if not url:
        raise NoServer("alamat server belum diatur: pakai --server URL")
    store = TokenStore(db.data_dir, url)
    token = store.load()
    actor = auth_service.current_actor(db)
    owner = store.owner()
    if token and actor is not None and owner is not None and owner != actor.id:
        raise AuthRequired(f"{actor.username} belum login daring di laptop ini: sinkronisasi "
                           "memakai login daring pengguna yang sedang bekerja")
    client = SyncClient(url, token, timeout=timeout) if timeout else SyncClient(url, token)
    return SyncEngine(db, client, settings_service.device_id(db),
                      actor_id=actor.id if actor else None, progress=progress,
                      retries=retries, should_stop=should_stop)


def sync_now(db: Database, server: str | None = None, *, progress: Progress | None = None,
             timeout: float | None = None, retries: int = 3,
             should_stop: Callable[[], bool] | None = None) -> SyncSummary:
    """One full sync. ``Unreachable`` and ``AuthRequired`` pass through to the caller;
    on ``AuthRequired`` the token is forgotten (the queue is left as it is).
    ``should_stop`` is asked between batches and pages; when it says yes the sync ends
    with ``Cancelled`` (what was sent or pulled by then is kept)."""
    engine = make_engine(db, server, progress=progress, timeout=timeout, retries=retries,
                         should_stop=should_stop)
    try:
        summary = engine.sync()
        supervisor_device(db, engine, summary)
        refresh_pki(db, engine, summary)
        return summary
    except AuthRequired:
        TokenStore(db.data_dir, engine.client.server_url).clear()
        raise
    finally:
        engine.client.close()


BLOCK_SIZE = 100
LOW_NUMBERS = 20


def _apply_envelope(db: Database, env: Envelope) -> None:
    with db.session(remote=True) as s:
        apply_remote(s, env.model_dump(), ApplyStats())


def supervisor_device(db: Database, engine: SyncEngine, summary: SyncSummary) -> None:
    """A supervisor's laptop needs, while online, its signing key registered and a block
    of certificate numbers leased, so that it can approve and number offline.

    Runs after the pull (a key or block whose answer was lost has arrived by then) and
    sends each request once: a lost answer is learnt from the next pull, not re-asked.
    """
    actor = auth_service.current_actor(db)
    if actor is None or actor.role != Role.SUPERVISOR:
        return
    from k3desk.services import keys_service

    public = keys_service.public_key(db)  # readable while the private key is locked
    if public is None:
        summary.messages.append("kunci tanda tangan belum dibuat: login sebagai penyelia "
                                "dengan kata sandi Anda, lalu sinkronkan lagi")
        return
    try:
        with db.session(remote=True) as s:
            known = s.scalars(select(SigningKey).where(
                SigningKey.user_id == actor.id, SigningKey.public_key == public,
                SigningKey.revoked.is_(False))).first()
            certified = known is not None and bool((known.extra or {}).get("x509_certificate"))
        csr = keys_service.pdf_csr(db)
        if known is None:
            _apply_envelope(db, engine.client.register_key(engine.device_id, public, csr))
            summary.messages.append("kunci tanda tangan laptop ini didaftarkan di server")
        elif csr and not certified:
            # a key registered before the PDF signature: ask for its certificate now
            answer = engine.client.register_key(engine.device_id, public, csr)
            _apply_envelope(db, answer)
            if answer.data.get("x509_certificate"):
                summary.messages.append("sertifikat tanda tangan PDF diterima dari server")
        left = keys_service.numbers_left(db, engine.device_id)
        if left < LOW_NUMBERS:
            _apply_envelope(db, engine.client.lease_block(engine.device_id, BLOCK_SIZE))
            summary.messages.append(f"blok {BLOCK_SIZE} nomor sertifikat diterima "
                                    f"(sisa sebelumnya {left})")
    except (Unreachable, ServerRefused) as exc:
        summary.messages.append(f"kunci/nomor sertifikat belum diperbarui: {exc}")


def refresh_pki(db: Database, engine: SyncEngine, summary: SyncSummary) -> None:
    """Keep the Balai root and its latest CRL (public files of the server's authority),
    so this laptop signs PDFs with a fresh CRL and verifies them offline. A server
    without them (older k3desk) is no error."""
    from k3desk.services import pades_service

    try:
        root = engine.client.pki_file("ca.crt")
        crl = engine.client.pki_file("crl") if root else None
    except (Unreachable, ServerRefused) as exc:
        summary.messages.append(f"sertifikat induk Balai belum diperbarui: {exc}")
        return
    pades_service.save_pki(db.data_dir, root, crl)


@dataclass(frozen=True)
class SyncStatus:
    pending: int
    quarantined: int
    open_conflicts: int
    last_sync_at: float | None
    server_url: str | None


def status(db: Database) -> SyncStatus:
    summary = SyncSummary()
    count_open(db, summary)
    with db.session(remote=True) as s:
        last = settings_service.get(s, LAST_SYNC_KEY)
        url = settings_service.get(s, SERVER_KEY)
    return SyncStatus(summary.pending, summary.open_quarantined, summary.open_conflicts,
                      last, url)


@dataclass(frozen=True)
class QuarantinedChange:
    entry_id: int
    record_type: str
    record_id: str
    code: str
    message: str
    field: str | None
    at: str | None


def list_quarantined(db: Database) -> list[QuarantinedChange]:
    with db.session(remote=True) as s:
        rows = s.scalars(select(OutboxEntry).where(OutboxEntry.state == OutboxState.QUARANTINED)
                         .order_by(OutboxEntry.id)).all()
        return [QuarantinedChange(e.id, e.record_type, e.record_id,
                                  str((e.error or {}).get("code", "")),
                                  str((e.error or {}).get("message", "")),
                                  (e.error or {}).get("field"), (e.error or {}).get("at"))
                for e in rows]


def _quarantined(s: Session, entry_id: int) -> OutboxEntry:
    entry = s.get(OutboxEntry, entry_id)
    if entry is None or entry.state != OutboxState.QUARANTINED:
        raise NotFoundError(translate("sync", "perubahan karantina {entry_id} tidak "
                                      "ditemukan").format(
                                entry_id=entry_id))
    return entry


def discard_quarantined(db: Database, entry_id: int) -> None:
    """Give up a refused change: the record goes back to the server's copy (a record the
    server never had is removed from this laptop)."""
    with db.session(remote=True) as s:
        entry = _quarantined(s, entry_id)
        entry.state = OutboxState.DONE
        entry.error = {**(entry.error or {}), "superseded": "discarded"}
        s.flush()
        others = s.scalars(select(OutboxEntry.id).where(
            OutboxEntry.record_type == entry.record_type,
            OutboxEntry.record_id == entry.record_id,
            OutboxEntry.state.in_(OUTSTANDING))).first()
        if others is not None or open_conflict(s, entry.record_type, entry.record_id):
            return  # later changes of the record still stand
        model = SYNCED_MODELS[entry.record_type]
        row = s.get(model, entry.record_id)
        shadow = s.get(Shadow, (entry.record_type, entry.record_id))
        if shadow is not None:
            env = shadow.envelope
            write_row(s, model, row, env, normalized(model, env.get("data")),
                      bool(env.get("deleted")))
        elif row is not None:
            s.delete(row)


def retry_quarantined(db: Database, entry_id: int) -> None:
    """Send a refused change again (after its cause was fixed), as the record is now."""
    with db.session(remote=True) as s:
        entry = _quarantined(s, entry_id)
        entry.state = OutboxState.DONE
        entry.error = {**(entry.error or {}), "superseded": "retried"}
        model = SYNCED_MODELS[entry.record_type]
        row = s.get(model, entry.record_id)
        if row is None:
            raise NotFoundError(translate("sync", "{record_type} {record_id} tidak ada "
                                          "lagi").format(
                                    record_type=entry.record_type, record_id=entry.record_id))
        s.add(OutboxEntry(record_type=entry.record_type, record_id=row.id,
                          base_version=row.version or 0, deleted=bool(row.deleted),
                          payload=row.to_data()))


def server_limits(db: Database) -> dict[str, Any]:
    """The limits of ``/api/v1/info`` as last seen (defaults before the first sync)."""
    with db.session(remote=True) as s:
        seen: dict[str, Any] = settings_service.get(s, INFO_KEY)
        return {**DEFAULT_INFO, **seen}


def size_problems(db: Database, inspection_id: str) -> list[str]:
    """What in an inspection the server would refuse as too large: checked before an
    inspector finalises the form, against the last known ``/api/v1/info``."""
    limits = server_limits(db)
    problems: list[str] = []
    with db.session(remote=True) as s:
        inspection = s.get(Inspection, inspection_id)
        if inspection is None:
            raise NotFoundError(translate("sync", "pemeriksaan {inspection_id} tidak "
                                          "ditemukan").format(
                                    inspection_id=inspection_id))
        size = len(json.dumps(inspection.to_data(), ensure_ascii=False).encode())
        if size > int(limits["max_push_bytes"]) - 4096:
            problems.append(f"data pemeriksaan terlalu besar ({size} bita; batas server "
                            f"{limits['max_push_bytes']} bita)")
        for att in s.scalars(select(Attachment).where(Attachment.inspection_id == inspection_id,
                                                      Attachment.deleted.is_(False))):
            path = Path(db.blob_dir) / att.sha256[:2] / att.sha256
            actual = path.stat().st_size if path.exists() else att.size
            if actual > int(limits["max_blob_bytes"]):
                problems.append(f"lampiran {att.filename} terlalu besar ({actual} bita; batas "
                                f"server {limits['max_blob_bytes']} bita)")
    return problems


def background_runner(db: Database, *, interval: float = 300.0,
                      on_status: Callable[[BackgroundStatus], None] | None = None,
                      on_summary: Callable[[SyncSummary], None] | None = None,
                      **kw: Any) -> BackgroundSync:
    """The app's runner: syncs this laptop on start, on a timer, after saves and on
    demand; probes ``/health`` while offline. Call ``start()``; ``stop()`` at exit."""

    def run(progress: Progress) -> SyncSummary:
        return sync_now(db, progress=progress, should_stop=runner.cancel_event.is_set)

    def probe() -> bool:
        url = server_url(db)
        if not url:
            return False
        with SyncClient(url, timeout=5.0) as client:
            return client.health()

    runner = BackgroundSync(run, interval=interval, probe=probe, on_status=on_status,
                            on_summary=on_summary, **kw)
    return runner


def normalize_server_url(text: str) -> str:
    """A server address as typed, checked: ``http(s)://host[:port][/path]``; a refusal
    says what is wrong."""
    from urllib.parse import urlsplit

    value = (text or "").strip().rstrip("/")
    if not value:
        raise ValidationError(translate("sync", "alamat server kosong"), field="server_url")
    if "://" not in value:
        raise ValidationError(translate("sync", "alamat server harus "
                                        "diawali http:// atau https://, "
                                        "misalnya https://k3.example.go.id"), field="server_url")
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as exc:
        raise ValidationError(translate("sync", "alamat server tidak sah: {exc}").format(
                                  exc=exc), field="server_url") from exc
    if parts.scheme not in ("http", "https"):
        raise ValidationError(translate("sync", "alamat server harus diawali http:// atau "
                                        "https://"),
                              field="server_url")
    if not parts.hostname or any(c in value for c in " \t\n") or parts.query \
            or parts.fragment or parts.username:
        raise ValidationError(translate("sync", "alamat server tidak sah: "
                                        "tulis seperti "
                                        "https://k3.example.go.id"), field="server_url")
    if port == 0:
        raise ValidationError(translate("sync", "nomor port server tidak "
                                        "sah"), field="server_url")
    return value


def set_server_url(db: Database, text: str) -> str:
    """Remember a (checked) server address for this data folder."""
    url = normalize_server_url(text)
    with db.session(remote=True) as s:
        settings_service.put(s, SERVER_KEY, url)
    return url


@dataclass(frozen=True)
class ServerCheck:
    url: str
    protocol: int
    server_time: str


def check_server(text: str, *, timeout: float = 8.0) -> ServerCheck:
    """"Test connection": the server answers ``/api/v1/info``; a refusal in plain words."""
    url = normalize_server_url(text)
    try:
        with SyncClient(url, timeout=timeout) as client:
            info = client.info()
    except Unreachable as exc:
        raise K3Error(str(exc)) from exc
    except ServerRefused as exc:
        raise K3Error(translate("sync", "{url} menjawab, tetapi bukan server k3desk yang "
                                "dapat dipakai: {exc}").format(url=url, exc=exc)) from exc
    except (AuthRequired, ValueError) as exc:
        log.info("check_server %s: %r", url, exc)
        raise K3Error(translate("sync", "{url} menjawab, tetapi bukan server k3desk yang "
                                "dapat dipakai (jawabannya tidak dikenali)").format(
                                    url=url)) from exc
    return ServerCheck(url, int(info.protocol), str(info.server_time))
