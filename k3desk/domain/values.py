"""An inspection's ``values``: checking their types and units, and example sets.

The JSON shape (SYNC_PROTOCOL.md section 3, ``inspection.values``) maps field ids to:

- number: a plain number in the field's canonical unit, or ``{"value": 7, "unit": "bar"}``
  with one of the field's alternative units (converted exactly to the canonical unit);
  a number typed by a person may come as text with a decimal comma (``"12,5"``);
- integer: a whole number; text and choice: a string (a choice's ``value``);
- checklist: ``"baik"``/``"buruk"`` or ``"layak"``/``"layak_dengan_catatan"``/
  ``"tidak_layak"`` (``"Baik"``, ``"Layak dengan catatan"`` are accepted too);
- yesno: ``true``/``false``; date: ``"YYYY-MM-DD"``;
- group: a list of objects, each mapping sub-field ids to values as above;
- photo: a list of attachment ids (sha256 hex or uuid), never bytes;
- computed: not entered (a value sent is ignored; it is recomputed).

A missing field is an absent key or ``null``. Every problem found is a
:class:`~k3desk.domain.problems.ValueProblem` naming the field path, a stable code, its
parameters and one sentence in Bahasa Indonesia that names the field by its label.
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
from k3desk.domain.i18n import language, translate
from k3desk.domain.problems import ValueProblem, show_number
from k3desk.domain.template_schema import SCALE_TITLES, SCALES, FieldSpec
from k3desk.domain.templates import Template
from k3desk.domain.units import convert, get_unit

__all__ = ["ValueProblem", "compute", "example_values", "field_label", "normalize_value",
           "normalize_values", "numbers_as_json", "parse_number_text", "validate_values"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ATTACHMENT = re.compile(r"^(?:[0-9a-f]{64}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
                         r"[0-9a-f]{12})$")
_NUMBER_TEXT = re.compile(r"^[+-]?\d+(?:[.,]\d+)*$")


class _Bad(Exception):
    """One problem with the value at hand; turned into a ValueProblem with its label."""

    def __init__(self, code: str, text: str, **params: str) -> None:
        super().__init__(text)
        self.code, self.text, self.params = code, text, params


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def field_label(template: Template, path: str) -> str:
    """The label a person knows a field path by: ``"Tekanan kerja"``, or for a group
    item ``"Hidran baris 2 — Tekanan"``; the path itself when the template lacks it."""
    m = re.fullmatch(r"([a-z][a-z0-9_]*)(?:\[(\d+)\](?:\.([a-z][a-z0-9_]*))?)?", path)
    spec = template.fields.get(m.group(1)) if m else None
    if m is None or spec is None:
        return path
    if m.group(2) is None:
        return spec.title.get(language())
    row = translate("values", "{label} baris {n}").format(label=spec.title.get(language()),
                                                           n=int(m.group(2)) + 1)
    sub = next((s for s in spec.fields if s.id == m.group(3)), None)
    return f"{row} — {sub.title.get(language())}" if sub else row


def _problem(path: str, label: str, code: str, text: str, **params: str) -> ValueProblem:
    return ValueProblem(path, code, {"label": label, **params}, f"{label}: {text}")


def normalize_value(spec: FieldSpec, raw: Any, path: str, problems: list[ValueProblem],
                    label: str | None = None) -> Any:
    """One value in its internal form (numbers as exact fractions in the canonical unit),
    or None with a problem added to ``problems`` saying what is wrong."""
    label = label or spec.title.get(language())
    try:
        return _normalize(spec, raw, path, label, problems)
    except _Bad as bad:
        problems.append(_problem(path, label, bad.code, bad.text, **bad.params))
        return None


def _normalize(spec: FieldSpec, raw: Any, path: str, label: str,
               problems: list[ValueProblem]) -> Any:
    field_type = spec.field_type
    if raw is None or field_type == "computed":
        return None
    if field_type in ("number", "integer"):
        return _ranged(spec, _number(spec, raw), raw)
    if field_type in ("text", "choice", "checklist", "date"):
        if not isinstance(raw, str):
            raise _Bad("not_text", translate("values", "harus berupa teks, bukan "
                                             "{kind_of}").format(
                                       kind_of=_value_type(raw)),
                       value=_display(raw))
        if field_type == "text":
            if spec.max_length and len(raw) > spec.max_length:
                raise _Bad("too_long", translate("values", "terlalu panjang ({count} "
                                                 "karakter, paling banyak {max_length})").format(
                                           count=len(raw),
                                           max_length=spec.max_length), length=str(len(raw)),
                           max=str(spec.max_length))
            return raw if raw.strip() else None
        if field_type == "date":
            return _date(raw)
        answer = raw.strip().lower().replace(" ", "_") if field_type == "checklist" else raw
        if answer not in spec.answers():
            shown = ", ".join(_answer_title(spec, a) for a in spec.answers())
            raise _Bad("unknown_answer", translate("values", "“{clip}” bukan salah satu "
                                                   "pilihan ({shown})").format(
                                             clip=_clip(raw), shown=shown),
                       value=_clip(raw), answers=shown)
        return answer
    if field_type == "yesno":
        if not isinstance(raw, bool):
            raise _Bad("not_yes_no", translate("values", "harus ya atau tidak, bukan "
                                               "{kind_of}").format(
                                         kind_of=_value_type(raw)),
                       value=_display(raw))
        return raw
    if field_type == "photo":
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            raise _Bad("bad_photo", translate("values", "harus berupa daftar foto (id lampiran)"),
                       value=_display(raw))
        bad = [x for x in raw if not _ATTACHMENT.match(x)]
        if bad:
            raise _Bad("bad_photo", translate("values", "“{clip}” bukan foto yang "
                                              "tersimpan (id lampiran sha256 atau uuid)").format(
                                        clip=_clip(bad[0], 20)), value=_clip(bad[0], 20))
        return list(raw) or None
    if field_type == "group":
        return _group(spec, raw, path, label, problems)
    raise _Bad("unknown_field_kind", translate("values", "jenis isian “{kind}” tidak "
                                               "dikenal").format(
                                         kind=field_type), kind=str(field_type))


def _group(spec: FieldSpec, raw: Any, path: str, label: str,
           problems: list[ValueProblem]) -> list[dict[str, Any]]:
    if not isinstance(raw, list):
        raise _Bad("not_a_list", translate("values", "harus berupa daftar baris, bukan "
                                           "{kind_of}").format(
                                     kind_of=_value_type(raw)),
                   value=_display(raw))
    if spec.max_items is not None and len(raw) > spec.max_items:
        raise _Bad("too_many_items", translate("values", "{count} baris, paling banyak "
                                               "{max_items}").format(
                                         count=len(raw), max_items=spec.max_items),
                   count=str(len(raw)), max=str(spec.max_items))
    items: list[dict[str, Any]] = []
    for i, item in enumerate(raw):
        row = translate("values", "{label} baris {n}").format(label=label, n=i + 1)
        if not isinstance(item, Mapping):
            problems.append(_problem(f"{path}[{i}]", row, "not_an_object",
                                     translate("values", "harus berupa isian baris, bukan "
                                               "{kind}").format(kind=_value_type(item)),
                                     value=_display(item)))
            items.append({})
            continue
        items.append({sub.id: normalize_value(sub, item.get(sub.id), f"{path}[{i}].{sub.id}",
                                              problems, f"{row} — {sub.title.get(language())}")
                      for sub in spec.fields})
    return items


def _ranged(spec: FieldSpec, value: Fraction, raw: Any) -> Fraction:
    shown = show_number(value)
    unit = spec.unit or ""
    tail = f" {unit}" if unit else ""
    if spec.field_type == "integer" and value.denominator != 1:
        raise _Bad("not_integer", translate("values", "harus bilangan bulat, bukan "
                                            "{shown}").format(
                                      shown=shown), value=shown)
    if spec.min is not None and value < Fraction(repr(spec.min)):
        low = show_number(spec.min)
        raise _Bad("below_min", translate("values", "{shown}{tail} di bawah rentang "
                                          "yang diizinkan (min {low}{tail})").format(
                                    shown=shown,
                                    tail=tail,
                                    low=low), value=shown, min=low, unit=unit)
    if spec.max is not None and value > Fraction(repr(spec.max)):
        high = show_number(spec.max)
        raise _Bad("above_max", translate("values", "{shown}{tail} di atas rentang yang "
                                          "diizinkan (maks {high}{tail})").format(
                                    shown=shown,
                                    tail=tail,
                                    high=high), value=shown, max=high, unit=unit)
    return value


def parse_number_text(text: str) -> Fraction:
    """A number a person typed: ``"12,5"`` (decimal comma) or ``"12.5"`` -> 12.5.

    Never a thousands separator: ``"1.234"`` (1234 or 1,234?) and ``"1,234,5"`` are
    refused as ambiguous. Raises ValidationError with the reason in Bahasa Indonesia.
    """
    try:
        return _number_text(text)
    except _Bad as bad:
        raise ValidationError(bad.text) from None


def _number_text(text: str) -> Fraction:
    t = text.strip().replace(" ", "").replace("\u00a0", "")
    if not _NUMBER_TEXT.match(t):
        raise _Bad("not_a_number", translate("values", "“{clip}” bukan angka").format(
                                       clip=_clip(text)), value=_clip(text))
    separators = [c for c in t if c in ".,"]
    whole, _, fraction = t.lstrip("+-").partition(".")
    if len(separators) > 1 or (separators == ["."] and len(fraction) == 3 and whole != "0"):
        raise _Bad("ambiguous_number",
                   translate("values", "“{clip}” tidak jelas: tulis angka tanpa pemisah "
                             "ribuan, dengan koma untuk desimal (mis. 1234 atau 1234,5)").format(
                       clip=_clip(text)), value=_clip(text))
    return Fraction(t.replace(",", "."))


def _number(spec: FieldSpec, raw: Any) -> Fraction:
    if isinstance(raw, Mapping):
        if set(raw) != {"value", "unit"} or not isinstance(raw["unit"], str):
            raise _Bad("not_a_number", translate("values", "harus angka, atau angka dengan "
                                                 "satuannya"),
                       value=_display(raw))
        value, unit = raw["value"], raw["unit"]
        if isinstance(value, Mapping):
            raise _Bad("not_a_number", translate("values", "harus angka, bukan {kind_of}").format(
                                           kind_of=_value_type(value)),
                       value=_display(value))
        number = _number(spec, value)
        allowed = spec.allowed_units()
        try:
            symbol: str | None = get_unit(unit).symbol
        except ValidationError:
            symbol = None
        if symbol is None or symbol not in allowed:
            shown = ", ".join(allowed) or "tanpa satuan"
            raise _Bad("unknown_unit", translate("values", "satuan “{clip}” tidak dapat "
                                                 "dipakai di sini (yang dapat: {shown})").format(
                                           clip=_clip(unit),
                                           shown=shown), unit=_clip(unit), allowed=shown,
                       value=show_number(number))
        return convert(number, symbol, allowed[0]) if symbol != allowed[0] else number
    if isinstance(raw, str):
        return _number_text(raw)
    if not _is_number(raw):
        raise _Bad("not_a_number", translate("values", "harus angka, bukan {kind_of}").format(
                                       kind_of=_value_type(raw)), value=_display(raw))
    return Fraction(repr(raw)) if isinstance(raw, float) else Fraction(raw)


def _date(raw: str) -> str:
    try:
        if not _DATE.match(raw):
            raise ValueError
        dt.date.fromisoformat(raw)
    except ValueError:
        raise _Bad("bad_date", translate("values", "“{clip}” bukan tanggal yang sah "
                                         "(tulis TTTT-BB-HH, mis. 2026-01-15)").format(
                                   clip=_clip(raw)), value=_clip(raw)) from None
    return raw


def _answer_title(spec: FieldSpec, answer: str) -> str:
    for choice in spec.choices:
        if choice.value == answer:
            return choice.title.get(language())
    return SCALE_TITLES.get(answer, (answer, answer))[0]


def _clip(text: str, n: int = 30) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _display(v: Any) -> str:
    """A value as display text for ``params`` (never a Python repr)."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    if _is_number(v):
        return show_number(v)
    if isinstance(v, str):
        return _clip(v)
    return _value_type(v)


