"""An inspection's ``values``: checking their kinds and units, and example sets.

The JSON shape (SYNC_PROTOCOL.md section 3, ``inspection.values``) maps field ids to:

- number: a plain number in the field's canonical unit, or ``{"value": 7, "unit": "bar"}``
  with one of the field's alternative units (converted exactly to the canonical unit);
- integer: a whole number; text and choice: a string (a choice's ``value``);
- checklist: ``"baik"``/``"buruk"`` or ``"layak"``/``"layak_dengan_catatan"``/
  ``"tidak_layak"`` (``"Baik"``, ``"Layak dengan catatan"`` are accepted too);
- yesno: ``true``/``false``; date: ``"YYYY-MM-DD"``;
- group: a list of objects, each mapping sub-field ids to values as above;
- photo: a list of attachment ids (sha256 hex or uuid), never bytes;
- computed: not entered (a value sent is ignored; it is recomputed).

A missing field is an absent key or ``null``.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import math
import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from k3desk.domain import expressions as ex
from k3desk.domain.errors import ValidationError
from k3desk.domain.template_schema import SCALES, FieldSpec
from k3desk.domain.templates import Template
from k3desk.domain.units import convert, get_unit

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ATTACHMENT = re.compile(r"^(?:[0-9a-f]{64}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
                         r"[0-9a-f]{12})$")


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def normalize_value(spec: FieldSpec, raw: Any, path: str, invalid: list[str]) -> Any:
    """One value in its internal form (numbers as exact fractions in the canonical unit),
    or None with a line added to ``invalid`` saying what is wrong."""
    try:
        return _normalize(spec, raw, path, invalid)
    except ValidationError as exc:
        invalid.append(f"{path}: {exc}")
        return None


def _normalize(spec: FieldSpec, raw: Any, path: str, invalid: list[str]) -> Any:
    kind = spec.kind
    if raw is None or kind == "computed":
        return None
    if kind in ("number", "integer"):
        value = _number(spec, raw)
        if kind == "integer" and value.denominator != 1:
            raise ValidationError(f"expected a whole number, got {raw!r}")
        unit = f" {spec.unit}" if spec.unit else ""
        if spec.min is not None and value < Fraction(repr(spec.min)):
            raise ValidationError(f"{_show(value)}{unit} is below the allowed range "
                                  f"(min {spec.min:g}{unit})")
        if spec.max is not None and value > Fraction(repr(spec.max)):
            raise ValidationError(f"{_show(value)}{unit} is above the allowed range "
                                  f"(max {spec.max:g}{unit})")
        return value
    if kind in ("text", "choice", "checklist", "date"):
        if not isinstance(raw, str):
            raise ValidationError(f"expected text, got {_kind_of(raw)}")
        if kind == "text":
            if spec.max_length and len(raw) > spec.max_length:
                raise ValidationError(f"longer than {spec.max_length} characters")
            return raw if raw.strip() else None
        if kind == "date":
            try:
                if not _DATE.match(raw):
                    raise ValueError
                dt.date.fromisoformat(raw)
            except ValueError:
                raise ValidationError(f"expected a date YYYY-MM-DD, got {raw!r}") from None
            return raw
        answer = raw.strip().lower().replace(" ", "_") if kind == "checklist" else raw
        if answer not in spec.answers():
            raise ValidationError(f"{raw!r} is not one of {', '.join(spec.answers())}")
        return answer
    if kind == "yesno":
        if not isinstance(raw, bool):
            raise ValidationError(f"expected true or false, got {_kind_of(raw)}")
        return raw
    if kind == "photo":
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            raise ValidationError("expected a list of attachment ids")
        bad = [x for x in raw if not _ATTACHMENT.match(x)]
        if bad:
            raise ValidationError(f"{bad[0][:20]!r} is not an attachment id (sha256 or uuid)")
        return list(raw) or None
    if kind == "group":
        if not isinstance(raw, list):
            raise ValidationError(f"expected a list of items, got {_kind_of(raw)}")
        if spec.max_items is not None and len(raw) > spec.max_items:
            raise ValidationError(f"at most {spec.max_items} items")
        items: list[dict[str, Any]] = []
        for i, item in enumerate(raw):
            if not isinstance(item, Mapping):
                invalid.append(f"{path}[{i}]: expected an object, got {_kind_of(item)}")
                items.append({})
                continue
            items.append({sub.id: normalize_value(sub, item.get(sub.id), f"{path}[{i}].{sub.id}",
                                                  invalid) for sub in spec.fields})
        return items
    raise ValidationError(f"unknown field kind {kind!r}")


def _number(spec: FieldSpec, raw: Any) -> Fraction:
    if isinstance(raw, Mapping):
        if set(raw) != {"value", "unit"}:
            raise ValidationError('expected {"value": number, "unit": text}')
        value, unit = raw["value"], raw["unit"]
        if not _is_number(value):
            raise ValidationError(f"expected a number, got {_kind_of(value)}")
        if not isinstance(unit, str):
            raise ValidationError("the unit must be text")
        allowed = spec.allowed_units()
        try:
            symbol = get_unit(unit).symbol
        except ValidationError:
            symbol = None
        if symbol is None or symbol not in allowed:
            raise ValidationError(f"unknown unit {unit!r} (allowed: "
                                  f"{', '.join(allowed) or 'none'})")
        return convert(value, symbol, allowed[0]) if symbol != allowed[0] else Fraction(
            repr(value) if isinstance(value, float) else value)
    if not _is_number(raw):
        raise ValidationError(f"expected a number, got {_kind_of(raw)}")
    return Fraction(repr(raw)) if isinstance(raw, float) else Fraction(raw)


def _kind_of(v: Any) -> str:
    if v is None:
        return "nothing"
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, (int, float)):
        return f"the number {v!r}"
    if isinstance(v, str):
        return f"the text {v[:30]!r}"
    if isinstance(v, list):
        return "a list"
    if isinstance(v, Mapping):
        return "an object"
    return type(v).__name__


def _show(v: Fraction) -> str:
    try:
        return f"{float(v):g}"
    except OverflowError:
        return str(v)


def normalize_values(template: Template, values: Any) -> tuple[dict[str, Any], list[str]]:
    """All of a form's values in internal form, plus the problems found (field paths)."""
    invalid: list[str] = []
    if not isinstance(values, Mapping):
        return {}, [f"(values): expected an object of field values, got {_kind_of(values)}"]
    out = {fid: normalize_value(spec, values.get(fid), fid, invalid)
           for fid, spec in template.fields.items()}
    return out, invalid


