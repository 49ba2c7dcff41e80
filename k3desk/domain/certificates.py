"""The signed payload a certificate carries (SYNC_PROTOCOL.md section 7)."""

from __future__ import annotations

import json
from typing import Any

from k3desk.domain.canonical import canonical_json
from k3desk.domain.errors import ValidationError

REQUIRED_PAYLOAD_FIELDS = (
    "number", "inspection_id", "company", "equipment_serial", "verdict", "issued_on",
    "valid_until", "data_sha256",
)


def make_payload(fields: dict[str, Any]) -> str:
    """Canonical JSON of the payload; every required field must be present."""
    missing = [name for name in REQUIRED_PAYLOAD_FIELDS if fields.get(name) in (None, "")]
    if missing:
        raise ValidationError(f"certificate payload lacks {', '.join(missing)}")
    return canonical_json(fields)


def parse_payload(payload: str) -> dict[str, Any]:
    """Read a payload; a ValidationError naming what is wrong when it is not one."""
    try:
        value = json.loads(payload)
    except (TypeError, ValueError) as exc:
        raise ValidationError("certificate payload is not JSON", field="payload") from exc
    if not isinstance(value, dict):
        raise ValidationError("certificate payload is not a JSON object", field="payload")
    missing = [name for name in REQUIRED_PAYLOAD_FIELDS if name not in value]
    if missing:
        raise ValidationError(f"certificate payload lacks {', '.join(missing)}",
                              field="payload")
    if canonical_json(value) != payload:
        raise ValidationError("certificate payload is not canonical JSON", field="payload")
    return value
