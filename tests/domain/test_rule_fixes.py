"""Issue 14's rule fixes: no verdict rests on a rule that did not run, failed tests fail."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from k3desk.domain.errors import ValidationError
from k3desk.domain.evaluation import evaluate, example_values
from k3desk.domain.rule_coverage import LEGACY_DEFINITIONS, definition_hash
from k3desk.domain.templates import (
    default_registry,
    load_template_definition,
    load_template_file,
    templates_dir,
)


def latest(template_id: str) -> Any:
    return default_registry().get(template_id)


def test_hydrant_at_3_kg_cm2_fails_without_a_farthest_marker() -> None:
    t = latest("hydrant")
    values = example_values(t)
    values["hidran"] = [{"lokasi": "Halaman", "jenis": "halaman", "tekanan": 3.0,
                         "kotak_selang_nozzle": "layak", "katup": "layak"}]
    ev = evaluate(t, values)
    assert ev.verdict == "tidak_memenuhi"
    assert "tekanan_titik_terjauh" in {f.rule_id for f in ev.failed if f.severity == "major"}
    # the same values under the pinned v1 keep the v1 verdict (the defect it had)
    v1 = default_registry().get("hydrant", 1)
    old = example_values(v1)
    old["hidran"] = [{**values["hidran"][0], "terjauh": False}]
    assert evaluate(v1, old).verdict == "memenuhi"


@pytest.mark.parametrize("template_id", ["overhead_crane", "mobile_crane"])
def test_a_failed_static_load_test_fails_the_verdict(template_id: str) -> None:
    t = latest(template_id)
    values = example_values(t)
    values["beban_statis_persen"] = 110
    ev = evaluate(t, values)
    assert ev.verdict == "tidak_memenuhi"
    finding = next(f for f in ev.failed if f.rule_id == "beban_uji_statis")
    assert finding.severity == "major"
    assert finding.unverified and finding.reference["repealed"]  # the grade stays visible
    values["beban_statis_persen"] = 125
    assert evaluate(t, values).verdict == "memenuhi"


def test_apar_pressure_test_is_not_skipped_by_leaving_it_empty() -> None:
    t = latest("apar")
    values = example_values(t)
    values["unit_apar"][0].update(diuji_tekanan=True, tekanan_kerja=14, tekanan_uji=None,
                                  lama_tahan_uji=None)
    ev = evaluate(t, values)
    assert ev.verdict == "incomplete"
    assert "unit_apar[0].tekanan_uji" in ev.missing
    values["unit_apar"][0].update(tekanan_uji=20.9, lama_tahan_uji=30)
    ev = evaluate(t, values)
    assert ev.verdict == "tidak_memenuhi"  # below max(1.5 × 14, 20) = 21, graded ?
    assert {f.rule_id for f in ev.failed} == {"tekanan_uji"}


def test_work_environment_interval_is_referenced() -> None:
    ref = latest("lingkungan_kerja").interval_reference
    assert ref is not None and ref.grade == "A" and ref.unverified and ref.source


# Severity says what a failure means for safety: a failed load, pressure, insulation or
# earth test fails the verdict whatever the grade. The only explicit rules left minor:
MINOR_RULES = {
    # SNI 03-1745-2000 residual 4.5 bar is a design standard [T]; the K3 rule
    # (INS.11/M/BW/1997, 4.5 kg/cm²) is major and 4.5 kg/cm² exactly must pass.
    ("hydrant", "tekanan_sisa_sni"),
    # deflection at each dynamic step is optional data; the static-load deflection is major.
    ("overhead_crane", "lendutan_girder"),
    # the upper end of 1.25-1.5 × MAWP; the lower end (tekanan_uji_minimum) is major.
    ("bejana_tekan", "tekanan_uji_hidrostatik"),
}


def test_only_the_listed_rules_are_minor() -> None:
    minor = {(t.id, cr.rule.id) for t in default_registry().latest() for cr in t.rules
             if cr.rule.severity == "minor"}
    assert minor == MINOR_RULES


# --- the load-time check -----------------------------------------------------------


def _base() -> dict[str, Any]:
    return {
        "id": "uji_coba", "version": 1, "object_type": "apar", "kinds": ["berkala"],
        "title": {"id": "Uji", "en": "Test"}, "regulation": {"id": "R", "en": "R"},
        "months_valid": 12,
        "references": {"r": {"regulation": "X", "article": "1", "grade": "R"}},
        "sections": [{"id": "s", "title": {"id": "S", "en": "S"}, "fields": [
            {"id": "jenis_pemeriksaan", "kind": "choice", "title": {"id": "J", "en": "K"},
             "required": True, "choices": [{"value": "berkala",
                                            "title": {"id": "B", "en": "P"}}]},
            {"id": "diuji", "kind": "yesno", "title": {"id": "D", "en": "D"}, "required": True},
            {"id": "tekanan", "kind": "number", "title": {"id": "T", "en": "P"},
             "unit": "kg/cm²"},
            {"id": "titik", "kind": "group", "title": {"id": "G", "en": "G"}, "fields": [
                {"id": "nilai", "kind": "number", "title": {"id": "N", "en": "V"},
                 "required": True}]},
        ]}],
        "rules": [{"id": "uji", "title": {"id": "U", "en": "T"}, "measured": "tekanan",
                   "op": ">=", "required": "10", "reference": "r"}],
    }


def test_a_verdict_rule_on_an_optional_field_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"rules\[0\]\(uji\): aturan kesimpulan 'uji' "
                                              r"\(major\) dapat terlewati bila "
                                              r"'tekanan' dibiarkan kosong"):
        load_template_definition(_base(), "uji_coba.v1.yaml")


@pytest.mark.parametrize("rule", [
    {"when": "present(tekanan)"},                      # an optional flag
    {"when": "diuji", "measured": "nilai", "for_each": "titik"},  # an empty group
    {"check": "count(titik) == 0 or max(titik, nilai) >= 10"},
])
def test_other_ways_to_skip_are_refused(rule: dict[str, Any]) -> None:
    d = _base()
    d["rules"][0].update(rule)
    if "check" in rule:
        for k in ("measured", "op", "required"):
            d["rules"][0].pop(k)
    with pytest.raises(ValidationError, match="dapat terlewati"):
        load_template_definition(d)


def test_required_when_a_required_answer_or_minor_is_accepted() -> None:
    d = _base()
    d["sections"][0]["fields"][2]["required_when"] = "diuji"
    d["rules"][0]["when"] = "diuji"
    t = load_template_definition(d)
    assert evaluate(t, {"jenis_pemeriksaan": "berkala", "diuji": True}).verdict == "incomplete"
    d = _base()
    d["rules"][0]["severity"] = "minor"
    load_template_definition(d)


def test_an_optional_checklist_item_that_can_fail_is_refused() -> None:
    d = _base()
    d["rules"] = []
    d["sections"][0]["fields"][2] = {"id": "rem", "kind": "checklist", "scale": "baik_buruk",
                                     "title": {"id": "Rem", "en": "Brake"}}
    with pytest.raises(ValidationError, match="butir 'rem' dapat menggagalkan kesimpulan"):
        load_template_definition(d)


def test_versions_published_before_the_check_still_load_unchanged() -> None:
    legacy = [t for t in default_registry().list()
              if definition_hash(t.definition) in LEGACY_DEFINITIONS]
    assert {(t.id, t.version) for t in legacy} == {
        ("apar", 1), ("bejana_tekan", 1), ("lingkungan_kerja", 1), ("mobile_crane", 1),
        ("overhead_crane", 1)}
    d = copy.deepcopy(default_registry().get("overhead_crane", 1).definition)
    d["months_valid"] = 13  # any other content is checked
    with pytest.raises(ValidationError, match="dapat terlewati bila 'rantai' dibiarkan kosong"):
        load_template_definition(d)


# --- shared definitions --------------------------------------------------------------


@pytest.mark.parametrize(("shared_name", "users"), [
    ("tali_kawat_baja", {"overhead_crane", "mobile_crane", "tower_crane", "gondola",
                         "alat_bantu_angkat"}),
    ("rantai_angkat", {"overhead_crane", "mobile_crane", "tower_crane", "alat_bantu_angkat"}),
])
def test_crane_and_accessory_templates_share_the_discard_rules(shared_name: str,
                                                               users: set[str]) -> None:
    shared = yaml.safe_load((templates_dir() / "shared" / f"{shared_name}.yaml")
                            .read_text(encoding="utf-8"))
    using = [t for t in default_registry().latest() if shared_name in t.model.included]
    assert {t.id for t in using} == users
    for t in using:
        rules = {r["id"]: r for r in t.definition["rules"]}
        for r in shared["rules"]:
            assert rules[r["id"]] == r, (t.id, r["id"])
        for name, ref in shared["references"].items():
            assert t.definition["references"][name] == ref


def test_a_stored_definition_must_be_expanded(tmp_path: Path) -> None:
    d = _base()
    d["include"] = ["tali_kawat_baja"]
    with pytest.raises(ValidationError, match="include: berkas bersama diuraikan"):
        load_template_definition(d)
    d["include"] = ["tidak_ada"]
    (tmp_path / "uji_coba.v1.yaml").write_text(yaml.safe_dump(d), encoding="utf-8")
    with pytest.raises(ValidationError, match="tidak ada berkas bersama"):
        load_template_file(tmp_path / "uji_coba.v1.yaml")
