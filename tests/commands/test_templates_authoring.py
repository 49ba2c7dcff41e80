"""``k3desk templates schema|lint|preview``: what a Balai engineer authoring a template uses."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from k3desk.domain.templates import templates_dir
from tests.support.cli import run_main
from tests.support.messages import assert_plain

cli = run_main  # cli(capsys, ARGS...) -> (returncode, stdout, stderr), in this process


def test_schema_validates_every_shipped_file_and_catches_a_typo(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "template.schema.json"
    code, out, _ = cli(capsys, "templates", "schema", "--output", str(out_file))
    assert code == 0 and str(out_file) in out
    schema = json.loads(out_file.read_text(encoding="utf-8"))
    code, out, _ = cli(capsys, "templates", "schema")
    assert json.loads(out) == schema
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted(templates_dir().glob("*.yaml"))
    assert len(files) >= 18
    for path in files:  # the file form, with include and {use: ...}
        errors = list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
        assert not errors, (path.name, errors[0].message)
    broken = yaml.safe_load((templates_dir() / "hydrant.v2.yaml").read_text(encoding="utf-8"))
    broken["rules"][0]["severty"] = "major"
    assert any("severty" in e.message for e in validator.iter_errors(broken))


def _broken(tmp_path: Path) -> Path:
    d = yaml.safe_load((templates_dir() / "eskalator.v1.yaml").read_text(encoding="utf-8"))
    d["rules"][0]["measured"] = "kecepatn"                      # unknown name
    d["rules"][1]["reference"] = "tidak_ada"                    # unknown reference
    d["sections"][1]["fields"][0]["unit"] = "knot"              # unknown unit
    d["sections"][1]["fields"][1].pop("required")               # optional field, major rule
    d["rules"].append({"id": "tinggi", "title": {"id": "T", "en": "H"},
                       "measured": "tinggi_angkat", "op": "<=", "required": "10",
                       "reference": "lapangan_eskalator"})
    path = tmp_path / "eskalator.v1.yaml"
    path.write_text(yaml.safe_dump(d, allow_unicode=True), encoding="utf-8")
    return path


def test_lint_reports_every_problem_with_file_path_and_reason(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _broken(tmp_path)
    good = templates_dir() / "tower_crane.v1.yaml"
    proc = cli(capsys, "templates", "lint", str(good), str(path))
    assert proc.returncode == 2, proc.stderr
    assert f"{good}: ok (tower_crane v1" in proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert all(line.startswith(f"{path}: ") for line in lines), lines
    text = proc.stderr
    assert "rules[0](kecepatan_eskalator).measured: nama 'kecepatn' tidak dikenal" in text
    assert "rules[1](lux_pijakan).reference: rujukan 'tidak_ada' tidak dikenal" in text
    assert "sections[1](data_teknis).fields[0](kecepatan).unit:" in text and "knot" in text
    assert len(lines) >= 3 and "Traceback" not in text


def test_lint_checks_the_version_and_the_examples(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = yaml.safe_load((templates_dir() / "gondola.v1.yaml").read_text(encoding="utf-8"))
    d["months_valid"] = 6                          # changed, still version 1
    load = next(sec for sec in d["sections"] if sec["id"] == "uji_beban")
    load["fields"][0]["example"] = 110  # the example no longer passes
    path = tmp_path / "draft.yaml"
    path.write_text(yaml.safe_dump(d, allow_unicode=True), encoding="utf-8")
    proc = cli(capsys, "templates", "lint", str(path))
    assert proc.returncode == 2
    assert "(nama berkas): beri nama berkas gondola.v1.yaml" in proc.stderr
    assert "version: gondola versi 1 sudah ada dengan isi yang berbeda; terbitkan sebagai " \
           "versi 2" in proc.stderr
    assert "example: nilai contoh memberi 'tidak_memenuhi'" in proc.stderr


def test_lint_of_a_missing_or_unreadable_file(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path) -> None:
    bad = tmp_path / "x.yaml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    code, _, err = cli(capsys, "templates", "lint", str(bad), str(tmp_path / "none.yaml"))
    assert code == 2
    assert f"{bad}: baris" in err and "kesalahan sintaks YAML" in err
    assert "none.yaml: templat tidak dapat dibaca" in err


def test_lint_speaks_indonesian_by_default_and_english_by_choice(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 12: the reasons follow the language; file, path and keys stay as written."""
    path = _broken(tmp_path)
    bad_yaml = tmp_path / "x.yaml"
    bad_yaml.write_text("id: [unclosed\n", encoding="utf-8")
    code, _, err = cli(capsys, "templates", "lint", str(path), str(bad_yaml))
    assert code == 2
    assert f"{path}: rules[0](kecepatan_eskalator).measured: nama 'kecepatn' tidak dikenal" \
        in err
    assert "sections[1](data_teknis).fields[0](kecepatan).unit: satuan 'knot' tidak dikenal" \
        in err
    assert f"{bad_yaml}: baris 2: kesalahan sintaks YAML: " in err
    # (the YAML parser's own reason after "kesalahan sintaks YAML:" is PyYAML's English)
    assert_plain("\n".join(x for x in err.splitlines() if x.startswith(str(path))), "id")
    code, _, err = cli(capsys, "--lang", "en", "templates", "lint", str(path), str(bad_yaml))
    assert code == 2
    assert f"{path}: rules[0](kecepatan_eskalator).measured: unknown name 'kecepatn'" in err
    assert "sections[1](data_teknis).fields[0](kecepatan).unit: unknown unit 'knot'" in err
    assert f"{bad_yaml}: line 2: YAML syntax error: " in err
    assert_plain(err.replace("'tidak_ada'", "'x'"), "en")  # the test's own key


def test_preview_reads_like_a_form(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "templates", "preview",
                       str(templates_dir() / "overhead_crane.v2.yaml"))
    assert code == 0
    assert out.startswith("Pemeriksaan dan Pengujian Overhead Crane  [overhead_crane v2]")
    assert "Bagian bersama: tali_kawat_baja, rantai_angkat" in out
    assert "- Rantai angkat (daftar; wajib bila ada_rantai_angkat)" in out
    assert "• Beban uji statis 125 % SWL — bila uji_statis_dilakukan" in out
    assert "beban_statis_persen ≥ 125 %; gagal: tidak memenuhi" in out
    assert "PER.05/MEN/1985 Ps 138 ayat (2)" in out and "(dicabut) BELUM TERVERIFIKASI" in out
    code, out, _ = cli(capsys, "--lang", "en", "templates", "preview",
                       str(templates_dir() / "hydrant.v2.yaml"))
    assert "a failure only gives a recommendation" in out and "UNVERIFIED" in out


def test_the_guide_s_example_lints_clean(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    guide = (Path(__file__).parents[2] / "docs" / "templates.md").read_text(encoding="utf-8")
    start = guide.index("# Pompa uji (contoh)")
    block = guide[start:guide.index("```", start)]
    path = tmp_path / "contoh_pompa.v1.yaml"
    path.write_text(block, encoding="utf-8")
    proc = cli(capsys, "templates", "lint", str(path))
    assert proc.returncode == 0, proc.stderr
    assert "ok (contoh_pompa v1, 4 fields, 1 rules" in proc.stdout
