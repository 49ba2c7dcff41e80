"""The wire format of the sync protocol (docs/SYNC_PROTOCOL.md), as pydantic models.

Both ends import these: the server to validate and document its API, the laptop's
sync client to build requests and read answers. They hold no behaviour beyond
validation, so the client needs nothing of the server to use them.

Models are strict (no silent ``"4"`` -> ``4`` coercion): what a client sends is what
the server checks. Record-specific rules (required ``data`` fields, UUIDs, workflow)
are the server's business and come back as a ``rejected`` result, never as a model
error, so that one bad change never blocks a push.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from k3desk.domain.vocabulary import CLIENT_TYPES as CLIENT_TYPES  # re-exported
from k3desk.domain.vocabulary import SERVER_TYPES as SERVER_TYPES

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"

RECORD_TYPES = SERVER_TYPES + CLIENT_TYPES

RecordType = Literal[
    "balai", "user", "template", "number_block", "signing_key",
    "instrument", "company", "equipment", "inspection", "attachment", "certificate",
]
PushStatus = Literal["applied", "duplicate", "conflict", "rejected"]
#: Codes of a ``rejected`` change (SYNC_PROTOCOL.md section 4).
RejectCode = Literal[
    "invalid", "forbidden", "missing_reference", "workflow", "qualification",
    "calibration", "blob_missing", "certificate", "change_id_reused",
]


class _Wire(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        """No NUL characters in texts: PostgreSQL cannot store them."""
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("text must not contain NUL characters")
        return value


class ErrorDetail(_Wire):
    """What went wrong, for a program (``code``) and for a person (``message``)."""

    code: str
    message: str
    field: str | None = None


class ErrorBody(_Wire):
    """Every error answer of the server: ``{"error": {...}}``."""

    error: ErrorDetail


class Envelope(_Wire):
    """A synced record as the server holds it (section 3)."""

    type: str
    id: str
    version: int
    seq: int
    deleted: bool = False
    modified_at: str = Field(description="RFC 3339 UTC")
    modified_by: str | None = None
    data: dict[str, Any]


class Change(_Wire):
    """One record a client pushes, whole (section 4). ``base_version`` 0 means new."""

    change_id: str
    type: str
    id: str
    base_version: int = Field(ge=0)
    deleted: bool = False
    data: dict[str, Any]


class PushRequest(_Wire):
    device_id: str = Field(min_length=1, max_length=200)
    changes: list[Change]


class PushResult(_Wire):
    """The outcome of one change; which fields are set depends on ``status``."""

    status: PushStatus
    change_id: str | None = None
    version: int | None = None
    seq: int | None = None
    current: Envelope | None = None
    error: ErrorDetail | None = None


class PushResponse(_Wire):
    results: list[PushResult]


class PullResponse(_Wire):
    changes: list[Envelope]
    next: int
    more: bool


class Info(_Wire):
    protocol: int
    server_time: str
    max_push_changes: int
    max_push_bytes: int
    max_blob_bytes: int


class LoginRequest(_Wire):
    username: str = Field(min_length=1, max_length=200)
    password: str = Field(max_length=1000)
    device_id: str = Field(min_length=1, max_length=200)
    device_name: str = Field(default="", max_length=200)


class UserPublic(_Wire):
    id: str
    username: str
    full_name: str
    nip: str
    role: str
    balai_id: str | None


class LoginResponse(_Wire):
    token: str
    expires_at: str
    user: UserPublic


class NumberBlockCreate(_Wire):
    device_id: str = Field(min_length=1, max_length=200)
    size: int = Field(ge=1, le=10000)


class BalaiUpdate(_Wire):
    """``PUT /balai/{id}`` ([k3desk] extension): an admin changes a Balai's document
    settings. An absent or null field stays as it is; ``""`` clears an optional one."""

    name: str | None = Field(default=None, max_length=1000)
    address: str | None = Field(default=None, max_length=1000)
    city: str | None = Field(default=None, max_length=1000)
    phone: str | None = Field(default=None, max_length=1000)
    email: str | None = Field(default=None, max_length=1000)
    website: str | None = Field(default=None, max_length=1000)
    number_prefix: str | None = Field(default=None, max_length=1000)
    number_format: str | None = Field(default=None, max_length=1000)
    head_name: str | None = Field(default=None, max_length=1000)
    head_nip: str | None = Field(default=None, max_length=1000)
    logo: str | None = Field(default=None, max_length=1_400_000,
                             description="base64 of a PNG or JPEG file (at most 256 KiB)")
    clear_logo: bool = False
    base_version: int | None = Field(default=None, ge=1, description="refuse (409) when "
                                     "the record's version is another")


class SigningKeyCreate(_Wire):
    device_id: str = Field(min_length=1, max_length=200)
    public_key: str = Field(min_length=1, max_length=200, description="base64 of 32 raw bytes")
    csr: str | None = Field(default=None, max_length=4000, description=(
        "extension: a PEM certificate request for the laptop's ECDSA P-256 PDF key; the "
        "server's authority issues its certificate into the signing_key record"))


class SigningKeyPublic(_Wire):
    """A published key (extension: the list ``GET /signing-keys/public`` answers)."""

    key_id: str
    user_id: str
    full_name: str
    balai_id: str | None
    balai: str | None
    public_key: str
    revoked: bool
    created_at: str


class SigningKeysPublic(_Wire):
    keys: list[SigningKeyPublic]


class Verification(_Wire):
    """``GET /certificates/verification`` (section 8).

    Extensions: ``expired`` (validity has passed; the certificate is still genuine),
    ``replaces`` / ``replaced_by`` (numbers of a corrected certificate's pair), and
    ``signature_valid`` / ``signature_message`` when the QR's ``p``, ``s``, ``k`` are given,
    ``company_address`` when the payload signs one. Every field but ``balai``, ``status``,
    ``revoked_reason`` and the pair's numbers is read from the signed payload, never from
    the live records.
    """

    number: str
    status: Literal["valid", "revoked"]
    balai: str | None
    company: str | None
    equipment: str | None
    verdict: str | None
    issued_on: str | None
    company_address: str | None = None
    valid_until: str | None
    revoked_reason: str | None
    expired: bool = False
    replaces: str | None = None
    replaced_by: str | None = None
    signature_valid: bool | None = None
    signature_message: str | None = None


class Health(_Wire):
    status: Literal["ok"]


def utc_text(moment: datetime) -> str:
    """RFC 3339 UTC with a ``Z``, seconds precision, as every time on the wire."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
