"""Conflicts a person resolves: keep mine, take theirs, or edit the conflicting fields.

A conflict exists when this laptop and the server changed the same field of a record
(k3desk.sync.apply). Until it is resolved the local row keeps *my* value on those
fields (and everything else merged), and the record is not pushed. Resolving writes
the chosen values and queues the record for the next push on top of the server's
version. A "workflow" conflict (my edit of an inspection a supervisor decided
meanwhile) can only be acknowledged: the decision stands, my copy stays readable here.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from k3desk.domain.errors import NotFoundError, PermissionDenied, ValidationError
from k3desk.domain.i18n import translate
from k3desk.domain.vocabulary import OutboxState
from k3desk.domain.workflow import FINAL_STATUSES
from k3desk.services.records_service import refuse_certified_deletion
from k3desk.store import outbox
from k3desk.store.base import now_text
from k3desk.store.db import Database
from k3desk.store.models import SYNCED_MODELS, Conflict, OutboxEntry, Shadow, SyncedRecord
from k3desk.sync.apply import normalized
from k3desk.sync.merge import (
    DELETED,
    MISSING,
    get_path,
    path_text,
    set_path,
    split_deleted,
    take_theirs,
    with_deleted,
)

CHOICES = ("mine", "theirs", "edit")


@dataclass(frozen=True)
class ConflictField:
    path: str
    base: Any
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class ConflictView:
    """A conflict as a person sees it."""

    id: int
    record_type: str
    record_id: str
    reason: str
    workflow: bool
    fields: list[ConflictField]
    created_at: str
    resolved_at: str | None
    resolution: str | None
    title: str = ""  # what the record is, for a person: a name, a serial number


TITLE_FIELDS = ("name", "serial_number", "number", "filename", "username")


def _title(c: Conflict) -> str:
    for data in (c.mine or {}, c.theirs or {}, c.base or {}):
        for name in TITLE_FIELDS:
            if isinstance(data.get(name), str) and data[name]:
                return str(data[name])
    return ""


def _value(value: Any) -> Any:
    return None if value is MISSING else value


def is_workflow(conflict: Conflict) -> bool:
    """The server decided the inspection while I edited it (workflow wins)."""
    if conflict.record_type != "inspection":
        return False
    finals = {s.value for s in FINAL_STATUSES}
    return ((conflict.theirs or {}).get("status") in finals
            and (conflict.base or {}).get("status") not in finals)


def _view(c: Conflict) -> ConflictView:
    paths = [tuple(p) for p in c.fields or []]
    fields = [ConflictField(path_text(p), _value(get_path(c.base or {}, p)),
                            _value(get_path(c.mine or {}, p)),
                            _value(get_path(c.theirs or {}, p))) for p in paths]
    return ConflictView(c.id, c.record_type, c.record_id, c.reason, is_workflow(c), fields,
                        c.created_at, c.resolved_at, c.resolution, _title(c))


def list_conflicts(db: Database, *, include_resolved: bool = False) -> list[ConflictView]:
    with db.session(remote=True) as s:
        stmt = select(Conflict).order_by(Conflict.id)
        if not include_resolved:
            stmt = stmt.where(Conflict.resolved_at.is_(None))
        return [_view(c) for c in s.scalars(stmt)]


def get_conflict(db: Database, conflict_id: int) -> ConflictView:
    with db.session(remote=True) as s:
        c = s.get(Conflict, conflict_id)
        if c is None:
            raise NotFoundError(translate("conflict", "konflik {conflict_id} tidak "
                                          "ditemukan").format(
                                    conflict_id=conflict_id))
        return _view(c)


def _queue_if_changed(s: Session, row: SyncedRecord) -> None:
    """Queue the row for push when it differs from the server's copy (the shadow)."""
    shadow = s.get(Shadow, (row.sync_type, row.id))
    if shadow is not None:
        env = shadow.envelope
        server = with_deleted(normalized(type(row), env.get("data")), bool(env.get("deleted")))
        if server == with_deleted(row.to_data(), bool(row.deleted)):
            for entry in s.scalars(select(OutboxEntry).where(  # edits made while it waited
                    OutboxEntry.record_type == row.sync_type, OutboxEntry.record_id == row.id,
                    OutboxEntry.state == OutboxState.PENDING, OutboxEntry.attempts == 0)):
                entry.state = OutboxState.DONE
                entry.error = {"superseded": "conflict resolved to the server's copy"}
            return
    outbox.enqueue(s, row)


