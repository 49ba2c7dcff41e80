"""The dashboard's figures on demo data, against dates and counts worked out by hand."""

from __future__ import annotations

import sqlite3
import uuid
import zipfile
from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from k3desk.services import auth_service, dashboard_service
from k3desk.store.db import Database, open_database
from k3desk.store.models import (
    Certificate,
    Company,
    Equipment,
    Inspection,
    Instrument,
    NumberBlock,
    User,
)

TODAY = date.today()  # the demo is made for today


def _valid_certs(db: Database) -> list[tuple[str, str, str]]:
    """(certificate id, equipment id, company id) of the demo's passing certificates,
    one per equipment, in a fixed order."""
    with db.session() as s:
        rows = s.execute(select(Certificate.id, Inspection.equipment_id, Inspection.company_id)
                         .join(Inspection, Inspection.id == Certificate.inspection_id)
                         .where(Certificate.valid_until.is_not(None))
                         .order_by(Certificate.number)).all()
    seen: set[str] = set()
    out = []
    for cert_id, equipment_id, company_id in rows:
        if equipment_id not in seen:
            seen.add(equipment_id)
            out.append((cert_id, equipment_id, company_id))
    return out


def _copy_cert(s: object, cert: Certificate, **changes: object) -> Certificate:
    data = {c: getattr(cert, c) for c in ("balai_id", "inspection_id", "approver_id",
                                          "key_id", "payload", "signature", "issued_on",
                                          "valid_until")}
    data.update(changes)
    new = Certificate(block_id=str(uuid.uuid4()), seq_in_block=1,
                      number=f"UJI-{uuid.uuid4().hex[:8]}", **data)
    s.add(new)  # type: ignore[attr-defined]
    return new


def test_retests_by_company_against_hand_computed_dates(demo_dir: Path) -> None:
    db = open_database(demo_dir)
    certs = _valid_certs(db)
    assert len(certs) >= 9
    # Days from today each certificate's re-test falls on (None: left as it is, > 90).
    plan = [-5, 0, 30, 31, 90, 91, 10, 20, 10]
    with db.session() as s:
        for cert_id, *_ in certs:
            s.get(Certificate, cert_id).valid_until = TODAY + timedelta(days=400)
        for (cert_id, _eq, _co), days in zip(certs, plan, strict=False):
            s.get(Certificate, cert_id).valid_until = TODAY + timedelta(days=days)
        # 7th: revoked -> its equipment has no valid certificate any more
        s.get(Certificate, certs[6][0]).revoked = True
        # 8th: replaced by a correction due in 70 days -> the correction counts
        old = s.get(Certificate, certs[7][0])
        _copy_cert(s, old, replaces=old.id, issued_on=old.issued_on + timedelta(days=1),
                   valid_until=TODAY + timedelta(days=70))
        # 9th: a newer valid certificate due in 300 days supersedes the one due in 10
        ninth = s.get(Certificate, certs[8][0])
        _copy_cert(s, ninth, issued_on=ninth.issued_on + timedelta(days=2),
                   valid_until=TODAY + timedelta(days=300))
        serial = {e.id: e.serial_number for e in s.scalars(select(Equipment))}
        company = {c.id: c for c in s.scalars(select(Company))}
    expected = {  # serial -> (due, days, bucket)
        serial[certs[0][1]]: (TODAY - timedelta(days=5), -5, "overdue"),
        serial[certs[1][1]]: (TODAY, 0, "30"),
        serial[certs[2][1]]: (TODAY + timedelta(days=30), 30, "30"),
        serial[certs[3][1]]: (TODAY + timedelta(days=31), 31, "60"),
        serial[certs[4][1]]: (TODAY + timedelta(days=90), 90, "90"),
        serial[certs[7][1]]: (TODAY + timedelta(days=70), 70, "90"),
    }
    actor = auth_service.login_offline(db, "penyelia", "demo-penyelia")
    board = dashboard_service.dashboard(db, actor, TODAY)
    got = {i.serial_number: (i.due, i.days, i.bucket) for g in board.retests for i in g.items}
    assert got == expected
    assert board.retest_counts == {"overdue": 1, "30": 2, "60": 1, "90": 2}
    # grouped by company, with what a caller needs to phone them
    for group in board.retests:
        c = company[group.company_id]
        assert (group.company, group.address, group.phone, group.contact_person) == (
            c.name, c.address, c.phone or "", c.contact_person or "")
        assert all(i.company_id == group.company_id for i in group.items)
        assert [i.due for i in group.items] == sorted(i.due for i in group.items)
    firsts = [g.items[0].due for g in board.retests]
    assert firsts == sorted(firsts)  # the most urgent company first
    assert board.retests[0].items[0].days == -5
    db.dispose()


