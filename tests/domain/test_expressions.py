"""The rule language: parsing, evaluation, and that it runs no Python."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from k3desk.domain import expressions as ex

GROUPS = {"titik": {"nilai", "lokasi"}}


def calc(text: str, **values: Any) -> Any:
    names = set(values) | {"titik"}
    tables = {"t": lambda keys: {"a": Fraction(5)}.get(keys[0])}
    return ex.evaluate(ex.parse(text), ex.Scope(values, names), tables, GROUPS)


POINTS = [{"nilai": Fraction(3), "lokasi": "A"}, {"nilai": Fraction(7), "lokasi": "B"}]


@pytest.mark.parametrize(("text", "expected"), [
    ("1 + 2 * 3", 7), ("(1 + 2) * 3", 9), ("10 / 4", Fraction(5, 2)), ("-2 - -3", 1),
    ("0.1 + 0.2 == 0.3", True), ("85.1 > 85", True), ("1.5 * 10 == 15", True),
    ("2 < 3 and not 3 < 2", True), ("false or 1 >= 1", True), ("'b' > 'a'", True),
    ("if(1 < 2, 'ya', 'tidak')", "ya"), ("min(4, 2, 9)", 2), ("max([1, 5], 3)", 5),
    ("abs(-3)", 3), ("round(2.567, 2)", Fraction("2.57")), ("2 in [1, 2]", True),
    ("lookup('t', 'a')", 5), ("lookup('t', 'z') == null", True),
    ("convert(1, 'MPa', 'bar')", 10), ("sum([])", 0), ("len('abc')", 3),
])
def test_values(text: str, expected: Any) -> None:
    assert calc(text) == expected


def test_groups() -> None:
    assert calc("max(titik.nilai)", titik=POINTS) == 7
    assert calc("avg(titik.nilai)", titik=POINTS) == 5
    assert calc("all(titik, nilai < 10)", titik=POINTS) is True
    assert calc("any(titik, nilai > 5 and lokasi == 'B')", titik=POINTS) is True
    assert calc("count(titik, nilai > batas)", titik=POINTS, batas=Fraction(4)) == 1
    assert calc("count(titik)", titik=POINTS) == 2
    assert calc("min(titik, nilai * 2)", titik=POINTS) == 6
    assert calc("sum(titik, nilai)", titik=POINTS) == 10


def test_missing_values_are_reported_by_path() -> None:
    with pytest.raises(ex.Missing) as info:
        calc("a + 1", a=None)
    assert info.value.paths == ["a"]
    with pytest.raises(ex.Missing) as info:
        calc("max(titik.nilai)", titik=[{"nilai": Fraction(1)}, {"nilai": None}])
    assert info.value.paths == ["titik[1].nilai"]
    assert calc("present(a)", a=None) is False
    assert calc("present(a)", a=Fraction(1)) is True


@pytest.mark.parametrize("text", [
    "1 / 0", "'a' + 1", "true + 1", "1 and true", "max()", "lookup('nope', 1)",
    "'a' < 1", "titik.lokasi < 1", "if(1, 2, 3)", "convert(1, 'kg', 'bar')",
])
def test_eval_errors(text: str) -> None:
    with pytest.raises((ex.EvalError, ex.Missing)):
        calc(text, titik=[{"nilai": Fraction(1)}])


@pytest.mark.parametrize("text", [
    "__import__('os').system('id')", "a.__class__", "open('x')", "1 +", "(1", "1 2",
    "a = 1", "lambda: 1", "a[0]", "1 < 2 < 3", "", "  ", "eval('1')", "lookup(x, 1)",
    "if(1, 2)", "x; y", "`id`", "1 ** 2", "a.b.c",
])
def test_parse_errors(text: str) -> None:
    with pytest.raises(ex.ExpressionError):
        ex.parse(text)


def test_names_and_tables_found() -> None:
    node = ex.parse("lookup('nab', durasi * 3600) >= titik.nilai and x")
    assert ex.names_in(node) == [("durasi",), ("titik", "nilai"), ("x",)]
    assert ex.tables_in(node) == ["nab"]
