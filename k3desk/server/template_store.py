"""Templates for verdict checks: those published on this server, then the built-in ones.

A published template is a ``template`` record (``template_id``, ``template_version``,
``definition``) and a unique key ``template:<id>@<version>``, so a version is published
once and never changes; compiled templates are cached by record id.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from k3desk.domain.errors import K3Error
from k3desk.server.models import Record
from k3desk.server.store import key_holder

if TYPE_CHECKING:
    from k3desk.domain.templates import Template

_cache: dict[tuple[str, int], Template] = {}
_lock = threading.Lock()


def template_key(template_id: str, version: int | str) -> str:
    return f"{template_id}@{version}"


def find_template(session: Session, template_id: str, version: int | str
                  ) -> Template | None:
    """The template to evaluate an inspection with, or None when none is known."""
    record_id = key_holder(session, "template", template_key(template_id, version))
    if record_id is not None:
        record = session.get(Record, record_id)
        if record is not None and not record.deleted:
            cache_key = (record.id, record.version)
            with _lock:
                cached = _cache.get(cache_key)
            if cached is not None:
                return cached
            from k3desk.domain.templates import load_template_definition

            try:
                template = load_template_definition(record.data["definition"],
                                                    f"server template {record.id}")
            except K3Error:
                return None
            with _lock:
                _cache[cache_key] = template
            return template
    if not isinstance(version, int):
        return None
    from k3desk.domain.templates import default_registry

    try:
        return default_registry().get(template_id, version)
    except K3Error:
        return None
