"""Canonical JSON (SYNC_PROTOCOL.md section 7): keys sorted, no spaces, UTF-8."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(value: Any) -> str:
    """Return ``value`` as canonical JSON text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def canonical_bytes(value: Any) -> bytes:
    return canonical_json(value).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def data_sha256(data: Any) -> str:
    """SHA-256 (hex) of the canonical JSON of a record's ``data``, as certificates carry."""
    return sha256_hex(canonical_bytes(data))
