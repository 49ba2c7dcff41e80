"""The dashboard's figures: my work by status, re-tests due, what needs attention, and
inspections per month. Plain dataclasses out; the window only lays them out.

Re-tests come from each equipment's **last valid certificate**: not revoked, not
replaced by a correction, not deleted, the latest by issue date. Its ``valid_until`` is
the date the object must be tested again; a findings report (no ``valid_until``) puts
nothing on the list. Buckets: overdue (the date has passed), within 30, 60 and 90 days.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from k3desk.domain.errors import DataFileError
from k3desk.domain.i18n import translate
from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.qualification import parse_day
from k3desk.domain.reasons import os_reason
from k3desk.domain.workflow import STATUS_LABELS_ID, Status
from k3desk.services import keys_service, settings_service
from k3desk.services.context import Actor
from k3desk.services.export_service import outcome
from k3desk.store.db import Database
from k3desk.store.models import (
    Certificate,
    Company,
    Conflict,
    Equipment,
    Inspection,
    Instrument,
    OutboxEntry,
)

log = logging.getLogger("k3desk.dashboard")

HORIZONS = (30, 60, 90)
CALIBRATION_DAYS = 30
LICENCE_DAYS = 60
MONTHS = 12
STATUS_ORDER = (Status.DRAFT, Status.REVISION_REQUESTED, Status.SUBMITTED, Status.APPROVED,
                Status.REJECTED)


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str  # Indonesian; the window translates by ``status``
    count: int


@dataclass(frozen=True)
class Retest:
    company_id: str
    company: str
    contact_person: str
    phone: str
    address: str
    equipment_id: str
    object_type: str
    object_type_name: str
    serial_number: str
    certificate_number: str
    due: date
    days: int  # negative: overdue by that many days

    @property
    def bucket(self) -> str:
        """``overdue``, ``30``, ``60`` or ``90``."""
        if self.days < 0:
            return "overdue"
        return next(str(h) for h in HORIZONS if self.days <= h)


@dataclass(frozen=True)
class RetestGroup:
    company_id: str
    company: str
    contact_person: str
    phone: str
    address: str
    items: list[Retest]


@dataclass(frozen=True)
class Calibration:
    instrument_id: str
    name: str
    serial_number: str
    valid_until: date
    days: int


@dataclass(frozen=True)
class Licence:
    licence_number: str
    object_types: list[str]
    valid_until: date
    days: int


@dataclass(frozen=True)
class Attention:
    conflicts: int
    quarantined: int
    calibrations: list[Calibration]
    licences: list[Licence]
    numbers_left: int | None  # supervisors only
    numbers_low: bool

    @property
    def total(self) -> int:
        return (self.conflicts + self.quarantined + len(self.calibrations)
                + len(self.licences) + int(self.numbers_low))


@dataclass(frozen=True)
class MonthPoint:
    year: int
    month: int
    inspections: int
    passed: int
    failed: int

    @property
    def pass_rate(self) -> float | None:
        """Passed among the approved (decided) ones; None when none was decided."""
        decided = self.passed + self.failed
        return self.passed / decided if decided else None


@dataclass(frozen=True)
class Dashboard:
    today: date
    my_work: list[StatusCount]
    retests: list[RetestGroup]
    retest_counts: dict[str, int]  # bucket -> equipment items
    attention: Attention
    months: list[MonthPoint] = field(default_factory=list)


# my work ----------------------------------------------------------------------------

def my_work(s: Session, actor: Actor) -> list[StatusCount]:
    """The actor's own inspections by status; for a supervisor, the Balai's queue of
    submitted inspections counts under ``submitted``."""
    stmt = select(Inspection.status, func.count()).where(Inspection.deleted.is_(False))
    if actor.role in ("supervisor", "admin"):
        stmt = stmt.where((Inspection.inspector_id == actor.id)
                          | (Inspection.status == Status.SUBMITTED.value))
        if actor.balai_id:
            stmt = stmt.where(Inspection.balai_id == actor.balai_id)
    else:
        stmt = stmt.where(Inspection.inspector_id == actor.id)
    counts = dict(s.execute(stmt.group_by(Inspection.status)).all())
    return [StatusCount(st.value, STATUS_LABELS_ID[st], int(counts.get(st, 0)))
            for st in STATUS_ORDER]


# re-tests ---------------------------------------------------------------------------

def last_valid_certificates(s: Session, balai_id: str | None) -> dict[str, Certificate]:
    """Equipment id -> its latest certificate that is neither revoked nor replaced."""
    stmt = (select(Certificate, Inspection.equipment_id)
            .join(Inspection, Inspection.id == Certificate.inspection_id)
            .where(Certificate.deleted.is_(False)))
    if balai_id:
        stmt = stmt.where(Certificate.balai_id == balai_id)
    rows = list(s.execute(stmt))
    replaced = {c.replaces for c, _ in rows if c.replaces}
    latest: dict[str, Certificate] = {}
    for cert, equipment_id in rows:
        if cert.revoked or cert.id in replaced:
            continue
        old = latest.get(equipment_id)
        if old is None or (cert.issued_on, cert.number) > (old.issued_on, old.number):
            latest[equipment_id] = cert
    return latest


def retests(s: Session, balai_id: str | None, today: date,
            horizon: int = HORIZONS[-1]) -> list[RetestGroup]:
    """Equipment due for a re-test within ``horizon`` days or overdue, by company
    (companies with the most urgent item first; items by due date)."""
    certs = last_valid_certificates(s, balai_id)
    equipment = {e.id: e for e in s.scalars(select(Equipment).where(
        Equipment.id.in_(list(certs)), Equipment.deleted.is_(False)))}
    companies = {c.id: c for c in s.scalars(select(Company).where(
        Company.id.in_({e.company_id for e in equipment.values()})))}
    by_company: dict[str, list[Retest]] = defaultdict(list)
    for equipment_id, cert in certs.items():
        eq = equipment.get(equipment_id)
        if eq is None or cert.valid_until is None:
            continue
        days = (cert.valid_until - today).days
        if days > horizon:
            continue
        company = companies.get(eq.company_id)
        ot = OBJECT_TYPES.get(eq.object_type)
        by_company[eq.company_id].append(Retest(
            company_id=eq.company_id, company=company.name if company else "",
            contact_person=(company.contact_person or "") if company else "",
            phone=(company.phone or "") if company else "",
            address=company.address if company else "", equipment_id=eq.id,
            object_type=eq.object_type, object_type_name=ot.name_id if ot else eq.object_type,
            serial_number=eq.serial_number, certificate_number=cert.number,
            due=cert.valid_until, days=days))
    groups = []
    for items in by_company.values():
        items.sort(key=lambda r: (r.due, r.serial_number))
        first = items[0]
        groups.append(RetestGroup(first.company_id, first.company, first.contact_person,
                                  first.phone, first.address, items))
    groups.sort(key=lambda g: (g.items[0].due, g.company))
    return groups


def retest_counts(groups: list[RetestGroup]) -> dict[str, int]:
    counts = {"overdue": 0, **{str(h): 0 for h in HORIZONS}}
    for group in groups:
        for item in group.items:
            counts[item.bucket] += 1
    return counts


# needs attention --------------------------------------------------------------------

def _licences(actor: Actor, today: date) -> list[Licence]:
    out = []
    for q in actor.qualifications:
        if not isinstance(q, dict):
            continue
        until = parse_day(q.get("valid_until"))
        if until is None or (until - today).days > LICENCE_DAYS:
            continue
        out.append(Licence(str(q.get("licence_number") or ""),
                           [str(t) for t in q.get("object_types") or []], until,
                           (until - today).days))
    return sorted(out, key=lambda lic: lic.valid_until)


def numbers_left(db: Database, actor: Actor, today: date) -> int | None:
    """Certificate numbers this laptop has left this year (supervisors only; opens its
    own sessions, so call it outside another one)."""
    if actor.role != "supervisor":
        return None
    return keys_service.numbers_left(db, settings_service.device_id(db), today.year)


def attention(s: Session, actor: Actor, today: date, left: int | None) -> Attention:
    conflicts = int(s.scalar(select(func.count()).select_from(Conflict).where(
        Conflict.resolved_at.is_(None))) or 0)
    quarantined = int(s.scalar(select(func.count()).select_from(OutboxEntry).where(
        OutboxEntry.state == "quarantined")) or 0)
    stmt = select(Instrument).where(
        Instrument.deleted.is_(False),
        Instrument.calibration_valid_until <= today + timedelta(days=CALIBRATION_DAYS))
    if actor.balai_id:
        stmt = stmt.where(Instrument.balai_id == actor.balai_id)
    calibrations = [Calibration(i.id, i.name, i.serial_number, i.calibration_valid_until,
                                (i.calibration_valid_until - today).days)
                    for i in s.scalars(stmt.order_by(Instrument.calibration_valid_until))]
    return Attention(conflicts, quarantined, calibrations, _licences(actor, today), left,
                     left is not None and left < keys_service.LOW_BLOCK_WARNING)


# inspections per month --------------------------------------------------------------

def month_keys(today: date, months: int = MONTHS) -> list[tuple[int, int]]:
    """The ``months`` calendar months ending with today's, oldest first."""
    index = today.year * 12 + today.month - 1
    return [divmod(i, 12) for i in range(index - months + 1, index + 1)]


