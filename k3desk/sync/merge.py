"""Three-way merge of one record: base (the shadow), mine (the laptop), theirs (the server).

Pure functions over the wire form of a record (its ``data`` plus a ``DELETED`` key for
the tombstone flag), so they are tested without a database. Nested objects (an
inspection's ``values``) merge field by field, so two inspectors filling different
measurements of one form never conflict; lists and scalars are atomic. A field changed
on both sides to the same value is agreement, not a conflict: that is what makes a
change applied twice (a lost answer, then a retry) merge cleanly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from k3desk.domain.workflow import FINAL_STATUSES

#: The tombstone flag, merged like a field (a key no wire field can have).
DELETED = "__deleted__"

Path = tuple[str, ...]


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


MISSING: Any = _Missing()


@dataclass
class MergeResult:
    """``merged`` holds mine on every conflicting path until a person decides."""

    merged: dict[str, Any]
    conflicts: list[Path] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


def with_deleted(data: dict[str, Any] | None, deleted: bool) -> dict[str, Any]:
    """The merge form of a record: its data plus the tombstone flag."""
    return {**(data or {}), DELETED: bool(deleted)}


def split_deleted(merged: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    data = dict(merged)
    deleted = bool(data.pop(DELETED, False))
    return data, deleted


def _merge(base: Any, mine: Any, theirs: Any, path: Path, conflicts: list[Path]) -> Any:
    if mine == theirs:
        return mine
    if mine == base:
        return theirs
    if theirs == base:
        return mine
    if isinstance(mine, dict) and isinstance(theirs, dict):
        base_dict = base if isinstance(base, dict) else {}
        out: dict[str, Any] = {}
        for key in list(mine) + [k for k in theirs if k not in mine]:
            value = _merge(base_dict.get(key, MISSING), mine.get(key, MISSING),
                           theirs.get(key, MISSING), (*path, key), conflicts)
            if value is not MISSING:
                out[key] = value
        return out
    conflicts.append(path)
    return mine


def _strip(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != DELETED}


def merge3(base: dict[str, Any] | None, mine: dict[str, Any],
           theirs: dict[str, Any]) -> MergeResult:
    """Merge two edits of one record made from ``base`` (None: no common ancestor).

    A deletion on one side against an edit on the other is a conflict on ``DELETED``
    (never a silent resurrection or a silent loss of the edit).
    """
    base = base if base is not None else {}
    conflicts: list[Path] = []
    b_del, m_del, t_del = (bool(base.get(DELETED)), bool(mine.get(DELETED)),
                           bool(theirs.get(DELETED)))
    b, m, t = _strip(base), _strip(mine), _strip(theirs)
    merged = _merge(b, m, t, (), conflicts)  # a dict: all three are dicts
    if m_del == t_del:
        deleted = m_del
    elif m_del != b_del and t_del == b_del:  # I deleted (or restored); they may have edited
        deleted = m_del
        if t != b:
            conflicts.append((DELETED,))
    elif t_del != b_del and m_del == b_del:  # they deleted (or restored); I may have edited
        deleted = t_del
        if m != b:  # a conflict: mine stands until a person decides
            conflicts.append((DELETED,))
            deleted = m_del
    else:  # pragma: no cover - two booleans cannot both differ from base and each other
        deleted = m_del
    merged[DELETED] = deleted
    return MergeResult(merged=merged, conflicts=conflicts)


def get_path(data: dict[str, Any], path: Path) -> Any:
    value: Any = data
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return MISSING
        value = value[key]
    return value


def set_path(data: dict[str, Any], path: Path, value: Any) -> None:
    """Set (or, for ``MISSING``, remove) one path, creating objects on the way."""
    target = data
    for key in path[:-1]:
        nxt = target.get(key)
        if not isinstance(nxt, dict):
            nxt = {}
            target[key] = nxt
        target = nxt
    if value is MISSING:
        target.pop(path[-1], None)
    else:
        target[path[-1]] = value


def take_theirs(merged: dict[str, Any], theirs: dict[str, Any],
                paths: list[Path]) -> dict[str, Any]:
    """``merged`` with theirs on the conflicting paths (my other changes kept)."""
    out: dict[str, Any] = _deep_copy(merged)
    for path in paths:
        set_path(out, path, _deep_copy(get_path(theirs, path)))
    return out


def _deep_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value


def path_text(path: Path | list[str]) -> str:
    """How a person reads a conflicting path: ``values.tekanan_uji``, ``dihapus``."""
    if tuple(path) == (DELETED,):
        return "dihapus"
    return ".".join(path) if path else "(seluruh data)"


def changed_paths(base: dict[str, Any] | None, other: dict[str, Any]) -> list[Path]:
    """The leaf paths where ``other`` differs from ``base`` (for explanations)."""
    out: list[Path] = []

    def walk(b: Any, o: Any, path: Path) -> None:
        if b == o:
            return
        if isinstance(b, dict) and isinstance(o, dict):
            for key in list(o) + [k for k in b if k not in o]:
                walk(b.get(key, MISSING), o.get(key, MISSING), (*path, key))
            return
        out.append(path)

    walk(base or {}, other, ())
    return out


def decision_overrides(record_type: str, base: dict[str, Any] | None, mine: dict[str, Any],
                       theirs: dict[str, Any]) -> bool:
    """Workflow wins over edits: theirs decided the inspection (approved or rejected)
    while mine changed it, and mine is not simply that same decision."""
    if record_type != "inspection":
        return False
    their_status = theirs.get("status")
    if their_status not in {s.value for s in FINAL_STATUSES}:
        return False
    if (base or {}).get("status") == their_status:
        return False  # decided before my edit started: the server will judge my change
    result = merge3(base, mine, theirs)
    return result.merged != theirs
