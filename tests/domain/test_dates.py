"""Indonesian dates and Roman months as official documents print them."""

from __future__ import annotations

from datetime import date

import pytest

from k3desk.domain.dates import MONTHS_ID, format_date_id, month_roman


def test_format_date_id_has_no_leading_zero_and_the_indonesian_month() -> None:
    assert format_date_id(date(2024, 3, 6)) == "6 Maret 2024"
    assert format_date_id(date(2026, 12, 31)) == "31 Desember 2026"
    assert format_date_id(date(2025, 8, 17)) == "17 Agustus 2025"


def test_every_month_has_its_own_name() -> None:
    names = [format_date_id(date(2026, m, 1)).split()[1] for m in range(1, 13)]
    assert names == list(MONTHS_ID)
    assert names[4] == "Mei" and names[1] == "Februari"


@pytest.mark.parametrize(("month", "roman"), [(1, "I"), (3, "III"), (4, "IV"), (9, "IX"),
                                              (11, "XI"), (12, "XII")])
def test_month_roman(month: int, roman: str) -> None:
    assert month_roman(month) == roman


@pytest.mark.parametrize("month", [0, 13, -1])
def test_month_roman_rejects_out_of_range(month: int) -> None:
    with pytest.raises(ValueError):
        month_roman(month)
