"""The one place where the editor reads problems from the domain and the services.

The domain names each problem with a field path, a stable code and a sentence in
Bahasa Indonesia (``ValueProblem``, ``k3desk.domain.problems``); the services raise
``ValuesRejected`` / ``SubmissionRefused`` carrying ``.problems``. The editor shows the
domain's sentences as they are, so the window and the CLI say the same thing.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from k3desk.domain.errors import ValidationError
from k3desk.domain.problems import ValueProblem
from k3desk.domain.template_schema import FieldSpec
from k3desk.domain.templates import Template
from k3desk.domain.values import field_label, normalize_value, parse_number_text

__all__ = ["ValueProblem", "check_value", "evaluation_problems", "label_of", "parse_number",
           "refusal_problems", "top_field"]


def top_field(path: str) -> str:
    """``hidran[1].tekanan`` -> ``hidran``."""
    return path.split("[", 1)[0].split(".", 1)[0]


def label_of(template: Template, path: str) -> str:
    """``Tekanan kerja`` or ``Titik hidran baris 2 — Tekanan`` (the domain's labels)."""
    return field_label(template, path)


def parse_number(text: str) -> Fraction | None:
    """A number as typed (``12,5`` or ``12.5``), or None when it is not one."""
    try:
        return parse_number_text(text)
    except ValidationError:
        return None


def check_value(spec: FieldSpec, raw: Any, path: str, label: str) -> ValueProblem | None:
    """The domain's verdict on one value as typed (number text, range, unit, date, ...)."""
    found: list[ValueProblem] = []
    normalize_value(spec, raw, path, found, label)
    return found[0] if found else None


def evaluation_problems(template: Template, evaluation: Any) -> list[ValueProblem]:
    """Required values not filled and values that cannot be read, by field path."""
    return list(evaluation.problems)


def refusal_problems(template: Template | None, exc: BaseException) -> list[ValueProblem]:
    """What a refused save or submit said, one problem per reason."""
    found = getattr(exc, "problems", None)
    if isinstance(found, list) and found:
        return list(found)
    from k3desk.ui.errors import message_of

    return [ValueProblem("", "refused", {}, message_of(exc))]
