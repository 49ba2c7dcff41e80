"""Offline verification of a certificate's signed payload.

Pure: given the payload, its signature, the key id and the keys this laptop knows, say
VALID, INVALID or REVOKED with a reason a person can read. The known keys come from a
``KeySource`` (``load_known_keys`` reads ``<data_dir>/known_keys.json`` for now; the
local database's signing_key table will take its place).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from k3desk.domain.certificates import NO_VALIDITY, VERDICT_LABELS_ID, parse_payload
from k3desk.domain.errors import DataFileError, ValidationError
from k3desk.domain.i18n import translate
from k3desk.domain.reasons import os_reason
from k3desk.domain.signing import decode_public_key, verify

log = logging.getLogger("k3desk.verify")

KNOWN_KEYS_FILE = "known_keys.json"
REVOKED_CERTIFICATES_FILE = "revoked_certificates.json"


class VerificationStatus(StrEnum):
    VALID = "VALID"
    INVALID = "INVALID"
    REVOKED = "REVOKED"


@dataclass(frozen=True)
class KnownKey:
    """A published signing key: base64 of the 32 raw Ed25519 bytes and its state."""

    public_key: str
    revoked: bool = False
    user_id: str | None = None


@dataclass(frozen=True)
class VerificationResult:
    status: VerificationStatus
    reason: str
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status is VerificationStatus.VALID

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1


KeyEntry = KnownKey | tuple[str, bool]


def _as_known_key(entry: KeyEntry) -> KnownKey:
    if isinstance(entry, KnownKey):
        return entry
    public_key, revoked = entry
    return KnownKey(public_key=public_key, revoked=bool(revoked))


def verify_certificate(payload: str, signature: str, key_id: str,
                       known_keys: Mapping[str, KeyEntry], *,
                       revoked_numbers: Mapping[str, str] | Collection[str] = (),
                       claimed_number: str | None = None,
                       today: date | None = None) -> VerificationResult:
    """Check a certificate's payload and signature against the known keys.

    ``revoked_numbers`` lists revoked certificate numbers (a mapping gives each one's
    reason). ``claimed_number`` is the number printed beside the payload (the QR link's
    ``number``); it must equal the signed one. ``today`` adds ``expired`` to the details:
    an expired certificate is still authentic, so it stays VALID.
    """
    invalid = VerificationStatus.INVALID
    try:
        fields = parse_payload(payload)
    except ValidationError as exc:
        log.info("certificate payload refused: %s", exc)
        return VerificationResult(invalid, translate("verify", "data sertifikat rusak atau "
                                                     "bukan data sertifikat k3desk"))
    details: dict[str, Any] = {name: fields.get(name) for name in (
        "number", "company", "equipment_serial", "verdict", "issued_on", "valid_until",
        "inspection_id", "data_sha256")}
    details["verdict_label"] = VERDICT_LABELS_ID.get(str(fields.get("verdict")), "?")
    if fields.get("replaces"):
        details["replaces"] = fields["replaces"]
    details["key_id"] = key_id
    if claimed_number is not None and claimed_number != fields.get("number"):
        return VerificationResult(invalid, translate(
            "verify", "nomor yang tercetak ({claimed}) berbeda dengan nomor yang "
            "ditandatangani ({signed})").format(claimed=claimed_number,
                                                 signed=fields.get("number")), details)
    entry = known_keys.get(key_id)
    if entry is None:
        return VerificationResult(invalid, translate(
            "verify", "kunci penandatangan {key_id} tidak dikenal di perangkat "
            "ini").format(key_id=key_id), details)
    key = _as_known_key(entry)
    if key.user_id:
        details["signer_user_id"] = key.user_id
    if not verify(key.public_key, payload, signature):
        return VerificationResult(invalid, translate(
            "verify", "tanda tangan elektronik tidak cocok dengan data (data diubah atau "
            "tanda tangan palsu)"), details)
    if key.revoked:
        return VerificationResult(VerificationStatus.REVOKED, translate(
            "verify", "kunci penandatangan telah dicabut"), details)
    number = str(fields.get("number"))
    if number in revoked_numbers:
        reason = (revoked_numbers.get(number) if isinstance(revoked_numbers, Mapping)
                  else None)
        details["revoked_reason"] = reason
        text = translate("verify", "sertifikat telah dicabut")
        return VerificationResult(VerificationStatus.REVOKED,
                                  text + (f": {reason}" if reason else ""), details)
    valid_until = fields.get("valid_until")
    if today is not None and valid_until not in (None, "", NO_VALIDITY):
        try:
            details["expired"] = date.fromisoformat(str(valid_until)) < today
        except ValueError:
            return VerificationResult(invalid, translate(
                "verify", "tanggal berlaku dalam data tidak sah"), details)
    return VerificationResult(VerificationStatus.VALID, translate("verify", "tanda tangan sah"),
                              details)


class KeySource(Protocol):
    """Where verification finds the keys a laptop knows (a file now, the database later)."""

    def __call__(self, data_dir: Path) -> dict[str, KnownKey]: ...


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, ValueError) as exc:
        log.warning("cannot read %s: %r", path, exc)
        reason = (os_reason(exc) if isinstance(exc, OSError) else
                  translate("verify", "isinya bukan JSON yang sah"))
        raise DataFileError(translate("verify", "{path} tidak dapat dibaca: {reason}").format(
            path=path, reason=reason)) from exc


def load_known_keys(data_dir: Path) -> dict[str, KnownKey]:
    """Keys from ``<data_dir>/known_keys.json``: ``{key_id: {"public_key", "revoked",
    "user_id"}}``; no file means no known keys. A malformed file is a DataFileError."""
    path = Path(data_dir) / KNOWN_KEYS_FILE
    if not path.exists():
        return {}
    raw = _read_json(path)
    if not isinstance(raw, dict):
        raise DataFileError(translate("verify", "{path} harus berisi objek JSON: id kunci -> "
                                      "kunci").format(path=path))
    keys: dict[str, KnownKey] = {}
    for key_id, entry in raw.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("public_key"), str):
            raise DataFileError(translate("verify", "{path}: kunci {key_id} tidak memiliki "
                                          "public_key").format(path=path, key_id=key_id))
        try:
            decode_public_key(entry["public_key"])
        except ValidationError as exc:
            log.warning("%s: key %s: %s", path, key_id, exc)
            raise DataFileError(translate("verify", "{path}: kunci publik {key_id} rusak (bukan "
                                          "kunci Ed25519 yang sah)").format(
                                              path=path, key_id=key_id)) from exc
        user_id = entry.get("user_id")
        keys[str(key_id)] = KnownKey(public_key=entry["public_key"],
                                     revoked=bool(entry.get("revoked", False)),
                                     user_id=str(user_id) if user_id is not None else None)
    return keys


def load_revoked_numbers(data_dir: Path) -> dict[str, str]:
    """Revoked certificate numbers from ``<data_dir>/revoked_certificates.json``
    (``{number: reason}``); no file means none are known."""
    path = Path(data_dir) / REVOKED_CERTIFICATES_FILE
    if not path.exists():
        return {}
    raw = _read_json(path)
    if not isinstance(raw, dict):
        raise DataFileError(translate("verify", "{path} harus berisi objek JSON: nomor -> "
                                      "alasan").format(path=path))
    return {str(k): str(v or "") for k, v in raw.items()}


def save_known_keys(data_dir: Path, keys: Mapping[str, KnownKey]) -> Path:
    """Write ``known_keys.json`` (used by tests and by the sync client until the database
    holds the keys)."""
    path = Path(data_dir) / KNOWN_KEYS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {k: {"public_key": v.public_key, "revoked": v.revoked, "user_id": v.user_id}
            for k, v in keys.items()}
    path.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
    return path
