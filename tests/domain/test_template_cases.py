"""Hand-written passing and failing cases for every shipped template.

Each case starts from the template's example values (a complete form) and sets the
values a real inspection would have; the expected findings are written out by hand.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from k3desk.domain.evaluation import Evaluation, evaluate, example_values
from k3desk.domain.templates import default_registry

DAY = dt.date(2026, 3, 10)


def run(template_id: str, top: dict[str, Any] | None = None,
        items: dict[str, dict[int, dict[str, Any]]] | None = None) -> Evaluation:
    t = default_registry().get(template_id)
    values = example_values(t)
    values.update(top or {})
    for group, by_index in (items or {}).items():
        for i, sub in by_index.items():
            values[group][i].update(sub)
    return evaluate(t, values, DAY)


def failed(ev: Evaluation) -> set[str]:
    return {f.rule_id for f in ev.failed}


def blocking(ev: Evaluation) -> set[str]:
    return {f.rule_id for f in ev.failed if f.severity != "minor"}


# (template, passing overrides, failing overrides, failing group overrides, expected failed)
CASES: list[tuple[str, dict[str, Any], dict[str, Any], dict[str, Any], set[str]]] = [
    ("bejana_tekan",
     {"tekanan_kerja_maks": {"value": 8, "unit": "bar"}, "tekanan_uji_hidrostatik": 11.5},
     {"tekanan_kerja_maks": 10, "tekanan_uji_hidrostatik": 12, "deformasi_permanen": 0.3,
      "isi_gas_mudah_terbakar": True, "tekanan_pengisian": 13.5},
     {}, {"tekanan_uji_hidrostatik", "tekanan_uji_minimum", "deformasi_permanen",
          "tekanan_pengisian_gas_mudah_terbakar"}),
    ("tangki_timbun", {"lama_uji": {"value": 2880, "unit": "min"}},
     {"lama_uji": 24, "ada_deformasi": True}, {},
     {"lama_uji_kebocoran", "perbaikan_sebelum_dipakai"}),
    ("pesawat_uap", {"tekanan_kerja_diizinkan": 12, "tekanan_uji": 18},
     {"jenis_pemeriksaan": "berkala", "tekanan_kerja_diizinkan": 8, "tekanan_uji": 11.5,
      "gelas_terlihat_bawah": 35, "jumlah_pompa_pengisi": 1, "manometer": "buruk"}, {},
     {"tekanan_uji_berkala", "gelas_pedoman_bawah", "jumlah_pompa_pengisi", "item.manometer"}),
    ("overhead_crane", {"beban_statis_persen": 125, "lendutan_statis": 30},
     {"faktor_keamanan_tali": 3.4, "beban_statis_persen": 110, "lendutan_statis": 30.1},
     {"tali_kawat": {0: {"konstruksi": "segitiga", "keausan": 15, "suhu_kerja": 210}},
      "rantai": {0: {"perpanjangan_mata": 5.5}}},
     {"keausan_tali", "suhu_tali", "faktor_keamanan_tali", "rantai_perpanjangan",
      "beban_uji_statis", "lendutan_statis"}),
    ("mobile_crane", {"lama_beban_statis": {"value": 600, "unit": "s"}},
     {"lmi": "buruk", "lama_beban_statis": 9},
     {"tali_kawat": {0: {"kawat_putus_satu_strand": 5, "kawat_putus_tersebar": 9}}},
     {"kawat_putus_strand", "item.lmi", "lama_uji_statis"}),
    ("forklift", {"arah_lalu_lintas": "satu_arah", "jarak_bebas_lorong": {"value": 0.6,
                                                                          "unit": "m"}},
     {"arah_lalu_lintas": "dua_arah", "jarak_bebas_lorong": 89, "garpu": "buruk"}, {},
     {"jarak_bebas_lorong", "item.garpu"}),
    ("elevator", {"celah_ambang_pintu": 28, "waktu_kembali_kebakaran": {"value": 1, "unit": "min"}},
     {"celah_ambang_pintu": 33, "lux_kereta": 90, "luas_kabel_pentanahan": 6}, {},
     {"celah_ambang_pintu", "lux_kereta", "kabel_pentanahan"}),
    ("instalasi_listrik", {"tahanan_pentanahan": 5.0},
     {"tahanan_pentanahan": 5.2},
     {"titik_isolasi": {1: {"kelas_sirkuit": "selv_pelv", "tahanan_isolasi": 0.4}},
      "panel": {0: {"arus_nominal": 400, "kha_kabel": 400}}},
     {"tahanan_pentanahan", "tahanan_isolasi", "kha_kabel"}),
    ("penyalur_petir", {"bahan_elektroda_horizontal": "strip_zn", "tebal_strip": 3,
                        "lebar_strip": 25},
     {"bahan_elektroda_horizontal": "strip_zn", "tanah_korosif": True, "tebal_strip": 3,
      "lebar_strip": 25, "terpisah_dari_pembumian_listrik": False},
     {"elektroda": {1: {"tahanan": 7.5}}},
     {"strip_tebal", "item.terpisah_dari_pembumian_listrik", "tahanan_elektroda"}),
    ("apar", {"jarak_antar_apar_maks": 15},
     {"suhu_lingkungan": 50},
     {"unit_apar": {0: {"tinggi_puncak": 125, "tekanan_manometer": "buruk"},
                    1: {"jenis": "co2", "berat_penuh": 5, "berat_terukur": 4.5}}},
     {"suhu_lingkungan", "tinggi_puncak", "item.tekanan_manometer", "susut_co2"}),
    ("hydrant", {"kapasitas_pompa_utama": {"value": 1892.706, "unit": "L/min"}},
     {"tekanan_pompa_utama": 4.4, "pompa_diesel": "tidak_layak"},
     {"hidran": {1: {"tekanan": {"value": 4.4, "unit": "bar"}}}},
     {"tekanan_pompa_utama", "item.pompa_diesel", "tekanan_titik_terjauh", "tekanan_sisa_sni"}),
    ("alarm_kebakaran", {"tegangan_ac": 242},
     {"kapasitas_baterai": 10},
     {"zona": {1: {"jumlah_detektor": 21, "luas": 2001, "detektor_gagal": 3}}},
     {"kapasitas_baterai", "detektor_nyala_per_kelompok", "luas_kelompok_nyala"}),
    ("pesawat_tenaga_produksi", {"kebisingan_operator": 91, "durasi_paparan": 2},
     {"kebisingan_operator": 89, "durasi_paparan": 4.5, "overspeed_trip": "buruk"}, {},
     {"kebisingan_operator", "item.overspeed_trip"}),
    ("lingkungan_kerja", {},
     {}, {"titik_kebisingan": {0: {"tingkat_kebisingan": 94, "durasi_paparan": 1.5}},
          "titik_pencahayaan": {0: {"jenis_pekerjaan": "pekerjaan_halus",
                                    "intensitas": 499}},
          "titik_getaran_lengan": {0: {"percepatan": 5.5, "durasi_paparan": 7}}},
     {"kebisingan_nab", "pencahayaan_minimum", "getaran_lengan_nab"}),
    ("eskalator", {"kecepatan": 0.75, "lux_pijakan": 50.1},
     {"kecepatan": 0.76, "lux_pijakan": 50, "luas_kabel_pentanahan": 5.9, "sisir": "buruk"}, {},
     {"kecepatan_eskalator", "lux_pijakan", "kabel_pentanahan", "item.sisir"}),
    ("tower_crane", {"beban_statis_persen": 125, "diameter_drum": 480},
     {"beban_statis_persen": 124.9, "diameter_drum": 479, "anemometer": "buruk"},
     {"tali_kawat": {0: {"kawat_putus_tersebar": 10}}},
     {"beban_uji_statis", "diameter_drum", "item.anemometer", "kawat_putus_tersebar"}),
    ("gondola", {"beban_uji_persen": 125, "lama_beban_uji": 10},
     {"beban_uji_persen": 124, "pengunci_tali_pengaman": "buruk"},
     {"tali_kawat": {0: {"suhu_kerja": -41}}},
     {"beban_uji", "item.pengunci_tali_pengaman", "suhu_tali"}),
    ("alat_bantu_angkat", {"ada_segel": False, "segel": None},
     {}, {"rantai": {0: {"perpanjangan_mata": 5.01, "keausan_diameter": 10.5}},
          "kait": {0: {"mulut_badan": "buruk"}},
          "tali_kawat": {0: {"konstruksi": "k6x7", "keausan": 12}}},
     {"rantai_perpanjangan", "rantai_keausan", "item.mulut_badan", "keausan_tali"}),
]


def test_every_template_has_a_case() -> None:
    assert {c[0] for c in CASES} == {t.id for t in default_registry().latest()}


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_passing_case(case: tuple[Any, ...]) -> None:
    template_id, passing, _, _, _ = case
    ev = run(template_id, passing)
    assert ev.verdict == "memenuhi", [f.message_en for f in ev.failed] + ev.missing + ev.invalid
    assert not blocking(ev)
    assert ev.findings, "a passing form still lists its rule results"
    assert all(f.passed for f in ev.findings if f.severity != "minor")
    assert ev.next_test_due is not None and ev.next_test_due > DAY


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_failing_case(case: tuple[Any, ...]) -> None:
    template_id, _, top, items, expected = case
    ev = run(template_id, top, items)
    assert ev.verdict == "tidak_memenuhi"
    assert failed(ev) == expected
    assert ev.next_test_due is None
    assert ev.recommendations, "a failed form gives recommendations"
    for f in ev.failed:
        assert f.message_id and f.message_en and f.fields
        assert f.message_id != f.message_en or f.rule_id.startswith("item.")


def test_apar_minor_items_give_layak_dengan_catatan_not_a_failure() -> None:
    ev = run("apar", items={"unit_apar": {0: {"warna_merah": "buruk"}}})
    assert ev.verdict == "memenuhi"
    assert failed(ev) == {"item.warna_merah"}
    assert ev.failed[0].severity == "minor"
    assert any("30 hari" in r for r in ev.recommendations)


def test_apar_unit_status_is_computed() -> None:
    from k3desk.domain.evaluation import evaluate as ev_fn
    from k3desk.domain.values import compute, normalize_values

    t = default_registry().get("apar")
    values = example_values(t)
    values["unit_apar"][0]["label_petunjuk"] = "buruk"
    values["unit_apar"][1]["segel_pin"] = "buruk"
    norm, invalid = normalize_values(t, values)
    compute(t, norm, invalid)
    assert [u["status_unit"] for u in norm["unit_apar"]] == ["layak_dengan_catatan",
                                                              "tidak_layak"]
    assert ev_fn(t, values).verdict == "tidak_memenuhi"


def test_hydrant_layak_dengan_catatan_is_minor() -> None:
    ev = run("hydrant", {"pompa_jockey": "layak_dengan_catatan"})
    assert ev.verdict == "memenuhi"
    assert failed(ev) == {"item.pompa_jockey"}


def test_overhead_crane_first_test_gives_two_years() -> None:
    assert run("overhead_crane", {"jenis_pemeriksaan": "pertama"}).next_test_due == \
        dt.date(2028, 3, 10)
    assert run("overhead_crane", {"jenis_pemeriksaan": "berkala"}).next_test_due == \
        dt.date(2027, 3, 10)


def test_bejana_tekan_interval_depends_on_corrosive_contents() -> None:
    assert run("bejana_tekan", {"isi_korosif": True}).next_test_due == dt.date(2028, 3, 10)
    assert run("bejana_tekan", {"isi_korosif": False}).next_test_due == dt.date(2031, 3, 10)


def test_stamping_on_thin_wall_fails() -> None:
    ev = run("bejana_tekan", {"ada_stempel_dinding": True},
             {"titik_ketebalan": {0: {"tebal_nominal": 3.5, "tebal_terukur": 3.4}}})
    assert "stempel_dinding_tipis" in failed(ev)
    ev = run("bejana_tekan", {"ada_stempel_dinding": True})
    assert "stempel_dinding_tipis" not in failed(ev)
