"""Escalator, tower crane, gondola and lifting accessories: boundaries and sources."""

from __future__ import annotations

from typing import Any

import pytest

from k3desk.domain.evaluation import Evaluation, evaluate, example_values
from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.templates import default_registry

NEW = ("eskalator", "tower_crane", "gondola", "alat_bantu_angkat")


def run(template_id: str, top: dict[str, Any] | None = None,
        items: dict[str, dict[str, Any]] | None = None) -> Evaluation:
    t = default_registry().get(template_id)
    values = example_values(t)
    values.update(top or {})
    for group, sub in (items or {}).items():
        values[group][0].update(sub)
    return evaluate(t, values)


def finding(ev: Evaluation, rule_id: str) -> Any:
    found = [f for f in ev.findings if f.rule_id == rule_id]
    assert len(found) == 1, (rule_id, ev.not_evaluated, ev.missing)
    return found[0]


@pytest.mark.parametrize("template_id", NEW)
def test_new_types_are_known_and_have_a_template(template_id: str) -> None:
    assert template_id in OBJECT_TYPES
    t = default_registry().latest_for_object_type(template_id)
    assert evaluate(t, example_values(t)).verdict == "memenuhi"
    assert evaluate(t, example_values(t, failing=True)).verdict == "tidak_memenuhi"
    for cr in t.rules:  # every number carries its reference; unconfirmed ones are shown so
        assert cr.reference.grade == "R" and not cr.reference.repealed or cr.reference.unverified


@pytest.mark.parametrize(("speed", "unit_type", "passed"), [
    (0.75, "eskalator", True), (0.751, "eskalator", False)])
def test_escalator_speed(speed: float, unit_type: str, passed: bool) -> None:
    assert finding(run("eskalator", {"kecepatan": speed, "jenis_unit": unit_type}),
                   "kecepatan_eskalator").passed is passed


def test_moving_walk_speed_has_no_unverified_limit() -> None:
    ev = run("eskalator", {"kecepatan": 0.9, "jenis_unit": "moving_walk"})
    assert "kecepatan_eskalator" not in {f.rule_id for f in ev.findings}
    assert ev.verdict == "memenuhi"


@pytest.mark.parametrize(("lux", "passed"), [(50, False), (50.01, True)])
def test_escalator_lighting_is_above_50_lux(lux: float, passed: bool) -> None:
    assert finding(run("eskalator", {"lux_pijakan": lux}), "lux_pijakan").passed is passed


@pytest.mark.parametrize(("earth", "cable", "verdict"), [
    (5, 6, "memenuhi"), (5.01, 6, "tidak_memenuhi"), (5, 5.99, "tidak_memenuhi")])
def test_escalator_earth(earth: float, cable: float, verdict: str) -> None:
    ev = run("eskalator", {"tahanan_pentanahan": earth, "luas_kabel_pentanahan": cable})
    assert ev.verdict == verdict


@pytest.mark.parametrize(("percent", "passed"), [(125, True), (124.99, False)])
def test_tower_crane_static_load(percent: float, passed: bool) -> None:
    ev = run("tower_crane", {"beban_statis_persen": percent})
    f = finding(ev, "beban_uji_statis")
    assert f.passed is passed and f.severity == "major" and f.unverified
    assert ev.verdict == ("memenuhi" if passed else "tidak_memenuhi")


def test_tower_crane_limiter_failure_fails() -> None:
    ev = run("tower_crane", {"pembatas_momen": "buruk"})
    assert ev.verdict == "tidak_memenuhi"


@pytest.mark.parametrize(("percent", "minutes", "verdict"), [
    (125, 10, "memenuhi"), (124.99, 10, "tidak_memenuhi"), (125, 9.9, "tidak_memenuhi")])
def test_gondola_load_test(percent: float, minutes: float, verdict: str) -> None:
    ev = run("gondola", {"beban_uji_persen": percent, "lama_beban_uji": minutes})
    assert ev.verdict == verdict
    assert finding(ev, "beban_uji").grade == "?"


def test_gondola_safety_rope_counts_like_any_rope() -> None:
    ev = run("gondola", items={"tali_kawat": {"kawat_putus_satu_strand": 5}})
    assert ev.verdict == "tidak_memenuhi"


@pytest.mark.parametrize(("elongation", "wear", "passed"), [
    (5, 10, True), (5.01, 10, False), (5, 10.01, False)])
def test_chain_sling_discard(elongation: float, wear: float, passed: bool) -> None:
    ev = run("alat_bantu_angkat",
             items={"rantai": {"perpanjangan_mata": elongation, "keausan_diameter": wear}})
    assert (ev.verdict == "memenuhi") is passed


@pytest.mark.parametrize(("construction", "wear", "passed"), [
    ("k6x7", 11.99, True), ("k6x7", 12, False), ("segitiga", 14.99, True),
    ("segitiga", 15, False)])
def test_wire_rope_sling_discard(construction: str, wear: float, passed: bool) -> None:
    ev = run("alat_bantu_angkat", items={"tali_kawat": {"konstruksi": construction,
                                                        "keausan": wear}})
    assert finding(ev, "keausan_tali").passed is passed


def test_accessories_declared_present_must_be_listed() -> None:
    ev = run("alat_bantu_angkat", {"ada_sling_rantai": True, "rantai": []})
    assert ev.verdict == "incomplete" and "rantai" in ev.missing
    ev = run("alat_bantu_angkat", {"ada_sling_tali": False, "ada_sling_rantai": False,
                                   "ada_segel": False, "ada_kait": False, "tali_kawat": [],
                                   "rantai": [], "segel": [], "kait": []})
    assert ev.verdict == "tidak_memenuhi"
    assert not finding(ev, "ada_alat_diperiksa").passed