def resolve(db: Database, conflict_id: int, choice: str,
            values: dict[str, Any] | None = None) -> ConflictView:
    """Resolve a conflict. ``choice``: ``mine`` (my values), ``theirs`` (the server's), or
    ``edit`` with ``values`` mapping each conflicting field (as listed, e.g.
    ``values.tekanan_uji``) to the value to keep; fields not given keep mine."""
    if choice not in CHOICES:
        raise ValidationError(translate("conflict", "pilihan harus salah satu dari "
                                        "{value}").format(
                                  value=', '.join(CHOICES)))
    with db.session(remote=True) as s:
        c = s.get(Conflict, conflict_id)
        if c is None:
            raise NotFoundError(translate("conflict", "konflik {conflict_id} tidak "
                                          "ditemukan").format(
                                    conflict_id=conflict_id))
        if c.resolved_at is not None:
            raise ValidationError(translate("conflict", "konflik {conflict_id} sudah "
                                            "diselesaikan ({resolution})").format(
                                      conflict_id=conflict_id, resolution=c.resolution))
        if is_workflow(c) and choice != "theirs":
            raise PermissionDenied(translate("conflict", "keputusan penyelia sudah berlaku "
                                             "untuk pemeriksaan ini; perubahan Anda hanya "
                                             "dapat disimpan sebagai catatan"))
        model = SYNCED_MODELS[c.record_type]
        row = s.get(model, c.record_id)
        if row is None:
            raise NotFoundError(translate("conflict", "{record_type} {record_id} tidak "
                                          "ada lagi di laptop ini").format(
                                    record_type=c.record_type, record_id=c.record_id))
        paths = [tuple(p) for p in c.fields or []]
        current = with_deleted(copy.deepcopy(row.to_data()), bool(row.deleted))
        if choice == "theirs" and not is_workflow(c):
            if (DELETED,) in paths and (c.theirs or {}).get(DELETED):
                current = copy.deepcopy(c.theirs or {})  # their deletion, as it is
            else:
                current = take_theirs(current, c.theirs or {}, paths)
        elif choice == "edit":
            by_text = {path_text(p): p for p in paths}
            unknown = set(values or {}) - set(by_text)
            if unknown:
                raise ValidationError(translate(
                    "conflict", "bukan kolom yang berkonflik: {fields}").format(
                        fields=", ".join(sorted(unknown))))
            for text, value in (values or {}).items():
                set_path(current, by_text[text], value)
        if not is_workflow(c):
            data, deleted = split_deleted(current)
            if deleted and not row.deleted:
                refuse_certified_deletion(s, c.record_type, c.record_id)
            row.apply_data(data)
            row.deleted = deleted
            _queue_if_changed(s, row)
        c.resolved_at = now_text()
        c.resolution = choice
        s.flush()
        return _view(c)


FIELD_CHOICES = ("mine", "theirs", "edit")


def resolve_fields(db: Database, conflict_id: int, picks: dict[str, str],
                   values: dict[str, Any] | None = None) -> ConflictView:
    """Resolve field by field: ``picks`` maps each conflicting field (as listed) to
    ``mine``, ``theirs`` or ``edit`` (then ``values`` gives the value); a field not
    picked keeps mine. All ``theirs`` is the same as ``resolve(.., "theirs")`` and all
    ``mine`` as ``resolve(.., "mine")``; a mix is recorded as ``edit``."""
    view = get_conflict(db, conflict_id)
    by_path = {f.path: f for f in view.fields}
    unknown = set(picks) - set(by_path)
    if unknown:
        raise ValidationError(translate(
            "conflict", "bukan kolom yang berkonflik: {fields}").format(
                fields=", ".join(sorted(unknown))))
    bad = {p: c for p, c in picks.items() if c not in FIELD_CHOICES}
    if bad:
        raise ValidationError(translate(
            "conflict", "pilihan per kolom harus salah satu dari {choices}: {fields}").format(
                choices=", ".join(FIELD_CHOICES), fields=", ".join(sorted(bad))))
    missing = [p for p, c in picks.items() if c == "edit" and p not in (values or {})]
    if missing:
        raise ValidationError(translate(
            "conflict", "nilai untuk kolom yang disunting belum diisi: {fields}").format(
                fields=", ".join(sorted(missing))))
    chosen = {path: picks.get(path, "mine") for path in by_path}
    if all(c == "theirs" for c in chosen.values()):
        return resolve(db, conflict_id, "theirs")
    if all(c == "mine" for c in chosen.values()):
        return resolve(db, conflict_id, "mine")
    merged: dict[str, Any] = {}
    for path, choice in chosen.items():
        if choice == "edit":
            merged[path] = (values or {})[path]
        else:
            merged[path] = getattr(by_path[path], choice)
    return resolve(db, conflict_id, "edit", merged)
