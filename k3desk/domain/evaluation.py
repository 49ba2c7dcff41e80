"""Evaluating an inspection's values against its template: the verdict and its reasons.

The server and the desktop both call :func:`evaluate`, so a verdict means the same
everywhere. It never raises for JSON-like input: a value of the wrong type becomes a
problem in ``problems`` (and counts as absent), as does a required value not filled
(code ``required``; ``missing`` gives the paths of every required value absent or
unreadable, ``invalid`` the other problems' messages); a
rule that cannot be worked out on the values becomes a ``not_evaluated`` entry.

Verdict: ``incomplete`` when a required value is missing or a value is invalid;
otherwise ``tidak_memenuhi`` when a rule of severity critical or major fails;
otherwise ``memenuhi`` (failed minor rules give recommendations, not a failure).
``findings`` holds every rule result, passed and failed, in template order (a report
prints them all as its results table); ``failed`` gives the failed ones.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from typing import Any

from k3desk.domain import expressions as ex
from k3desk.domain.problems import ValueProblem
from k3desk.domain.template_schema import FieldSpec, Reference, Text
from k3desk.domain.templates import CompiledRule, Template, checklist_fail_severity
from k3desk.domain.values import (
    compute,
    example_values,
    field_label,
    normalize_values,
    validate_values,
)
from k3desk.domain.vocabulary import Verdict

__all__ = ["Evaluation", "Finding", "ValueProblem", "Verdict", "evaluate", "example_values",
           "validate_values"]

VERDICTS = tuple(Verdict)
_OP_TEXT = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "==": "=", "!=": "≠", "in": "∈",
            "between": "antara"}


@dataclass
class Finding:
    """One rule's result (passed or not) on one form or one group item."""

    rule_id: str
    title_id: str
    title_en: str
    fields: list[str]
    measured: Any
    required: Any
    op: str | None
    unit: str | None
    message_id: str
    message_en: str
    severity: str
    reference: dict[str, Any]
    grade: str
    unverified: bool
    passed: bool
    item: int | None = None
    recommendation_id: str | None = None
    recommendation_en: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Evaluation:
    template_id: str
    template_version: int
    verdict: Verdict
    findings: list[Finding] = field(default_factory=list)
    problems: list[ValueProblem] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    not_evaluated: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    recommendations_en: list[str] = field(default_factory=list)
    next_test_due: dt.date | None = None
    next_test_reference: dict[str, Any] = field(default_factory=dict)

    @property
    def invalid(self) -> list[str]:
        """One sentence per value that cannot be read, or rule that cannot be worked out."""
        return [p.message for p in self.problems if p.code != "required"]

    @property
    def failed(self) -> list[Finding]:
        return [f for f in self.findings if not f.passed]

    @property
    def unverified(self) -> list[Finding]:
        """Results resting on a threshold not confirmed from regulation text in force."""
        return [f for f in self.findings if f.unverified]

    def verdict_title(self, lang: str = "id") -> str:
        return self.verdict.title(lang)

    def to_json(self) -> dict[str, Any]:
        """The ``k3desk check`` output."""
        return {
            "template_id": self.template_id, "template_version": self.template_version,
            "verdict": self.verdict, "findings": [f.to_json() for f in self.findings],
            "failed_rules": sorted({f.rule_id for f in self.failed}),
            "missing": self.missing, "invalid": self.invalid,
            "problems": [p.to_json() for p in self.problems],
            "not_evaluated": self.not_evaluated, "recommendations": self.recommendations,
            "recommendations_en": self.recommendations_en,
            "next_test_due": self.next_test_due.isoformat() if self.next_test_due else None,
            "next_test_reference": self.next_test_reference,
        }


