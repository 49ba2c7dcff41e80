"""What a rule check answers: refuse with a code, or accept (claiming unique keys)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Refusal:
    code: str
    message: str
    field: str | None = None


@dataclass
class Accept:
    """The change may be applied; ``keys`` are (namespace, value) pairs it claims as unique,
    ``server_fields`` what the server writes over the client's data (who revoked, when)."""

    keys: list[tuple[str, str]] = field(default_factory=list)
    server_fields: dict[str, object] = field(default_factory=dict)
