"""Applying what the server says to the laptop's tables, inside the caller's transaction.

One invariant makes merging possible: for every record, the local row is "the shadow
plus this laptop's unsent changes". So whenever the server's state of a record moves
(a pulled record, or the ``current`` of a ``conflict`` answer) while local changes are
outstanding, the three-way merge of shadow (base), row (mine) and server (theirs) runs
at once, the shadow moves to theirs, and the local changes are rewritten on top of it:

* nothing local outstanding: the row simply becomes theirs;
* different fields changed: the merged row goes out again as a new outbox entry;
* the same field changed on both sides: a ``Conflict`` a person resolves; the row
  keeps mine on those fields and the record is not pushed until then;
* an inspection decided (approved/rejected) meanwhile: the row becomes the decision
  and my edit is kept only in a ``Conflict`` copy that says why (workflow wins).

Every session used here is ``remote=True``: no outbox entry is written by the hook;
the entries this module adds are written explicitly.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import inspect as sa_inspect
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from k3desk.domain.vocabulary import OUTSTANDING_STATES, OutboxState
from k3desk.store import audit
from k3desk.store.base import now_text
from k3desk.store.models import SYNCED_MODELS, Conflict, OutboxEntry, Shadow, SyncedRecord
from k3desk.sync.merge import (
    changed_paths,
    decision_overrides,
    merge3,
    path_text,
    split_deleted,
    with_deleted,
)

log = logging.getLogger("k3desk.sync")

#: Outbox states that mean "this laptop has a change the server does not have".
OUTSTANDING = OUTSTANDING_STATES
Key = tuple[str, str]


@dataclass
class ApplyStats:
    pulled: int = 0
    applied: int = 0
    merged: int = 0
    conflicts: int = 0
    skipped: int = 0


def outstanding_entries(s: Session, record_type: str, record_id: str) -> list[OutboxEntry]:
    return list(s.scalars(select(OutboxEntry).where(
        OutboxEntry.record_type == record_type, OutboxEntry.record_id == record_id,
        OutboxEntry.state.in_(OUTSTANDING)).order_by(OutboxEntry.id)))


def open_conflict(s: Session, record_type: str, record_id: str) -> Conflict | None:
    return s.scalars(select(Conflict).where(
        Conflict.record_type == record_type, Conflict.record_id == record_id,
        Conflict.resolved_at.is_(None)).order_by(Conflict.id.desc()).limit(1)).first()


def has_unconfirmed(s: Session) -> bool:
    """An entry was sent but its outcome is unknown: only a push may settle it."""
    return s.scalars(select(OutboxEntry.id).where(OutboxEntry.state == OutboxState.PENDING,
                                                  OutboxEntry.attempts > 0).limit(1)
                     ).first() is not None


_REQUIRED: dict[type[SyncedRecord], tuple[str, ...]] = {}


def _required_fields(model: type[SyncedRecord]) -> tuple[str, ...]:
    """Wire fields the local table cannot store as NULL (checked before writing a row)."""
    if model not in _REQUIRED:
        columns = sa_inspect(model).columns
        _REQUIRED[model] = tuple(
            name for name in model.wire_fields
            if name in model.__mapper__.attrs and not columns[name].nullable
            and columns[name].default is None)
    return _REQUIRED[model]


def write_row(s: Session, model: type[SyncedRecord], row: SyncedRecord | None,
              env: dict[str, Any], data: dict[str, Any], deleted: bool) -> SyncedRecord | None:
    """Put a record's data and the server's envelope columns in the local row.

    A pulled inspection whose status changed leaves an audit event (actor: whoever
    changed it on the server, note "sinkronisasi").
    """
    if row is None:
        fresh = model(id=env["id"])
        fresh.apply_data(data)
        missing = [f for f in _required_fields(model) if getattr(fresh, f) is None]
        if missing:  # keep the shadow; a row without its required fields cannot be stored
            log.warning("%s %s from the server lacks %s; kept only as shadow",
                        env["type"], env["id"], ", ".join(missing))
            return None
        row = fresh
        s.add(row)
        old_status = None
    else:
        old_status = getattr(row, "status", None)
        row.apply_data(data)
    row.deleted = deleted
    row.version = int(env["version"])
    row.seq = env.get("seq")
    row.modified_at = env.get("modified_at") or now_text()
    row.modified_by = env.get("modified_by")
    new_status = getattr(row, "status", None)
    if model.sync_type == "inspection" and new_status != old_status and old_status is not None:
        audit.append(s, actor_id=env.get("modified_by"), record_type="inspection",
                     record_id=row.id, action="sync", from_status=old_status,
                     to_status=new_status, note="sinkronisasi")
    return row


def normalized(model: type[SyncedRecord], data: dict[str, Any] | None) -> dict[str, Any]:
    """``data`` as the local row would give it back (absent fields as None, dates as text),
    so that a field the server leaves out is not taken for a change."""
    probe = model()
    probe.apply_data(dict(data or {}))
    return probe.to_data()


def set_shadow(s: Session, shadow: Shadow | None, env: dict[str, Any]) -> Shadow:
    if shadow is None:
        shadow = Shadow(record_type=env["type"], record_id=env["id"])
        s.add(shadow)
    shadow.version = int(env["version"])
    shadow.envelope = dict(env)
    return shadow


def _supersede(entries: list[OutboxEntry], why: str) -> None:
    for entry in entries:
        entry.state = OutboxState.DONE
        entry.error = {**(entry.error or {}), "superseded": why}


def apply_remote(s: Session, env: dict[str, Any], stats: ApplyStats, *,
                 force: bool = False, pre: Prefetched | None = None) -> None:
    """Bring one server envelope into the laptop (see the module docstring).

    ``force``: apply even when the shadow is not older (a ``conflict`` answer).
    ``pre``: the page's prefetched rows (None: look each up).
    """
    model = SYNCED_MODELS.get(env["type"])
    key = (env["type"], env["id"])
    shadow = pre.shadows.get(key) if pre is not None else s.get(Shadow, key)
    if shadow is not None and shadow.version >= int(env["version"]) and not force:
        stats.skipped += 1  # our own change coming back, or already known
        return
    if model is None:  # a type this version does not know: remember it, nothing else
        shadow = set_shadow(s, shadow, env)
        if pre is not None:
            pre.shadows[key] = shadow
        stats.skipped += 1
        return
    row = pre.rows.get(key) if pre is not None else s.get(model, env["id"])
    if pre is not None and key not in pre.local:
        entries: list[OutboxEntry] = []
        conflict = None
    else:
        entries = outstanding_entries(s, *key)
        conflict = open_conflict(s, *key)
    if (not entries and conflict is None) or row is None:
        _supersede(entries, "server")
        row = write_row(s, model, row, env, dict(env["data"]), bool(env.get("deleted")))
        shadow = set_shadow(s, shadow, env)
        if pre is not None:
            pre.shadows[key] = shadow
            if row is not None:
                pre.rows[key] = row
        stats.applied += 1
        return
    reconcile(s, model, row, shadow, env, entries, conflict, stats)


#: Fields of an inspection computed from its values: never merged on their own (two
#: inspectors filling different measurements would "conflict" on the findings list),
#: but computed again from the merged values, as the inspection service does on save.
DERIVED_PATHS = {("verdict",), ("findings",), ("recommendations",), ("next_test_due",)}


def rederive_inspection(merged: dict[str, Any], s: Session | None = None) -> bool:
    """Recompute verdict, findings, recommendations and next test date of merged
    inspection data with its pinned template; False when that is not possible here.
    Photos count when their attachment is on this laptop (``s``)."""
    from k3desk.domain.evaluation import evaluate
    from k3desk.domain.photos import with_stored_photos
    from k3desk.domain.templates import default_registry
    from k3desk.store.models import Attachment

    def stored(ids: set[str]) -> set[str]:
        if s is None:
            return set()
        rows = s.execute(select(Attachment.id, Attachment.sha256).where(
            Attachment.deleted.is_(False),
            or_(Attachment.id.in_(ids), Attachment.sha256.in_(ids)))).all()
        return {x for row in rows for x in row if x in ids}

    try:
        template = default_registry().get(merged["template_id"], merged["template_version"])
        inspected_on = date.fromisoformat(str(merged["inspected_on"]))
        values = with_stored_photos(template, dict(merged.get("values") or {}), stored)
        result = evaluate(template, values, inspected_on)
    except Exception as exc:  # unknown template here, odd values: keep the plain merge
        log.info("inspection not re-evaluated after merge: %s", exc)
        return False
    findings = result.to_json()["findings"]
    merged["verdict"] = result.verdict
    merged["findings"] = [f for f in findings if not f.get("passed", False)]
    merged["recommendations"] = list(result.recommendations)
    due = result.next_test_due
    merged["next_test_due"] = due.isoformat() if due else None
    return True


def reconcile(s: Session, model: type[SyncedRecord], row: SyncedRecord, shadow: Shadow | None,
              env: dict[str, Any], entries: list[OutboxEntry], conflict: Conflict | None,
              stats: ApplyStats) -> None:
    """Three-way merge of shadow, row and ``env`` (there are local changes)."""
    base_env = shadow.envelope if shadow is not None else None
    base = (with_deleted(normalized(model, base_env.get("data")), bool(base_env.get("deleted")))
            if base_env else None)
    mine = with_deleted(copy.deepcopy(row.to_data()), bool(row.deleted))
    theirs = with_deleted(normalized(model, env["data"]), bool(env.get("deleted")))
    record_type = model.sync_type
    if decision_overrides(record_type, base, mine, theirs):
        status = theirs.get("status")
        word = "disetujui" if status == "approved" else "ditolak"
        reason = (f"Pemeriksaan ini sudah {word} di server sementara laptop ini masih "
                  f"mengubahnya. Keputusan penyelia berlaku; perubahan Anda disimpan di sini "
                  f"sebagai salinan dan tidak dikirim.")
        fields = [list(p) for p in changed_paths(base, mine)]
        if conflict is not None:
            conflict.resolved_at = now_text()
            conflict.resolution = "workflow"
        s.add(Conflict(record_type=record_type, record_id=row.id, base=base, mine=mine,
                       theirs=theirs, fields=fields, reason=reason))
        _supersede(entries, "workflow")
        write_row(s, model, row, env, dict(env["data"]), bool(env.get("deleted")))
        set_shadow(s, shadow, env)
        stats.conflicts += 1
        return
    result = merge3(base, mine, theirs)
    if record_type == "inspection" and rederive_inspection(result.merged, s):
        result.conflicts = [p for p in result.conflicts if p[:1] not in DERIVED_PATHS]
    data, deleted = split_deleted(result.merged)
    _supersede(entries, "merged")
    write_row(s, model, row, env, data, deleted)
    set_shadow(s, shadow, env)
    if result.conflicts:
        fields = [list(p) for p in result.conflicts]
        names = ", ".join(path_text(p) for p in result.conflicts)
        reason = (f"Kolom yang sama diubah di laptop ini dan di server: {names}. "
                  f"Pilih: pakai milik saya, pakai dari server, atau sunting.")
        if conflict is None:
            s.add(Conflict(record_type=record_type, record_id=row.id, base=base, mine=mine,
                           theirs=theirs, fields=fields, reason=reason))
            stats.conflicts += 1
        else:
            known = {tuple(f) for f in conflict.fields or []}
            conflict.fields = (list(conflict.fields or [])
                               + [f for f in fields if tuple(f) not in known])
            conflict.mine, conflict.theirs, conflict.reason = mine, theirs, reason
        return
    if conflict is not None:  # the server now agrees with me on what conflicted
        conflict.resolved_at = now_text()
        conflict.resolution = "merged"
    stats.merged += 1
    if result.merged != theirs:
        s.add(OutboxEntry(record_type=record_type, record_id=row.id,
                          base_version=int(env["version"]), deleted=deleted, payload=data))


def acknowledge(s: Session, entry: OutboxEntry, version: int, seq: int | None,
                actor_id: str | None, pre: Prefetched | None = None) -> None:
    """The server applied ``entry`` (now or before): move the row's and shadow's version,
    and rebase the edits made after it onto that version."""
    entry.state = OutboxState.DONE
    key = (entry.record_type, entry.record_id)
    model = SYNCED_MODELS[entry.record_type]
    row = pre.rows.get(key) if pre is not None else s.get(model, entry.record_id)
    if row is not None and (row.version or 0) < version:
        row.version = version
        row.seq = seq
    shadow = pre.shadows.get(key) if pre is not None else s.get(Shadow, key)
    if shadow is None or shadow.version < version:
        shadow = set_shadow(s, shadow, {
            "type": entry.record_type, "id": entry.record_id, "version": version, "seq": seq,
            "deleted": bool(entry.deleted), "modified_at": now_text(), "modified_by": actor_id,
            "data": dict(entry.payload or {})})
        if pre is not None:
            pre.shadows[key] = shadow
    others = (pre.entries.get(key, []) if pre is not None else s.scalars(
        select(OutboxEntry).where(OutboxEntry.record_type == entry.record_type,
                                  OutboxEntry.record_id == entry.record_id,
                                  OutboxEntry.state.in_(OUTSTANDING))).all())
    for other in others:
        if other.id == entry.id or other.state not in OUTSTANDING:
            continue
        if other.id > entry.id and other.state == OutboxState.PENDING and other.attempts == 0:
            other.base_version = version
        elif other.id < entry.id and other.state == OutboxState.QUARANTINED:
            _supersede([other], "a later change was accepted")


def quarantine(entry: OutboxEntry, code: str, message: str, field: str | None = None) -> None:
    """Keep a refused change for a person, with the server's reason."""
    entry.state = OutboxState.QUARANTINED
    entry.error = {"code": code, "message": message, "field": field, "at": now_text()}


