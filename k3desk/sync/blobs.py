"""Attachment blobs: uploaded before the records that name them, fetched after a pull.

Blobs are content-addressed (``blobs/<sha256[:2]>/<sha256>``), so every step is safe to
repeat: ``HEAD`` first, then a whole ``PUT`` (a cut-off upload is simply sent again;
the server keeps nothing whose bytes do not hash to the name). A download is written
to a temporary file, checked against its hash, and renamed into place.
"""

from __future__ import annotations

import hashlib
import logging
import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from k3desk.domain.i18n import translate
from k3desk.store.models import Attachment, OutboxEntry
from k3desk.sync.apply import quarantine
from k3desk.sync.client import ServerRefused, TooLarge
from k3desk.sync.protocol import Change

log = logging.getLogger("k3desk.sync")

if TYPE_CHECKING:
    from k3desk.sync.engine import SyncEngine, SyncSummary

MAX_DOWNLOADS_PER_SYNC = 500


def blob_path(blob_dir: Path, sha256: str) -> Path:
    return Path(blob_dir) / sha256[:2] / sha256


def store_blob(blob_dir: Path, content: bytes) -> str:
    """Keep bytes under their hash (atomic: a crash leaves no half file); returns the hash."""
    sha = hashlib.sha256(content).hexdigest()
    path = blob_path(blob_dir, sha)
    if path.exists():
        return sha
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{sha}.{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        fh.write(content)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return sha


def _refuse(engine: SyncEngine, entry_id: int, code: str, message: str) -> None:
    with engine.db.session(remote=True) as s:
        entry = s.get(OutboxEntry, entry_id)
        if entry is not None:
            quarantine(entry, code, message, "sha256")


def upload_for(engine: SyncEngine, batch: list[tuple[OutboxEntry, Change]],
               summary: SyncSummary) -> list[tuple[OutboxEntry, Change]]:
    """Make sure the server has every blob the batch's attachments name; the batch
    without the attachments whose blob cannot be sent (those are quarantined)."""
    confirmed = engine._blobs_confirmed
    keep: list[tuple[OutboxEntry, Change]] = []
    for entry, change in batch:
        sha = change.data.get("sha256")
        if change.type != "attachment" or change.deleted or not isinstance(sha, str) \
                or sha in confirmed:
            keep.append((entry, change))
            continue
        path = blob_path(engine.db.blob_dir, sha)
        if not path.exists():
            _refuse(engine, entry.id, "blob_missing",
                    translate("sync", "berkas lampiran {name} tidak ada di laptop ini").format(
                        name=change.data.get("filename")))
            summary.quarantined += 1
            continue
        size = path.stat().st_size
        if size > engine.info.max_blob_bytes:
            _refuse(engine, entry.id, "too_large",
                    translate("sync", "lampiran {name} ({size} bita) melebihi batas server "
                              "({limit} bita)").format(name=change.data.get("filename"),
                                                       size=size,
                                                       limit=engine.info.max_blob_bytes))
            summary.quarantined += 1
            continue
        try:
            if not engine._retrying(partial(engine.client.blob_exists, sha)):
                engine._retrying(partial(engine.client.put_blob, sha, path.read_bytes()))
                summary.blobs_uploaded += 1
        except (ServerRefused, TooLarge) as exc:
            log.info("blob %s refused: %r", sha, exc)
            _refuse(engine, entry.id, "blob_refused",
                    translate("sync", "server menolak lampiran: {reason}").format(
                        reason=exc.message))
            summary.quarantined += 1
            continue
        confirmed.add(sha)
        keep.append((entry, change))
    return keep


def download_missing(engine: SyncEngine, summary: SyncSummary) -> None:
    """Fetch the blobs of attachments this laptop knows but has no bytes for."""
    with engine.db.session(remote=True) as s:
        shas = sorted(set(s.scalars(select(Attachment.sha256).where(
            Attachment.deleted.is_(False)))))
    missing = [sha for sha in shas if not blob_path(engine.db.blob_dir, sha).exists()]
    for sha in missing[:MAX_DOWNLOADS_PER_SYNC]:
        try:
            content = engine._retrying(partial(engine.client.get_blob, sha))
        except ServerRefused:
            continue  # not there (yet) or not ours: try again next sync
        if hashlib.sha256(content).hexdigest() != sha:
            continue  # cut off or damaged on the way: try again next sync
        store_blob(engine.db.blob_dir, content)
        summary.blobs_downloaded += 1
        engine.progress("blobs", summary.blobs_downloaded, len(missing))
