"""The argon2id cost of every password hash and key-encryption key k3desk makes.

Always RFC 9106's second recommendation (t=3, 64 MiB, p=4: argon2-cffi's default),
except when ``K3DESK_TEST_CHEAP_ARGON2=1``: the test suite sets it (tests/conftest.py)
so that its hundreds of logins, users and signing keys cost milliseconds instead of half
a second each. A hash or key file carries its own parameters, so whatever made it is
checked the same way; only new hashes change.
"""

from __future__ import annotations

import os
from dataclasses import replace

from argon2 import Parameters, PasswordHasher
from argon2.profiles import RFC_9106_LOW_MEMORY

TEST_VARIABLE = "K3DESK_TEST_CHEAP_ARGON2"
#: What the test suite hashes with: the least argon2id work with full-length salts/hashes.
TEST_PARAMETERS = replace(RFC_9106_LOW_MEMORY, time_cost=1, memory_cost=1024, parallelism=1)


def parameters() -> Parameters:
    """The parameters of a new hash (read at each call, so a test run can set them)."""
    if os.environ.get(TEST_VARIABLE) == "1":
        return TEST_PARAMETERS
    return RFC_9106_LOW_MEMORY


def password_hasher() -> PasswordHasher:
    return PasswordHasher.from_parameters(parameters())
