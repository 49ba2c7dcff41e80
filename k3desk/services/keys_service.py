"""This laptop's signing key and its number blocks (SYNC_PROTOCOL.md section 7).

The private key is a 32-byte Ed25519 key in ``<data>/keys/signing.key``, readable only
by its owner; the matching ``signing_key`` record (from the server, or made by
``k3desk demo`` for a laptop without a server) names its ``key_id``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from k3desk.domain import signing
from k3desk.domain.errors import K3Error
from k3desk.domain.i18n import translate
from k3desk.store.db import Database
from k3desk.store.models import Certificate, NumberBlock, SigningKey

KEY_FILE = Path("keys") / "signing.key"
LOW_BLOCK_WARNING = 10


def key_path(db: Database) -> Path:
    return db.data_dir / KEY_FILE


def load_or_create_keypair(db: Database) -> signing.KeyPair:
    """The device key, made on first use with owner-only permissions."""
    path = key_path(db)
    if path.exists():
        raw = path.read_bytes()
        if len(raw) != 32:
            raise K3Error(translate("keys", "kunci tanda tangan {path} rusak (bukan 32 "
                                    "byte)").format(
                              path=path))
        return signing.keypair_from_private(raw)
    pair = signing.generate_keypair()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pair.private_raw)
        fh.flush()
        os.fsync(fh.fileno())
    return pair


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
