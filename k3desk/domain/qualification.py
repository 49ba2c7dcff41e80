"""May this inspector test this object, with these instruments, on this date?

Pure functions over plain dicts (the ``qualifications`` of a ``user`` record and the
``data`` of ``instrument`` records, SYNC_PROTOCOL.md section 3), so that the server's
push rules and the laptop's approval guard give the same answer for the same data.
Each returns None when all is well, else one sentence saying why not.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from k3desk.domain.i18n import translate


def parse_day(value: Any) -> date | None:
    """A ``YYYY-MM-DD`` text (or a date) as a date; None when it is not one."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def qualification_error(qualifications: list[dict[str, Any]], object_type: str,
                        on: date) -> str | None:
    """None when one qualification covers ``object_type`` and is valid on ``on``.

    A licence is valid through its ``valid_until`` day. When licences for the type
    exist but all have lapsed, the message names the latest expiry, because that is
    what the person has to renew.
    """
    covering = [q for q in qualifications
                if isinstance(q, dict) and isinstance(q.get("object_types"), list)
                and object_type in q["object_types"]]
    if not covering:
        return translate("qualification", "pemeriksa tidak memiliki lisensi untuk "
                         "{object_type}").format(
                   object_type=object_type)
    latest: date | None = None
    for q in covering:
        until = parse_day(q.get("valid_until"))
        if until is None:
            continue
        if until >= on:
            return None
        latest = until if latest is None or until > latest else latest
    if latest is None:
        return translate("qualification", "lisensi pemeriksa untuk {object_type} tidak "
                         "mempunyai tanggal berlaku yang sah").format(
                   object_type=object_type)
    return (translate("qualification", "lisensi pemeriksa untuk {object_type} berakhir "
                      "pada {latest}, sebelum tanggal pemeriksaan {on}").format(
                object_type=object_type, latest=latest.isoformat(), on=on.isoformat()))


def calibration_error(instruments: list[dict[str, Any]], on: date) -> str | None:
    """None when every instrument's calibration is valid on ``on`` (through the day).

    An instrument without a readable ``calibration_valid_until`` counts as not
    calibrated: a measurement is only as good as the proof of its instrument.
    """
    for inst in instruments:
        name = str(inst.get("name") or "?")
        serial = inst.get("serial_number")
        label = f"{name} ({serial})" if serial else name
        until = parse_day(inst.get("calibration_valid_until"))
        if until is None:
            return translate("qualification", "alat ukur {label} tidak mempunyai "
                             "tanggal kalibrasi").format(
                       label=label)
        if until < on:
            return (translate("qualification", "kalibrasi alat ukur {label} berakhir "
                              "pada {until}, sebelum tanggal pemeriksaan {on}").format(
                        label=label, until=until.isoformat(), on=on.isoformat()))
    return None
