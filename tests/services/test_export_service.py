"""The recap's figures against a dataset whose answer is known, and against SQL."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from k3desk.cli import main
from k3desk.services import auth_service, export_service
from k3desk.services.context import Actor, AppContext
from k3desk.store.db import open_database
from k3desk.store.models import Balai, Certificate, Company, Equipment, Inspection, User

START, END = date(2026, 10, 1), date(2026, 10, 31)


@pytest.fixture
def ctx(tmp_path: Path) -> Any:
    db = open_database(tmp_path / "data")
    with db.session(remote=True) as s:
        balai = Balai(code="BK3T", name="Balai Uji", address="Jl. Uji 1", version=1)
        s.add(balai)
        s.flush()
        b = balai.id
        budi = User(username="budi", full_name="Budi", nip="1", role="inspector",
                    balai_id=b, version=1)
        siti = User(username="siti", full_name="Siti", nip="2", role="inspector",
                    balai_id=b, version=1)
        boss = User(username="penyelia", full_name="Hendra", nip="3", role="supervisor",
                    balai_id=b, version=1, password_hash=auth_service.hash_password("pw-1"))
        s.add_all([budi, siti, boss])
        c1 = Company(balai_id=b, name="PT Satu", address="A")
        c2 = Company(balai_id=b, name="PT Dua", address="B")
        s.add_all([c1, c2])
        s.flush()
        eq = {}
        for key, company, object_type in (("E1", c1, "apar"), ("E2", c1, "overhead_crane"),
                                   ("E3", c2, "bejana_tekan"), ("E4", c2, "apar")):
            eq[key] = Equipment(balai_id=b, company_id=company.id, object_type=object_type,
                                serial_number=f"SN-{key}")
        s.add_all(eq.values())
        s.flush()

        def ins(n: int, day: date, e: str, who: User, status: str, verdict: str | None,
                due: date | None = None, deleted: bool = False) -> Inspection:
            i = Inspection(id=f"00000000-0000-0000-0000-{n:012d}", balai_id=b,
                           company_id=eq[e].company_id, equipment_id=eq[e].id,
                           template_id="t", template_version=1, inspector_id=who.id,
                           inspected_on=day, status=status, verdict=verdict,
                           next_test_due=due, deleted=deleted)
            s.add(i)
            return i

        i1 = ins(1, date(2026, 10, 5), "E1", budi, "approved", "memenuhi", date(2027, 10, 5))
        ins(2, date(2026, 10, 10), "E2", budi, "approved", "tidak_memenuhi")
        ins(3, date(2026, 10, 12), "E3", siti, "submitted", "memenuhi")
        ins(4, date(2026, 10, 20), "E4", siti, "rejected", "tidak_memenuhi")
        ins(5, date(2026, 10, 31), "E4", siti, "draft", "incomplete")
        i6 = ins(6, date(2026, 9, 30), "E3", budi, "approved", "memenuhi", date(2026, 10, 15))
        ins(7, date(2026, 11, 1), "E1", budi, "approved", "memenuhi", date(2027, 11, 1))
        i8 = ins(8, date(2025, 10, 20), "E2", budi, "approved", "memenuhi", date(2026, 10, 20))
        ins(9, date(2026, 10, 15), "E1", budi, "draft", None, deleted=True)
        s.flush()

        def cert(seq: int, inspection: Inspection, issued: date, **kw: Any) -> None:
            s.add(Certificate(balai_id=b, inspection_id=inspection.id, block_id="blk",
                              seq_in_block=seq, number=f"{seq:04d}/PK/BK3T/2026",
                              issued_on=issued, approver_id=boss.id, key_id="k",
                              payload="{}", signature="sig", **kw))

        cert(1, i1, date(2026, 10, 6), revoked=True, revoked_reason="salah ketik",
             extra={"revoked_at": "2026-10-28T03:00:00Z"})
        cert(2, i6, date(2026, 9, 30), revoked=True, revoked_reason="uji ulang gagal",
             extra={"revoked_at": "2026-10-15T01:00:00Z"})
        cert(3, i8, date(2025, 10, 21))
        cert(5, i1, date(2026, 10, 28))
        actor = Actor.of(boss)
    auth_service.login_offline(db, "penyelia", "pw-1")
    yield AppContext(db=db, actor=actor)
    db.dispose()


EXPECTED_TOTALS = {"total": 5, "passed": 1, "failed": 1, "pending": 2, "rejected": 1,
                   "issued": 2, "revoked": 2, "retest_due": 1}
EXPECTED_BY_TYPE = {
    "apar": {"total": 3, "passed": 1, "failed": 0, "pending": 1, "rejected": 1, "issued": 2,
             "revoked": 1, "retest_due": 0},
    "overhead_crane": {"total": 1, "passed": 0, "failed": 1, "pending": 0, "rejected": 0,
                       "issued": 0, "revoked": 0, "retest_due": 0},
    "bejana_tekan": {"total": 1, "passed": 0, "failed": 0, "pending": 1, "rejected": 0,
                     "issued": 0, "revoked": 1, "retest_due": 1},
}


def test_recap_figures_match_the_known_dataset_and_sql(ctx):
    with ctx.db.session() as s:
        recap = export_service.compute_recap(s, ctx.actor.balai_id, START, END)
        sql = dict(s.execute(text(
            "SELECT status, count(*) FROM inspection WHERE deleted = 0 AND inspected_on "
            "BETWEEN :a AND :b GROUP BY status"), {"a": START, "b": END}).all())
        issued = s.execute(text("SELECT count(*) FROM certificate WHERE issued_on BETWEEN "
                                ":a AND :b"), {"a": START, "b": END}).scalar()
    assert recap.totals == EXPECTED_TOTALS
    assert recap.by_object_type == EXPECTED_BY_TYPE
    budi = recap.by_inspector["Budi"]
    assert [budi[k] for k in ("total", "passed", "failed", "pending", "rejected", "issued")] \
        == [2, 1, 1, 0, 0, 2]
    assert recap.by_inspector["Siti"]["pending"] == 2 and \
        recap.by_inspector["Siti"]["rejected"] == 1
    assert recap.totals["total"] == sum(sql.values())
    assert recap.totals["rejected"] == sql["rejected"]
    assert recap.totals["pending"] == sql.get("draft", 0) + sql.get("submitted", 0)
    assert recap.totals["issued"] == issued
    assert [r["serial_number"] for r in recap.retests] == ["SN-E3"]
    assert sorted(c["number"] for c in recap.revoked) == ["0001/PK/BK3T/2026",
                                                          "0002/PK/BK3T/2026"]


def test_recap_workbook_holds_the_same_figures(ctx, tmp_path):
    out = tmp_path / "rekap.xlsx"
    export_service.write_recap(ctx, START, END, out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Ringkasan", "Per jenis objek", "Per pemeriksa", "Sertifikat",
                             "Dicabut", "Uji ulang"]
    summary = {r[0]: r[1] for r in wb["Ringkasan"].iter_rows(min_row=7, values_only=True)}
    labels = export_service.LABELS
    assert {k: summary[labels[k]] for k in EXPECTED_TOTALS} == EXPECTED_TOTALS
    rows = list(wb["Per jenis objek"].iter_rows(values_only=True))
    header, body, total = rows[0], rows[1:-1], rows[-1]
    keys = [k for k, v in labels.items() if v in header]
    by_code = {r[1]: dict(zip(keys, r[2:], strict=True)) for r in body}
    assert by_code == EXPECTED_BY_TYPE
    assert total[0] == "Jumlah" and list(total[2:]) == [EXPECTED_TOTALS[k] for k in keys]
    inspectors = {r[0]: r[1] for r in wb["Per pemeriksa"].iter_rows(min_row=2,
                                                                     values_only=True)}
    assert inspectors == {"Budi": 2, "Siti": 3, "Jumlah": 5}
    assert [r[0] for r in wb["Sertifikat"].iter_rows(min_row=2, values_only=True)] == [
        "0001/PK/BK3T/2026", "0005/PK/BK3T/2026"]
    assert [r[3] for r in wb["Uji ulang"].iter_rows(min_row=2, values_only=True)] == ["SN-E3"]


def test_csv_exports(ctx, tmp_path):
    n = export_service.export_inspections_csv(ctx, START, END, tmp_path / "i.csv")
    with (tmp_path / "i.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert n == len(rows) == 5
    assert [r["inspected_on"] for r in rows] == ["2026-10-05", "2026-10-10", "2026-10-12",
                                                 "2026-10-20", "2026-10-31"]
    assert rows[0]["certificate_number"] == "0005/PK/BK3T/2026"  # not the revoked one
    assert rows[0]["company"] == "PT Satu" and rows[0]["inspector"] == "Budi"
    n = export_service.export_certificates_csv(ctx, START, END, tmp_path / "c.csv")
    with (tmp_path / "c.csv").open(encoding="utf-8-sig") as fh:
        certs = list(csv.DictReader(fh))
    assert n == 2 and certs[0]["revoked"] == "True" and certs[0]["revoked_on"] == "2026-10-28"


def test_cli_export(ctx, tmp_path, capsys):
    d = str(ctx.db.data_dir)
    out = tmp_path / "r.xlsx"
    assert main(["export", "recap", "--from", "2026-10-01", "--to", "2026-10-31", "-o",
                 str(out), "--data-dir", d]) == 0
    assert "5 pemeriksaan" in capsys.readouterr().out and out.is_file()
    assert main(["export", "inspections", "--from", "2026-10-01", "--to", "2026-10-31", "-o",
                 str(tmp_path / "i.csv"), "--data-dir", d]) == 0
    assert main(["export", "inspections", "--from", "2026-10-31", "--to", "2026-10-01", "-o",
                 str(tmp_path / "x.csv"), "--data-dir", d]) == 2
    assert "periode terbalik" in capsys.readouterr().err
