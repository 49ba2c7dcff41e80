"""Photos and the signature of an inspection: images checked, made upright and small,
stored under their hash, and attachment rows that the sync sends.

What is stored is never the file the inspector picked: it is decoded (a non-image, a
damaged file or one over ``MAX_INPUT_BYTES`` is refused with a sentence naming it), its
EXIF orientation applied, scaled down to ``LONG_SIDE`` pixels and encoded again as JPEG
(the signature as a transparent PNG) with no EXIF or GPS left; only the colour profile
is kept. The blob is written (to a temporary file, then renamed) *before* the row that
names it is committed, so a row never names a missing blob and a backup taken in
between holds every blob its database knows. A blob is deleted when no live attachment
names it any more; ``sweep_unreferenced`` removes what a crash between the two steps
left behind.
"""

from __future__ import annotations

import io
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from k3desk.domain.errors import K3Error, NotFoundError, PermissionDenied, ValidationError
from k3desk.domain.i18n import translate
from k3desk.domain.workflow import transition_error
from k3desk.services import inspection_service
from k3desk.services.context import AppContext, Changes
from k3desk.store.db import Database
from k3desk.store.models import Attachment, Inspection
from k3desk.sync.blobs import blob_path, store_blob

MAX_INPUT_BYTES = 40 * 1024 * 1024  # a picked file larger than this is refused unread
MAX_PIXELS = 80_000_000  # more is a decompression bomb, not a photo
LONG_SIDE = 2048  # the stored photo's longest side
JPEG_QUALITY = 85
SIGNATURE_LONG_SIDE = 1200
SIGNATURE_SLOT = "signature"
MAX_CAPTION = 300
SLOT_PATTERN = re.compile(r"^[a-z0-9_]+(\[\d+\]\.[a-z0-9_]+)?$")
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP", "BMP", "TIFF", "GIF")  # a JPEG may open as MPO
SWEEP_AGE_S = 3600.0


@dataclass(frozen=True)
class PhotoInfo:
    """One stored image, as a screen shows it (``stored`` False: the bytes are not on
    this laptop yet, e.g. a photo another device took that the next sync fetches)."""

    id: str
    inspection_id: str
    slot: str
    caption: str | None
    filename: str
    path: Path
    size: int
    stored: bool


@dataclass(frozen=True)
class Prepared:
    """An image ready to store: its encoded bytes and what the row records."""

    data: bytes
    filename: str
    content_type: str


# -- images --------------------------------------------------------------------------

def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")


def _read(path_or_bytes: Path | str | bytes, name: str) -> bytes:
    if isinstance(path_or_bytes, bytes):
        data = path_or_bytes
    else:
        path = Path(path_or_bytes)
        try:
            size = path.stat().st_size
            if size > MAX_INPUT_BYTES:
                raise ValidationError(translate("attachment", "berkas {name} terlalu "
                                                "besar ({mb}; paling besar {mb2})").format(
                                          name=name, mb=_mb(size), mb2=_mb(MAX_INPUT_BYTES)))
            data = path.read_bytes()
        except IsADirectoryError:
            raise ValidationError(translate("attachment", "{name} adalah folder, bukan "
                                            "berkas gambar").format(
                                      name=name)) from None
        except OSError as exc:
            raise ValidationError(translate("attachment", "berkas {name} tidak dapat "
                                            "dibaca ({exc})").format(
                                      name=name, exc=exc.strerror or 'kesalahan baca')) from None
    if len(data) > MAX_INPUT_BYTES:
        raise ValidationError(translate("attachment", "berkas {name} terlalu besar "
                                        "({mb}; paling besar {mb2})").format(
                                  name=name, mb=_mb(len(data)), mb2=_mb(MAX_INPUT_BYTES)))
    if not data:
        raise ValidationError(translate("attachment", "berkas {name} kosong").format(name=name))
    return data