def evaluate(template: Template, values: Any, inspected_on: dt.date | None = None
             ) -> Evaluation:
    """The verdict of ``values`` under ``template`` (pinned: pass the version filled)."""
    result = Evaluation(template.id, template.version, Verdict.INCOMPLETE)
    result.next_test_reference = _ref_json(template.interval_reference)
    norm, invalid = normalize_values(template, values)
    compute(template, norm, invalid)
    top = ex.Scope(norm, set(template.fields))
    missing = _missing(template, norm, top)
    result.missing = [p.path for p in missing]  # a value that cannot be read is absent too
    unreadable = {p.path for p in invalid}
    result.problems = [p for p in missing if p.path not in unreadable] + invalid
    for rule in template.rules:
        _apply_rule(template, rule, top, norm, result)
    for spec in template.fields.values():
        _apply_item_checks(template, spec, norm, result)
    blocking = [f for f in result.failed if f.severity in ("critical", "major")]
    if result.problems:
        result.verdict = Verdict.INCOMPLETE
    elif blocking:
        result.verdict = Verdict.TIDAK_MEMENUHI
    else:
        result.verdict = Verdict.MEMENUHI
    for f in result.failed:
        if f.recommendation_id and f.recommendation_id not in result.recommendations:
            result.recommendations.append(f.recommendation_id)
            result.recommendations_en.append(f.recommendation_en or f.recommendation_id)
    if result.verdict is Verdict.MEMENUHI and inspected_on is not None:
        months = _months_valid(template, top, result)
        try:
            result.next_test_due = add_months(inspected_on, months)
        except (ValueError, OverflowError):  # beyond year 9999
            result.not_evaluated.append(f"next_test_due: {inspected_on} + {months} months")
    return result


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, clamped to the month's last day (31 Jan + 1 -> 28 Feb)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))


def _months_valid(t: Template, scope: ex.Scope, result: Evaluation) -> int:
    if t.next_test_months is None:
        return t.months_valid
    try:
        value = ex.evaluate(t.next_test_months, scope, t.tables, t.group_subs)
        if isinstance(value, Fraction) and value.denominator == 1 and 0 < value <= 120:
            return int(value)
        result.not_evaluated.append(f"next_test_months: not a whole number of months: {value}")
    except (ex.Missing, ex.EvalError) as exc:
        result.not_evaluated.append(f"next_test_months: {exc}")
    return t.months_valid


def _is_required(t: Template, group: str | None, spec: FieldSpec, scope: ex.Scope) -> bool:
    node = t.required_when.get((group, spec.id))
    if node is None:
        return spec.required
    try:
        return ex.evaluate(node, scope, t.tables, t.group_subs) is True
    except (ex.Missing, ex.EvalError):
        return False


def _required(t: Template, path: str, need: int = 1, what: str = "") -> ValueProblem:
    label = field_label(t, path)
    if need > 1:
        return ValueProblem(path, "required", {"label": label, "min": str(need)},
                            f"{label}: wajib diisi (paling sedikit {need} {what})")
    return ValueProblem(path, "required", {"label": label}, f"{label}: wajib diisi")


def _missing(t: Template, norm: dict[str, Any], top: ex.Scope) -> list[ValueProblem]:
    missing: list[ValueProblem] = []
    for fid, spec in t.fields.items():
        if spec.field_type == "computed":
            continue
        value = norm.get(fid)
        required = _is_required(t, None, spec, top)
        if spec.field_type == "group":
            items = value or []
            need = max(spec.min_items, 1 if required else 0)
            if len(items) < need:
                missing.append(_required(t, fid, need, "baris"))
            for i, item in enumerate(items):
                scope = ex.Scope(item, t.group_subs[fid], top, f"{fid}[{i}].")
                for sub in spec.fields:
                    if (sub.field_type != "computed" and item.get(sub.id) is None
                            and _is_required(t, fid, sub, scope)):
                        missing.append(_required(t, f"{fid}[{i}].{sub.id}"))
        elif spec.field_type == "photo":
            need = max(spec.min_count, 1 if required else 0)
            if len(value or []) < need:
                missing.append(_required(t, fid, need, "foto"))
        elif value is None and required:
            missing.append(_required(t, fid))
    return missing


def _float(v: Fraction) -> float | str:
    """A fraction as a float for JSON; one too large for a float stays exact text."""
    try:
        return float(v)
    except OverflowError:
        return str(v)


def _jsonable(v: Any) -> Any:
    if isinstance(v, Fraction):
        if v.denominator == 1:
            return int(v)
        f = _float(v)
        return round(f, 6) if isinstance(f, float) else f
    if isinstance(v, list):
        return [_jsonable(x) for x in v]
    return v


def _fmt(v: Any, lang: str) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return ("ya" if v else "tidak") if lang == "id" else ("yes" if v else "no")
    if isinstance(v, Fraction):
        f = _float(v)
        if isinstance(f, str):
            return f
        text = f"{f:.3f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if lang == "id" else text
    if isinstance(v, list):
        return " – ".join(_fmt(x, lang) for x in v)
    return str(v)


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _message(template_text: str, subs: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: subs.get(m.group(1), m.group(0)), template_text)