def validate_values(template: Template, values: Any) -> list[str]:
    """Errors with field paths: wrong kind, out of range, unknown unit or answer."""
    return normalize_values(template, values)[1]


def compute(template: Template, values: dict[str, Any], invalid: list[str]) -> None:
    """Fill computed fields (top level and per group item) in place."""
    names = set(template.fields)
    scope = ex.Scope(values, names)
    for _ in range(2):  # a top-level value may use a group's computed values and back
        for (group, fid), node in template.computed.items():
            if group is None:
                values[fid] = _safe_eval(node, scope, template, f"{fid}", invalid)
                continue
            items = values.get(group)
            for i, item in enumerate(items if isinstance(items, list) else []):
                item_scope = ex.Scope(item, template.group_subs[group], scope, f"{group}[{i}].")
                item[fid] = _safe_eval(node, item_scope, template, f"{group}[{i}].{fid}",
                                       invalid)
    _dedupe(invalid)


def _dedupe(items: list[str]) -> None:
    seen: list[str] = []
    for x in items:
        if x not in seen:
            seen.append(x)
    items[:] = seen


def _safe_eval(node: ex.Node, scope: ex.Scope, template: Template, path: str,
               invalid: list[str]) -> Any:
    try:
        return ex.evaluate(node, scope, template.tables, template.group_subs)
    except ex.Missing:
        return None
    except ex.EvalError as exc:
        invalid.append(f"{path}: cannot compute: {exc}")
        return None


def _fake_attachment(name: str) -> str:
    return hashlib.sha256(f"contoh-foto-{name}".encode()).hexdigest()


def _example_of(spec: FieldSpec, kinds: list[str]) -> Any:
    if spec.example is not None:
        return copy.deepcopy(spec.example)
    kind = spec.kind
    if kind == "number" or kind == "integer":
        lo, hi = spec.min, spec.max
        v = (lo + hi) / 2 if lo is not None and hi is not None else (lo if lo else 1)
        return int(v) if kind == "integer" or float(v).is_integer() else v
    if kind == "text":
        return f"Contoh {spec.title.id.lower()}"
    if kind == "choice":
        if spec.id == "jenis_pemeriksaan" and kinds and kinds[0] in spec.answers():
            return kinds[0]
        return spec.answers()[0]
    if kind == "checklist":
        return spec.answers()[0]
    if kind == "yesno":
        return spec.expect if spec.expect is not None else False
    if kind == "date":
        return "2026-01-15"
    if kind == "photo":
        return [_fake_attachment(spec.id)]
    if kind == "group":
        n = max(spec.min_items, 2)
        return [{sub.id: _example_of(sub, kinds) for sub in spec.fields if sub.kind != "computed"}
                for _ in range(n)]
    return None


def example_values(template: Template, failing: bool = False) -> dict[str, Any]:
    """A complete set of values that passes every rule, or (``failing``) fails at least one.

    Built from the ``example`` / ``example_failing`` hints of the template's fields.
    """
    out: dict[str, Any] = {}
    for fid, spec in template.fields.items():
        if spec.kind == "computed":
            continue
        out[fid] = _example_of(spec, template.kinds)
    if not failing:
        return out
    changed = False
    for fid, spec in template.fields.items():
        if spec.example_failing is not None:
            out[fid] = copy.deepcopy(spec.example_failing)
            changed = True
        for sub in spec.fields:
            if sub.example_failing is not None and out.get(fid):
                out[fid][0][sub.id] = copy.deepcopy(sub.example_failing)
                changed = True
    if not changed:
        for fid, spec in template.fields.items():
            if spec.kind == "checklist" and spec.scale:
                out[fid] = [a for a, sev in SCALES[spec.scale].items() if sev == "major"][0]
                break
    return out