def monthly(s: Session, balai_id: str | None, today: date,
            months: int = MONTHS) -> list[MonthPoint]:
    """Inspections by ``inspected_on`` month; passed/failed as the monthly recap counts
    them (approved and ``memenuhi`` / approved otherwise)."""
    keys = month_keys(today, months)
    first = date(keys[0][0], keys[0][1] + 1, 1)
    stmt = select(Inspection.inspected_on, Inspection.status, Inspection.verdict).where(
        Inspection.deleted.is_(False), Inspection.inspected_on >= first,
        Inspection.inspected_on <= today)
    if balai_id:
        stmt = stmt.where(Inspection.balai_id == balai_id)
    figures: dict[tuple[int, int], list[int]] = {k: [0, 0, 0] for k in keys}
    for on, status, verdict in s.execute(stmt):
        row = figures[(on.year, on.month - 1)]
        row[0] += 1
        col = outcome(status, verdict)
        if col == "passed":
            row[1] += 1
        elif col == "failed":
            row[2] += 1
    return [MonthPoint(y, m + 1, *figures[(y, m)]) for y, m in keys]


# all of it --------------------------------------------------------------------------

def dashboard(db: Database, actor: Actor, today: date | None = None) -> Dashboard:
    today = today or date.today()
    left = numbers_left(db, actor, today)
    with db.session() as s:
        groups = retests(s, actor.balai_id, today)
        return Dashboard(today=today, my_work=my_work(s, actor), retests=groups,
                         retest_counts=retest_counts(groups),
                         attention=attention(s, actor, today, left),
                         months=monthly(s, actor.balai_id, today))