def _ref_json(ref: Reference | None) -> dict[str, Any]:
    if ref is None:
        return {}
    return ref.model_dump()


def _apply_rule(t: Template, cr: CompiledRule, top: ex.Scope, norm: dict[str, Any],
                result: Evaluation) -> None:
    rule = cr.rule
    scopes: list[tuple[ex.Scope, int | None]] = [(top, None)]
    if rule.for_each:
        items = norm.get(rule.for_each) or []
        scopes = [(ex.Scope(item, t.group_subs[rule.for_each], top, f"{rule.for_each}[{i}]."), i)
                  for i, item in enumerate(items)]
    for scope, index in scopes:
        try:
            env = (scope, t.tables, t.group_subs)
            if cr.when is not None and ex.evaluate(cr.when, *env) is not True:
                continue
            measured = ex.evaluate(cr.measured, *env) if cr.measured is not None else None
            required = ex.evaluate(cr.required, *env) if cr.required is not None else None
            if cr.check is not None:
                ok = ex.evaluate(cr.check, *env)
                if not isinstance(ok, bool):
                    raise ex.EvalError(f"check gave {ok!r}, not true/false")
            elif rule.op == "between":
                if not (isinstance(required, list) and len(required) == 2):
                    raise ex.EvalError("'between' needs required: [low, high]")
                ok = ex._cmp("<=", required[0], measured) and ex._cmp("<=", measured, required[1])
            else:
                ok = ex._cmp(rule.op or "==", measured, required)
        except ex.Missing as exc:
            label = f"{rule.id}" + (f"[{index}]" if index is not None else "")
            result.not_evaluated.append(f"{label}: missing {', '.join(exc.paths)}")
            continue
        except ex.EvalError as exc:
            row = f" (baris {index + 1})" if index is not None else ""
            result.problems.append(ValueProblem(
                "", "rule_not_computable", {"rule": rule.id, "title": rule.title.id,
                                            "detail": str(exc)},
                f"Persyaratan “{rule.title.id}”{row} tidak dapat dihitung dari nilai yang "
                "diisi"))
            continue
        fields = []
        for parts in cr.names:
            name = ".".join(parts)
            if index is not None and parts[0] in t.group_subs[rule.for_each or ""]:
                name = f"{rule.for_each}[{index}].{name}"
            fields.append(name)
        unit = rule.unit or _unit_of(t, cr, rule.for_each)
        context = {k: v for k, v in scope.values.items()
                   if isinstance(v, (str, Fraction)) and not isinstance(v, bool)}
        result.findings.append(_finding(t, cr, fields, measured, required, unit, ok, index,
                                        context))


def _unit_of(t: Template, cr: CompiledRule, group: str | None) -> str | None:
    node = cr.measured
    if node is None or node[0] != "name" or len(node[1]) != 1:
        return None
    name = node[1][0]
    try:
        spec = t.field(f"{group}.{name}") if group and name in t.group_subs[group] else \
            t.field(name)
    except Exception:  # noqa: BLE001 - a unit is only a display nicety
        return None
    return spec.unit


