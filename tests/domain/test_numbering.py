"""Certificate numbers from a block's sequence and a per-Balai format."""

from __future__ import annotations

from datetime import date

import pytest

from k3desk.domain.errors import ValidationError
from k3desk.domain.numbering import (
    DEFAULT_NUMBER_FORMAT,
    format_number,
    validate_number_format,
)

DAY = date(2026, 3, 6)


def test_default_format_gives_the_documented_number() -> None:
    assert format_number(DEFAULT_NUMBER_FORMAT, 42, "PAA", "BK3JKT", DAY) == \
        "0042/PAA/BK3JKT/III/2026"


def test_seq_is_padded_but_never_truncated() -> None:
    assert format_number(DEFAULT_NUMBER_FORMAT, 7, "PUBT", "BK3SBY", date(2025, 12, 1)) == \
        "0007/PUBT/BK3SBY/XII/2025"
    assert format_number(DEFAULT_NUMBER_FORMAT, 123456, "LK", "B", DAY).startswith("123456/")


def test_a_kemnaker_style_format_with_fixed_text_and_numeric_month() -> None:
    fmt = "5/{seq}/AS.01.{month:02d}/{month_roman}/{year}"
    assert format_number(fmt, 88, "PAA", "X", DAY) == "5/88/AS.01.03/III/2026"


def test_literal_braces_are_allowed() -> None:
    assert format_number("{{K3}}-{seq:03d}", 5, "PAA", "X", DAY) == "{K3}-005"


def test_different_seqs_give_different_numbers() -> None:
    numbers = {format_number(DEFAULT_NUMBER_FORMAT, s, "PAA", "BK3JKT", DAY)
               for s in range(1, 500)}
    assert len(numbers) == 499


@pytest.mark.parametrize(("fmt", "words"), [
    ("", "kosong"),
    ("{object_code}/{year}", "{seq}"),
    ("{seq}/{nomor}", "isian {nomor} tidak dikenal"),
    ("{seq.__class__}", "tidak dikenal"),
    ("{seq[0]}", "tidak dikenal"),
    ("{seq!r}", "konversi"),
    ("{seq", "tidak utuh"),
    ("{}/{seq}", "isian kosong"),
    ("{seq:x4}", "tidak dapat diisi"),
    ("{seq}/{object_code:d}", "tidak dapat diisi"),
    ("{seq}\n{year}", "satu baris"),
])
def test_bad_formats_say_what_is_wrong(fmt: str, words: str) -> None:
    with pytest.raises(ValidationError) as err:
        validate_number_format(fmt)
    assert words in str(err.value)
    assert err.value.field == "number_format"
    with pytest.raises(ValidationError):
        format_number(fmt, 1, "PAA", "BK3JKT", DAY)


@pytest.mark.parametrize("seq", [0, -3, True])
def test_seq_must_be_a_positive_integer(seq: int) -> None:
    with pytest.raises(ValidationError, match="bilangan bulat positif"):
        format_number(DEFAULT_NUMBER_FORMAT, seq, "PAA", "BK3JKT", DAY)


def test_overlong_numbers_are_refused() -> None:
    with pytest.raises(ValidationError, match="lebih panjang"):
        format_number("{seq}" + "x" * 200, 1, "PAA", "BK3JKT", DAY)
