"""The shape of each record type's ``data`` (SYNC_PROTOCOL.md section 3).

``shape_error`` answers the first rule of a push: the required fields exist and have
the right types, and ids are UUIDs. It knows nothing of the database.
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Callable
from typing import Any

from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.qualification import parse_day
from k3desk.domain.text_rules import PRINTED_FIELDS, bidi_character
from k3desk.domain.workflow import Status
from k3desk.sync.protocol import RECORD_TYPES

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


_CANONICAL_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                             r"[0-9a-fA-F]{12}")


def is_uuid(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 36:
        return False
    if _CANONICAL_UUID.fullmatch(value):  # the usual form, without building a UUID
        return True
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _text(v: Any) -> bool:
    return isinstance(v, str) and bool(v.strip()) and len(v) <= 2000


def _str(v: Any) -> bool:
    return isinstance(v, str) and len(v) <= 10000


def _int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and -2**62 < v < 2**62


def _day(v: Any) -> bool:
    return isinstance(v, str) and len(v) == 10 and parse_day(v) is not None


def _scalar(v: Any) -> bool:
    return _int(v) or _text(v)


def _status(v: Any) -> bool:
    return isinstance(v, str) and v in {s.value for s in Status}


def _object_type(v: Any) -> bool:
    return isinstance(v, str) and v in OBJECT_TYPES


VALUE_CHECKS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "text": (_text, "a non-empty text"),
    "str": (_str, "a text"),
    "uuid": (is_uuid, "a UUID"),
    "int": (_int, "an integer"),
    "bool": (lambda v: isinstance(v, bool), "true or false"),
    "date": (_day, "a date YYYY-MM-DD"),
    "dict": (lambda v: isinstance(v, dict), "an object"),
    "list": (lambda v: isinstance(v, list), "a list"),
    "sha256": (lambda v: isinstance(v, str) and bool(_SHA256.match(v)), "64 lowercase hex digits"),
    "scalar": (_scalar, "a number or a text"),
    "status": (_status, "one of " + ", ".join(s.value for s in Status)),
    "object_type": (_object_type, "a known object type"),
    "uuid_list": (lambda v: isinstance(v, list) and all(is_uuid(x) for x in v), "a list of UUIDs"),
    "uuid_or_null": (lambda v: v is None or is_uuid(v), "a UUID or null"),
    "date_or_null": (lambda v: v is None or _day(v), "a date YYYY-MM-DD or null"),
}

REQUIRED: dict[str, dict[str, str]] = {
    "balai": {"code": "text", "name": "text", "address": "str"},
    "user": {"username": "text", "full_name": "text", "nip": "str", "role": "text",
             "balai_id": "uuid_or_null", "qualifications": "list"},
    "template": {"template_id": "text", "template_version": "scalar", "definition": "dict"},
    "number_block": {"device_id": "text", "prefix": "text", "first": "int", "last": "int",
                     "year": "int"},
    "signing_key": {"key_id": "text", "user_id": "uuid", "device_id": "text",
                    "public_key": "text", "revoked": "bool"},
    "instrument": {"balai_id": "uuid", "name": "text", "serial_number": "str",
                   "calibration_valid_until": "date"},
    "company": {"balai_id": "uuid", "name": "text", "address": "str"},
    "equipment": {"balai_id": "uuid", "company_id": "uuid", "object_type": "object_type",
                  "serial_number": "str"},
    "inspection": {"balai_id": "uuid", "company_id": "uuid", "equipment_id": "uuid",
                   "template_id": "text", "template_version": "scalar", "inspector_id": "uuid",
                   "inspected_on": "date", "status": "status", "values": "dict"},
    "attachment": {"balai_id": "uuid", "inspection_id": "uuid", "sha256": "sha256",
                   "filename": "text", "content_type": "text", "size": "int"},
    "certificate": {"balai_id": "uuid", "inspection_id": "uuid", "block_id": "uuid",
                    "seq": "int", "number": "text", "issued_on": "date",
                    # null for a findings report (verdict tidak_memenuhi): nothing to be valid
                    "valid_until": "date_or_null",
                    "approver_id": "uuid", "key_id": "text", "payload": "text",
                    "signature": "text"},
}

OPTIONAL: dict[str, dict[str, str]] = {
    "inspection": {"instrument_ids": "uuid_list", "verdict": "str"},
    "certificate": {"revoked": "bool", "revoked_reason": "str", "replaces": "uuid_or_null"},
}

#: What a tombstone must still carry: enough to know whose it is.
TOMBSTONE_REQUIRED = {"balai_id": "uuid"}


MAX_DEPTH = 32


def too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """True when JSON ``value`` nests deeper than ``limit``, or holds a NUL character
    (PostgreSQL's JSONB cannot store one; refused on both engines alike). Checked
    without recursion."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
            continue
        if isinstance(item, dict):
            if any("\x00" in key for key in item):
                return True
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def bad_text(text: str) -> str | None:
    """Why ``text`` cannot be stored or answered as it is: a NUL character (PostgreSQL
    refuses it) or a lone surrogate (not UTF-8), else None."""
    if "\x00" in text:
        return "holds a NUL character"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "holds a lone surrogate (not UTF-8)"
    return None


def bad_json(value: Any, limit: int = MAX_DEPTH) -> str | None:
    """Why decoded JSON ``value`` cannot be stored: a bad text (key or value), a number
    that overflowed to infinity (``1e400``), or nesting deeper than ``limit``; else
    None. Checked without recursion."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            problem = bad_text(item)
            if problem:
                return problem
        elif isinstance(item, float) and not math.isfinite(item):
            return "holds a number out of range"
        elif isinstance(item, dict | list):
            if depth > limit:
                return f"nests deeper than {limit} levels"
            if isinstance(item, dict):
                stack.extend((key, depth) for key in item)
                stack.extend((child, depth + 1) for child in item.values())
            else:
                stack.extend((child, depth + 1) for child in item)
    return None


def shape_error(type_: str, data: dict[str, Any], *, deleted: bool = False
                ) -> tuple[str, str | None] | None:
    """(message, field) for the first shape fault of ``data``, or None."""
    if type_ not in RECORD_TYPES:
        return f"unknown record type {type_!r}", "type"
    if too_deep(data):
        return f"data nests deeper than {MAX_DEPTH} levels or holds a NUL character", "data"
    required = dict(REQUIRED[type_])
    if deleted and type_ not in ("balai", "user", "template", "number_block", "signing_key"):
        required = dict(TOMBSTONE_REQUIRED)
    for name, value_type in required.items():
        check, what = VALUE_CHECKS[value_type]
        if name not in data:
            return f"data.{name} is required", name
        if not check(data[name]):
            return f"data.{name} must be {what}", name
    if not deleted:
        for name in PRINTED_FIELDS:
            value = data.get(name)
            char = bidi_character(value) if isinstance(value, str) else None
            if char:
                return (f"data.{name} holds the bidirectional control character {char}, "
                        "which can show a text reversed"), name
        for name, value_type in OPTIONAL.get(type_, {}).items():
            check, what = VALUE_CHECKS[value_type]
            if name in data and data[name] is not None and not check(data[name]):
                return f"data.{name} must be {what}", name
        if type_ == "attachment" and data["size"] < 0:
            return "data.size must not be negative", "size"
    return None
