"""How stored values read on paper and on screen: labels, units, Indonesian numbers.

Shared by the PDF documents and the desktop views so both say the same thing.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from k3desk.domain.evaluation import Evaluation, Finding
from k3desk.domain.templates import Template

_OPS = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "==": "=", "!=": "≠", "between": "",
        "in": ""}
_WORDS = {"baik": "Baik", "buruk": "Buruk", "tidak_baik": "Tidak Baik", "layak": "Layak",
          "layak_dengan_catatan": "Layak dengan catatan", "tidak_layak": "Tidak Layak"}
_WORDS_EN = {"baik": "Good", "buruk": "Poor", "tidak_baik": "Not good", "layak": "Fit",
             "layak_dengan_catatan": "Fit with notes", "tidak_layak": "Unfit"}


def format_number(value: Any, grouping: bool = True) -> str:
    """``3.25`` -> ``3,25``; ``1500`` -> ``1.500`` (Indonesian separators); with
    ``grouping=False`` a whole number has no thousands separator (a year: ``2012``)."""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, Fraction):
        value = float(value)
    try:
        d = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if d == d.to_integral_value() and abs(d) < Decimal(10) ** 15:
        return f"{int(d):,}".replace(",", ".") if grouping else str(int(d))
    # Two decimals are what a gauge shows; small values keep three significant digits.
    places = 2 if abs(d) >= 1 else max(2, -d.adjusted() + 2)
    d = d.quantize(Decimal(1).scaleb(-places))
    sign = "-" if d < 0 else ""
    whole, _, frac = f"{abs(d).normalize():f}".partition(".")
    return sign + f"{int(whole):,}".replace(",", ".") + ("," + frac if frac else "")


def format_value(value: Any, spec: Any = None, lang: str = "id") -> str:
    """One stored value as a person reads it (choices by their title, checklists by word);
    ``lang="en"`` for the window in English (documents stay in Bahasa Indonesia)."""
    en = lang == "en"
    if value is None or value == "":
        return "-"
    if isinstance(value, dict) and "value" in value:
        return f"{format_number(value['value'])} {value.get('unit', '')}".strip()
    if isinstance(value, bool):
        return ("Yes" if value else "No") if en else ("Ya" if value else "Tidak")
    if isinstance(value, int | float | Fraction):
        # An integer field is a year, a count or a number that names something: never
        # "Tahun pembuatan 2.012".
        return format_number(value, grouping=getattr(spec, "field_type", None) != "integer")
    if isinstance(value, str):
        if spec is not None:
            for choice in getattr(spec, "choices", []) or []:
                if choice.value == value:
                    return str(choice.title.get(lang))
        return (_WORDS_EN if en else _WORDS).get(value, value)
    if isinstance(value, list):
        if spec is not None and getattr(spec, "field_type", None) == "photo":
            return f"{len(value)} photo(s)" if en else f"{len(value)} foto"
        return "; ".join(format_value(v, None, lang) for v in value)
    return str(value)


def with_computed(template: Template, values: dict[str, Any]) -> dict[str, Any]:
    """The values as entered plus the template's computed ones (never raises)."""
    from k3desk.domain.values import compute, normalize_values

    norm, invalid = normalize_values(template, values)
    compute(template, norm, invalid)
    return {**values, **{k: v for k, v in norm.items()
                         if k not in values and not isinstance(v, list | dict)}}


def section_rows(template: Template, values: dict[str, Any], lang: str = "id"
                 ) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(section title, [(label, value, unit)]) for every section, groups item by item;
    in ``lang`` (the template's own texts; "id" for documents)."""
    values = with_computed(template, values)
    # a field without a unit of its own prints the unit its rule measures it in, so the
    # form table and the results table say the same ("buah", never "-" in one of them)
    rule_units = {c.rule.measured: c.rule.unit for c in template.rules
                  if c.rule.measured and c.rule.measured.isidentifier() and c.rule.unit}
    out = []
    for section in template.sections:
        rows: list[tuple[str, str, str]] = []
        for spec in section.fields:
            value = values.get(spec.id)
            if spec.field_type == "group":
                items = value if isinstance(value, list) else []
                for n, item in enumerate(items, start=1):
                    title = (spec.item_title or spec.title).get(lang)
                    for sub in spec.fields:
                        sub_value = item.get(sub.id) if isinstance(item, dict) else None
                        rows.append((f"{title} {n} — {sub.title.get(lang)}",
                                     format_value(sub_value, sub, lang),
                                     sub.unit or rule_units.get(sub.id, "")))
                if not items:
                    rows.append((spec.title.get(lang), "-", ""))
                continue
            rows.append((spec.title.get(lang), format_value(value, spec, lang),
                         spec.unit or rule_units.get(spec.id, "")))
        out.append((section.title.get(lang), rows))
    return out


def required_text(f: Finding) -> str:
    op = _OPS.get(f.op or "", f.op or "")
    if f.required is None:
        return "-"
    if isinstance(f.required, list) and len(f.required) == 2 and f.op == "between":
        text = f"{format_value(f.required[0])} – {format_value(f.required[1])}"
    else:
        text = f"{op} {format_value(f.required)}".strip()
    return f"{text} {f.unit}" if f.unit and not isinstance(f.required, str) else text


def reference_text(f: Finding) -> str:
    ref = f.reference or {}
    text = " ".join(str(ref.get(k)) for k in ("regulation", "article") if ref.get(k))
    return text + (" (dicabut)" if ref.get("repealed") else "")


def official_reference_text(f: Finding) -> str:
    """The requirement's source as a company's certificate cites it: the regulation the
    Balai applied, without the maintainers' notes (repealed, grade)."""
    ref = f.reference or {}
    regulation = str(ref.get("regulation") or "")
    article = str(ref.get("article") or "")
    if "(" in regulation:  # "Praktik perancangan crane (bukan ...)": the note stays out
        regulation = regulation.split("(")[0].strip()
    if article and len(article) <= 24 and "(" not in article:
        return f"{regulation} {article}".strip()
    return regulation


def factor_text(f: Finding) -> str:
    return f.title_id + (f" (butir {f.item + 1})" if f.item is not None else "")


def result_rows(evaluation: Evaluation) -> list[dict[str, Any]]:
    """Every rule result as a row of the results table."""
    return [{"factor": factor_text(f), "required": required_text(f),
             "reference": reference_text(f), "measured": format_value(f.measured),
             "unit": f.unit or "", "passed": f.passed, "grade": f.grade,
             "unverified": f.unverified, "message": f.message_id,
             "severity": f.severity, "title": f.title_id, "item": f.item,
             "official_reference": official_reference_text(f)}
            for f in evaluation.findings]
