"""Dates as Indonesian documents write them ('6 Maret 2024') and Roman month numerals.

Kept here, not in the locale module, because official documents must read the same on
every laptop whatever its system locale is.
"""

from __future__ import annotations

from datetime import date

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)

ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def format_date_id(value: date) -> str:
    """'6 Maret 2024': day without a leading zero, the month's Indonesian name, the year."""
    return f"{value.day} {MONTHS_ID[value.month - 1]} {value.year}"


def month_roman(month: int) -> str:
    """The Roman numeral of a month (1 -> 'I', 12 -> 'XII'), as letter numbers use."""
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {month}")
    return ROMAN_MONTHS[month - 1]


def parse_iso_date(text: str) -> date:
    """A 'YYYY-MM-DD' date from a payload or record; ValueError when it is not one."""
    return date.fromisoformat(text)
