"""The laptop's tables.

Synced records (SYNC_PROTOCOL.md section 3) share one envelope (``SyncedRecord``) and
name their ``data`` fields exactly as the wire does, so a row maps 1:1 to a record.
Fields the wire carries that this version does not know are kept in ``extra``.

Synced references (equipment -> company and so on) carry no database foreign key on
purpose: the server sends records in seq order, which is not dependency order (a
company edited after its equipment was created arrives after it), so references are
checked by the services and by the server (``missing_reference``), not by SQLite.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, Date, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from k3desk.domain.vocabulary import OutboxState, Verdict
from k3desk.domain.workflow import Role, Status
from k3desk.store.base import Base, IdColumn, StrEnumColumn, new_id, now_text, parse_date

# Types written by the server only: the laptop receives them and never pushes them.


class SyncedRecord(Base):
    """Columns of the record envelope; subclasses list their wire fields."""

    __abstract__ = True
    sync_type: ClassVar[str]
    wire_fields: ClassVar[tuple[str, ...]]
    date_fields: ClassVar[frozenset[str]] = frozenset()

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=0)  # server version; 0 = never accepted
    seq: Mapped[int | None] = mapped_column(Integer, default=None)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    modified_at: Mapped[str] = mapped_column(String(20), default=now_text, onupdate=now_text)
    modified_by: Mapped[str | None] = mapped_column(IdColumn, default=None)
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)

    def to_data(self) -> dict[str, Any]:
        """The record's ``data`` as the wire carries it."""
        data: dict[str, Any] = dict(self.extra or {})
        for name in self.wire_fields:
            value = getattr(self, name)
            data[name] = value.isoformat() if isinstance(value, date) else value
        return data

    def apply_data(self, data: dict[str, Any]) -> None:
        """Set fields from a wire ``data`` object; unknown fields go to ``extra``."""
        extra = {}
        for name, value in data.items():
            if name in self.wire_fields:
                setattr(self, name, parse_date(value) if name in self.date_fields else value)
            else:
                extra[name] = value
        self.extra = extra

    def envelope(self) -> dict[str, Any]:
        return {"type": self.sync_type, "id": self.id, "version": self.version, "seq": self.seq,
                "deleted": self.deleted, "modified_at": self.modified_at,
                "modified_by": self.modified_by, "data": self.to_data()}


class Balai(SyncedRecord):
    __tablename__ = "balai"
    sync_type = "balai"
    wire_fields = ("code", "name", "address", "city", "phone", "email", "website",
                   "number_prefix", "number_format", "head_name", "head_nip")
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(String(100), default=None)
    phone: Mapped[str | None] = mapped_column(String(50), default=None)
    email: Mapped[str | None] = mapped_column(String(100), default=None)
    website: Mapped[str | None] = mapped_column(String(100), default=None)
    number_prefix: Mapped[str | None] = mapped_column(String(32), default=None)
    number_format: Mapped[str | None] = mapped_column(String(200), default=None)
    head_name: Mapped[str | None] = mapped_column(String(200), default=None)
    head_nip: Mapped[str | None] = mapped_column(String(30), default=None)


