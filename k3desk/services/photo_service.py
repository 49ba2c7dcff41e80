"""Photos of an inspection count only when their image is stored (an attachment record;
``attachment_service`` stores them).

A photo field's value names attachments (sha256 of the image, or the attachment's
id). :func:`stored_photo_ids` says which of them this laptop holds a record for (made
here with the image, or pulled from the server, which knows the image);
:func:`evaluation_values` gives the values the verdict is worked out on.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from k3desk.domain.photos import with_stored_photos
from k3desk.domain.templates import Template
from k3desk.store.models import Attachment

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