def test_chart_figures_match_a_query(demo_dir: Path) -> None:
    db = open_database(demo_dir)
    actor = auth_service.login_offline(db, "inspektur", "demo-inspektur")
    points = dashboard_service.dashboard(db, actor, TODAY).months
    assert len(points) == 12
    assert (points[-1].year, points[-1].month) == (TODAY.year, TODAY.month)
    first = date(points[0].year, points[0].month, 1)
    conn = sqlite3.connect(demo_dir / "k3desk.db")
    rows = conn.execute(
        "SELECT strftime('%Y-%m', inspected_on), count(*), "
        "sum(status = 'approved' AND verdict = 'memenuhi'), "
        "sum(status = 'approved' AND coalesce(verdict, '') != 'memenuhi') "
        "FROM inspection WHERE deleted = 0 AND inspected_on >= ? AND inspected_on <= ? "
        "GROUP BY 1", (first.isoformat(), TODAY.isoformat())).fetchall()
    conn.close()
    by_month = {key: (n, passed, failed) for key, n, passed, failed in rows}
    for p in points:
        key = f"{p.year:04d}-{p.month:02d}"
        assert (p.inspections, p.passed, p.failed) == by_month.get(key, (0, 0, 0))
    assert sum(p.inspections for p in points) == sum(v[0] for v in by_month.values()) > 40
    rated = [p for p in points if p.pass_rate is not None]
    assert rated and all(p.pass_rate == p.passed / (p.passed + p.failed) for p in rated)
    db.dispose()


def test_my_work_and_attention(demo_dir: Path) -> None:
    db = open_database(demo_dir)
    inspector = auth_service.login_offline(db, "inspektur", "demo-inspektur")
    with db.session() as s:
        mine = dict(s.execute(
            select(Inspection.status, Inspection.id).where(
                Inspection.inspector_id == inspector.id)).all())
        counts: dict[str, int] = {}
        for st in s.scalars(select(Inspection.status).where(
                Inspection.inspector_id == inspector.id)):
            counts[st] = counts.get(st, 0) + 1
        instruments = list(s.scalars(select(Instrument).order_by(Instrument.name)))
        instruments[0].calibration_valid_until = TODAY + timedelta(days=12)
        instruments[1].calibration_valid_until = TODAY - timedelta(days=1)
        instruments[2].calibration_valid_until = TODAY + timedelta(days=31)
        user = s.get(User, inspector.id)
        quals = [dict(q) for q in user.qualifications]
        quals[0]["valid_until"] = (TODAY + timedelta(days=20)).isoformat()
        user.qualifications = quals
    assert mine
    inspector = auth_service.login_offline(db, "inspektur", "demo-inspektur")
    board = dashboard_service.dashboard(db, inspector, TODAY)
    assert {w.status: w.count for w in board.my_work} == {
        st: counts.get(st, 0) for st in ("draft", "revision_requested", "submitted",
                                         "approved", "rejected")}
    a = board.attention
    assert [(c.name, c.days) for c in a.calibrations] == [
        (instruments[1].name, -1), (instruments[0].name, 12)]
    assert [(lic.days, lic.valid_until) for lic in a.licences] == [
        (20, TODAY + timedelta(days=20))]
    assert a.numbers_left is None and not a.numbers_low  # an inspector numbers nothing
    supervisor = auth_service.login_offline(db, "penyelia", "demo-penyelia")
    with db.session() as s:
        issued = len(list(s.scalars(select(Certificate))))
        block = s.scalars(select(NumberBlock)).one()
        size = block.last - block.first + 1
    board = dashboard_service.dashboard(db, supervisor, TODAY)
    assert board.attention.numbers_left == size - issued and not board.attention.numbers_low
    with db.session() as s:
        block = s.scalars(select(NumberBlock)).one()
        block.last = block.first + issued + 2  # three numbers left
    board = dashboard_service.dashboard(db, supervisor, TODAY)
    assert board.attention.numbers_left == 3 and board.attention.numbers_low
    db.dispose()


def test_export_writes_text_cells_excel_never_runs(demo_dir: Path, tmp_path: Path) -> None:
    db = open_database(demo_dir)
    [(cert_id, equipment_id, company_id), *_] = _valid_certs(db)
    evil = '=HYPERLINK("http://example.invalid","klik")'
    with db.session() as s:
        s.get(Certificate, cert_id).valid_until = TODAY + timedelta(days=7)
        s.get(Company, company_id).name = evil
        s.get(Company, company_id).phone = "+62 21 555"
        s.get(Equipment, equipment_id).serial_number = "@SUM(A1:A9)"
    actor = auth_service.login_offline(db, "penyelia", "demo-penyelia")
    path = tmp_path / "uji-ulang.xlsx"
    n = dashboard_service.export_retests_for(db, actor, path, TODAY)
    assert n == 1
    ws = load_workbook(path).active
    row = [c.value for c in ws[3]]
    assert row[0] == evil and row[2] == "+62 21 555" and row[5] == "@SUM(A1:A9)"
    assert row[7].date() == TODAY + timedelta(days=7) and row[8] == 7
    assert all(ws.cell(row=3, column=col).data_type == "s" for col in range(1, 8))
    with zipfile.ZipFile(path) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet  # no formula anywhere
    db.dispose()
