"""The one place where the editor reads problems from the domain and the services.

The domain names each problem with a field path, a stable code and a sentence
(``ValueProblem``, ``k3desk.domain.problems``); the services raise ``ValuesRejected`` /
``SubmissionRefused`` carrying ``.problems``. Until that lands everywhere, the older
string problems are read here, so the rest of the editor codes against one shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from PySide6.QtCore import QCoreApplication

from k3desk.domain.template_schema import FieldSpec
from k3desk.domain.templates import Template

try:  # the structured problems of h10a
    from k3desk.domain.problems import ValueProblem
except ImportError:  # pragma: no cover - removed when h10a is merged

    @dataclass(frozen=True)
    class ValueProblem:  # type: ignore[no-redef]
        path: str
        code: str
        params: dict[str, str] = field(default_factory=dict)
        message: str = ""

        def __hash__(self) -> int:
            return hash((self.path, self.code, self.message))

__all__ = ["ValueProblem", "check_value", "evaluation_problems", "label_of", "parse_number",
           "refusal_problems", "top_field"]

_PATH = re.compile(r"([a-z][a-z0-9_]*)(?:\[(\d+)\](?:\.([a-z][a-z0-9_]*))?)?")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*$")


def _t(text: str) -> str:
    return QCoreApplication.translate("EditorProblems", text)


def top_field(path: str) -> str:
    """``hidran[1].tekanan`` -> ``hidran``."""
    return path.split("[", 1)[0].split(".", 1)[0]


def label_of(template: Template, path: str) -> str:
    """``Tekanan kerja`` or ``Titik hidran baris 2 — Tekanan`` (the path if unknown)."""
    m = _PATH.fullmatch(path)
    spec = template.fields.get(m.group(1)) if m else None
    if m is None or spec is None:
        return path
    if m.group(2) is None:
        return spec.title.id
    row = _t("{label} baris {n}").format(label=spec.title.id, n=int(m.group(2)) + 1)
    sub = next((s for s in spec.fields if s.id == m.group(3)), None)
    return f"{row} — {sub.title.id}" if sub else row


def parse_number(text: str) -> Fraction | ValueProblem:
    """A number as typed: ``12,5`` and ``12.5`` are 12.5; never a thousands separator.

    Returns the exact value, or a problem (path and label filled in by the caller)."""
    t = text.strip().replace(" ", "").replace("\u00a0", "")
    if not _NUMBER.match(t):
        return ValueProblem("", "not_a_number", {"value": text},
                            _t("“{value}” bukan angka").format(value=text.strip()[:30]))
    seps = [c for c in t if c in ".,"]
    whole, _, frac = t.lstrip("+-").partition(".")
    if len(seps) > 1 or (seps == ["."] and len(frac) == 3 and whole != "0"):
        return ValueProblem("", "ambiguous_number", {"value": text}, _t(
            "“{value}” tidak jelas: tulis tanpa pemisah ribuan, dengan koma untuk desimal "
            "(mis. 1234 atau 1234,5)").format(value=text.strip()[:30]))
    return Fraction(t.replace(",", "."))


def check_value(spec: FieldSpec, raw: Any, path: str, label: str) -> ValueProblem | None:
    """The domain's verdict on one value (range, kind, unit), or None when it is valid."""
    from k3desk.domain.values import normalize_value

    found: list[Any] = []
    normalize_value(spec, raw, path, found)
    if not found:
        return None
    return _as_problem(found[0], label)


def _as_problem(p: Any, label: str) -> ValueProblem:
    if not isinstance(p, str):
        return ValueProblem(p.path, p.code, dict(p.params), p.message)
    path, _, text = p.partition(": ")
    code = ("below_min" if "below" in text else "above_max" if "above" in text
            else "not_integer" if "whole number" in text else "unknown_unit" if "unit" in text
            else "unknown_answer" if "not one of" in text else "bad_date" if "date" in text
            else "too_long" if "longer" in text else "invalid")
    return ValueProblem(path, code, {"label": label}, f"{label}: {text}")


def evaluation_problems(template: Template, evaluation: Any) -> list[ValueProblem]:
    """Required values not filled and values that cannot be read, by field path."""
    found = getattr(evaluation, "problems", None)
    if found is not None and not isinstance(found, property):
        return [_as_problem(p, p.params.get("label", "")) for p in found]
    out = []
    for missing in evaluation.missing:
        path = missing.split(" ", 1)[0]
        label = label_of(template, path)
        out.append(ValueProblem(path, "required", {"label": label},
                                _t("{label}: wajib diisi").format(label=label)))
    for line in evaluation.invalid:
        path = line.split(": ", 1)[0] if _PATH.fullmatch(line.split(": ", 1)[0]) else ""
        out.append(_as_problem(line if path else f": {line}", label_of(template, path)))
    return out


def refusal_problems(template: Template | None, exc: BaseException) -> list[ValueProblem]:
    """What a refused save or submit said, one problem per reason."""
    found = getattr(exc, "problems", None)
    if isinstance(found, list):
        return [_as_problem(p, getattr(p, "params", {}).get("label", "")) for p in found]
    text = str(exc)
    lines = [ln.strip()[2:] for ln in text.splitlines() if ln.strip().startswith("- ")]
    out: list[ValueProblem] = []
    for line in lines or [text]:
        head, _, rest = line.partition(": ")
        if head == "nilai wajib belum diisi" and template is not None:
            path = rest.split(" ", 1)[0]
            label = label_of(template, path)
            out.append(ValueProblem(path, "required", {"label": label},
                                    _t("{label}: wajib diisi").format(label=label)))
        elif head == "nilai tidak valid" and template is not None:
            path = rest.split(": ", 1)[0]
            out.append(_as_problem(rest, label_of(template, path)))
        else:
            out.append(ValueProblem("", "refused", {}, line))
    return out