def _value_type(v: Any) -> str:
    if v is None:
        return "kosong"
    if isinstance(v, bool):
        return "ya/tidak"
    if _is_number(v):
        return f"angka {show_number(v)}"
    if isinstance(v, (int, float)):
        return "angka yang tidak sah"
    if isinstance(v, str):
        return f"teks “{_clip(v)}”"
    if isinstance(v, list):
        return "daftar"
    if isinstance(v, Mapping):
        return "objek"
    return "nilai yang tidak dikenal"


def normalize_values(template: Template, values: Any
                     ) -> tuple[dict[str, Any], list[ValueProblem]]:
    """All of a form's values in internal form, plus the problems found (by field path)."""
    problems: list[ValueProblem] = []
    if not isinstance(values, Mapping):
        return {}, [ValueProblem("", "not_an_object", {"value": _display(values)},
                                 "Nilai formulir harus berupa objek (nama isian -> nilai), "
                                 f"bukan {_value_type(values)}")]
    out = {fid: normalize_value(spec, values.get(fid), fid, problems)
           for fid, spec in template.fields.items()}
    return out, problems


def validate_values(template: Template, values: Any) -> list[ValueProblem]:
    """The problems of a form's values: wrong type, out of range, unknown unit or answer."""
    return normalize_values(template, values)[1]


