"""Property tests: evaluation never raises, whatever values of the declared kinds arrive."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from k3desk.domain.evaluation import VERDICTS, evaluate, validate_values
from k3desk.domain.template_schema import FieldSpec
from k3desk.domain.templates import Template, default_registry

TEMPLATES = default_registry().latest()
TEMPLATE_IDS = [t.id for t in TEMPLATES]

numbers = st.one_of(
    st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.floats(min_value=-1000, max_value=1000),
)
json_scalars = st.one_of(st.none(), st.booleans(), numbers, st.text(max_size=12))
any_json = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)


def value_for(spec: FieldSpec) -> st.SearchStrategy[Any]:
    """Values of the field's type (in and out of range), sometimes missing or odd."""
    field_type = spec.field_type
    if field_type in ("number", "integer", "computed"):
        plain: st.SearchStrategy[Any] = numbers
        if spec.min is not None and spec.max is not None:
            plain = st.one_of(numbers, st.floats(min_value=spec.min, max_value=spec.max))
        if spec.units:
            plain = st.one_of(plain, st.fixed_dictionaries({
                "value": numbers, "unit": st.sampled_from(spec.allowed_units())}))
        base = plain
    elif field_type in ("choice", "checklist"):
        base = st.one_of(st.sampled_from(spec.answers()), st.text(max_size=8))
    elif field_type == "yesno":
        base = st.booleans()
    elif field_type == "date":
        base = st.one_of(st.dates().map(lambda d: d.isoformat()), st.text(max_size=10))
    elif field_type == "photo":
        base = st.lists(st.one_of(st.text(alphabet="0123456789abcdef", min_size=64,
                                          max_size=64), st.uuids().map(str)), max_size=3)
    elif field_type == "group":
        base = st.lists(st.fixed_dictionaries({}, optional={
            sub.id: value_for(sub) for sub in spec.fields}), max_size=4)
    else:
        base = st.text(max_size=20)
    return st.one_of(base, st.none(), any_json) if field_type != "group" else st.one_of(
        base, st.none())


def values_for(template: Template) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional={fid: value_for(spec)
                                               for fid, spec in template.fields.items()})


@st.composite
def template_and_values(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    template_id = draw(st.sampled_from(TEMPLATE_IDS))
    return template_id, draw(values_for(default_registry().get(template_id)))


def _check(template_id: str, values: Any) -> None:
    template = default_registry().get(template_id)
    ev = evaluate(template, values)
    assert ev.verdict in VERDICTS
    out = ev.to_json()
    json.dumps(out, allow_nan=False)  # the check output is always plain JSON
    errors = validate_values(template, values)
    if errors:
        assert ev.verdict == "incomplete"
    if ev.verdict == "memenuhi":
        assert not ev.missing and not ev.invalid
        assert all(f.passed or f.severity == "minor" for f in ev.findings)


@pytest.mark.slow  # 300 generated cases (fuzz)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(template_and_values())
def test_evaluate_never_raises_for_declared_kinds(case: tuple[str, dict[str, Any]]) -> None:
    _check(*case)


@pytest.mark.slow  # 150 generated cases (fuzz)
@settings(max_examples=150, deadline=None)
@given(st.sampled_from(TEMPLATE_IDS), any_json)
def test_evaluate_never_raises_for_any_json(template_id: str, values: Any) -> None:
    _check(template_id, values)


@pytest.mark.slow  # 150 generated cases (fuzz)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TEMPLATE_IDS), st.data())
def test_example_values_with_one_field_changed(template_id: str, data: st.DataObject) -> None:
    from k3desk.domain.evaluation import example_values

    template = default_registry().get(template_id)
    values = example_values(template)
    fid = data.draw(st.sampled_from(sorted(template.fields)))
    values[fid] = data.draw(value_for(template.fields[fid]))
    _check(template_id, values)
