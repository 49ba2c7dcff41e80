"""Exact unit conversions, both ways."""

from __future__ import annotations

from fractions import Fraction

import pytest

from k3desk.domain.errors import ValidationError
from k3desk.domain.problems import ValueProblem
from k3desk.domain.units import canonical_symbol, convert, get_unit

# psi = 1 lbf/in² = 0.45359237 kg × 9.80665 m/s² / (0.0254 m)², exactly.
PSI_PA = Fraction("0.45359237") * Fraction("9.80665") / Fraction("0.0254") ** 2


@pytest.mark.parametrize(("value", "src", "dst", "expected"), [
    (1, "kg/cm²", "bar", Fraction("0.980665")),
    (1, "bar", "kg/cm²", Fraction(1000000, 980665)),
    (1, "MPa", "bar", Fraction(10)),
    (1, "kg/cm²", "kPa", Fraction("98.0665")),
    (1, "psi", "kPa", PSI_PA / 1000),
    (100, "psi", "bar", PSI_PA / 1000),
    (1, "ton", "kg", Fraction(1000)),
    (2500, "kg", "ton", Fraction(5, 2)),
    (100, "°C", "°F", Fraction(212)),
    (-40, "°F", "°C", Fraction(-40)),
    (0, "°C", "K", Fraction("273.15")),
    (500, "US gpm", "L/min", Fraction("1892.705892")),
    (1, "h", "s", Fraction(3600)),
    (1, "MΩ", "Ω", Fraction(1000000)),
    (50, "mm²", "m²", Fraction(1, 20000)),
])
def test_conversion(value: float, src: str, dst: str, expected: Fraction) -> None:
    assert convert(value, src, dst) == expected
    assert convert(expected, dst, src) == Fraction(str(value))


@pytest.mark.parametrize(("value", "a", "b"), [
    (7, "bar", "kg/cm²"), (85.1, "psi", "MPa"), (12.34, "MPa", "psi"), (3.5, "ton", "kg"),
    (36.6, "°C", "°F"), (451, "°F", "K"), (0.75, "m³/h", "US gpm"), (2.5, "kΩ", "MΩ"),
])
def test_round_trip_is_exact(value: float, a: str, b: str) -> None:
    there = convert(value, a, b)
    back = convert(there, b, a)
    assert back == Fraction(str(value))


def test_a_threshold_stays_exactly_at_the_threshold() -> None:
    # 4.5 bar at the farthest hydrant: exactly, not 4.4999999 after a float round trip.
    in_kg = convert(4.5, "bar", "kg/cm²")
    assert convert(in_kg, "kg/cm²", "bar") == Fraction(9, 2)


def test_aliases_and_errors() -> None:
    assert canonical_symbol("kg/cm2") == "kg/cm²"
    assert canonical_symbol("ohm") == "Ω"
    assert get_unit("gpm").symbol == "US gpm"
    with pytest.raises(ValidationError, match="satuan 'furlong' tidak dikenal"):
        get_unit("furlong")
    with pytest.raises(ValidationError, match=r"^kg \(.*\) tidak dapat dikonversi ke bar"):
        convert(1, "kg", "bar")
    with pytest.raises(ValidationError):
        convert(True, "kg", "ton")


def test_field_values_with_units() -> None:
    from k3desk.domain.templates import default_registry
    from k3desk.domain.values import normalize_value

    spec = default_registry().get("bejana_tekan").field("tekanan_desain")
    invalid: list[ValueProblem] = []
    assert normalize_value(spec, {"value": 10, "unit": "bar"}, "p", invalid) == \
        Fraction(10000000, 980665)
    assert normalize_value(spec, {"value": 1, "unit": "MPa"}, "p", invalid) == \
        Fraction(10000000, 980665)
    assert normalize_value(spec, {"value": 14.2233433, "unit": "psi"}, "p", invalid) == \
        Fraction("14.2233433") * PSI_PA / Fraction("98066.5")
    assert normalize_value(spec, {"value": 10, "unit": "kg/cm2"}, "p", invalid) == 10
    assert normalize_value(spec, 12.5, "p", invalid) == Fraction(25, 2)
    assert normalize_value(spec, "12,5", "p", invalid) == Fraction(25, 2)
    assert normalize_value(spec, {"value": "10", "unit": "bar"}, "p", invalid) == \
        Fraction(10000000, 980665)
    assert invalid == []
    label = spec.title.id
    for bad, code in (({"value": 1, "unit": "kg"}, "unknown_unit"),
                      ({"value": "satu", "unit": "bar"}, "not_a_number"),
                      ({"value": 1}, "not_a_number"),
                      ({"value": {"value": 1, "unit": "bar"}, "unit": "bar"}, "not_a_number"),
                      ({"value": 1, "unit": "bar", "x": 2}, "not_a_number"),
                      (True, "not_a_number"), ("12 bar", "not_a_number"),
                      (float("nan"), "not_a_number")):
        out: list[ValueProblem] = []
        assert normalize_value(spec, bad, "p", out) is None
        assert [(p.path, p.code) for p in out] == [("p", code)], bad
        assert out[0].message.startswith(f"{label}: ") and out[0].params["label"] == label
        assert "'" not in out[0].message and "{" not in out[0].message  # no Python repr