@dataclass
class Prefetched:
    """What a page (or a push batch) needs, loaded in a few queries instead of a few per
    record: shadows, rows, which keys have local changes and their outstanding entries.
    A key missing from ``shadows``/``rows`` is known to have none."""

    shadows: dict[Key, Shadow]
    rows: dict[Key, SyncedRecord]
    local: set[Key]
    entries: dict[Key, list[OutboxEntry]]


def prefetch(s: Session, keys: list[Key]) -> Prefetched:
    pre = Prefetched({}, {}, set(), {})
    for start in range(0, len(keys), 400):
        chunk = keys[start:start + 400]
        ids = [k[1] for k in chunk]
        by_type: dict[str, list[str]] = {}
        for record_type, record_id in chunk:
            by_type.setdefault(record_type, []).append(record_id)
        for record_type, type_ids in by_type.items():
            # (type, id) is the shadow's primary key: both, so that the index serves
            for shadow in s.scalars(select(Shadow).where(Shadow.record_type == record_type,
                                                         Shadow.record_id.in_(type_ids))):
                pre.shadows[(shadow.record_type, shadow.record_id)] = shadow
            model = SYNCED_MODELS.get(record_type)
            if model is not None:
                for row in s.scalars(select(model).where(model.id.in_(type_ids))):
                    pre.rows[(record_type, row.id)] = row
        for entry in s.scalars(select(OutboxEntry).where(
                OutboxEntry.record_id.in_(ids), OutboxEntry.state.in_(OUTSTANDING))
                .order_by(OutboxEntry.id)):
            key = (entry.record_type, entry.record_id)
            pre.entries.setdefault(key, []).append(entry)
            pre.local.add(key)
        pre.local.update((t, i) for t, i in s.execute(
            select(Conflict.record_type, Conflict.record_id).where(
                Conflict.record_id.in_(ids), Conflict.resolved_at.is_(None))))
    return pre
