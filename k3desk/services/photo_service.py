"""Photos of an inspection: stored as blobs with an attachment record, counted only then.

A photo field's value names attachments (sha256 of the image, or the attachment's
id). :func:`stored_photo_ids` says which of them this laptop holds a record for (made
here with the image, or pulled from the server, which knows the image);
:func:`evaluation_values` gives the values the verdict is worked out on.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from k3desk.domain.errors import ValidationError
from k3desk.domain.photos import with_stored_photos
from k3desk.domain.templates import Template
from k3desk.store.models import Attachment, Inspection

_TYPES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}


def stored_photo_ids(s: Session, ids: set[str]) -> set[str]:
    """The ids among ``ids`` that name a (not deleted) attachment on this laptop."""
    if not ids:
        return set()
    rows = s.execute(select(Attachment.id, Attachment.sha256).where(
        Attachment.deleted.is_(False),
        or_(Attachment.id.in_(ids), Attachment.sha256.in_(ids)))).all()
    return {x for row in rows for x in row if x in ids}


def evaluation_values(s: Session | None, template: Template, values: Any) -> Any:
    """``values`` with photo ids that name no stored attachment taken out."""
    if s is None:
        return with_stored_photos(template, values, set())
    return with_stored_photos(template, values, lambda ids: stored_photo_ids(s, ids))


def write_blob(blob_dir: Path, data: bytes) -> str:
    """Store ``data`` as ``<blob_dir>/<sha[:2]>/<sha>`` (atomically); its sha256."""
    sha = hashlib.sha256(data).hexdigest()
    final = Path(blob_dir) / sha[:2] / sha
    if not final.exists():
        final.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, final)
    return sha


def add_photo(s: Session, blob_dir: Path, inspection: Inspection, slot: str, data: bytes,
              filename: str, caption: str = "") -> str:
    """Store an image for the photo field ``slot`` and name it in the values; its sha256.

    The caller re-evaluates the inspection (``inspection_service.attach_photo`` does)."""
    content_type = next((t for magic, t in _TYPES.items() if data.startswith(magic)), None)
    if content_type is None:
        raise ValidationError(f"{filename}: bukan gambar JPEG atau PNG", field=slot)
    sha = write_blob(blob_dir, data)
    s.add(Attachment(balai_id=inspection.balai_id, inspection_id=inspection.id, sha256=sha,
                     filename=filename, content_type=content_type, size=len(data),
                     caption=caption or None, slot=slot))
    values = dict(inspection.values or {})
    old = values.get(slot)
    current: list[Any] = list(old) if isinstance(old, list) else []
    values[slot] = current if sha in current else [*current, sha]
    inspection.values = values
    return sha
