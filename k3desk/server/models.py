"""The server's tables (SQLAlchemy 2.0 declarative; the same on SQLite and PostgreSQL).

Every synced record lives in ``records`` with its ``data`` as JSON and only the
columns that queries need (type, Balai, seq). Uniqueness the protocol demands
(``change_id``, certificate numbers, a block's seq, a username) is kept by the
database: ``change_log``'s primary key and ``unique_keys``. Times are naive UTC.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JsonType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Record(Base):
    """The latest state of one synced record (a tombstone when ``deleted``)."""

    __tablename__ = "records"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    balai_id: Mapped[str | None] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    modified_at: Mapped[datetime] = mapped_column(DateTime)
    modified_by: Mapped[str | None] = mapped_column(String(36))
    data: Mapped[dict[str, Any]] = mapped_column(JsonType)

    __table_args__ = (Index("ix_records_balai_id_seq", "balai_id", "seq"),)


class UniqueKey(Base):
    """A value that must be unique across the server within its namespace, e.g.
    ("certificate.number", N)."""

    __tablename__ = "unique_keys"

    #: The column keeps its first name, ``kind``.
    namespace: Mapped[str] = mapped_column("kind", String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), index=True)


class ChangeLog(Base):
    """Every applied change, so that a repeated ``change_id`` is answered, not re-applied."""

    __tablename__ = "change_log"

    change_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    content_sha256: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(200))
    applied_at: Mapped[datetime] = mapped_column(DateTime)


class Counter(Base):
    """Server-wide counters: ``seq``, and the last number leased per prefix and year."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class Credential(Base):
    """A user's login: the argon2id hash lives here, never in the synced user record."""

    __tablename__ = "credentials"

    user_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(200), unique=True)
    password_hash: Mapped[str] = mapped_column(String(400))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Token(Base):
    """A bearer token, stored only as its SHA-256."""

    __tablename__ = "tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), index=True)
    device_id: Mapped[str] = mapped_column(String(200))
    device_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)


class LoginFailure(Base):
    """One failed login, kept for the throttling window."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_login_failures_username_at", "username", "at"),)


class Blob(Base):
    """A stored blob; its bytes are a file named by the hash in the blob folder."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AuthorityKey(Base):
    """The certificate authority the server runs for its Balai (``k3desk.domain.pki``):
    its private key and self-signed root, made on first start. A stand-in for the national
    e-signature authority: the key is kept as PEM in the database, as the server's other
    secrets are (back the database up, and restrict who reads it)."""

    __tablename__ = "authority"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    key_pem: Mapped[str] = mapped_column(Text)
    certificate_pem: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
