"""The measuring instruments an inspector may choose, with their calibration status on
the inspection date (the same sentence the submit and the server give, from
``k3desk.domain.qualification.calibration_error``), for the editor's picker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from k3desk.domain.qualification import calibration_error
from k3desk.store.db import Database
from k3desk.store.models import Instrument

EXPIRING_DAYS = 30  # a calibration ending this soon after the inspection is flagged


@dataclass(frozen=True)
class InstrumentStatus:
    """One instrument and its calibration on a given day.

    ``state``: "valid", "expiring" (valid, ends within ``EXPIRING_DAYS``), "expired"
    (had lapsed on the day; ``problem`` says so) or "unknown" (not on this laptop).
    """

    id: str
    name: str
    serial_number: str
    kind: str | None
    certificate: str | None
    valid_until: date | None
    state: str
    problem: str | None


def _status(inst: Instrument, on: date) -> InstrumentStatus:
    problem = calibration_error([inst.to_data()], on)
    until = inst.calibration_valid_until
    if problem:
        state = "expired"
    elif until is not None and (until - on).days <= EXPIRING_DAYS:
        state = "expiring"
    else:
        state = "valid"
    return InstrumentStatus(inst.id, inst.name, inst.serial_number, inst.kind,
                            inst.calibration_certificate, until, state, problem)


def instruments(db: Database, balai_id: str | None, on: date) -> list[InstrumentStatus]:
    """Every live instrument of the Balai (all, for ``balai_id`` None), by name."""
    with db.session() as s:
        stmt = select(Instrument).where(Instrument.deleted.is_(False))
        if balai_id:
            stmt = stmt.where(Instrument.balai_id == balai_id)
        return [_status(i, on) for i in s.scalars(stmt.order_by(Instrument.name))]


def chosen(db: Database, ids: list[str], on: date) -> list[InstrumentStatus]:
    """The instruments ``ids`` in order; one this laptop does not know is "unknown"."""
    with db.session() as s:
        out = []
        for iid in ids:
            inst = s.get(Instrument, iid)
            if inst is None or inst.deleted:
                out.append(InstrumentStatus(iid, iid[:8], "", None, None, None, "unknown",
                                            f"alat ukur {iid[:8]} tidak dikenal di laptop ini"))
            else:
                out.append(_status(inst, on))
        return out
