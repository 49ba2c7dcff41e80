"""Values exactly at each threshold, and just beyond it."""

from __future__ import annotations

from typing import Any

import pytest

from k3desk.domain.evaluation import Evaluation, evaluate, example_values
from k3desk.domain.templates import default_registry


def run(template_id: str, top: dict[str, Any] | None = None, group: str | None = None,
        item: dict[str, Any] | None = None) -> Evaluation:
    t = default_registry().get(template_id)
    values = example_values(t)
    values.update(top or {})
    if group is not None:
        values[group] = [item]
    return evaluate(t, values)


def result(ev: Evaluation, rule_id: str) -> Any:
    found = [f for f in ev.findings if f.rule_id == rule_id]
    assert len(found) == 1, (rule_id, [f.rule_id for f in ev.findings], ev.not_evaluated)
    return found[0]


def noise(level: Any, hours: Any) -> Evaluation:
    return run("lingkungan_kerja", group="titik_kebisingan",
               item={"lokasi": "A", "tingkat_kebisingan": level, "durasi_paparan": hours})


@pytest.mark.parametrize(("level", "hours", "passed", "limit"), [
    (85.0, 8, True, 85), (85.1, 8, False, 85), (85, 6, True, 85), (85.1, 4.5, False, 85),
    (88, 4, True, 88), (88.1, 4, False, 88), (91, 2, True, 91), (94, 1, True, 94),
    (97, 0.5, True, 97), (97.5, 0.5, False, 97), (100, 0.25, True, 100),
    (139, 0, True, 139),
])
def test_noise_limit_by_exposure(level: float, hours: float, passed: bool, limit: int) -> None:
    f = result(noise(level, hours), "kebisingan_nab")
    assert f.passed is passed
    assert f.required == limit
    assert f.grade == "R" and not f.unverified
    assert f.reference["regulation"] == "Permenaker 5/2018"


def test_noise_exposure_in_minutes_and_seconds() -> None:
    assert result(noise(100, {"value": 15, "unit": "min"}), "kebisingan_nab").passed
    assert not result(noise(100.1, {"value": 900, "unit": "s"}), "kebisingan_nab").passed
    f = result(noise(115, {"value": 28.12, "unit": "s"}), "kebisingan_nab")
    assert f.passed and f.required == 115
    f = result(noise(112, {"value": 0.94, "unit": "min"}), "kebisingan_nab")
    assert f.passed and f.required == 112


def test_noise_message_names_the_point() -> None:
    f = result(noise(85.1, 8), "kebisingan_nab")
    assert f.message_id == "Titik 1 (A): 85,1 dBA, NAB 85 dBA"
    assert f.message_en == "Point 1: 85.1 dBA, limit 85 dBA"
    assert f.fields == ["titik_kebisingan[0].tingkat_kebisingan",
                        "titik_kebisingan[0].durasi_paparan"]


def boiler(p: Any, test_pressure: Any, inspection_kind: str = "pertama") -> Evaluation:
    return run("pesawat_uap", {"tekanan_kerja_diizinkan": p, "tekanan_uji": test_pressure,
                               "jenis_pemeriksaan": inspection_kind})


@pytest.mark.parametrize(("p", "required"), [
    (4, 8), (5, 10), (5.5, 10.5), (9.5, 14.5), (10, 15), (12, 18), (0.5, 1),
])
def test_boiler_first_test_pressure(p: float, required: float) -> None:
    at = result(boiler(p, required), "tekanan_uji_pertama")
    assert at.required == required and at.passed
    below = result(boiler(p, required - 0.01), "tekanan_uji_pertama")
    assert not below.passed
    assert below.reference["article"] == "Ps 27" and below.grade == "R"


def test_boiler_pressure_in_other_units() -> None:
    # 10 kg/cm² = 9.80665 bar exactly; its first-test pressure 15 kg/cm² = 14.709975 bar.
    ev = boiler({"value": 9.80665, "unit": "bar"}, {"value": 14.709975, "unit": "bar"})
    f = result(ev, "tekanan_uji_pertama")
    assert f.required == 15 and f.measured == 15 and f.passed
    ev = boiler({"value": 9.80665, "unit": "bar"}, {"value": 14.70997, "unit": "bar"})
    assert not result(ev, "tekanan_uji_pertama").passed


def test_boiler_periodic_test_pressure_at_most_p_plus_3() -> None:
    assert result(boiler(8, 11, "berkala"), "tekanan_uji_berkala").passed
    f = result(boiler(8, 11.01, "berkala"), "tekanan_uji_berkala")
    assert not f.passed and f.required == 11 and f.reference["article"] == "Ps 44"
    assert [x.rule_id for x in boiler(8, 11, "berkala").findings].count(
        "tekanan_uji_pertama") == 0


