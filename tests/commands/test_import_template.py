"""``k3desk import template companies|equipment|instruments -o FILE.xlsx`` exactly as
issue 16 writes it: an empty workbook whose headers map by themselves; what it does not
take is refused with a working example. And ``k3desk list inspections`` prints labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.support.cli import run_cli, run_main
from tests.support.messages import assert_plain

EXPECTED_FIRST = {"companies": "Nama perusahaan", "equipment": "Nama perusahaan",
                  "instruments": None}


@pytest.mark.parametrize("what", ["companies", "equipment", "instruments"])
def test_import_template_writes_the_headers_that_map(what: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    from k3desk.services import import_service

    out = tmp_path / f"{what}.xlsx"
    code, printed, err = run_main(capsys, "import", "template", what, "-o", str(out))
    assert code == 0, err
    book = load_workbook(out)
    sheet = book.active
    assert sheet is not None and sheet.max_row == 1  # empty: the header row only
    headers = [c.value for c in sheet[1]]
    assert headers == import_service.template_headers(what) and all(headers)
    assert all(h in printed for h in headers)
    mapping = import_service.suggest_mapping(what, [str(h) for h in headers])
    assert all(mapping[str(h)] for h in headers), mapping  # every header maps by itself
    required = import_service._spec(what).required
    assert set(required) <= set(mapping.values())
    if EXPECTED_FIRST[what]:
        assert headers[0] == EXPECTED_FIRST[what]


def test_import_template_as_a_separate_process(tmp_path: Path) -> None:
    out = tmp_path / "peralatan.xlsx"
    proc = run_cli("import", "template", "equipment", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert [c.value for c in load_workbook(out).active[1]][:2] == [  # type: ignore[index]
        "Nama perusahaan", "Alamat perusahaan"]


@pytest.mark.parametrize("args", [
    ["import", "template", "planets", "-o", "x.xlsx"],
    ["import", "template", "companies"],
    ["import", "template", "companies", "-o", "x.csv"],
    ["import", "template", "companies", "-o", "x.xlsx", "--preview"],
    ["import", "companies", "perusahaan.xlsx", "-o", "x.xlsx"],
])
def test_what_import_template_does_not_take(args: list[str], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run_main(capsys, *args)
    assert code == 2 and "import template" in err
    assert_plain(err)
    assert not (tmp_path / "x.xlsx").exists() and not (tmp_path / "x.csv").exists()


def test_list_inspections_prints_labels(demo_dir: Path, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    code, out, _ = run_main(capsys, "list", "inspections", data_dir=demo_dir)
    assert code == 0 and out
    assert "Tidak memenuhi" in out and "Disetujui" in out and "Bejana Tekanan" in out
    for stored in ("tidak_memenuhi", " approved ", " draft ", "bejana_tekan"):
        assert stored not in out
    # the JSON keeps the stored words (a contract)
    rows = json.loads(run_main(capsys, "list", "inspections", "--json",
                               data_dir=demo_dir).stdout)
    assert {"approved", "draft"} <= {r["status"] for r in rows}
    assert "tidak_memenuhi" in {r["verdict"] for r in rows}
