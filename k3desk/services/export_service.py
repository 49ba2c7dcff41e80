"""Monthly recap workbook and CSV lists of inspections and certificates for a period.

The head of a Balai reports every month how many objects were tested, by type and by
inspector, how many passed, how many certificates were issued or revoked, and which
objects fall due for a re-test. The figures are computed once (``compute_recap``) and
the workbook only lays them out, so a test can hold the numbers against the database.

Counting rules (inspections by ``inspected_on`` in the period, both ends included):
passed = approved and ``memenuhi``; failed = approved and anything else; rejected =
rejected by the supervisor; pending = draft, submitted or sent back for revision.
Certificates count by ``issued_on``; revocations by ``revoked_at`` (the time the
supervisor revoked, falling back to the record's last change). Re-tests due: equipment
whose latest approved inspection sets ``next_test_due`` inside the period.
"""

from __future__ import annotations

import csv
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from k3desk.domain.errors import ValidationError
from k3desk.domain.i18n import translate
from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.vocabulary import Verdict
from k3desk.domain.workflow import STATUS_LABELS_ID, Status
from k3desk.services.context import AppContext
from k3desk.store.models import Balai, Certificate, Company, Equipment, Inspection, User

log = logging.getLogger("k3desk.export")

COLUMNS = ("total", "passed", "failed", "pending", "rejected")
LABELS = {"total": "Jumlah pemeriksaan", "passed": "Memenuhi", "failed": "Tidak memenuhi",
          "pending": "Belum selesai", "rejected": "Ditolak", "issued": "Sertifikat terbit",
          "revoked": "Sertifikat dicabut", "retest_due": "Uji ulang jatuh tempo"}


def outcome(status: str, verdict: str | None) -> str:
    """Which recap column an inspection counts in."""
    if status == Status.APPROVED:
        return "passed" if verdict == Verdict.MEMENUHI else "failed"
    if status == Status.REJECTED:
        return "rejected"
    return "pending"


@dataclass
class Recap:
    start: date
    end: date
    balai_name: str = ""
    by_object_type: dict[str, dict[str, int]] = field(default_factory=dict)
    by_inspector: dict[str, dict[str, int]] = field(default_factory=dict)  # full name ->
    totals: dict[str, int] = field(default_factory=dict)
    certificates: list[dict[str, Any]] = field(default_factory=list)  # issued in the period
    revoked: list[dict[str, Any]] = field(default_factory=list)  # revoked in the period
    retests: list[dict[str, Any]] = field(default_factory=list)


def _row() -> dict[str, int]:
    return dict.fromkeys((*COLUMNS, "issued", "revoked", "retest_due"), 0)


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise ValidationError(translate("export", "periode terbalik: {start} sampai {end}").format(
            start=start.isoformat(), end=end.isoformat()))


def _revoked_on(cert: Certificate) -> date | None:
    if not cert.revoked:
        return None
    text = (cert.extra or {}).get("revoked_at") or cert.modified_at
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def compute_recap(s: Session, balai_id: str | None, start: date, end: date) -> Recap:
    _check_period(start, end)
    recap = Recap(start, end)
    balai = s.get(Balai, balai_id) if balai_id else None
    recap.balai_name = balai.name if balai else ""
    names = {u.id: u.full_name for u in s.scalars(select(User))}
    equipment = {e.id: e for e in s.scalars(select(Equipment))}
    companies = {c.id: c.name for c in s.scalars(select(Company))}
    by_type: dict[str, dict[str, int]] = defaultdict(_row)
    by_inspector: dict[str, dict[str, int]] = defaultdict(_row)
    totals = _row()

    stmt = select(Inspection).where(Inspection.deleted.is_(False))
    if balai_id:
        stmt = stmt.where(Inspection.balai_id == balai_id)
    inspections = list(s.scalars(stmt))
    by_id = {i.id: i for i in inspections}
    for ins in inspections:
        if not start <= ins.inspected_on <= end:
            continue
        eq = equipment.get(ins.equipment_id)
        object_type = eq.object_type if eq else "?"
        col = outcome(ins.status, ins.verdict)
        inspector = names.get(ins.inspector_id, ins.inspector_id)
        for target in (by_type[object_type], by_inspector[inspector], totals):
            target["total"] += 1
            target[col] += 1

    cstmt = select(Certificate).where(Certificate.deleted.is_(False))
    if balai_id:
        cstmt = cstmt.where(Certificate.balai_id == balai_id)
    for cert in s.scalars(cstmt.order_by(Certificate.issued_on, Certificate.number)):
        owner = by_id.get(cert.inspection_id)
        eq = equipment.get(owner.equipment_id) if owner else None
        object_type = eq.object_type if eq else "?"
        revoked_on = _revoked_on(cert)
        line: dict[str, Any] = {"number": cert.number, "issued_on": cert.issued_on,
                "valid_until": cert.valid_until, "revoked": cert.revoked,
                "revoked_on": revoked_on, "revoked_reason": cert.revoked_reason,
                "company": companies.get(owner.company_id, "") if owner else "",
                "object_type": object_type, "serial_number": eq.serial_number if eq else "",
                "approver": names.get(cert.approver_id, cert.approver_id)}
        if start <= cert.issued_on <= end:
            recap.certificates.append(line)
            inspector = names.get(owner.inspector_id, owner.inspector_id) if owner else "?"
            for target in (by_type[object_type], by_inspector[inspector], totals):
                target["issued"] += 1
        if revoked_on is not None and start <= revoked_on <= end:
            recap.revoked.append(line)
            by_type[object_type]["revoked"] += 1
            totals["revoked"] += 1

    latest: dict[str, Inspection] = {}
    for ins in inspections:
        if ins.status != Status.APPROVED:
            continue
        old = latest.get(ins.equipment_id)
        if old is None or ins.inspected_on > old.inspected_on:
            latest[ins.equipment_id] = ins
    for ins in sorted(latest.values(), key=lambda i: (i.next_test_due or date.max, i.id)):
        due = ins.next_test_due
        if due is None or not start <= due <= end:
            continue
        eq = equipment.get(ins.equipment_id)
        object_type = eq.object_type if eq else "?"
        recap.retests.append({"due": due, "last_inspected_on": ins.inspected_on,
                              "company": companies.get(ins.company_id, ""),
                              "object_type": object_type,
                              "serial_number": eq.serial_number if eq else ""})
        by_type[object_type]["retest_due"] += 1
        totals["retest_due"] += 1

    recap.by_object_type = {k: by_type[k] for k in sorted(by_type, key=_type_order)}
    recap.by_inspector = dict(sorted(by_inspector.items()))
    recap.totals = totals
    return recap


