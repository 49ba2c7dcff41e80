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
from k3desk.domain.i18n import translate

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
        raise ValidationError(translate("numbering", "format nomor kosong"), field="number_format")
    if any(ch in fmt for ch in "\r\n\t"):
        raise ValidationError(translate("numbering", "format nomor harus satu baris"),
                              field="number_format")
    try:
        parsed = list(string.Formatter().parse(fmt))
    except ValueError as exc:
        raise ValidationError(translate("numbering", "format nomor tidak utuh (ada kurung "
                                        "kurawal yang tidak berpasangan); tulis kurung "
                                        "kurawal biasa secara ganda, mis. {{BK3}}"),
                              field="number_format") from exc
    seen: set[str] = set()
    for _literal, name, _spec, conversion in parsed:
        if name is None:
            continue
        if name == "":
            raise ValidationError(translate("numbering", "format nomor memuat isian kosong {}; "
                                            "beri nama, mis. {seq:04d}"),
                                  field="number_format")
        if name not in NUMBER_FIELDS:
            known = ", ".join("{" + k + "}" for k in NUMBER_FIELDS)
            raise ValidationError(translate("numbering", "isian {field} tidak dikenal dalam "
                                            "format nomor (yang dikenal: {known})").format(
                                                field="{" + name + "}", known=known),
                                  field="number_format")
        if conversion:
            raise ValidationError(translate("numbering", "konversi !{conversion} tidak "
                                            "diizinkan dalam format nomor").format(
                                                conversion=conversion),
                                  field="number_format")
        seen.add(name)
    if "seq" not in seen:
        raise ValidationError(translate("numbering", "format nomor harus memuat {seq} (mis. "
                                        "{seq:04d}); tanpa itu dua sertifikat mendapat nomor "
                                        "yang sama"), field="number_format")
    # a trial run catches bad format specs such as {seq:x4} or {year:d} on text
    format_number(fmt, 1, "OBJ", "BALAI", date(2000, 12, 31), _checked=True)


def format_number(fmt: str, seq: int, object_code: str, balai_code: str, issued_on: date,
                  *, _checked: bool = False) -> str:
    """The printed certificate number, e.g. ``0042/PAA/BK3JKT/III/2026``."""
    if not _checked:
        validate_number_format(fmt)
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 1:
        raise ValidationError(translate("numbering", "nomor urut harus bilangan bulat positif, "
                                        "bukan {seq}").format(seq=seq), field="seq")
    values: dict[str, Any] = {
        "seq": seq, "object_code": object_code, "balai_code": balai_code,
        "month_roman": month_roman(issued_on.month), "month": issued_on.month,
        "day": issued_on.day, "year": issued_on.year,
    }
    try:
        number = fmt.format(**values)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise ValidationError(translate("numbering", "format nomor {fmt} tidak dapat diisi: "
                                        "periksa bentuk tiap isian (mis. {{seq:04d}} untuk "
                                        "angka, {{balai_code}} tanpa :d)").format(fmt=fmt),
                              field="number_format") from exc
    if not number.strip():
        raise ValidationError(translate("numbering", "format nomor menghasilkan nomor kosong"),
                              field="number_format")
    if len(number) > MAX_NUMBER_LENGTH:
        raise ValidationError(translate("numbering", "nomor lebih panjang dari {n} "
                                        "karakter").format(n=MAX_NUMBER_LENGTH),
                              field="number_format")
    return number
