"""A Balai is created with what its documents need: the city (issue 15)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from k3desk.domain.errors import ValidationError
from k3desk.server import admin


@pytest.mark.parametrize("city", [None, "", "   "])
def test_create_balai_refuses_a_missing_city(client: TestClient, city: str | None) -> None:
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    with sessions() as s, pytest.raises(ValidationError, match="city is required"):
        admin.create_balai(s, "BK3MKS", "Balai K3 Makassar", "Jl. Urip Sumoharjo", city=city)
    with sessions() as s:
        record = admin.create_balai(s, "BK3MKS", "Balai K3 Makassar", "Jl. Urip Sumoharjo",
                                    city="Makassar")
        assert record.data["city"] == "Makassar"