def _type_order(code: str) -> tuple[int, str]:
    codes = list(OBJECT_TYPES)
    return (codes.index(code) if code in codes else len(codes), code)


def _type_name(code: str) -> str:
    ot = OBJECT_TYPES.get(code)
    return ot.name_id if ot else code


def write_recap(ctx: AppContext, start: date, end: date, path: Path) -> Recap:
    """The recap workbook (.xlsx) for the acting user's Balai."""
    from k3desk.services.export_workbook import write_workbook

    with ctx.db.session() as s:
        recap = compute_recap(s, ctx.actor.balai_id, start, end)
    write_workbook(recap, Path(path), _type_name)
    log.info("recap %s..%s written: %s inspections", start, end, recap.totals["total"])
    return recap


INSPECTION_COLUMNS = ("id", "inspected_on", "status", "status_label", "verdict", "kind",
                      "object_type", "company", "serial_number", "inspector", "template_id",
                      "template_version", "next_test_due", "certificate_number")
CERTIFICATE_COLUMNS = ("number", "issued_on", "valid_until", "revoked", "revoked_on",
                       "revoked_reason", "company", "object_type", "serial_number",
                       "approver")


#: What a spreadsheet reads as the start of a formula in a CSV cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A text that a spreadsheet would run as a formula (``=HYPERLINK(...)``, ``+SUM``,
    ``-2+3``, ``@SUM``) gets the usual leading apostrophe; other values are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _write_csv(path: Path, columns: Iterable[str], rows: Iterable[dict[str, Any]]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    # UTF-8 with a BOM: Excel then reads Indonesian names correctly.
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("" if v is None else v.isoformat() if isinstance(v, date)
                                 else csv_safe(v)) for k, v in row.items()})
            n += 1
    return n


def export_inspections_csv(ctx: AppContext, start: date, end: date, path: Path) -> int:
    """Every inspection of the period, one line each; returns the number of lines."""
    _check_period(start, end)
    with ctx.db.session() as s:
        names = {u.id: u.full_name for u in s.scalars(select(User))}
        numbers = {c.inspection_id: c.number for c in s.scalars(
            select(Certificate).where(Certificate.revoked.is_(False)))}
        stmt = (select(Inspection, Company.name, Equipment.object_type,
                       Equipment.serial_number)
                .join(Company, Company.id == Inspection.company_id, isouter=True)
                .join(Equipment, Equipment.id == Inspection.equipment_id, isouter=True)
                .where(Inspection.deleted.is_(False), Inspection.inspected_on >= start,
                       Inspection.inspected_on <= end)
                .order_by(Inspection.inspected_on, Inspection.id))
        if ctx.actor.balai_id:
            stmt = stmt.where(Inspection.balai_id == ctx.actor.balai_id)
        rows = [{"id": ins.id, "inspected_on": ins.inspected_on, "status": ins.status,
                 "status_label": STATUS_LABELS_ID.get(Status(ins.status), ins.status),
                 "verdict": ins.verdict, "kind": ins.kind, "object_type": object_type,
                 "company": company, "serial_number": serial,
                 "inspector": names.get(ins.inspector_id, ins.inspector_id),
                 "template_id": ins.template_id, "template_version": ins.template_version,
                 "next_test_due": ins.next_test_due,
                 "certificate_number": numbers.get(ins.id)}
                for ins, company, object_type, serial in s.execute(stmt)]
    return _write_csv(Path(path), INSPECTION_COLUMNS, rows)


def export_certificates_csv(ctx: AppContext, start: date, end: date, path: Path) -> int:
    """Certificates issued in the period (with their revocation, if any)."""
    with ctx.db.session() as s:
        recap = compute_recap(s, ctx.actor.balai_id, start, end)
    return _write_csv(Path(path), CERTIFICATE_COLUMNS, recap.certificates)
