"""Undoable edits of the form (a ``QUndoStack`` in the editor page).

A command changes the page's values through ``target.apply_value`` /
``apply_note`` / ``apply_rows``, which also update the widgets and mark the change for
autosave; undo puts the old value back the same way. Consecutive edits of one field
merge into one command (typing "12,5" is one step, not four).
"""

from __future__ import annotations

import copy
import re
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

_ITEM = re.compile(r"^([a-z][a-z0-9_]*)\[(\d+)\]\.([a-z][a-z0-9_]*)$")
EDIT_ID = 1101
NOTE_ID = 1102


class Target(Protocol):
    def apply_value(self, path: str, value: Any) -> None: ...
    def apply_note(self, path: str, text: str) -> None: ...
    def apply_rows(self, group: str, items: list[dict[str, Any]]) -> None: ...


def get_path(values: dict[str, Any], path: str) -> Any:
    m = _ITEM.match(path)
    if m is None:
        return values.get(path)
    items = values.get(m.group(1))
    i = int(m.group(2))
    if not isinstance(items, list) or i >= len(items) or not isinstance(items[i], dict):
        return None
    return items[i].get(m.group(3))


def set_path(values: dict[str, Any], path: str, value: Any) -> None:
    m = _ITEM.match(path)
    if m is None:
        values[path] = value
        return
    items = values.get(m.group(1))
    if not isinstance(items, list):
        items = values[m.group(1)] = []
    i = int(m.group(2))
    while len(items) <= i:
        items.append({})
    items[i][m.group(3)] = value


def get_note(values: dict[str, Any], path: str) -> str:
    m = _ITEM.match(path)
    if m is None:
        notes = values.get("_notes")
        return str(notes.get(path) or "") if isinstance(notes, dict) else ""
    items = values.get(m.group(1))
    i = int(m.group(2))
    if not isinstance(items, list) or i >= len(items) or not isinstance(items[i], dict):
        return ""
    notes = items[i].get("_notes")
    return str(notes.get(m.group(3)) or "") if isinstance(notes, dict) else ""


def set_note(values: dict[str, Any], path: str, text: str) -> None:
    """Notes of checklist items: ``values["_notes"][field]`` at the top level and
    ``item["_notes"][sub]`` inside a group's row (so a note moves with its row)."""
    m = _ITEM.match(path)
    if m is None:
        holder, key = values, path
    else:
        items = values.setdefault(m.group(1), [])
        i = int(m.group(2))
        while len(items) <= i:
            items.append({})
        holder, key = items[i], m.group(3)
    notes = dict(holder.get("_notes") or {})
    if text:
        notes[key] = text
    else:
        notes.pop(key, None)
    if notes:
        holder["_notes"] = notes
    else:
        holder.pop("_notes", None)


class SetValue(QUndoCommand):
    def __init__(self, target: Target, path: str, old: Any, new: Any, text: str) -> None:
        super().__init__(text)
        self.target, self.path, self.old, self.new = target, path, old, new

    def id(self) -> int:
        return EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if isinstance(other, SetValue) and other.path == self.path:
            self.new = other.new
            return True
        return False

    def redo(self) -> None:
        self.target.apply_value(self.path, self.new)

    def undo(self) -> None:
        self.target.apply_value(self.path, self.old)


class SetNote(SetValue):
    def id(self) -> int:
        return NOTE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if isinstance(other, SetNote) and other.path == self.path:
            self.new = other.new
            return True
        return False

    def redo(self) -> None:
        self.target.apply_note(self.path, self.new)

    def undo(self) -> None:
        self.target.apply_note(self.path, self.old)


class SetRows(QUndoCommand):
    """A row added, removed or moved: the group's rows before and after."""

    def __init__(self, target: Target, group: str, old: list[dict[str, Any]],
                 new: list[dict[str, Any]], text: str) -> None:
        super().__init__(text)
        self.target, self.group = target, group
        self.old, self.new = copy.deepcopy(old), copy.deepcopy(new)

    def redo(self) -> None:
        self.target.apply_rows(self.group, copy.deepcopy(self.new))

    def undo(self) -> None:
        self.target.apply_rows(self.group, copy.deepcopy(self.old))


def rows_after(items: list[dict[str, Any]], action: str, index: int) -> list[dict[str, Any]]:
    """The rows after a row action."""
    rows = copy.deepcopy(items)
    if action == "add":
        rows.insert(min(index, len(rows)), {})
    elif action == "remove" and 0 <= index < len(rows):
        rows.pop(index)
    elif action == "up" and 0 < index < len(rows):
        rows[index - 1], rows[index] = rows[index], rows[index - 1]
    elif action == "down" and 0 <= index < len(rows) - 1:
        rows[index + 1], rows[index] = rows[index], rows[index + 1]
    return rows
