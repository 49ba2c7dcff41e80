"""Number blocks and signing keys, handed to supervisors' devices (protocol section 7).

Both are server-written records made under the Balai's writers' lock (seqs.py); the
per-prefix-and-year number counter row is locked too, so two devices never receive
overlapping ranges, even of two Balai sharing a prefix.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime

from sqlalchemy.orm import Session

from k3desk.domain import pki
from k3desk.domain.errors import NotFoundError, PermissionDenied, ValidationError
from k3desk.domain.signing import decode_public_key
from k3desk.domain.workflow import Role
from k3desk.server import authority
from k3desk.server.auth import Actor
from k3desk.server.models import Record
from k3desk.server.store import (
    bump_counter,
    claim_key,
    key_holder,
    lock_writer,
    new_id,
    write_record,
)

MAX_BLOCK_SIZE = 10000


def balai_prefix(balai: Record) -> str:
    prefix = balai.data.get("number_prefix") or balai.data.get("code")
    return str(prefix)


def lease_block(session: Session, actor: Actor, device_id: str, size: int,
                now: datetime) -> Record:
    """A fresh range ``first..last`` of the Balai's prefix for the current year."""
    if actor.role != Role.SUPERVISOR or not actor.balai_id:
        raise PermissionDenied("only a supervisor's device leases certificate numbers")
    if not 1 <= size <= MAX_BLOCK_SIZE:
        raise ValidationError(f"size must be between 1 and {MAX_BLOCK_SIZE}", field="size")
    with session.begin():
        lock_writer(session, actor.balai_id)
        balai = session.get(Record, actor.balai_id)
        if balai is None or balai.type != "balai":
            raise NotFoundError("the user's Balai does not exist")
        prefix, year = balai_prefix(balai), now.year
        last = bump_counter(session, f"numbers:{prefix}:{year}", size)
        data = {"device_id": device_id, "prefix": prefix, "first": last - size + 1,
                "last": last, "year": year, "balai_id": actor.balai_id, "user_id": actor.id,
                "balai_code": balai.data.get("code"),
                "number_format": balai.data.get("number_format")}
        return write_record(session, type_="number_block", id_=new_id(), data=data,
                            balai_id=actor.balai_id, by=actor.id, now=now)


def key_id_of(raw_public: bytes) -> str:
    """A signing key's id: a short fingerprint of its public bytes (stable, printable)."""
    return "k" + hashlib.sha256(raw_public).hexdigest()[:20]


def register_key(session: Session, actor: Actor, device_id: str, public_key: str,
                 now: datetime, csr: str | None = None, crl_url: str | None = None) -> Record:
    """Publish a supervisor device's Ed25519 key; registering it again returns it.

    With ``csr`` (extension: a PEM request for the laptop's ECDSA P-256 PDF key) the
    server's authority issues the certificate of the PDF signature into the record
    (``x509_certificate``, ``x509_serial``, ``ca_certificate``), also for a key registered
    before without one. The request is checked before anything is written."""
    if actor.role != Role.SUPERVISOR:
        raise PermissionDenied("only a supervisor registers a signing key")
    raw = decode_public_key(public_key)
    normalised = base64.b64encode(raw).decode("ascii")
    key_id = key_id_of(raw)
    if csr is not None:
        pki.read_csr(csr)  # a bad request is a 422 before the transaction
    with session.begin():
        lock_writer(session, actor.balai_id)
        held = key_holder(session, "signing_key", key_id)
        if held is not None:
            record = session.get(Record, held)
            assert record is not None
            if record.data.get("user_id") != actor.id:
                raise ValidationError("this public key is registered to another user",
                                      field="public_key")
            if record.data.get("revoked"):
                raise ValidationError("this key was revoked; make a new one", field="public_key")
            if csr is None or record.data.get("x509_certificate"):
                return record
            data = dict(record.data, **authority.issue_for(session, actor, key_id, csr,
                                                           crl_url, now))
            return write_record(session, type_="signing_key", id_=record.id, data=data,
                                balai_id=record.balai_id, by=actor.id, now=now,
                                existing=record)
        data = {"key_id": key_id, "user_id": actor.id, "device_id": device_id,
                "public_key": normalised, "revoked": False, "balai_id": actor.balai_id,
                "full_name": actor.full_name, "created_at": now.strftime("%Y-%m-%dT%H:%M:%SZ")}
        if csr is not None:
            data.update(authority.issue_for(session, actor, key_id, csr, crl_url, now))
        record = write_record(session, type_="signing_key", id_=new_id(), data=data,
                              balai_id=actor.balai_id, by=actor.id, now=now)
        if not claim_key(session, "signing_key", key_id, record.id):  # a racing twin won
            raise ValidationError("this public key is being registered; try again",
                                  field="public_key")
        return record