def _finding(t: Template, cr: CompiledRule, fields: list[str], measured: Any, required: Any,
             unit: str | None, ok: bool, index: int | None,
             context: dict[str, Any]) -> Finding:
    rule, ref = cr.rule, cr.reference
    subs_id = {**{k: _fmt(v, "id") for k, v in context.items()},
               "measured": _fmt(measured, "id"), "required": _fmt(required, "id"),
               "unit": unit or "", "op": _OP_TEXT.get(rule.op or "", ""),
               "item": str(index + 1) if index is not None else "", "title": rule.title.id}
    subs_en = {**subs_id, **{k: _fmt(v, "en") for k, v in context.items()},
               "measured": _fmt(measured, "en"), "required": _fmt(required, "en"),
               "title": rule.title.en}
    if rule.op == "between":
        subs_en["op"] = "between"
    if rule.message is not None:
        msg_id, msg_en = _message(rule.message.id, subs_id), _message(rule.message.en, subs_en)
    else:
        item_id = f" (butir {index + 1})" if index is not None else ""
        item_en = f" (item {index + 1})" if index is not None else ""
        msg_id = f"{rule.title.id}{item_id}: " + (
            f"terukur {subs_id['measured']} {unit or ''}, persyaratan {subs_id['op']} "
            f"{subs_id['required']} {unit or ''}".replace("  ", " ").strip()
            if cr.measured is not None else ("memenuhi" if ok else "tidak memenuhi"))
        msg_en = f"{rule.title.en}{item_en}: " + (
            f"measured {subs_en['measured']} {unit or ''}, required {subs_en['op']} "
            f"{subs_en['required']} {unit or ''}".replace("  ", " ").strip()
            if cr.measured is not None else ("meets" if ok else "does not meet"))
    rec = rule.recommendation if not ok else None
    if rec is None and not ok:
        rec = Text(id=f"Perbaiki sehingga memenuhi persyaratan: {rule.title.id}.",
                   en=f"Correct so that it meets the requirement: {rule.title.en}.")
    return Finding(
        rule_id=rule.id, title_id=rule.title.id, title_en=rule.title.en, fields=fields,
        measured=_jsonable(measured), required=_jsonable(required), op=rule.op, unit=unit,
        message_id=msg_id, message_en=msg_en, severity=rule.severity,
        reference=_ref_json(ref), grade=ref.grade, unverified=ref.unverified, passed=ok,
        item=index, recommendation_id=rec.id if rec else None,
        recommendation_en=rec.en if rec else None)


def _apply_item_checks(t: Template, spec: FieldSpec, norm: dict[str, Any],
                       result: Evaluation) -> None:
    """Checklist items and yes/no items with an expected answer are rules of their own:
    the inspector's judgement, tied to the article that requires the item."""
    if spec.field_type == "group":
        for i, item in enumerate(norm.get(spec.id) or []):
            for sub in spec.fields:
                _item_check(t, sub, item.get(sub.id), f"{spec.id}[{i}].{sub.id}", i, result)
        return
    _item_check(t, spec, norm.get(spec.id), spec.id, None, result)


def _item_check(t: Template, spec: FieldSpec, value: Any, path: str, index: int | None,
                result: Evaluation) -> None:
    if value is None:
        return
    if spec.field_type == "checklist":
        severity = checklist_fail_severity(spec, value)
        passed = severity is None
        required: Any = spec.answers()[0]
    elif spec.field_type == "yesno" and spec.expect is not None:
        passed = value is spec.expect
        severity = None if passed else (spec.severity or "major")
        required = spec.expect
    else:
        return
    ref = t.resolve_reference(spec.reference)
    item_id = f" (butir {index + 1})" if index is not None else ""
    item_en = f" (item {index + 1})" if index is not None else ""
    answer_id, answer_en = _answer_text(spec, value)
    rec = spec.recommendation
    rec_id: str | None
    rec_en: str | None
    if rec is None and not passed and spec.field_type == "yesno":
        rec_id = f"Tindak lanjuti: {spec.title.id}{item_id} ({answer_id})"
        rec_en = f"Follow up: {spec.title.en}{item_en} ({answer_en})"
    elif rec is None and not passed:
        rec_id = f"Perbaiki / lengkapi: {spec.title.id}{item_id}"
        rec_en = f"Repair / complete: {spec.title.en}{item_en}"
    else:
        rec_id, rec_en = (rec.id, rec.en) if rec else (None, None)
    result.findings.append(Finding(
        rule_id=f"item.{spec.id}", title_id=spec.title.id, title_en=spec.title.en,
        fields=[path], measured=value, required=required, op="==", unit=None,
        message_id=f"{spec.title.id}{item_id}: {answer_id}",
        message_en=f"{spec.title.en}{item_en}: {answer_en}",
        severity=severity or spec.severity or "major", reference=_ref_json(ref),
        grade=ref.grade if ref else "-", unverified=ref.unverified if ref else False,
        passed=passed, item=index, recommendation_id=None if passed else rec_id,
        recommendation_en=None if passed else rec_en))


def _answer_text(spec: FieldSpec, value: Any) -> tuple[str, str]:
    from k3desk.domain.template_schema import SCALE_TITLES

    if isinstance(value, bool):
        return ("Ya", "Yes") if value else ("Tidak", "No")
    return SCALE_TITLES.get(value, (str(value), str(value)))
