"""Applying a pulled page in bulk where that is safe, inside the caller's transaction.

A laptop's first sync pulls every record of its Balai; applying each one through the
ORM (object, unit of work, one INSERT per row and per shadow) is most of its time.
Records the laptop does not hold yet need nothing of the merge machinery: no local row,
no shadow, no outstanding outbox entry, no open conflict (``Prefetched.local``), a type
this version knows, not a tombstone, and the key only once in the page. Those rows and
their shadows are written with Core ``insert()`` executemany; every other record takes
the per-record path of ``apply.apply_remote`` unchanged (updates, tombstones, local
edits, conflicts, quarantined changes, unknown types).

The invariants of ``apply`` and ``engine`` hold: the rows go into the page's transaction
(with its cursor), no outbox entry is written (Core bypasses the ORM outbox hook, and a
new record has none to supersede), and a new row leaves no audit event (as in
``write_row``, which audits only a status *change*). A row that breaks a local unique
rule raises ``IntegrityError`` like a flush would, so the engine's one-by-one fallback
still takes over. Values are taken exactly as the ORM would insert them: the row is
built with ``apply_data`` and a ``None`` is left to the column's default unless the
column's type stores ``None`` itself (JSON), as the ORM's insert does.
"""

from __future__ import annotations

import logging
from collections import Counter
from functools import cache
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from k3desk.store.base import now_text, parse_date
from k3desk.store.models import SYNCED_MODELS, Shadow, SyncedRecord
from k3desk.sync.apply import ApplyStats, Prefetched, _required_fields, apply_remote

log = logging.getLogger("k3desk.sync")

_COLUMNS: dict[type[SyncedRecord], tuple[tuple[str, str, bool], ...]] = {}


def _columns(model: type[SyncedRecord]) -> tuple[tuple[str, str, bool], ...]:
    """(attribute, column key, stores None itself) for each column of ``model``."""
    if model not in _COLUMNS:
        mapper = sa_inspect(model)
        _COLUMNS[model] = tuple(
            (attr.key, attr.columns[0].key, bool(attr.columns[0].type.should_evaluate_none))
            for attr in mapper.column_attrs)
    return _COLUMNS[model]


@cache
def _plain(model: type[SyncedRecord]) -> bool:
    """Every wire field is a column of the same name: ``apply_data`` is plain setattr."""
    names = {attr for attr, column, _ in _columns(model) if attr == column}
    return set(model.wire_fields) <= names


def _direct(model: type[SyncedRecord], env: dict[str, Any]) -> dict[str, Any]:
    """What ``apply_data`` and the envelope columns put in a fresh row, without the ORM."""
    state: dict[str, Any] = {"id": env["id"]}
    extra: dict[str, Any] = {}
    wire, dates = set(model.wire_fields), model.date_fields
    for name, value in env["data"].items():
        if name in wire:
            state[name] = parse_date(value) if name in dates else value
        else:
            extra[name] = value
    state.update(extra=extra, deleted=False, version=int(env["version"]), seq=env.get("seq"),
                 modified_at=env.get("modified_at") or now_text(),
                 modified_by=env.get("modified_by"))
    return state


def row_values(model: type[SyncedRecord], env: dict[str, Any]) -> dict[str, Any] | None:
    """The INSERT values of a new row for ``env`` (None: required fields are missing)."""
    if _plain(model):
        state = _direct(model, env)
    else:
        fresh = model(id=env["id"])
        fresh.apply_data(dict(env["data"]))
        fresh.deleted = False
        fresh.version = int(env["version"])
        fresh.seq = env.get("seq")
        fresh.modified_at = env.get("modified_at") or now_text()
        fresh.modified_by = env.get("modified_by")
        state = fresh.__dict__
    missing = [f for f in _required_fields(model) if state.get(f) is None]
    if missing:
        log.warning("%s %s from the server lacks %s; kept only as shadow",
                    env["type"], env["id"], ", ".join(missing))
        return None
    values: dict[str, Any] = {}
    for attr, column, keeps_none in _columns(model):
        if attr in state and (state[attr] is not None or keeps_none):
            values[column] = state[attr]
    return values


def is_new(env: dict[str, Any], pre: Prefetched, once: Counter[tuple[str, str]]) -> bool:
    key = (env["type"], env["id"])
    return (env["type"] in SYNCED_MODELS and not env.get("deleted") and once[key] == 1
            and key not in pre.shadows and key not in pre.rows and key not in pre.local)


def apply_page(s: Session, envs: list[dict[str, Any]], stats: ApplyStats,
               pre: Prefetched) -> None:
    """Apply a pulled page: new records in bulk, the others one by one (in page order)."""
    once = Counter((env["type"], env["id"]) for env in envs)
    rows: dict[tuple[type[SyncedRecord], frozenset[str]], list[dict[str, Any]]] = {}
    shadows: list[dict[str, Any]] = []
    for env in envs:
        if not is_new(env, pre, once):
            apply_remote(s, env, stats, pre=pre)
            continue
        model = SYNCED_MODELS[env["type"]]
        values = row_values(model, env)
        if values is not None:  # rows of one statement share their columns
            rows.setdefault((model, frozenset(values)), []).append(values)
        shadows.append({"record_type": env["type"], "record_id": env["id"],
                        "version": int(env["version"]), "envelope": dict(env)})
        stats.applied += 1
    for (model, _keys), batch in rows.items():
        s.execute(insert(cast(Table, model.__table__)), batch)
    if shadows:
        s.execute(insert(cast(Table, Shadow.__table__)), shadows)
