"""Issue 13: names that look like formulas stay text in every export."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from k3desk.services import export_service
from k3desk.store.models import Company, User
from tests.services.test_export_service import END, START
from tests.services.test_export_service import ctx as ctx  # noqa: F401 - the fixture

NAMES = ['=HYPERLINK("http://evil.example","klik")', "=cmd|' /C calc'!A0", "+SUM(1,1)",
         "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


def _poison(ctx: Any, name: str) -> None:
    with ctx.db.session(remote=True) as s:
        for company in s.query(Company):
            company.name = name
        for user in s.query(User):
            user.full_name = name


@pytest.mark.parametrize("name", NAMES)
def test_recap_workbook_writes_them_as_text_cells(ctx: Any, tmp_path: Path,  # noqa: F811
                                                  name: str) -> None:
    _poison(ctx, name)
    out = tmp_path / "rekap.xlsx"
    export_service.write_recap(ctx, START, END, out)
    with zipfile.ZipFile(out) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert not any("<f>" in x or "<f " in x for x in sheets)
    wb = load_workbook(out)
    companies = [r[3] for r in wb["Sertifikat"].iter_rows(min_row=2, values_only=True)]
    assert companies and all(c.strip() == name.strip() for c in companies)  # XML: \r is \n
    assert all(c.data_type == "s" for c in wb["Sertifikat"]["D"][1:])


@pytest.mark.parametrize("name", NAMES)
def test_csv_exports_put_a_quote_before_them(ctx: Any, tmp_path: Path,  # noqa: F811
                                             name: str) -> None:
    _poison(ctx, name)
    export_service.export_inspections_csv(ctx, START, END, tmp_path / "i.csv")
    export_service.export_certificates_csv(ctx, START, END, tmp_path / "c.csv")
    for file, column in (("i.csv", "company"), ("i.csv", "inspector"), ("c.csv", "company")):
        with (tmp_path / file).open(encoding="utf-8-sig", newline="") as fh:
            values = [r[column] for r in csv.DictReader(fh)]
        assert values and all(v == "'" + name for v in values), (file, column, values)


def test_ordinary_values_are_left_alone() -> None:
    assert export_service.csv_safe("PT Satu") == "PT Satu"
    assert export_service.csv_safe(-2) == -2
