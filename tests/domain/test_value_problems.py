"""Each problem with a value names its field path, a stable code, its parameters and one
Indonesian sentence that names the field by its label (never a Python repr)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from k3desk.domain.errors import SubmissionRefused, ValidationError, ValuesRejected
from k3desk.domain.evaluation import evaluate
from k3desk.domain.problems import ValueProblem, show_number
from k3desk.domain.templates import Template, default_registry
from k3desk.domain.values import (
    example_values,
    field_label,
    normalize_values,
    numbers_as_json,
    parse_number_text,
    validate_values,
)


def _hydrant() -> Template:
    return default_registry().latest_for_object_type("hydrant")


def _with(t: Template, **changes: Any) -> dict[str, Any]:
    values = example_values(t)
    values.update(changes)
    return values


def _one(t: Template, values: dict[str, Any]) -> ValueProblem:
    [problem] = validate_values(t, values)
    return problem


def test_letters_in_a_number_field() -> None:
    t = _hydrant()
    p = _one(t, _with(t, tekanan_pompa_utama="abc"))
    assert (p.path, p.code) == ("tekanan_pompa_utama", "not_a_number")
    assert p.params == {"label": "Tekanan pompa utama", "value": "abc"}
    assert p.message == "Tekanan pompa utama: “abc” bukan angka"


def test_a_negative_pressure_in_a_group_row_names_the_row() -> None:
    t = _hydrant()
    values = example_values(t)
    values["hidran"][1]["tekanan"] = -2
    p = _one(t, values)
    assert (p.path, p.code) == ("hidran[1].tekanan", "below_min")
    assert p.params == {"label": "Titik hidran baris 2 — Tekanan saat mengalir",
                        "value": "-2", "min": "0", "unit": "kg/cm²"}
    assert p.message == ("Titik hidran baris 2 — Tekanan saat mengalir: -2 kg/cm² di bawah "
                         "rentang yang diizinkan (min 0 kg/cm²)")
    assert p.label == field_label(t, "hidran[1].tekanan")


def test_out_of_range_above_and_in_another_unit() -> None:
    t = _hydrant()
    p = _one(t, _with(t, tekanan_pompa_utama=120.5))
    assert (p.code, p.params["value"], p.params["max"]) == ("above_max", "120,5", "100")
    assert p.message.endswith("120,5 kg/cm² di atas rentang yang diizinkan (maks 100 kg/cm²)")
    p = _one(t, _with(t, tekanan_pompa_utama={"value": 3, "unit": "kg"}))
    assert (p.code, p.params["unit"]) == ("unknown_unit", "kg")
    assert "bar" in p.params["allowed"] and "“kg”" in p.message


@pytest.mark.parametrize(("text", "value"), [
    ("12,5", Fraction(25, 2)), (" 7 ", Fraction(7)), ("-0,25", Fraction(-1, 4)),
    ("12.5", Fraction(25, 2)), ("0.125", Fraction(1, 8)), ("1,234", Fraction(1234, 1000)),
    ("1234,5", Fraction(24690, 20)),
])
def test_a_number_typed_with_a_decimal_comma_is_read(text: str, value: Fraction) -> None:
    assert parse_number_text(text) == value
    t = _hydrant()
    norm, problems = normalize_values(t, _with(t, tekanan_pompa_utama=text))
    if 0 <= value <= 100:
        assert problems == [] and norm["tekanan_pompa_utama"] == value
    else:
        assert [p.code for p in problems] in (["below_min"], ["above_max"])


@pytest.mark.parametrize("text", ["1.234", "1,234,5", "1.234,5", "12.500", "1.000.000"])
def test_a_thousands_separator_is_never_guessed(text: str) -> None:
    with pytest.raises(ValidationError, match="tidak jelas"):
        parse_number_text(text)
    t = _hydrant()
    p = _one(t, _with(t, tekanan_pompa_utama=text))
    assert (p.code, p.params["value"]) == ("ambiguous_number", text)
    assert "tanpa pemisah ribuan" in p.message


def test_integers_and_numbers_from_json_stay_numbers() -> None:
    t = default_registry().latest_for_object_type("alarm_kebakaran")
    values = example_values(t)
    values["zona"][0]["jumlah_detektor"] = "2,5"
    p = _one(t, values)
    assert (p.path, p.code, p.params["value"]) == ("zona[0].jumlah_detektor", "not_integer",
                                                   "2,5")
    values["zona"][0]["jumlah_detektor"] = "12"
    assert validate_values(t, values) == []
    stored = numbers_as_json(t, values)
    assert stored["zona"][0]["jumlah_detektor"] == 12
    h = _hydrant()
    stored = numbers_as_json(h, _with(h, tekanan_pompa_utama="7,5",
                                      hidran=[{"tekanan": {"value": "2,5", "unit": "bar"}}]))
    assert stored["tekanan_pompa_utama"] == 7.5
    assert stored["hidran"][0]["tekanan"] == {"value": 2.5, "unit": "bar"}
    assert numbers_as_json(h, {"tekanan_pompa_utama": 7.25}) == {"tekanan_pompa_utama": 7.25}


def test_every_kind_of_wrong_value_has_a_code_and_no_repr() -> None:
    t = default_registry().latest_for_object_type("bejana_tekan")
    cases = {"tekanan_desain": ([1], "not_a_number"), "isi_korosif": ("ya", "not_yes_no"),
             "tanggal_uji_hidrostatik_sebelumnya": ("10/02/2021", "bad_date"),
             "foto_pelat_nama": (["xy"], "bad_photo"),
             "titik_ketebalan": ({"a": 1}, "not_a_list")}
    values = _with(t, **{k: v for k, (v, _) in cases.items()})
    problems = validate_values(t, values)
    assert {p.path: p.code for p in problems} == {k: c for k, (_, c) in cases.items()}
    for p in problems:
        label = t.fields[p.path].title.id
        assert p.message.startswith(f"{label}: ") and p.params["label"] == label
        assert "{" not in p.message and "[" not in p.message and "'" not in p.message
    [form] = validate_values(t, ["not", "a", "form"])
    assert (form.path, form.code) == ("", "not_an_object")


def test_group_rows_that_are_not_objects_and_too_many_rows() -> None:
    t = _hydrant()
    p = _one(t, _with(t, hidran=[{"tekanan": 3}, "x"]))
    assert (p.path, p.code, p.params["label"]) == ("hidran[1]", "not_an_object",
                                                   "Titik hidran baris 2")
    spec = t.fields["hidran"]
    if spec.max_items is not None:
        p = _one(t, _with(t, hidran=[{}] * (spec.max_items + 1)))
        assert (p.path, p.code) == ("hidran", "too_many_items")


def test_missing_values_are_problems_with_the_template_labels() -> None:
    t = default_registry().latest_for_object_type("forklift")
    values = example_values(t)
    del values["kapasitas_swl"]
    values["tekanan_bogus"] = 1  # an unknown key is not a problem
    ev = evaluate(t, values)
    assert ev.verdict == "incomplete" and ev.missing == ["kapasitas_swl"]
    [p] = ev.problems
    assert (p.path, p.code, p.message) == ("kapasitas_swl", "required",
                                           "Kapasitas angkat (SWL): wajib diisi")
    values["kapasitas_swl"] = "tiga ton"
    ev = evaluate(t, values)
    # unreadable counts as absent for the verdict, but is reported once, as unreadable
    assert ev.missing == ["kapasitas_swl"] and [p.code for p in ev.problems] == ["not_a_number"]


def test_errors_carry_the_problems_and_list_them_by_section() -> None:
    problems = [ValueProblem("b", "required", {"label": "Bee"}, "Bee: wajib diisi"),
                ValueProblem("", "licence", {}, "pemeriksa tidak memiliki lisensi"),
                ValueProblem("g[0].x", "below_min", {"label": "G baris 1 — X"}, "G baris 1 — X"),
                ValueProblem("a", "required", {"label": "Aa"}, "Aa: wajib diisi")]
    err = SubmissionRefused(problems, [("Satu", ["a"]), ("Dua", ["b", "g"])])
    assert isinstance(err, ValidationError) and err.problems == problems
    assert str(err) == ("pemeriksaan belum dapat diajukan:\n"
                        "  - pemeriksa tidak memiliki lisensi\n"
                        "  Satu\n    - Aa: wajib diisi\n"
                        "  Dua\n    - Bee: wajib diisi\n    - G baris 1 — X")
    rejected = ValuesRejected(problems[:1])
    assert rejected.field == "b" and "Bee: wajib diisi" in str(rejected)


def test_numbers_are_shown_the_indonesian_way() -> None:
    assert [show_number(v) for v in (2012, 12.5, Fraction(1, 3), -0.0, 10**400)] == [
        "2012", "12,5", "0,333333", "0", str(10**400)]
