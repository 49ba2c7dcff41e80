"""The shape of a template file, checked with pydantic when a template is loaded.

These models are also what the desktop form is generated from: a ``Section`` has
``fields``; a ``FieldSpec`` says its field type (``kind:`` in the file), unit(s), range,
choices, whether it is required, its help text and, for a group, its sub-fields. Checks
that need the whole template (names used in rules exist, units are known) live in
``templates.py``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from k3desk.domain.i18n import translate

FIELD_TYPES = ("number", "integer", "text", "choice", "checklist", "yesno", "date", "group",
               "computed", "photo")
FieldType = Literal["number", "integer", "text", "choice", "checklist", "yesno", "date", "group",
                    "computed", "photo"]
Grade = Literal["R", "T", "A", "?"]
Severity = Literal["critical", "major", "minor"]
InspectionKind = Literal["pertama", "berkala", "khusus", "ulang"]
Op = Literal["<", "<=", ">", ">=", "==", "!=", "in", "between"]
ID_PATTERN = r"^[a-z][a-z0-9_]*$"

# A checklist scale: answer -> whether it passes, and with which severity it fails.
SCALES: dict[str, dict[str, Severity | None]] = {
    "baik_buruk": {"baik": None, "buruk": "major"},
    "layak": {"layak": None, "layak_dengan_catatan": "minor", "tidak_layak": "major"},
}
SCALE_TITLES: dict[str, tuple[str, str]] = {
    "baik": ("Baik", "Good"), "buruk": ("Buruk", "Poor"), "layak": ("Layak", "Fit"),
    "layak_dengan_catatan": ("Layak dengan catatan", "Fit with notes"),
    "tidak_layak": ("Tidak Layak", "Unfit"),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Text(_Strict):
    """A text in Bahasa Indonesia (``id``) with its English (``en``)."""

    id: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str = "id") -> str:
        return self.en if lang == "en" else self.id


class Reference(_Strict):
    """Where a threshold comes from, and how sure we are of it (K3_DOMAIN.md grades)."""

    regulation: str = Field(min_length=1)
    article: str = Field(min_length=1)
    grade: Grade
    source: str | None = None
    repealed: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _source_for_unverified(self) -> Reference:
        if self.grade != "R" and not self.source:
            raise ValueError(translate("templates", "grade {grade} memerlukan 'source' yang "
                                       "menyebut asal angkanya").format(grade=self.grade))
        return self

    @property
    def unverified(self) -> bool:
        """Not transcribed from regulation text in force: shown to users as unverified."""
        return self.grade != "R" or self.repealed

    def label(self) -> str:
        text = f"{self.regulation} {self.article} [{self.grade}]"
        return text + (" (dicabut)" if self.repealed else "")


class Choice(_Strict):
    value: str = Field(pattern=ID_PATTERN)
    title: Text


class FieldSpec(_Strict):
    """One thing the inspector records (or the form computes)."""

    id: str = Field(pattern=ID_PATTERN)
    #: ``kind:`` in the template file (the key authors write).
    field_type: FieldType = Field(alias="kind")
    title: Text
    help: Text | None = None
    required: bool = False
    required_when: str | None = None
    unit: str | None = None
    units: list[str] = []
    min: float | None = None
    max: float | None = None
    choices: list[Choice] = []
    scale: Literal["baik_buruk", "layak"] | None = None
    expect: bool | None = None
    severity: Severity | None = None
    reference: str | Reference | None = None
    recommendation: Text | None = None
    expr: str | None = None
    fields: list[FieldSpec] = []
    min_items: int = Field(default=0, ge=0)
    max_items: int | None = Field(default=None, ge=1)
    item_title: Text | None = None
    min_count: int = Field(default=0, ge=0)
    max_length: int | None = Field(default=None, ge=1)
    multiline: bool = False
    example: Any = None
    example_failing: Any = None

    def allowed_units(self) -> list[str]:
        """The canonical unit first, then its alternatives."""
        if self.unit is None:
            return []
        return [self.unit] + [u for u in self.units if u != self.unit]

    def answers(self) -> list[str]:
        """The possible answers of a choice or checklist field, in order."""
        if self.field_type == "checklist" and self.scale:
            return list(SCALES[self.scale])
        return [c.value for c in self.choices]


class Section(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    title: Text
    help: Text | None = None
    fields: list[FieldSpec] = Field(min_length=1)


class RangeRow(_Strict):
    """One row of a range table: ``above`` < x, ``from`` <= x, x <= ``upto``, x < ``below``."""

    above: float | None = None
    from_: float | None = Field(default=None, alias="from")
    upto: float | None = None
    below: float | None = None
    value: float | None


class Table(_Strict):
    """A lookup table: ``range`` (by a number) or ``map`` (by one or more choice values)."""

    #: ``kind:`` in the template file.
    table_type: Literal["range", "map"] = Field(alias="kind")
    title: Text
    unit: str | None = None
    key_unit: str | None = None
    keys: int = Field(default=1, ge=1, le=3)
    reference: str | Reference
    rows: list[RangeRow] | dict[str, Any]


class Rule(_Strict):
    """A requirement: ``measured op required`` or a yes/no ``check`` expression."""

    id: str = Field(pattern=ID_PATTERN)
    title: Text
    when: str | None = None
    for_each: str | None = None
    measured: str | None = None
    op: Op | None = None
    required: str | None = None
    check: str | None = None
    unit: str | None = None
    severity: Severity = "major"
    reference: str | Reference
    message: Text | None = None
    recommendation: Text | None = None

    @model_validator(mode="after")
    def _form(self) -> Rule:
        if self.check is None and (self.measured is None or self.op is None
                                   or self.required is None):
            raise ValueError(translate("templates", "aturan memerlukan 'check' atau semua dari "
                                       "'measured', 'op', 'required'"))
        return self


class TemplateModel(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    version: int = Field(ge=1)
    title: Text
    description: Text | None = None
    changes: str | None = None
    included: list[str] = []
    object_type: str
    regulation: Text
    kinds: list[InspectionKind] = Field(min_length=1)
    months_valid: int = Field(ge=1, le=120)
    next_test_months: str | None = None
    interval_reference: str | Reference | None = None
    references: dict[str, Reference] = {}
    tables: dict[str, Table] = {}
    sections: list[Section] = Field(min_length=1)
    rules: list[Rule] = []