@pytest.mark.parametrize(("template_id", "top", "group", "item", "rule"), [
    ("instalasi_listrik", {"tahanan_pentanahan": 5.0}, None, None, "tahanan_pentanahan"),
    ("elevator", {"tahanan_pentanahan": 5}, None, None, "tahanan_pentanahan"),
    ("penyalur_petir", {"tahanan_gabungan": 5.0}, "elektroda",
     {"identitas": "E1", "tahanan": 5.0}, "tahanan_elektroda"),
])
def test_earth_resistance_exactly_at_the_limit(template_id: str, top: dict[str, Any],
                                               group: str | None, item: dict[str, Any] | None,
                                               rule: str) -> None:
    ev = run(template_id, top, group, item)
    f = result(ev, rule)
    assert f.passed and f.required == 5 and f.measured == 5 and f.unit == "Ω"
    assert f.unverified and f.grade == "A"
    over = dict(top)
    over_item = dict(item) if item else None
    if over_item is not None:
        over_item["tahanan"] = 5.01
    else:
        over = {k: 5.01 for k in top}
    assert not result(run(template_id, over, group, over_item), rule).passed


def heat(isbb: Any, load: str, share: str) -> Evaluation:
    return run("lingkungan_kerja", group="titik_iklim",
               item={"lokasi": "A", "isbb": isbb, "beban_kerja": load,
                     "porsi_waktu_kerja": share})


@pytest.mark.parametrize(("isbb", "load", "share", "passed", "limit"), [
    (28.0, "sedang", "kerja_75_100", True, 28), (28.1, "sedang", "kerja_75_100", False, 28),
    (27.5, "berat", "kerja_50_75", True, 27.5), (30.0, "sangat_berat", "kerja_0_25", True, 30),
    (32.6, "ringan", "kerja_0_25", False, 32.5),
    (20.0, "berat", "kerja_75_100", False, None),  # no limit: the combination is not allowed
])
def test_heat_stress_by_load_and_share(isbb: float, load: str, share: str, passed: bool,
                                       limit: float | None) -> None:
    f = result(heat(isbb, load, share), "iklim_kerja_nab")
    assert f.passed is passed and f.required == limit


def test_heat_in_fahrenheit() -> None:
    f = result(heat({"value": 82.4, "unit": "°F"}, "sedang", "kerja_75_100"), "iklim_kerja_nab")
    assert f.measured == 28 and f.passed  # 82.4 °F is exactly 28 °C


@pytest.mark.parametrize(("work_type", "lux", "passed"), [
    ("darurat", 5, True), ("darurat", 4.9, False), ("pekerjaan_halus", 500, True),
    ("pekerjaan_halus", 499.9, False), ("barang_kecil", 100, True),
])
def test_lighting_by_kind_of_work(work_type: str, lux: float, passed: bool) -> None:
    ev = run("lingkungan_kerja", group="titik_pencahayaan",
             item={"lokasi": "A", "jenis_pekerjaan": work_type, "intensitas": lux})
    f = result(ev, "pencahayaan_minimum")
    assert f.passed is passed and f.grade == "T" and f.unverified


@pytest.mark.parametrize(("accel", "hours", "passed"), [
    (5, 8, True), (5.01, 6, False), (6, 5.99, True), (6, 6, False), (20, 0.49, True),
])
def test_hand_arm_vibration(accel: float, hours: float, passed: bool) -> None:
    ev = run("lingkungan_kerja", group="titik_getaran_lengan",
             item={"alat": "A", "percepatan": accel, "durasi_paparan": hours})
    assert result(ev, "getaran_lengan_nab").passed is passed


def test_hydrant_farthest_point_exactly_4_5_kg_cm2() -> None:
    # INS.11/M/BW/1997 [A]: at least 4.5 kg/cm² at the farthest point; 4.5 exactly passes.
    item = {"lokasi": "Ujung", "jenis": "halaman", "kotak_selang_nozzle": "layak",
            "katup": "layak"}
    ok = run("hydrant", group="hidran", item={**item, "tekanan": 4.5})
    assert result(ok, "tekanan_titik_terjauh").passed
    assert ok.verdict == "memenuhi"
    # the SNI 03-1745-2000 residual pressure (4.5 bar = 4.589 kg/cm², [T]) stays separate
    assert not result(ok, "tekanan_sisa_sni").passed
    assert result(ok, "tekanan_sisa_sni").severity == "minor"
    low = run("hydrant", group="hidran", item={**item, "tekanan": {"value": 4.41, "unit": "bar"}})
    assert not result(low, "tekanan_titik_terjauh").passed
    assert low.verdict == "tidak_memenuhi"
    sni = run("hydrant", group="hidran", item={**item, "tekanan": {"value": 4.5, "unit": "bar"}})
    assert result(sni, "tekanan_sisa_sni").passed


def test_forklift_aisle_clearance_exact() -> None:
    ev = run("forklift", {"arah_lalu_lintas": "dua_arah", "jarak_bebas_lorong": 90})
    assert result(ev, "jarak_bebas_lorong").passed
    ev = run("forklift", {"arah_lalu_lintas": "dua_arah",
                          "jarak_bebas_lorong": {"value": 899, "unit": "mm"}})
    assert not result(ev, "jarak_bebas_lorong").passed


def test_rope_wear_discard_limit_is_exclusive() -> None:
    rope = {"identitas": "T1", "konstruksi": "segitiga", "diameter": 16, "suhu_kerja": 30,
            "tertekuk_terurai": "baik", "soket_klem": "baik"}
    ev = run("overhead_crane", group="tali_kawat", item={**rope, "keausan": 14.9})
    assert result(ev, "keausan_tali").passed
    ev = run("overhead_crane", group="tali_kawat", item={**rope, "keausan": 15})
    assert not result(ev, "keausan_tali").passed
