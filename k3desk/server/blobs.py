"""Content-addressed blobs: uploads checked, recorded and handed to the blob store.

A blob is written to a temporary file while its hash is computed, and placed in the
store (blob_store.py: the local folder or S3) only when the bytes hash to the name, so a
half-sent or wrong upload never becomes a blob. Identical uploads share one blob.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from k3desk.server.blob_store import BlobStore
from k3desk.server.db import begin_write
from k3desk.server.models import Blob, Record
from k3desk.server.store import claim_key, key_holder, settle, utcnow

SHA256_NAME = re.compile(r"^[0-9a-f]{64}$")


class BlobTooLarge(Exception):
    pass


class BlobWriter:
    """Collects an upload into a temporary file inside the blob folder, hashing as it goes."""

    def __init__(self, tmp_dir: Path, limit: int) -> None:
        tmp_dir.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=tmp_dir, suffix=".part")
        self.path = Path(name)
        self._file = os.fdopen(fd, "wb")
        self._hash = hashlib.sha256()
        self.size = 0
        self.limit = limit

    def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.limit:
            raise BlobTooLarge()
        self._hash.update(chunk)
        self._file.write(chunk)

    def finish(self) -> str:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        return self._hash.hexdigest()

    def discard(self) -> None:
        if not self._file.closed:
            self._file.close()
        self.path.unlink(missing_ok=True)


#: The UniqueKey namespace of the Balai whose own upload brought a blob in: ``<balai>:<sha256>``.
UPLOADED_BY = "blob.balai"


def uploaded_key(balai_id: str, sha256: str) -> str:
    return f"{balai_id}:{sha256}"


def may_use_blob(session: Session, balai_id: str | None, sha256: str) -> bool:
    """Storage is shared, but a Balai uses (attaches, sees, reads) a blob only when one
    of its own uploads, or an attachment it already had, brought it in."""
    if balai_id is None:  # the administrator
        return True
    if key_holder(session, UPLOADED_BY, uploaded_key(balai_id, sha256)) is not None:
        return True
    settle(session)  # the query must see this push's attachments
    query = select(Record.id).where(Record.type == "attachment", Record.deleted.is_(False),
                                     Record.balai_id == balai_id,
                                     Record.data["sha256"].as_string() == sha256)
    return session.scalar(query.limit(1)) is not None


def store_blob(session: Session, store: BlobStore, sha256: str, writer: BlobWriter,
               balai_id: str | None = None) -> bool:
    """Place a checked upload in the store, noting the uploader's Balai; True when the
    blob is new."""
    with session.begin():
        begin_write(session)
        if balai_id is not None:
            claim_key(session, UPLOADED_BY, uploaded_key(balai_id, sha256), balai_id)
        if session.get(Blob, sha256) is not None and store.exists(sha256):
            writer.discard()
            return False
        store.place(sha256, writer.path)
        if session.get(Blob, sha256) is not None:
            return False
        try:
            with session.begin_nested():
                session.add(Blob(sha256=sha256, size=writer.size, created_at=utcnow()))
        except IntegrityError:  # a racing upload of the same bytes won
            return False
    return True