class User(SyncedRecord):
    __tablename__ = "user"
    sync_type = "user"
    wire_fields = ("username", "full_name", "nip", "role", "balai_id", "qualifications",
                   "active")
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    nip: Mapped[str] = mapped_column(String(30))
    role: Mapped[Role] = mapped_column(StrEnumColumn(Role, 16))
    balai_id: Mapped[str | None] = mapped_column(IdColumn, index=True)
    qualifications: Mapped[list[Any]] = mapped_column(default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Local only: argon2id hash of the last password that logged in online (offline login).
    password_hash: Mapped[str | None] = mapped_column(String(200), default=None)


class Template(SyncedRecord):
    __tablename__ = "template"
    sync_type = "template"
    wire_fields = ("template_id", "template_version", "definition")
    template_id: Mapped[str] = mapped_column(String(64))
    template_version: Mapped[int] = mapped_column(Integer)
    definition: Mapped[dict[str, Any]] = mapped_column(default=dict)


class NumberBlock(SyncedRecord):
    __tablename__ = "number_block"
    sync_type = "number_block"
    wire_fields = ("device_id", "prefix", "first", "last", "year", "balai_id")
    device_id: Mapped[str] = mapped_column(String(64))
    prefix: Mapped[str] = mapped_column(String(32))
    first: Mapped[int] = mapped_column(Integer)
    last: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    balai_id: Mapped[str | None] = mapped_column(IdColumn, default=None)


class SigningKey(SyncedRecord):
    __tablename__ = "signing_key"
    sync_type = "signing_key"
    wire_fields = ("key_id", "user_id", "device_id", "public_key", "revoked")
    key_id: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[str] = mapped_column(IdColumn)
    device_id: Mapped[str] = mapped_column(String(64))
    public_key: Mapped[str] = mapped_column(String(64))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class Instrument(SyncedRecord):
    __tablename__ = "instrument"
    sync_type = "instrument"
    wire_fields = ("balai_id", "name", "serial_number", "calibration_valid_until", "kind",
                   "calibration_certificate")
    date_fields = frozenset({"calibration_valid_until"})
    balai_id: Mapped[str] = mapped_column(IdColumn, index=True)
    name: Mapped[str] = mapped_column(String(200))
    serial_number: Mapped[str] = mapped_column(String(100))
    calibration_valid_until: Mapped[date] = mapped_column(Date)
    kind: Mapped[str | None] = mapped_column(String(100), default=None)
    calibration_certificate: Mapped[str | None] = mapped_column(String(100), default=None)


class Company(SyncedRecord):
    __tablename__ = "company"
    sync_type = "company"
    wire_fields = ("balai_id", "name", "address", "city", "phone", "contact_person")
    balai_id: Mapped[str] = mapped_column(IdColumn, index=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    address: Mapped[str] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(String(100), default=None)
    phone: Mapped[str | None] = mapped_column(String(50), default=None)
    contact_person: Mapped[str | None] = mapped_column(String(200), default=None)


class Equipment(SyncedRecord):
    __tablename__ = "equipment"
    sync_type = "equipment"
    wire_fields = ("balai_id", "company_id", "object_type", "serial_number", "manufacturer",
                   "model", "capacity", "year_built", "location")
    balai_id: Mapped[str] = mapped_column(IdColumn, index=True)
    company_id: Mapped[str] = mapped_column(IdColumn, index=True)
    object_type: Mapped[str] = mapped_column(String(64), index=True)
    serial_number: Mapped[str] = mapped_column(String(100), index=True)
    manufacturer: Mapped[str | None] = mapped_column(String(200), default=None)
    model: Mapped[str | None] = mapped_column(String(200), default=None)
    capacity: Mapped[str | None] = mapped_column(String(100), default=None)
    year_built: Mapped[int | None] = mapped_column(Integer, default=None)
    location: Mapped[str | None] = mapped_column(String(200), default=None)


class Inspection(SyncedRecord):
    __tablename__ = "inspection"
    # The window's list in date order, covering every column it filters on, so the list
    # and its search read the index alone (migrations 0003, 0004).
    __table_args__ = (Index("ix_inspection_list", "deleted", "inspected_on", "id", "balai_id",
                            "company_id", "equipment_id", "status", "verdict",
                            "inspector_id"),)
    sync_type = "inspection"
    wire_fields = ("balai_id", "company_id", "equipment_id", "template_id", "template_version",
                   "inspector_id", "inspected_on", "status", "values", "kind", "verdict",
                   "findings", "recommendations", "instrument_ids", "place", "notes",
                   "next_test_due", "submitted_at", "reviewed_by", "reviewed_at",
                   "review_comment")
    date_fields = frozenset({"inspected_on", "next_test_due"})
    balai_id: Mapped[str] = mapped_column(IdColumn, index=True)
    company_id: Mapped[str] = mapped_column(IdColumn, index=True)
    equipment_id: Mapped[str] = mapped_column(IdColumn, index=True)
    template_id: Mapped[str] = mapped_column(String(64))
    template_version: Mapped[int] = mapped_column(Integer)
    inspector_id: Mapped[str] = mapped_column(IdColumn, index=True)
    inspected_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[Status] = mapped_column(StrEnumColumn(Status, 24), index=True,
                                           default=Status.DRAFT)
    values: Mapped[dict[str, Any]] = mapped_column(default=dict)
    kind: Mapped[str] = mapped_column(String(16), default="berkala")
    verdict: Mapped[Verdict | None] = mapped_column(StrEnumColumn(Verdict, 24), default=None)
    findings: Mapped[list[Any]] = mapped_column(default=list)
    recommendations: Mapped[list[Any]] = mapped_column(default=list)
    instrument_ids: Mapped[list[Any]] = mapped_column(default=list)
    place: Mapped[str | None] = mapped_column(String(200), default=None)
    notes: Mapped[str | None] = mapped_column(Text, default=None)
    next_test_due: Mapped[date | None] = mapped_column(Date, default=None)
    submitted_at: Mapped[str | None] = mapped_column(String(20), default=None)
    reviewed_by: Mapped[str | None] = mapped_column(IdColumn, default=None)
    reviewed_at: Mapped[str | None] = mapped_column(String(20), default=None)
    review_comment: Mapped[str | None] = mapped_column(Text, default=None)


class Attachment(SyncedRecord):
    __tablename__ = "attachment"
    sync_type = "attachment"
    wire_fields = ("balai_id", "inspection_id", "sha256", "filename", "content_type", "size",
                   "caption", "slot")
    balai_id: Mapped[str] = mapped_column(IdColumn, index=True)
    inspection_id: Mapped[str] = mapped_column(IdColumn, index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    caption: Mapped[str | None] = mapped_column(String(300), default=None)
    slot: Mapped[str | None] = mapped_column(String(64), default=None)


class Certificate(SyncedRecord):
    __tablename__ = "certificate"
    __table_args__ = (UniqueConstraint("block_id", "number_seq"),)
    sync_type = "certificate"
    wire_fields = ("balai_id", "inspection_id", "block_id", "seq_in_block", "number",
                   "issued_on", "valid_until", "approver_id", "key_id", "payload", "signature",
                   "revoked", "revoked_reason", "replaces")
    date_fields = frozenset({"issued_on", "valid_until"})
    balai_id: Mapped[str] = mapped_column(IdColumn, index=True)
    inspection_id: Mapped[str] = mapped_column(IdColumn, index=True)
    block_id: Mapped[str] = mapped_column(IdColumn)
    # The wire calls it ``seq`` inside ``data``; the envelope's ``seq`` is the server's.
    seq_in_block: Mapped[int] = mapped_column("number_seq", Integer)
    number: Mapped[str] = mapped_column(String(100), unique=True)
    issued_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date, default=None)
    approver_id: Mapped[str] = mapped_column(IdColumn)
    key_id: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(String(200))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked_reason: Mapped[str | None] = mapped_column(Text, default=None)
    replaces: Mapped[str | None] = mapped_column(IdColumn, default=None)

    def to_data(self) -> dict[str, Any]:
        data = super().to_data()
        data["seq"] = data.pop("seq_in_block")
        return data

    def apply_data(self, data: dict[str, Any]) -> None:
        data = dict(data)
        if "seq" in data:
            data["seq_in_block"] = data.pop("seq")
        super().apply_data(data)


SYNCED_MODELS: dict[str, type[SyncedRecord]] = {
    m.sync_type: m
    for m in (Balai, User, Template, NumberBlock, SigningKey, Instrument, Company, Equipment,
              Inspection, Attachment, Certificate)
}
# The order a push sends new records in, so references exist before what refers to them.
PUSH_ORDER = ("instrument", "company", "equipment", "inspection", "attachment", "certificate")


class OutboxEntry(Base):
    """A change waiting to be pushed (SYNC_PROTOCOL.md section 4).

    ``payload`` is the full ``data`` of the record when the entry was last written.
    An entry not yet attempted absorbs later edits of the same record; once attempted it is
    frozen (the server may have applied it), and later edits make a new entry.
    ``state``: ``pending`` | ``quarantined`` (rejected; kept for a person) | ``done``.
    """

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(IdColumn, unique=True, default=new_id)
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(IdColumn, index=True)
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[str] = mapped_column(String(20), default=now_text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[OutboxState] = mapped_column(StrEnumColumn(OutboxState, 16),
                                               default=OutboxState.PENDING, index=True)
    error: Mapped[dict[str, Any] | None] = mapped_column(default=None)


class AuditEvent(Base):
    """One link of the tamper-evident audit chain (see k3desk.store.audit)."""

    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(20), default=now_text)
    actor_id: Mapped[str | None] = mapped_column(IdColumn)
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(IdColumn, index=True)
    action: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str | None] = mapped_column(String(24))
    note: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class SyncState(Base):
    """Small key/value settings of this laptop: cursor, device id, server, acting user."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Shadow(Base):
    """The last envelope received from the server for a record: the merge base."""

    __tablename__ = "shadow"
    record_type: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(IdColumn, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    envelope: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Conflict(Base):
    """A change that could not be merged on its own; nothing is discarded until a person
    resolves it (keep mine, take theirs, or edit)."""

    __tablename__ = "conflict"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(IdColumn, index=True)
    base: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    mine: Mapped[dict[str, Any]] = mapped_column(default=dict)
    theirs: Mapped[dict[str, Any]] = mapped_column(default=dict)
    fields: Mapped[list[Any]] = mapped_column(default=list)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(20), default=now_text)
    resolved_at: Mapped[str | None] = mapped_column(String(20), default=None)
    resolution: Mapped[str | None] = mapped_column(String(16), default=None)
