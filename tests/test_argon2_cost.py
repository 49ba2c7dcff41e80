"""Outside the test run every new hash and key-encryption key has the full argon2id cost
(t=3, 64 MiB, p=4); the suite's cheap cost (tests/conftest.py) is its own."""

from __future__ import annotations

import pytest

from k3desk import argon2_cost
from k3desk.server import security
from k3desk.services import auth_service, keys_service

FULL = "$argon2id$v=19$m=65536,t=3,p=4$"


def test_without_the_test_variable_hashes_have_the_full_cost(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(argon2_cost.TEST_VARIABLE, raising=False)
    assert auth_service.hash_password("sandi-laptop-1").startswith(FULL)
    assert security.hash_password("sandi server 1").startswith(FULL)
    assert security.dummy_hash().startswith(FULL)
    assert keys_service._kdf() == {"time_cost": 3, "memory_cost": 65536, "parallelism": 4}


def test_the_suite_hashes_cheaply() -> None:
    cheap = auth_service.hash_password("sandi-laptop-1")
    assert cheap.startswith("$argon2id$v=19$m=1024,t=1,p=1$")
    assert security.dummy_hash().startswith("$argon2id$v=19$m=1024,t=1,p=1$")
    assert auth_service.password_matches(cheap, "sandi-laptop-1")
    assert not auth_service.password_matches(cheap, "sandi-laptop-2")
