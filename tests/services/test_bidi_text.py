"""Issue 13: bidirectional control characters are refused in printed text (laptop)."""

from __future__ import annotations

from pathlib import Path

import pytest

from k3desk.domain.errors import ValidationError
from k3desk.domain.text_rules import BIDI_CONTROLS
from k3desk.services import import_service, records_service
from k3desk.store.models import Company, OutboxEntry
from tests.services.test_import_service import count, make_ctx, xlsx


@pytest.mark.parametrize("char", sorted(BIDI_CONTROLS))
def test_a_company_name_with_a_bidi_control_is_refused(tmp_path: Path, char: str) -> None:
    ctx = make_ctx(tmp_path / "data")
    with pytest.raises(ValidationError, match=f"U\\+{ord(char):04X}") as info:
        records_service.save_company(ctx, {"name": f"PT ABC{char}KAPAL",
                                           "address": "Jl. Satu 1"})
    assert info.value.field == "name"
    assert count(ctx, Company) == 0 and count(ctx, OutboxEntry) == 0
    ctx.db.dispose()


def test_an_address_and_a_serial_with_an_override_are_refused(tmp_path: Path) -> None:
    ctx = make_ctx(tmp_path / "data")
    with pytest.raises(ValidationError, match="U\\+202E"):
        records_service.save_company(ctx, {"name": "PT Jujur",
                                           "address": "Jl. \u202eayaR 5"})
    company = records_service.save_company(ctx, {"name": "PT Jujur", "address": "Jl. Raya 5"})
    with pytest.raises(ValidationError, match="U\\+2066") as info:
        records_service.save_equipment(ctx, {"company_id": company.ids[0],
                                             "object_type": "bejana_tekan",
                                             "serial_number": "BT-\u20661234"})
    assert info.value.field == "serial_number"
    ctx.db.dispose()


def test_an_import_with_a_bidi_control_names_the_row(tmp_path: Path) -> None:
    ctx = make_ctx(tmp_path / "data")
    rows = [["name", "address", "city"], ["PT Baik", "Jl. Baik 1", "Bogor"],
            ["PT \u202eKAPAL", "Jl. Dua 2", "Bogor"]]
    with pytest.raises(import_service.ImportRejected) as info:
        import_service.import_file(ctx, xlsx(tmp_path / "bidi.xlsx", rows), "companies")
    assert [(e.row, "U+202E" in e.reason) for e in info.value.errors] == [(3, True)]
    assert count(ctx, Company) == 0
    ctx.db.dispose()