def compute(template: Template, values: dict[str, Any], problems: list[ValueProblem]) -> None:
    """Fill computed fields (top level and per group item) in place."""
    names = set(template.fields)
    scope = ex.Scope(values, names)
    for _ in range(2):  # a top-level value may use a group's computed values and back
        for (group, fid), node in template.computed.items():
            if group is None:
                values[fid] = _safe_eval(node, scope, template, f"{fid}", problems)
                continue
            items = values.get(group)
            for i, item in enumerate(items if isinstance(items, list) else []):
                item_scope = ex.Scope(item, template.group_subs[group], scope, f"{group}[{i}].")
                item[fid] = _safe_eval(node, item_scope, template, f"{group}[{i}].{fid}",
                                       problems)
    _dedupe(problems)


def _dedupe(items: list[ValueProblem]) -> None:
    seen: list[ValueProblem] = []
    for x in items:
        if x not in seen:
            seen.append(x)
    items[:] = seen


def _safe_eval(node: ex.Node, scope: ex.Scope, template: Template, path: str,
               problems: list[ValueProblem]) -> Any:
    try:
        return ex.evaluate(node, scope, template.tables, template.group_subs)
    except ex.Missing:
        return None
    except ex.EvalError as exc:
        problems.append(_problem(path, field_label(template, path), "not_computable",
                                 "tidak dapat dihitung dari nilai yang diisi",
                                 detail=str(exc)))
        return None


