"""The command line as a person or a script uses it: its start as a separate process once
(``python -m k3desk``), its commands through ``cli.main`` in-process (two cores)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from k3desk.store.db import open_database
from tests.support.cli import run_main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    proc = run_main(capsys, "--version")
    assert proc.returncode == 0
    assert proc.stdout.startswith("k3desk ")


@pytest.mark.parametrize("args", [["frobnicate"], ["list"], ["list", "planets"],
                                  ["list", "inspections", "--status", "lost"],
                                  ["audit"], ["demo", "--no-such-flag"]])


def test_bad_arguments_print_usage_and_exit_2(args: list[str], data_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    proc = run_main(capsys, *args, data_dir=data_dir)
    assert proc.returncode == 2
    assert "usage:" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_python_dash_m_is_the_same_entry_point() -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "k3desk", "--help"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0 and "demo" in proc.stdout and "audit" in proc.stdout


def test_demo_then_list_json(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    companies = json.loads(run_main(capsys, "list", "companies", "--json",
                                    data_dir=demo_dir).stdout)
    assert len(companies) >= 20
    assert {"id", "balai_id", "name", "address"} <= set(companies[0])
    equipment = json.loads(run_main(capsys, "list", "equipment", "--json",
                                    data_dir=demo_dir).stdout)
    assert len(equipment) >= 100
    assert len({e["object_type"] for e in equipment}) >= 14
    inspections = json.loads(run_main(capsys, "list", "inspections", "--json",
                                      data_dir=demo_dir).stdout)
    statuses = {i["status"] for i in inspections}
    assert statuses == {"draft", "submitted", "revision_requested", "approved", "rejected"}
    required = {"id", "balai_id", "company_id", "equipment_id", "template_id",
                "template_version", "inspector_id", "inspected_on", "status", "values"}
    assert all(required <= set(i) for i in inspections)
    approved = json.loads(run_main(capsys, "list", "inspections", "--json", "--status",
                                   "approved", data_dir=demo_dir).stdout)
    assert approved and all(i["status"] == "approved" for i in approved)
    assert len(approved) == sum(1 for i in inspections if i["status"] == "approved")


def test_demo_refuses_a_folder_with_data(demo_dir: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    proc = run_main(capsys, "demo", data_dir=demo_dir)
    assert proc.returncode == 2
    assert "sudah berisi data" in proc.stderr


def test_demo_audit_chain_is_intact(demo_dir: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    proc = run_main(capsys, "audit", "verify", data_dir=demo_dir)
    assert proc.returncode == 0, proc.stderr
    db = open_database(demo_dir)
    db.dispose()


def test_list_text_filters_by_free_text(demo_dir: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    proc = run_main(capsys, "list", "inspections", "--search", "Sinar Baja",
                    data_dir=demo_dir)
    assert proc.returncode == 0
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert lines and all("Sinar Baja" in line for line in lines)


def test_demo_prints_its_users_and_statuses_in_words(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    proc = run_main(capsys, "demo", data_dir=tmp_path / "fresh")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "pemeriksa  inspektur " in out and "penyelia   penyelia " in out
    # no stored word (a role or a status) reaches the person
    for word in ("inspector", "supervisor", "approved", "draft", "revision_requested"):
        assert word not in out, word
