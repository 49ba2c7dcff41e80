"""This laptop's signing key and its number blocks (SYNC_PROTOCOL.md section 7).

The private key is a 32-byte Ed25519 key kept only encrypted, in
``<data>/keys/signing.key.enc``: AES-256-GCM under a key derived from the supervisor's
own password with argon2id. It is unlocked when the supervisor logs in (``unlock``, from
``auth_service.login_offline`` and ``sync_service.login``, where the password is known)
and held in this process's memory only; a lost laptop or a backup gives no usable key.
The public half is stored in clear beside it, so a sync can register it while locked.
Beside it, sealed under the same password-derived key, is the PDF key (ECDSA P-256) of the
PAdES signature, and in clear its certificate request (``pdf_csr``), which a sync sends
with the registration so that the server's authority issues its X.509 certificate.
A plain ``keys/signing.key`` left by an older k3desk is encrypted (and removed) at the
owner's next login. The matching ``signing_key`` record (from the server, or made by
``k3desk demo``) names its ``key_id``.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from k3desk import argon2_cost
from k3desk.domain import pki, signing
from k3desk.domain.errors import K3Error
from k3desk.domain.i18n import translate
from k3desk.domain.reasons import os_reason
from k3desk.domain.workflow import Role
from k3desk.store.db import Database
from k3desk.store.models import Certificate, NumberBlock, SigningKey

KEY_FILE = Path("keys") / "signing.key.enc"
PLAIN_KEY_FILE = Path("keys") / "signing.key"  # older k3desk: migrated at the next login
LOW_BLOCK_WARNING = 10
KEY_FORMAT = "k3desk-signing-key-1"
LOCKED = ("kunci tanda tangan laptop ini masih terkunci: login dulu sebagai penyelia "
          "pemiliknya dengan kata sandi Anda (di aplikasi, atau `k3desk review approve ID "
          "--password-stdin` di baris perintah)")


def locked_message() -> str:
    """``LOCKED`` in the interface language."""
    return translate("keys", "kunci tanda tangan laptop ini masih terkunci: login dulu sebagai "
                     "penyelia pemiliknya dengan kata sandi Anda (di aplikasi, atau `k3desk "
                     "review approve ID --password-stdin` di baris perintah)")

#: Unlocked private keys of this process, by data folder: never written anywhere.
_UNLOCKED: dict[Path, signing.KeyPair] = {}
_PDF_KEYS: dict[Path, bytes] = {}


def key_path(db: Database) -> Path:
    return db.data_dir / KEY_FILE


def _folder(db: Database) -> Path:
    return Path(db.data_dir).resolve()


def _kek(password: str, salt: bytes, kdf: dict[str, int]) -> bytes:
    return hash_secret_raw(password.encode("utf-8"), salt, hash_len=32, type=Type.ID,
                           time_cost=kdf["time_cost"], memory_cost=kdf["memory_cost"],
                           parallelism=kdf["parallelism"])


def _kdf() -> dict[str, int]:
    """argon2id parameters of a new key-encryption key (RFC 9106's second recommendation,
    k3desk.argon2_cost); a key file keeps those it was sealed with."""
    p = argon2_cost.parameters()
    return {"time_cost": p.time_cost, "memory_cost": p.memory_cost,
            "parallelism": p.parallelism}


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _write_encrypted(path: Path, pair: signing.KeyPair, user_id: str, password: str) -> None:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    kdf = _kdf()
    sealed = AESGCM(_kek(password, salt, kdf)).encrypt(nonce, pair.private_raw,
                                                        user_id.encode())
    body = {"format": KEY_FORMAT, "user_id": user_id, "public_key": pair.public_b64,
            "kdf": dict(kdf, name="argon2id", salt=_b64(salt)), "cipher": "AES-256-GCM",
            "nonce": _b64(nonce), "ciphertext": _b64(sealed)}
    _write_body(path, body)


def _write_body(path: Path, body: Mapping[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(body, fh, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    partial.replace(path)


def _read(path: Path) -> dict[str, object]:
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise K3Error(translate("keys", "kunci tanda tangan {path} tidak terbaca: "
                                "{reason}").format(path=path, reason=os_reason(exc))) from None
    except ValueError:
        raise K3Error(translate("keys", "kunci tanda tangan {path} rusak (bukan JSON yang "
                                "sah); pulihkan dari cadangan").format(path=path)) from None
    if not isinstance(body, dict) or body.get("format") != KEY_FORMAT:
        raise K3Error(translate("keys", "kunci tanda tangan {path} rusak (format tidak "
                                "dikenal)").format(path=path))
    return body


def _decrypt(body: dict[str, object], password: str) -> tuple[signing.KeyPair, bytes] | None:
    """The QR key and the key-encryption key, or None for a wrong password."""
    kdf = body["kdf"]
    assert isinstance(kdf, dict)
    try:
        kek = _kek(password, base64.b64decode(str(kdf["salt"])), kdf)
        raw = AESGCM(kek).decrypt(
            base64.b64decode(str(body["nonce"])), base64.b64decode(str(body["ciphertext"])),
            str(body["user_id"]).encode())
    except (InvalidTag, KeyError, ValueError):
        return None
    return signing.keypair_from_private(raw), kek


def _pdf_key(path: Path, body: dict[str, object], kek: bytes) -> bytes | None:
    """The PDF key (ECDSA P-256, PKCS#8 DER) sealed beside the QR key under the same
    key-encryption key; made, with its certificate request, when the file has none."""
    aad = str(body["user_id"]).encode() + b"|pdf"
    sealed = body.get("pdf_key")
    if isinstance(sealed, dict):
        try:
            return AESGCM(kek).decrypt(base64.b64decode(str(sealed["nonce"])),
                                       base64.b64decode(str(sealed["ciphertext"])), aad)
        except (InvalidTag, KeyError, ValueError):
            return None
    private = pki.generate_key()
    nonce = secrets.token_bytes(12)
    body = dict(body, pdf_key={"nonce": _b64(nonce), "ciphertext": _b64(
        AESGCM(kek).encrypt(nonce, private, aad))}, pdf_csr=pki.make_csr(private))
    _write_body(path, body)
    return private


def unlock(db: Database, user_id: str, role: str, password: str) -> bool:
    """At a login (the password just checked): unlock this user's key into memory,
    first encrypting a plain key file of an older k3desk, or making the key of a
    supervisor who has none. True when the key is now unlocked."""
    path, plain = key_path(db), db.data_dir / PLAIN_KEY_FILE
    if role != Role.SUPERVISOR and not path.exists():
        return False
    if not path.exists() and plain.exists():
        raw = plain.read_bytes()
        if len(raw) != 32:
            raise K3Error(translate("keys", "kunci tanda tangan {path} rusak (bukan 32 "
                                    "byte)").format(path=plain))
        _write_encrypted(path, signing.keypair_from_private(raw), user_id, password)
        plain.unlink()
    if not path.exists():
        _write_encrypted(path, signing.generate_keypair(), user_id, password)
    body = _read(path)
    if body.get("user_id") != user_id:
        return False  # another supervisor's key on a shared laptop
    opened = _decrypt(body, password)
    if opened is None:
        return False  # the password changed on the server: the key stays locked
    pair, kek = opened
    _UNLOCKED[_folder(db)] = pair
    pdf = _pdf_key(path, body, kek)
    if pdf is not None:
        _PDF_KEYS[_folder(db)] = pdf
    return True


def lock(db: Database) -> None:
    """Forget the unlocked key of ``db``'s folder (logout, end of a test)."""
    _UNLOCKED.pop(_folder(db), None)
    _PDF_KEYS.pop(_folder(db), None)


def unlocked_pdf_key(db: Database) -> bytes | None:
    """The unlocked PDF key (PKCS#8 DER), or None while locked."""
    return _PDF_KEYS.get(_folder(db))


def pdf_csr(db: Database) -> str | None:
    """The certificate request of this laptop's PDF key (readable while locked), or None
    before the first login that made it."""
    path = key_path(db)
    if not path.exists():
        return None
    csr = _read(path).get("pdf_csr")
    return str(csr) if csr else None


def is_unlocked(db: Database) -> bool:
    return _folder(db) in _UNLOCKED


def unlocked_keypair(db: Database) -> signing.KeyPair:
    """The unlocked key, or a clear refusal: nothing is signed without the password."""
    pair = _UNLOCKED.get(_folder(db))
    if pair is None:
        raise K3Error(locked_message())
    return pair


def public_key(db: Database) -> str | None:
    """The public half of this laptop's key (readable while locked), or None."""
    path = key_path(db)
    if not path.exists():
        return None
    return str(_read(path)["public_key"])


def active_key(s: Session, user_id: str, public_b64: str) -> SigningKey:
    key = s.scalars(select(SigningKey).where(SigningKey.user_id == user_id,
                                             SigningKey.public_key == public_b64,
                                             SigningKey.revoked.is_(False))).first()
    if key is None:
        raise K3Error(translate("keys", "kunci tanda tangan laptop ini belum terdaftar di "
                                "server: sambungkan laptop dan jalankan `k3desk sync` agar "
                                "kunci didaftarkan"))
    return key


@dataclass(frozen=True)
class Allocation:
    block: NumberBlock
    seq: int
    remaining: int  # numbers left in this device's blocks after this one


def allocate_number(s: Session, device_id: str, balai_id: str, year: int) -> Allocation:
    """The next unused seq of a block leased to this device, in the caller's transaction.

    The certificate row that uses it is inserted in the same transaction, and
    (block_id, seq) is unique, so a number is never issued twice, even across a crash.
    """
    blocks = list(s.scalars(select(NumberBlock).where(
        NumberBlock.device_id == device_id, NumberBlock.year == year,
        NumberBlock.deleted.is_(False)).order_by(NumberBlock.first)))
    blocks = [b for b in blocks if b.balai_id in (None, balai_id)]
    chosen: tuple[NumberBlock, int] | None = None
    remaining = 0
    for block in blocks:
        used = s.scalar(select(func.max(Certificate.seq_in_block))
                        .where(Certificate.block_id == block.id))
        next_seq = block.first if used is None else used + 1
        left = block.last - next_seq + 1
        if left <= 0:
            continue
        if chosen is None:
            chosen = (block, next_seq)
            remaining += left - 1
        else:
            remaining += left
    if chosen is None:
        raise K3Error(translate("keys", "laptop ini tidak punya sisa nomor sertifikat "
                                "untuk tahun {year}: sambungkan ke server dan jalankan "
                                "`k3desk sync` untuk meminta blok nomor baru").format(
                          year=year))
    return Allocation(chosen[0], chosen[1], remaining)


def numbers_left(db: Database, device_id: str, year: int | None = None) -> int:
    year = year or date.today().year
    with db.session() as s:
        total = 0
        for block in s.scalars(select(NumberBlock).where(NumberBlock.device_id == device_id,
                                                         NumberBlock.year == year)):
            used = s.scalar(select(func.count()).select_from(Certificate)
                            .where(Certificate.block_id == block.id)) or 0
            total += block.last - block.first + 1 - used
        return total
