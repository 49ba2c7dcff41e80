"""The server's certificate authority for the PDF signature (SYNC_PROTOCOL.md section 10).

One root per server, made on first start (``ensure``, from ``create_app``) or by
``k3desk admin ca-certificate``, kept in the ``authority`` table. When a supervisor's
laptop registers its signing key with a certificate request (``csr``), the server issues
it a certificate (``issue_for``); revoking the key revokes the certificate: the CRL
(``crl``, public at ``GET /api/v1/pki/crl``) lists the serial of every revoked key's
certificate.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from k3desk.domain import pki
from k3desk.server.auth import Actor
from k3desk.server.models import AuthorityKey, Record

NAME = "balai"
COMMON_NAME = "Otoritas Sertifikat Balai K3 (k3desk)"
ORGANISATION = "Balai K3 (k3desk)"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def ensure(session: Session, organisation: str = ORGANISATION) -> pki.Authority:
    """The authority, made now when the server has none (two servers starting at once
    keep the first one's)."""
    with session.begin():
        row = session.get(AuthorityKey, NAME)
        if row is not None:
            return pki.Authority(row.key_pem, row.certificate_pem)
    made = pki.make_authority(COMMON_NAME, organisation, _now())
    try:
        with session.begin():
            session.add(AuthorityKey(name=NAME, key_pem=made.key_pem,
                                     certificate_pem=made.certificate_pem, created_at=_now()))
    except IntegrityError:
        session.rollback()
    with session.begin():
        row = session.get(AuthorityKey, NAME)
        assert row is not None
        return pki.Authority(row.key_pem, row.certificate_pem)


def load(session: Session) -> pki.Authority | None:
    """The authority inside the caller's transaction, or None before the first start."""
    row = session.get(AuthorityKey, NAME)
    return pki.Authority(row.key_pem, row.certificate_pem) if row is not None else None


def issue_for(session: Session, actor: Actor, key_id: str, csr: str,
              crl_url: str | None, now: datetime) -> dict[str, Any]:
    """The certificate fields a ``signing_key`` record gains: the supervisor's certificate
    (PEM), its serial (hex) and the root (PEM). Inside the caller's transaction."""
    authority = load(session)
    if authority is None:  # a server whose start did not make it (tests, old data)
        authority = pki.make_authority(COMMON_NAME, ORGANISATION, now)
        session.add(AuthorityKey(name=NAME, key_pem=authority.key_pem,
                                 certificate_pem=authority.certificate_pem, created_at=now))
    balai = session.get(Record, actor.balai_id) if actor.balai_id else None
    subject = pki.Subject(full_name=actor.full_name, nip=actor.nip,
                          balai=str(balai.data.get("name", "")) if balai else "",
                          key_id=key_id)
    cert = pki.issue(authority, csr, subject, now, crl_url)
    return {"x509_certificate": pki.to_pem(cert), "x509_serial": format(cert.serial_number, "x"),
            "ca_certificate": authority.certificate_pem}


def crl(session: Session, now: datetime | None = None) -> bytes:
    """The current CRL (DER): every revoked signing key's certificate."""
    now = now or _now()
    with session.begin():
        authority = load(session)
        keys = session.scalars(select(Record).where(Record.type == "signing_key")).all()
    if authority is None:
        authority = ensure(session)
    revoked = []
    for key in keys:
        serial = key.data.get("x509_serial")
        if key.data.get("revoked") and serial:
            at = str(key.data.get("revoked_at") or "")
            try:
                when = datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ")
            except ValueError:
                when = key.modified_at
            revoked.append((int(str(serial), 16), when))
    return pki.make_crl(authority, revoked, now, number=int(now.timestamp()))


def root_pem(session: Session) -> str:
    return ensure(session).certificate_pem
