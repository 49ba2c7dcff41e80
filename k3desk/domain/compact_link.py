"""The compact verification link a certificate's QR code holds (version 2).

Version 1 (``verify_url``) carries the payload as base64url JSON in a query string: a
676-character link whose QR code a phone reads only from a sharp, large print. Version 2
carries the *same signed fields* as a compact binary record, written as decimal digits
so the QR code encodes them in numeric mode (3.3 bits a digit, about 8 bits a byte),
after the server address in alphanumeric mode::

    HTTPS://HOST/V/<digits>

The record rebuilds the exact canonical JSON the certificate's signature covers, so the
existing Ed25519 signature verifies it: offline (``k3desk verify``) and on the server's
page alike, and certificates already issued need no new signature. A payload that does
not round-trip (an unusual field) keeps the version 1 link.

Record (big-endian): version byte 2; number; inspection id (16 bytes, a UUID);
company; equipment serial; verdict (1 byte); issued_on, valid_until (days since
2000-01-01, 2 bytes each; 0xFFFF: no validity); data_sha256 (32 bytes); key id;
signature (64 bytes); then a count byte and (key, value) pairs for the optional fields
(a known key as one byte, else a string). Strings are 1-byte length + UTF-8.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from datetime import date, timedelta
from typing import Any

from k3desk.domain.canonical import canonical_json
from k3desk.domain.errors import ValidationError
from k3desk.domain.i18n import translate

VERSION = 2
PATH = "/V/"
EPOCH = date(2000, 1, 1)
NO_DAYS = 0xFFFF
VERDICTS = ("memenuhi", "tidak_memenuhi", "memenuhi_dengan_catatan", "ditunda")
# New keys are only ever appended: a tag is the index + 1, and codes already printed keep
# theirs. (A key not listed travels as its own text, tag 0.)
KNOWN_KEYS = ("balai", "object_type", "replaces", "template", "template_version",
              "approver", "company_address")
REQUIRED = ("number", "inspection_id", "company", "equipment_serial", "verdict",
            "issued_on", "valid_until", "data_sha256")
NO_VALIDITY = "-"


class _Unfit(Exception):
    """The payload cannot be written compactly (the caller keeps the v1 link)."""


def _str(text: str) -> bytes:
    raw = text.encode("utf-8")
    if len(raw) > 255:
        raise _Unfit
    return bytes([len(raw)]) + raw


def _day(text: str) -> bytes:
    if text == NO_VALIDITY:
        return NO_DAYS.to_bytes(2, "big")
    days = (date.fromisoformat(text) - EPOCH).days
    if not 0 <= days < NO_DAYS or (EPOCH + timedelta(days)).isoformat() != text:
        raise _Unfit
    return days.to_bytes(2, "big")


def _record(payload: str, signature_b64: str, key_id: str) -> bytes:
    fields: dict[str, Any] = json.loads(payload)
    out = bytearray([VERSION])
    out += _str(fields["number"])
    ident = uuid.UUID(fields["inspection_id"])
    if str(ident) != fields["inspection_id"]:
        raise _Unfit
    out += ident.bytes
    out += _str(fields["company"]) + _str(fields["equipment_serial"])
    if fields["verdict"] not in VERDICTS:
        raise _Unfit
    out.append(VERDICTS.index(fields["verdict"]))
    out += _day(fields["issued_on"]) + _day(fields["valid_until"])
    sha = bytes.fromhex(fields["data_sha256"])
    if len(sha) != 32 or sha.hex() != fields["data_sha256"]:
        raise _Unfit
    out += sha + _str(key_id)
    signature = base64.b64decode(signature_b64)
    if len(signature) != 64:
        raise _Unfit
    out += signature
    extra = {k: v for k, v in fields.items() if k not in REQUIRED}
    out.append(len(extra))
    for key, value in sorted(extra.items()):
        if not isinstance(value, str):
            raise _Unfit
        out += bytes([KNOWN_KEYS.index(key) + 1]) if key in KNOWN_KEYS else b"\0" + _str(key)
        out += _str(value)
    return bytes(out)


def compact_code(payload: str, signature_b64: str, key_id: str) -> str | None:
    """The digits of the v2 record, or None when the payload does not fit the format."""
    try:
        record = _record(payload, signature_b64, key_id)
    except (_Unfit, KeyError, ValueError, TypeError, binascii.Error):
        return None
    digits = str(int.from_bytes(record, "big"))
    if parse_code(digits) != (payload, signature_b64, key_id):
        return None
    return digits


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise ValidationError(translate("verify", "kode verifikasi terpotong"))
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def byte(self) -> int:
        return self.take(1)[0]

    def text(self) -> str:
        try:
            return self.take(self.byte()).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValidationError(translate("verify", "kode verifikasi memuat teks yang tidak "
                                            "sah")) from exc

    def day(self) -> str:
        days = int.from_bytes(self.take(2), "big")
        return NO_VALIDITY if days == NO_DAYS else (EPOCH + timedelta(days)).isoformat()


def parse_code(digits: str) -> tuple[str, str, str]:
    """(payload, standard base64 signature, key id) from a v2 code's digits."""
    if not digits.isdigit() or len(digits) > 2000:
        raise ValidationError(translate("verify", "kode verifikasi bukan kode k3desk"))
    number = int(digits)
    data = number.to_bytes((number.bit_length() + 7) // 8, "big")
    r = _Reader(data)
    if not data or r.byte() != VERSION:
        raise ValidationError(translate("verify", "versi kode verifikasi tidak dikenal"))
    fields: dict[str, Any] = {"number": r.text(),
                              "inspection_id": str(uuid.UUID(bytes=r.take(16))),
                              "company": r.text(), "equipment_serial": r.text()}
    verdict = r.byte()
    if verdict >= len(VERDICTS):
        raise ValidationError(translate("verify", "kode verifikasi memuat kesimpulan yang tidak "
                                        "dikenal"))
    fields["verdict"] = VERDICTS[verdict]
    fields["issued_on"] = r.day()
    fields["valid_until"] = r.day()
    fields["data_sha256"] = r.take(32).hex()
    key_id = r.text()
    signature = base64.b64encode(r.take(64)).decode("ascii")
    for _ in range(r.byte()):
        tag = r.byte()
        if tag == 0:
            key = r.text()
        elif tag <= len(KNOWN_KEYS):
            key = KNOWN_KEYS[tag - 1]
        else:
            raise ValidationError(translate("verify", "kode verifikasi memuat isian yang tidak "
                                            "dikenal"))
        fields[key] = r.text()
    if r.pos != len(data):
        raise ValidationError(translate("verify", "kode verifikasi memuat data berlebih di "
                                        "ujungnya"))
    return canonical_json(fields), signature, key_id


def compact_url(server: str, digits: str) -> str:
    """``HTTPS://HOST/V/<digits>``: upper case so the QR's first part is alphanumeric
    (scheme and host are case-insensitive)."""
    return f"{server.rstrip('/').upper()}{PATH}{digits}"


def split_compact_url(text: str) -> tuple[str, str] | None:
    """(server, digits) of a v2 link, or None when ``text`` is not one."""
    text = text.strip()
    head, sep, digits = text.rpartition(PATH)
    if not sep or not digits.isdigit() or "://" not in head:
        return None
    return head.lower(), digits
