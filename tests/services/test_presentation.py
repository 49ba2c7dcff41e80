"""How stored values read in the review form and the documents."""

from __future__ import annotations

from k3desk.domain.templates import default_registry
from k3desk.services import presentation


def test_numbers_use_indonesian_separators() -> None:
    assert presentation.format_number(3.25) == "3,25"
    assert presentation.format_number(1500) == "1.500"
    assert presentation.format_number(1500, grouping=False) == "1500"
    assert presentation.format_value({"value": 12500, "unit": "kg"}) == "12.500 kg"


def test_a_year_prints_without_a_thousands_separator() -> None:
    template = default_registry().get("pesawat_uap")
    spec = next(f for s in template.sections for f in s.fields if f.id == "tahun_pembuatan")
    assert spec.field_type == "integer"
    assert presentation.format_value(2012, spec) == "2012"
    rows = dict((label, value) for _title, section in
                presentation.section_rows(template, {"tahun_pembuatan": 2012})
                for label, value, _unit in section)
    assert rows["Tahun pembuatan"] == "2012"