def _open_image(data: bytes, name: str, formats: tuple[str, ...]) -> Any:
    from PIL import Image, UnidentifiedImageError

    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
        raise ValidationError(translate("attachment", "berkas {name} berformat HEIC "
                                        "yang belum didukung; simpan sebagai JPEG (di "
                                        "ponsel: Pengaturan > Kamera > Format > Paling "
                                        "Kompatibel)").format(
                                  name=name))
    try:
        img = Image.open(io.BytesIO(data), formats=list(formats))
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError,
            SyntaxError):
        raise ValidationError(translate("attachment", "berkas {name} bukan gambar yang "
                                        "dapat dibaca (yang diterima: JPEG, PNG, WebP, "
                                        "BMP, TIFF, GIF)").format(
                                  name=name)) from None
    w, h = img.size
    if w * h > MAX_PIXELS:
        raise ValidationError(translate("attachment", "gambar {name} terlalu besar "
                                        "({w}x{h} piksel; paling banyak {value} "
                                        "megapiksel)").format(
                                  name=name, w=w, h=h, value=MAX_PIXELS // 1_000_000))
    return img


def _decoded(img: Any, name: str, long_side: int) -> Any:
    """The image loaded, upright, at most ``long_side`` pixels long."""
    from PIL import Image, ImageOps

    w, h = img.size
    scale = min(1.0, long_side / max(w, h))
    target = (max(1, round(w * scale)), max(1, round(h * scale)))
    try:
        if img.format in ("JPEG", "MPO") and scale < 1.0:
            img.draft("RGB", target)  # decode at 1/2, 1/4 ... of the size: much faster
        img.load()
        upright = ImageOps.exif_transpose(img)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(translate("attachment", "berkas gambar {name} rusak atau "
                                        "terpotong; tidak ada yang disimpan").format(
                                  name=name)) from None
    w, h = upright.size
    scale = min(1.0, long_side / max(w, h))
    if scale < 1.0:
        upright = upright.resize((max(1, round(w * scale)), max(1, round(h * scale))),
                                 Image.Resampling.BICUBIC, reducing_gap=2.0)
    return upright


def _jpeg(img: Any, icc: bytes | None) -> bytes:
    from PIL import Image

    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        img = flat
    elif img.mode not in ("RGB", "L"):
        img = img.convert("RGB")
    buf = io.BytesIO()
    extra = {"icc_profile": icc} if icc else {}
    img.save(buf, format="JPEG", quality=JPEG_QUALITY, **extra)
    return buf.getvalue()


def _stem(filename: str) -> str:
    base = Path(filename.replace("\\", "/")).name.strip()
    stem = Path(base).stem.strip() or "foto"
    return stem[:200]


def prepare_photo(path_or_bytes: Path | str | bytes, filename: str | None = None) -> Prepared:
    """Decode, make upright, shrink and re-encode a photo (refusing what is not one)."""
    name = filename or (Path(path_or_bytes).name if not isinstance(path_or_bytes, bytes)
                        else "gambar")
    data = _read(path_or_bytes, name)
    with _open_image(data, name, PHOTO_FORMATS) as img:
        mode = img.mode
        icc = img.info.get("icc_profile") if mode in ("RGB", "RGBA", "L", "P") else None
        upright = _decoded(img, name, LONG_SIDE)
        out = _jpeg(upright, icc)
    return Prepared(out, f"{_stem(name)}.jpg", "image/jpeg")


def prepare_signature(png_bytes: bytes) -> Prepared:
    """A signature as a transparent PNG, cropped to the ink, at most 1200 px long."""
    data = _read(png_bytes, "tanda tangan")
    with _open_image(data, "tanda tangan", ("PNG",)) as img:
        upright = _decoded(img, "tanda tangan", SIGNATURE_LONG_SIDE).convert("RGBA")
    box = upright.getchannel("A").getbbox()
    if box is None:
        raise ValidationError(translate("attachment", "tanda tangan kosong: tulis tanda tangan "
                                        "di kotak lebih dulu"))
    margin = 8
    left, top, right, bottom = box
    upright = upright.crop((max(0, left - margin), max(0, top - margin),
                            min(upright.width, right + margin),
                            min(upright.height, bottom + margin)))
    buf = io.BytesIO()
    upright.save(buf, format="PNG", optimize=True)
    return Prepared(buf.getvalue(), "tanda-tangan.png", "image/png")


def _fits_server(db: Database, prepared: Prepared) -> None:
    from k3desk.services.sync_service import server_limits

    limit = int(server_limits(db)["max_blob_bytes"])
    if len(prepared.data) > limit:
        raise ValidationError(translate("attachment", "gambar {filename} tetap terlalu "
                                        "besar setelah diperkecil ({mb}; batas server "
                                        "{mb2})").format(
                                  filename=prepared.filename,
                                  mb=_mb(len(prepared.data)),
                                  mb2=_mb(limit)))


# -- rules -----------------------------------------------------------------------------

def _editable(ctx: AppContext, s: Session, inspection_id: str) -> Inspection:
    """The inspection, when this actor may change its photos now (as ``update_draft``)."""
    inspection = inspection_service.own_inspection(ctx, s, inspection_id)
    error = transition_error(inspection.status, inspection.status, ctx.actor.role)
    if error:
        raise PermissionDenied(translate("attachment", "foto dan tanda tangan tidak "
                                         "dapat diubah: {error}").format(
                                   error=error))
    if inspection.inspector_id != ctx.actor.id:
        raise PermissionDenied(translate("attachment", "hanya pemeriksa yang mengisi "
                                         "pemeriksaan ini yang dapat mengubah foto dan tanda "
                                         "tangannya"))
    return inspection


def _check_slot(slot: str) -> None:
    if not isinstance(slot, str) or len(slot) > 64 or not SLOT_PATTERN.match(slot):
        raise ValidationError(translate("attachment", "slot foto {slot!r} tidak sah "
                                        "(contoh: foto, hidran[0].foto)").format(
                                  slot=slot),
                              field="slot")
    if slot == SIGNATURE_SLOT:
        raise ValidationError(translate("attachment", "slot signature hanya "
                                        "untuk tanda tangan"), field="slot")


def _check_caption(caption: str | None) -> str | None:
    text = (caption or "").strip()
    if len(text) > MAX_CAPTION:
        raise ValidationError(translate("attachment", "keterangan foto terlalu panjang "
                                        "({count} karakter; paling banyak {MAX_CAPTION})").format(
                                  count=len(text), MAX_CAPTION=MAX_CAPTION), field="caption")
    return text or None


def _attachment(ctx: AppContext, s: Session, attachment_id: str) -> Attachment:
    att = s.get(Attachment, attachment_id)
    if att is None or att.deleted:
        raise NotFoundError(translate("attachment", "foto {attachment_id} tidak "
                                      "ditemukan").format(
                                attachment_id=attachment_id))
    _editable(ctx, s, att.inspection_id)
    return att


def _drop_if_unreferenced(db: Database, sha256: str) -> None:
    """Delete a blob no live attachment names; called after the change committed (a
    failed commit must never leave a live row without its blob), under the write lock."""
    with db.session() as s:
        live = s.scalar(select(func.count()).select_from(Attachment).where(
            Attachment.sha256 == sha256, Attachment.deleted.is_(False)))
        if not live:
            blob_path(db.blob_dir, sha256).unlink(missing_ok=True)


def _ensure_blobs(db: Database, blobs: list[bytes]) -> None:
    """After a commit: write again a blob another process dropped in between (it saw no
    row naming the same bytes yet); content-addressed, so this is a no-op normally."""
    for data in blobs:
        store_blob(db.blob_dir, data)


# -- photos ----------------------------------------------------------------------------

def _new_row(ctx: AppContext, inspection: Inspection, slot: str, prepared: Prepared,
             sha: str, caption: str | None) -> Attachment:
    return Attachment(balai_id=inspection.balai_id, inspection_id=inspection.id, sha256=sha,
                      filename=prepared.filename, content_type=prepared.content_type,
                      size=len(prepared.data), caption=caption, slot=slot,
                      modified_by=ctx.actor.id)


def add_photo(ctx: AppContext, inspection_id: str, slot: str,
              path_or_bytes: Path | str | bytes, filename: str | None = None,
              caption: str | None = None) -> str:
    """Store one photo for ``slot`` of a draft; returns the new attachment's id."""
    return attach_photos(ctx, inspection_id, slot, [(path_or_bytes, filename)],
                         caption=caption, append_to_values=False)[0]


def attach_photos(ctx: AppContext, inspection_id: str, slot: str,
                  files: list[tuple[Path | str | bytes, str | None]], *,
                  caption: str | None = None, append_to_values: bool = True) -> list[str]:
    """Store several photos at once (all or none: every file is checked first); when
    ``slot`` is a photo field of the template and ``append_to_values``, their ids are
    appended to the inspection's value for it, so they count for the slot."""
    _check_slot(slot)
    with ctx.db.session() as s:  # refuse early, before the slow decoding
        _editable(ctx, s, inspection_id)
    prepared = [prepare_photo(src, name) for src, name in files]
    return store_photos(ctx, inspection_id, slot, prepared, caption=caption,
                        append_to_values=append_to_values)


def store_photos(ctx: AppContext, inspection_id: str, slot: str, prepared: list[Prepared],
                 *, caption: str | None = None, append_to_values: bool = False) -> list[str]:
    """Store images ``prepare_photo`` made (the window prepares them on its render
    worker, so the database worker is never busy decoding); returns the new ids."""
    _check_slot(slot)
    caption = _check_caption(caption)
    for p in prepared:
        _fits_server(ctx.db, p)
    with ctx.db.session() as s:
        _editable(ctx, s, inspection_id)
    shas = [store_blob(ctx.db.blob_dir, p.data) for p in prepared]  # before the rows
    with ctx.db.session() as s:
        inspection = _editable(ctx, s, inspection_id)
        rows = [_new_row(ctx, inspection, slot, p, sha, caption)
                for p, sha in zip(prepared, shas, strict=True)]
        s.add_all(rows)
        s.flush()
        ids = [r.id for r in rows]
        if append_to_values and photo_field(inspection, slot):
            _append_ids(inspection, slot, ids)
            inspection.modified_by = ctx.actor.id
            inspection_service.evaluate_inspection(inspection)
    _ensure_blobs(ctx.db, [p.data for p in prepared])
    return ids


def photo_field(inspection: Inspection, slot: str) -> bool:
    """True when ``slot`` ("foto", "hidran[0].foto") is a photo field of the template."""
    template = inspection_service._template(inspection.template_id,
                                            inspection.template_version)
    path = re.sub(r"\[\d+\]", "", slot)
    try:
        return bool(template.field(path).field_type == "photo")
    except K3Error:  # not a field of this template (or a template this laptop lacks)
        return False


def _parse(slot: str) -> tuple[str, int | None, str | None]:
    m = re.match(r"^([a-z0-9_]+)(?:\[(\d+)\]\.([a-z0-9_]+))?$", slot)
    assert m is not None  # _check_slot made sure
    return m.group(1), int(m.group(2)) if m.group(2) else None, m.group(3)


def _append_ids(inspection: Inspection, slot: str, ids: list[str]) -> None:
    values = dict(inspection.values or {})
    head, index, sub = _parse(slot)
    if index is None:
        current = values.get(head)
        values[head] = [*(current if isinstance(current, list) else []), *ids]
    else:
        items = values.get(head)
        if not isinstance(items, list) or index >= len(items) or not isinstance(
                items[index], dict):
            raise ValidationError(translate("attachment", "{head} belum mempunyai baris "
                                            "{index}; tambahkan barisnya lebih dulu").format(
                                      head=head, index=index + 1), field="slot")
        items = [dict(item) if isinstance(item, dict) else item for item in items]
        current = items[index].get(sub)
        items[index][str(sub)] = [*(current if isinstance(current, list) else []), *ids]
        values[head] = items
    inspection.values = values


def _scrub(value: Any, attachment_id: str) -> Any:
    """``value`` without ``attachment_id`` wherever a photo list holds it."""
    if isinstance(value, list):
        if all(isinstance(x, str) for x in value):
            return [x for x in value if x != attachment_id]
        return [_scrub(item, attachment_id) for item in value]
    if isinstance(value, dict):
        return {k: _scrub(v, attachment_id) for k, v in value.items()}
    return value


def remove_photo(ctx: AppContext, attachment_id: str) -> Changes:
    """Delete a photo (a tombstone the sync sends) and take its id out of the values;
    its blob goes when no other attachment names it."""
    with ctx.db.session() as s:
        att = _attachment(ctx, s, attachment_id)
        att.deleted = True
        att.modified_by = ctx.actor.id
        inspection = s.get(Inspection, att.inspection_id)
        assert inspection is not None  # _editable found it
        scrubbed = _scrub(dict(inspection.values or {}), attachment_id)
        if scrubbed != inspection.values:
            inspection.values = scrubbed
            inspection.modified_by = ctx.actor.id
            inspection_service.evaluate_inspection(inspection)
        sha = att.sha256
    _drop_if_unreferenced(ctx.db, sha)
    return Changes("attachment", (attachment_id,))


def set_caption(ctx: AppContext, attachment_id: str, caption: str | None) -> PhotoInfo:
    text = _check_caption(caption)
    with ctx.db.session() as s:
        att = _attachment(ctx, s, attachment_id)
        if att.caption != text:
            att.caption = text
            att.modified_by = ctx.actor.id
        return _info(ctx.db, att)


def rotate(ctx: AppContext, attachment_id: str, quarter_turns: int) -> PhotoInfo:
    """Turn a photo by 90 degrees ``quarter_turns`` times (positive: clockwise)."""
    from PIL import Image

    turns = quarter_turns % 4
    with ctx.db.session() as s:
        att = _attachment(ctx, s, attachment_id)
        old_sha, content_type = att.sha256, att.content_type
        if turns == 0:
            return _info(ctx.db, att)
    path = blob_path(ctx.db.blob_dir, old_sha)
    if not path.exists():
        raise ValidationError(translate("attachment", "gambar foto ini belum ada di laptop ini "
                                        "(menunggu sinkronisasi); belum dapat diputar"))
    with Image.open(path) as img:
        icc = img.info.get("icc_profile")
        method = {1: Image.Transpose.ROTATE_270, 2: Image.Transpose.ROTATE_180,
                  3: Image.Transpose.ROTATE_90}[turns]
        turned = img.transpose(method)
    if content_type == "image/png":
        buf = io.BytesIO()
        turned.save(buf, format="PNG", optimize=True)
        data = buf.getvalue()
    else:
        data = _jpeg(turned, icc)
    sha = store_blob(ctx.db.blob_dir, data)  # the new blob before the row names it
    with ctx.db.session() as s:
        att = _attachment(ctx, s, attachment_id)
        old_sha = att.sha256
        att.sha256, att.size, att.modified_by = sha, len(data), ctx.actor.id
        info = _info(ctx.db, att)
    _ensure_blobs(ctx.db, [data])
    if old_sha != sha:
        _drop_if_unreferenced(ctx.db, old_sha)
    return info


def _info(db: Database, att: Attachment) -> PhotoInfo:
    path = blob_path(db.blob_dir, att.sha256)
    return PhotoInfo(att.id, att.inspection_id, att.slot or "", att.caption, att.filename,
                     path, att.size, path.exists())


def photos(db: Database, inspection_id: str, slot: str | None = None) -> list[PhotoInfo]:
    """The live photos of an inspection (of one slot), in the order they were added."""
    with db.session() as s:
        stmt = select(Attachment).where(Attachment.inspection_id == inspection_id,
                                        Attachment.deleted.is_(False))
        if slot is not None:
            stmt = stmt.where(Attachment.slot == slot)
        return [_info(db, a) for a in s.scalars(stmt.order_by(literal_column("attachment.rowid")))]


def photo_infos(db: Database, ids: list[str]) -> dict[str, PhotoInfo]:
    """What is known of these attachment ids (an unknown or deleted id is left out)."""
    with db.session() as s:
        rows = s.scalars(select(Attachment).where(Attachment.id.in_(list(ids)),
                                                  Attachment.deleted.is_(False)))
        return {a.id: _info(db, a) for a in rows}


# -- the signature ---------------------------------------------------------------------

def _signature_row(s: Session, inspection_id: str) -> Attachment | None:
    return s.scalars(select(Attachment).where(
        Attachment.inspection_id == inspection_id, Attachment.slot == SIGNATURE_SLOT,
        Attachment.deleted.is_(False)).limit(1)).first()


def set_signature(ctx: AppContext, inspection_id: str, png_bytes: bytes) -> PhotoInfo:
    """Store (or replace) the inspector's signature: a transparent PNG."""
    with ctx.db.session() as s:
        _editable(ctx, s, inspection_id)
    prepared = prepare_signature(png_bytes)
    _fits_server(ctx.db, prepared)
    sha = store_blob(ctx.db.blob_dir, prepared.data)
    with ctx.db.session() as s:
        inspection = _editable(ctx, s, inspection_id)
        att = _signature_row(s, inspection_id)
        old = None
        if att is None:
            att = _new_row(ctx, inspection, SIGNATURE_SLOT, prepared, sha, None)
            s.add(att)
            s.flush()
        elif att.sha256 != sha:
            old = att.sha256
            att.sha256, att.size, att.modified_by = sha, len(prepared.data), ctx.actor.id
        info = _info(ctx.db, att)
    _ensure_blobs(ctx.db, [prepared.data])
    if old is not None:
        _drop_if_unreferenced(ctx.db, old)
    return info


def clear_signature(ctx: AppContext, inspection_id: str) -> None:
    with ctx.db.session() as s:
        _editable(ctx, s, inspection_id)
        att = _signature_row(s, inspection_id)
        if att is None:
            return
        att.deleted = True
        att.modified_by = ctx.actor.id
        sha = att.sha256
    _drop_if_unreferenced(ctx.db, sha)


def signature(db: Database, inspection_id: str) -> PhotoInfo | None:
    with db.session() as s:
        att = _signature_row(s, inspection_id)
        return _info(db, att) if att is not None else None


# -- housekeeping ----------------------------------------------------------------------

def sweep_unreferenced(db: Database, older_than_s: float = SWEEP_AGE_S) -> int:
    """Delete blobs no live attachment names and temporary files a crash left, when older
    than ``older_than_s`` (younger ones may belong to a row about to commit). Returns how
    many files went."""
    root = Path(db.blob_dir)
    if not root.is_dir():
        return 0
    with db.session() as s:
        live = set(s.scalars(select(Attachment.sha256).where(Attachment.deleted.is_(False))))
    cutoff = time.time() - older_than_s
    removed = 0
    for path in root.glob("*/*"):
        name = path.name
        if not path.is_file() or name in live:
            continue
        if not (name.endswith(".tmp") or re.fullmatch(r"[0-9a-f]{64}", name)):
            continue
        try:
            if path.stat().st_mtime <= cutoff:
                os.unlink(path)
                removed += 1
        except FileNotFoundError:
            continue
    return removed
