"""``k3desk templates ...`` and ``k3desk check``: one as a separate process, as a person
runs it, the rest through ``cli.main`` in-process (the machine has two cores)."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from k3desk.domain.evaluation import example_values
from k3desk.domain.templates import default_registry
from tests.support.cli import run_cli, run_main

cli = run_main  # cli(capsys, ARGS...) -> (returncode, stdout, stderr)


def test_list_json_and_text() -> None:
    proc = run_cli("templates", "list", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert {r["id"] for r in rows} >= {"bejana_tekan", "apar", "lingkungan_kerja", "hydrant"}
    for row in rows:
        assert {"id", "version", "title_id", "title_en", "object_type"} <= set(row)


def test_list_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, text, _ = cli(capsys, "templates", "list")
    assert code == 0 and "Pemeriksaan Alat Pemadam Api Ringan (APAR)" in text
    assert "Portable fire extinguisher" in cli(capsys, "--lang", "en", "templates", "list")[1]


def test_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "templates", "show", "pesawat_uap", "--version", "1")
    assert code == 0
    assert "tekanan_uji_pertama_wajib" in out and "Ps 27 [R]" in out
    assert "UNVERIFIED" in cli(capsys, "templates", "show", "elevator")[1]
    raw = json.loads(cli(capsys, "templates", "show", "apar", "--json")[1])
    assert raw == default_registry().get("apar").definition
    code, _, err = cli(capsys, "templates", "show", "apar", "--version", "9")
    assert code == 2 and "versi 9" in err


def test_example_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for failing, verdict in ((False, "memenuhi"), (True, "tidak_memenuhi")):
        path = tmp_path / f"values-{failing}.json"
        if failing:
            values = example_values(default_registry().get("instalasi_listrik"), failing=True)
            path.write_text(json.dumps(values), encoding="utf-8")
        else:
            example = cli(capsys, "templates", "example", "instalasi_listrik")
            assert example.returncode == 0, example.stderr
            path.write_text(example.stdout, encoding="utf-8")
        proc = cli(capsys, "check", "instalasi_listrik", str(path), "--inspected-on",
                   "2026-03-31")
        assert proc.returncode == 0, proc.stderr
        out = json.loads(proc.stdout)
        assert {"template_id", "template_version", "verdict", "findings", "missing",
                "next_test_due"} <= set(out)
        assert out["verdict"] == verdict
        assert out["template_id"] == "instalasi_listrik" and out["template_version"] == 1
        assert out["next_test_due"] == ("2027-03-31" if not failing else None)
        assert out["findings"] and all({"rule_id", "fields", "measured", "required",
                                        "message_id", "message_en", "reference", "grade",
                                        "unverified", "passed"} <= set(f)
                                       for f in out["findings"])


def test_example_prints_the_values_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "templates", "example", "hydrant", "--failing")
    assert code == 0
    values: dict[str, Any] = json.loads(out)
    assert values == example_values(default_registry().get("hydrant"), failing=True)
    assert set(values) <= set(default_registry().get("hydrant").fields)


def test_check_reads_stdin(capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    values = example_values(default_registry().get("apar"))
    values["unit_apar"][0]["tinggi_puncak"] = {"value": 1.3, "unit": "m"}
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(values)))
    code, out, _ = cli(capsys, "check", "apar", "-")
    result = json.loads(out)
    assert code == 0
    assert result["verdict"] == "tidak_memenuhi" and result["failed_rules"] == ["tinggi_puncak"]


def test_check_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "check", "apar", str(tmp_path / "nope.json"))
    assert code == 2 and out == "" and "tidak dapat membaca" in err


def test_check_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "v.json"
    good.write_text("{}", encoding="utf-8")
    unknown = cli(capsys, "check", "kompor", str(good))
    assert unknown.returncode == 2 and "kompor" in unknown.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{\"a\": ", encoding="utf-8")
    proc = cli(capsys, "check", "apar", str(broken))
    assert proc.returncode == 2 and "bukan JSON yang sah" in proc.stderr
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"jarak_antar_apar_maks": {"value": 12, "unit": "kg"},
                                 "suhu_lingkungan": "panas",
                                 "unit_apar": [{"jenis": "halon"}]}), encoding="utf-8")
    proc = cli(capsys, "check", "apar", str(wrong))
    assert proc.returncode == 2 and proc.stdout == ""
    assert "jarak_antar_apar_maks: Jarak terbesar antar APAR: satuan “kg”" in proc.stderr
    assert "suhu_lingkungan: Suhu lingkungan tempat APAR: “panas” bukan angka" in proc.stderr
    assert "unit_apar[0].jenis: Unit APAR baris 1 — Jenis" in proc.stderr
    assert "“halon” bukan salah satu pilihan" in proc.stderr
    for p in (unknown, proc):
        assert "Traceback" not in p.stderr


def test_check_with_a_pinned_version(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    v1 = default_registry().get("elevator")
    d = copy.deepcopy(v1.definition)
    d["version"] = v1.version + 1
    d["rules"][0]["required"] = "2"  # a Balai tightening the earth resistance limit
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / f"elevator.v{v1.version + 1}.yaml").write_text(
        yaml.safe_dump(d, allow_unicode=True), encoding="utf-8")
    values = tmp_path / "v.json"
    values.write_text(json.dumps(example_values(v1)), encoding="utf-8")
    latest = json.loads(cli(capsys, "check", "elevator", str(values), "--templates-dir",
                            str(drafts))[1])
    pinned = json.loads(cli(capsys, "check", "elevator", str(values), "--templates-dir",
                            str(drafts), "--version", str(v1.version))[1])
    assert latest["template_version"] == v1.version + 1
    assert latest["verdict"] == "tidak_memenuhi"
    assert pinned["template_version"] == v1.version and pinned["verdict"] == "memenuhi"