# export -----------------------------------------------------------------------------

RETEST_HEADERS = ("Perusahaan", "Narahubung", "Telepon", "Alamat", "Jenis objek",
                  "Nomor seri", "Sertifikat terakhir", "Jatuh tempo", "Hari")


def _text_cell(cell: Any, value: str) -> None:
    """A text cell that Excel never runs as a formula (``=``, ``+``, ``-``, ``@``...)."""
    cell.value = value
    cell.data_type = "s"
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        cell.quotePrefix = True


def export_retests(groups: list[RetestGroup], path: Path, today: date) -> int:
    """The call list as an .xlsx; returns the number of equipment rows written."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Uji ulang"
    ws.append([f"Uji ulang jatuh tempo per {today:%d/%m/%Y}"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(list(RETEST_HEADERS))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    n = 0
    for group in groups:
        for item in group.items:
            r = ws.max_row + 1
            texts = (item.company, item.contact_person, item.phone, item.address,
                     item.object_type_name, item.serial_number, item.certificate_number)
            for col, text in enumerate(texts, start=1):
                _text_cell(ws.cell(row=r, column=col), text)
            due = ws.cell(row=r, column=8, value=item.due)
            due.number_format = "DD/MM/YYYY"
            ws.cell(row=r, column=9, value=item.days)
            n += 1
    for letter, width in zip("ABCDEFGHI", (32, 20, 16, 40, 24, 20, 30, 12, 8), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A3"
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        wb.save(path)
    except OSError as exc:
        raise DataFileError(translate(
            "dashboard", "daftar uji ulang tidak dapat disimpan ke {path}: {reason}").format(
                path=path, reason=os_reason(exc))) from exc
    log.info("re-test list written: %s rows", n)
    return n


def export_retests_for(db: Database, actor: Actor, path: Path,
                       today: date | None = None) -> int:
    """Compute and export in one call (what the window runs on its worker)."""
    today = today or date.today()
    with db.session() as s:
        groups = retests(s, actor.balai_id, today)
    return export_retests(groups, path, today)
