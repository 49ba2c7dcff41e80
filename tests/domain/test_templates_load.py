"""Loading the shipped templates, refusing broken ones, the registry and pinning."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from k3desk.domain.errors import NotFoundError, ValidationError
from k3desk.domain.evaluation import evaluate, example_values, validate_values
from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.templates import (
    Template,
    TemplateRegistry,
    default_registry,
    load_template_definition,
    load_template_file,
    templates_dir,
)

ALL = default_registry().latest()
IDS = [t.id for t in ALL]


def test_every_object_type_has_a_template() -> None:
    reg = default_registry()
    assert {t.object_type for t in ALL} == set(OBJECT_TYPES)
    for code in OBJECT_TYPES:
        assert reg.latest_for_object_type(code).object_type == code
    assert len(ALL) >= 14


@pytest.mark.parametrize("template", ALL, ids=IDS)
def test_template_attributes(template: Template) -> None:
    assert template.version >= 1 and template.title_id and template.title_en
    assert template.regulation and template.months_valid >= 1
    assert set(template.kinds) <= {"pertama", "berkala", "khusus", "ulang"}
    jenis = template.fields["jenis_pemeriksaan"]
    assert jenis.field_type == "choice" and jenis.required
    assert template.definition["id"] == template.id
    assert template.sections and all(s.fields for s in template.sections)
    # The file name says id and version, so two versions can sit side by side.
    assert Path(template.source).name == f"{template.id}.v{template.version}.yaml"


@pytest.mark.parametrize("template", ALL, ids=IDS)
def test_example_values_pass_and_failing_values_fail(template: Template) -> None:
    good = example_values(template)
    assert validate_values(template, good) == []
    ev = evaluate(template, good, dt.date(2026, 1, 1))
    assert ev.verdict == "memenuhi", [f.message_en for f in ev.failed] + ev.missing
    assert ev.not_evaluated == [] and ev.invalid == []
    bad = example_values(template, failing=True)
    assert validate_values(template, bad) == []
    ev_bad = evaluate(template, bad, dt.date(2026, 1, 1))
    assert ev_bad.verdict == "tidak_memenuhi"
    assert any(not f.passed for f in ev_bad.findings)


@pytest.mark.parametrize("template", ALL, ids=IDS)
def test_every_threshold_carries_a_graded_reference(template: Template) -> None:
    assert template.rules or any(f.field_type == "checklist" for f in template.fields.values())
    for cr in template.rules:
        ref = cr.reference
        assert ref.regulation and ref.article and ref.grade in ("R", "T", "A", "?")
        if ref.grade != "R":
            assert ref.source and ref.unverified
    for table in template.model.tables.values():
        assert template.resolve_reference(table.reference) is not None


@pytest.mark.parametrize("template", ALL, ids=IDS)
def test_unverified_results_are_marked(template: Template) -> None:
    ev = evaluate(template, example_values(template))
    for f in ev.findings:
        if f.grade in ("T", "A", "?"):
            assert f.unverified and f.reference["source"]
        if f.grade == "R" and not f.reference.get("repealed"):
            assert not f.unverified


def test_missing_required_values_make_the_verdict_incomplete() -> None:
    t = default_registry().get("pesawat_uap")
    values = example_values(t)
    del values["tekanan_uji"]
    values["foto"] = []
    ev = evaluate(t, values)
    assert ev.verdict == "incomplete"
    assert set(ev.missing) == {"tekanan_uji", "foto"}
    assert ev.to_json()["missing"] == ev.missing


def test_required_group_sub_fields_are_missing_by_path() -> None:
    t = default_registry().get("lingkungan_kerja")
    values = example_values(t)
    values["titik_kebisingan"][1]["durasi_paparan"] = None
    ev = evaluate(t, values)
    assert ev.verdict == "incomplete"
    assert ev.missing == ["titik_kebisingan[1].durasi_paparan"]
    values["diukur_kebisingan"] = False
    del values["titik_kebisingan"]
    assert evaluate(t, values).verdict == "memenuhi"


def test_wrong_kinds_become_invalid_entries() -> None:
    t = default_registry().get("bejana_tekan")
    values = example_values(t)
    values["tekanan_desain"] = "dua belas"
    values["isi_korosif"] = "ya"
    values["foto_pelat_nama"] = ["not-an-id"]
    values["tanggal_uji_hidrostatik_sebelumnya"] = "10/02/2021"
    errors = validate_values(t, values)
    assert [(e.path, e.code) for e in errors] == [
        ("tekanan_desain", "not_a_number"), ("isi_korosif", "not_yes_no"),
        ("tanggal_uji_hidrostatik_sebelumnya", "bad_date"), ("foto_pelat_nama", "bad_photo")]
    label = t.field("tanggal_uji_hidrostatik_sebelumnya").title.id
    assert errors[2].message.startswith(f"{label}: “10/02/2021” bukan tanggal yang sah")
    ev = evaluate(t, values)
    assert ev.verdict == "incomplete" and len(ev.invalid) == 4
    assert ev.invalid == [e.message for e in errors] and ev.problems == errors
    assert ev.to_json()["problems"][0]["code"] == "not_a_number"
    values = example_values(t)
    values["tanggal_uji_hidrostatik_sebelumnya"] = "2021-02-30"
    [problem] = validate_values(t, values)
    assert (problem.path, problem.code, problem.params) == (
        "tanggal_uji_hidrostatik_sebelumnya", "bad_date",
        {"label": label, "value": "2021-02-30"})


def test_registry_get_list_and_errors() -> None:
    reg = default_registry()
    assert reg is default_registry()
    assert reg.get("apar").version == max(t.version for t in reg.list() if t.id == "apar")
    with pytest.raises(NotFoundError, match="tidak dikenal"):
        reg.get("kompor")
    with pytest.raises(NotFoundError, match="versi 99"):
        reg.get("apar", 99)
    with pytest.raises(NotFoundError):
        reg.latest_for_object_type("kapal")


# --- pinning ------------------------------------------------------------------------


def _stricter_v2(template: Template) -> dict[str, Any]:
    """The next version of ``template`` with a stricter 8-hour noise limit."""
    d = copy.deepcopy(template.definition)
    d["version"] = template.version + 1
    d["changes"] = "NAB kebisingan 8 jam dikoreksi menjadi 80 dBA (uji)"
    d["tables"]["nab_kebisingan"]["rows"][0]["value"] = 80
    return d


def test_pinned_version_keeps_its_verdict_after_a_newer_template(tmp_path: Path) -> None:
    v1 = default_registry().get("lingkungan_kerja")
    values = example_values(v1)  # 82.5 dBA over 8 h: meets 85, not 80
    before = evaluate(v1, values).to_json()
    nxt = v1.version + 1
    (tmp_path / f"lingkungan_kerja.v{nxt}.yaml").write_text(
        yaml.safe_dump(_stricter_v2(v1), allow_unicode=True, sort_keys=False), encoding="utf-8")
    reg = TemplateRegistry(default_registry().list())
    reg.load_dir(tmp_path)
    assert reg.get("lingkungan_kerja").version == nxt
    assert evaluate(reg.get("lingkungan_kerja"), values).verdict == "tidak_memenuhi"
    pinned = reg.get("lingkungan_kerja", v1.version)
    assert evaluate(pinned, values).to_json() == before
    assert before["verdict"] == "memenuhi"


def test_a_published_version_cannot_change(tmp_path: Path) -> None:
    v1 = default_registry().get("lingkungan_kerja")
    changed = _stricter_v2(v1)
    changed["version"] = v1.version
    reg = TemplateRegistry(default_registry().list())
    reg.add(load_template_definition(copy.deepcopy(v1.definition), "server"))  # same: fine
    with pytest.raises(ValidationError, match="sudah ada"):
        reg.add(load_template_definition(changed, "server record"))


def test_definition_round_trips_through_the_server_shape() -> None:
    import json

    for t in ALL:
        again = load_template_definition(json.loads(json.dumps(t.definition)), "record")
        assert again.id == t.id and again.version == t.version
        assert evaluate(again, example_values(t)).verdict == "memenuhi"


# --- broken templates: file, path inside it, reason ------------------------------------


def _broken(tmp_path: Path, mutate: Any) -> str:
    d = copy.deepcopy(default_registry().get("bejana_tekan").definition)
    mutate(d)
    path = tmp_path / "rusak.v1.yaml"
    path.write_text(yaml.safe_dump(d, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_template_file(path)
    message = str(info.value)
    assert message.startswith(str(path) + ": "), message
    return message


def test_broken_field_kind(tmp_path: Path) -> None:
    msg = _broken(tmp_path, lambda d: d["sections"][1]["fields"][0].update(kind="angka"))
    assert "sections[1](data_teknis).fields[0](tekanan_desain).kind" in msg
    assert "number" in msg  # pydantic lists what is allowed


def test_broken_rule_name(tmp_path: Path) -> None:
    msg = _broken(tmp_path, lambda d: d["rules"][1].update(required="1.25 * tekanan_kerja"))
    assert "rules[1](tekanan_uji_minimum).required: nama 'tekanan_kerja' tidak dikenal" in msg


def test_broken_rule_syntax(tmp_path: Path) -> None:
    msg = _broken(tmp_path, lambda d: d["rules"][0].update(
        when="__import__('os').system('echo hi')"))
    assert "rules[0](tekanan_uji_hidrostatik).when: " in msg and "tidak dapat diurai" in msg


def test_broken_unit(tmp_path: Path) -> None:
    msg = _broken(tmp_path, lambda d: d["sections"][1]["fields"][0].update(units=["atm"]))
    assert "fields[0](tekanan_desain).units: satuan 'atm' tidak dikenal" in msg


def test_incompatible_unit(tmp_path: Path) -> None:
    msg = _broken(tmp_path, lambda d: d["sections"][1]["fields"][0].update(units=["kg"]))
    assert "'kg' tidak dapat dikonversi ke 'kg/cm²'" in msg


def test_broken_reference(tmp_path: Path) -> None:
    msg = _broken(tmp_path, lambda d: d["rules"][2].update(reference="ps99"))
    assert "rules[2](deformasi_permanen).reference: rujukan 'ps99' tidak dikenal" in msg


def test_unverified_reference_needs_a_source(tmp_path: Path) -> None:
    msg = _broken(tmp_path, lambda d: d["references"]["uji_hidrostatik"].pop("source"))
    assert "references.uji_hidrostatik" in msg and "memerlukan 'source'" in msg


def test_duplicate_field_id(tmp_path: Path) -> None:
    msg = _broken(tmp_path, lambda d: d["sections"][1]["fields"][1].update(id="tekanan_desain"))
    assert "id isian 'tekanan_desain' dipakai dua kali" in msg


def test_rule_without_threshold_or_check(tmp_path: Path) -> None:
    msg = _broken(tmp_path, lambda d: d["rules"][1].pop("op"))
    assert "rules[1](tekanan_uji_minimum)" in msg and "'check'" in msg


def test_yaml_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "x.v1.yaml"
    path.write_text("id: x\nsections: [\n  - a: b\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"x\.v1\.yaml: baris \d+: kesalahan sintaks YAML"):
        load_template_file(path)


def test_not_a_mapping() -> None:
    with pytest.raises(ValidationError, match=r"^srv: \(top\): templat harus berupa mapping"):
        load_template_definition(["id"], "srv")


def test_iso_dates_stay_text(tmp_path: Path) -> None:
    d = copy.deepcopy(default_registry().get("apar").definition)
    d["changes"] = "2026-01-01"
    path = tmp_path / "apar.v1.yaml"
    path.write_text(yaml.safe_dump(d, allow_unicode=True).replace("'2026-01-01'", "2026-01-01"),
                    encoding="utf-8")
    assert load_template_file(path).definition["changes"] == "2026-01-01"


def test_default_registry_reads_resources_dir() -> None:
    files = sorted(p.name for p in templates_dir().glob("*.yaml"))
    assert len(files) == len(default_registry().list())


def test_next_test_due_at_the_end_of_the_calendar() -> None:
    t = default_registry().get("apar")
    ev = evaluate(t, example_values(t), dt.date(9999, 11, 1))
    assert ev.verdict == "memenuhi" and ev.next_test_due is None
    assert evaluate(t, example_values(t), dt.date(2026, 8, 31)).next_test_due == \
        dt.date(2027, 2, 28)
