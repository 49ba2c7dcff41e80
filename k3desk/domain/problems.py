"""A problem with one value of a form: where it is, what kind of problem, and a sentence.

The window shows ``message`` at the field named by ``path``; the CLI lists messages by
label; code that reacts to a kind of problem reads ``code`` (stable, English) and
``params`` (display text: the value, the range, the unit ...), never the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

# The stable codes (the UI and tests code against them; add, never rename).
CODES = ("required", "not_a_number", "ambiguous_number", "not_integer", "below_min",
         "above_max", "unknown_unit", "unknown_answer", "not_text", "too_long", "bad_date",
         "not_yes_no", "bad_photo", "not_a_list", "too_many_items", "not_an_object",
         "not_computable", "rule_not_computable", "unknown_field_kind",
         # submission problems beyond the values (path ""):
         "licence", "calibration", "unknown_instrument", "too_large")


@dataclass(frozen=True)
class ValueProblem:
    """One problem. ``path`` is the template field path (``"kapasitas_swl"``,
    ``"hidran[0].tekanan"``) or ``""`` for the form (or the inspection) as a whole."""

    path: str
    code: str
    params: dict[str, str] = field(default_factory=dict)
    message: str = ""

    def __hash__(self) -> int:
        return hash((self.path, self.code, self.message))

    @property
    def label(self) -> str:
        """The field's label as the message names it ("" for a form-level problem)."""
        return self.params.get("label", "")

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "code": self.code, "params": dict(self.params),
                "message": self.message}


def show_number(value: Fraction | int | float) -> str:
    """A number as a person reads it in Bahasa Indonesia: ``12,5``; no thousands dots
    (a year stays ``2012``), at most six decimals."""
    try:
        f = float(value)
    except OverflowError:
        return str(value)
    text = f"{f:.6f}".rstrip("0").rstrip(".") if f != int(f) else str(int(f))
    return text.replace(".", ",")
