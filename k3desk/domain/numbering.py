"""Certificate numbers made offline from a number block's sequence and a Balai's format.

No official Balai number format exists (K3_DOMAIN.md), so each Balai sets its own format
string; this module checks it before it is saved and fills it in when a certificate is
numbered. Only the named fields below may appear, without attribute or index access, so
a format from settings can never reach into Python objects.
"""

from __future__ import annotations

import string
from datetime import date
from typing import Any

from k3desk.domain.dates import month_roman
from k3desk.domain.errors import ValidationError

DEFAULT_NUMBER_FORMAT = "{seq:04d}/{object_code}/{balai_code}/{month_roman}/{year}"

NUMBER_FIELDS: dict[str, str] = {
    "seq": "the sequence number from the number block (integer, required)",
    "object_code": "the object type's code, e.g. PAA, PUBT",
    "balai_code": "the Balai's code, e.g. BK3JKT",
    "month_roman": "month of issue in Roman numerals, e.g. III",
    "month": "month of issue as a number (use {month:02d} for 03)",
    "day": "day of issue as a number",
    "year": "year of issue, e.g. 2026",
}

MAX_NUMBER_LENGTH = 120


def validate_number_format(fmt: str) -> None:
    """Raise a ValidationError saying what is wrong with a number format, else return."""
    if not isinstance(fmt, str) or not fmt.strip():
        raise ValidationError("the number format is empty", field="number_format")
    if any(ch in fmt for ch in "\r\n\t"):
        raise ValidationError("the number format must be one line", field="number_format")
    try:
        parsed = list(string.Formatter().parse(fmt))
    except ValueError as exc:
        raise ValidationError(f"the number format is malformed ({exc}); write literal braces "
                              "as {{ and }}", field="number_format") from exc
    seen: set[str] = set()
    for _literal, name, _spec, conversion in parsed:
        if name is None:
            continue
        if name == "":
            raise ValidationError("the number format has an empty field {}; name it, e.g. "
                                  "{seq:04d}", field="number_format")
        if name not in NUMBER_FIELDS:
            known = ", ".join("{" + k + "}" for k in NUMBER_FIELDS)
            raise ValidationError(f"unknown field {{{name}}} in the number format (known: "
                                  f"{known})", field="number_format")
        if conversion:
            raise ValidationError(f"conversion !{conversion} is not allowed in the number "
                                  "format", field="number_format")
        seen.add(name)
    if "seq" not in seen:
        raise ValidationError("the number format must contain {seq} (e.g. {seq:04d}), or "
                              "two certificates would get the same number",
                              field="number_format")
    # a trial run catches bad format specs such as {seq:x4} or {year:d} on text
    format_number(fmt, 1, "OBJ", "BALAI", date(2000, 12, 31), _checked=True)


def format_number(fmt: str, seq: int, object_code: str, balai_code: str, issued_on: date,
                  *, _checked: bool = False) -> str:
    """The printed certificate number, e.g. ``0042/PAA/BK3JKT/III/2026``."""
    if not _checked:
        validate_number_format(fmt)
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 1:
        raise ValidationError(f"the sequence number must be a positive integer, not {seq!r}",
                              field="seq")
    values: dict[str, Any] = {
        "seq": seq, "object_code": object_code, "balai_code": balai_code,
        "month_roman": month_roman(issued_on.month), "month": issued_on.month,
        "day": issued_on.day, "year": issued_on.year,
    }
    try:
        number = fmt.format(**values)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise ValidationError(f"the number format {fmt!r} cannot be filled in: {exc}",
                              field="number_format") from exc
    if not number.strip():
        raise ValidationError("the number format gives an empty number", field="number_format")
    if len(number) > MAX_NUMBER_LENGTH:
        raise ValidationError(f"the number is longer than {MAX_NUMBER_LENGTH} characters",
                              field="number_format")
    return number