def _fake_attachment(name: str) -> str:
    return hashlib.sha256(f"contoh-foto-{name}".encode()).hexdigest()


def _example_of(spec: FieldSpec, inspection_kinds: list[str]) -> Any:
    if spec.example is not None:
        return copy.deepcopy(spec.example)
    field_type = spec.field_type
    if field_type == "number" or field_type == "integer":
        lo, hi = spec.min, spec.max
        v = (lo + hi) / 2 if lo is not None and hi is not None else (lo if lo else 1)
        return int(v) if field_type == "integer" or float(v).is_integer() else v
    if field_type == "text":
        return f"Contoh {spec.title.id.lower()}"
    if field_type == "choice":
        first = inspection_kinds[0] if inspection_kinds else None
        if spec.id == "jenis_pemeriksaan" and first in spec.answers():
            return first
        return spec.answers()[0]
    if field_type == "checklist":
        return spec.answers()[0]
    if field_type == "yesno":
        return spec.expect if spec.expect is not None else False
    if field_type == "date":
        return "2026-01-15"
    if field_type == "photo":
        return [_fake_attachment(spec.id)]
    if field_type == "group":
        n = max(spec.min_items, 2)
        return [{sub.id: _example_of(sub, inspection_kinds) for sub in spec.fields
                 if sub.field_type != "computed"}
                for _ in range(n)]
    return None


def example_values(template: Template, failing: bool = False) -> dict[str, Any]:
    """A complete set of values that passes every rule, or (``failing``) fails at least one.

    Built from the ``example`` / ``example_failing`` hints of the template's fields.
    """
    out: dict[str, Any] = {}
    for fid, spec in template.fields.items():
        if spec.field_type == "computed":
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
            if spec.field_type == "checklist" and spec.scale:
                out[fid] = [a for a, sev in SCALES[spec.scale].items() if sev == "major"][0]
                break
    return out


def numbers_as_json(template: Template, values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` with every number typed as text (``"12,5"``) stored as a JSON number
    (12.5), so what is saved and synced is a number; anything else is left as it is."""

    def fix(spec: FieldSpec, raw: Any) -> Any:
        if spec.field_type in ("number", "integer"):
            if isinstance(raw, Mapping) and set(raw) == {"value", "unit"}:
                return {**raw, "value": fix(spec, raw["value"])}
            if isinstance(raw, str):
                try:
                    number = _number_text(raw)
                except _Bad:
                    return raw
                return int(number) if number.denominator == 1 else float(number)
        if spec.field_type == "group" and isinstance(raw, list):
            subs = {s.id: s for s in spec.fields}
            return [{k: fix(subs[k], v) if k in subs else v for k, v in item.items()}
                    if isinstance(item, Mapping) else item for item in raw]
        return raw

    return {k: fix(template.fields[k], v) if k in template.fields else v
            for k, v in values.items()}
