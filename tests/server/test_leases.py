"""``/number-blocks`` and ``/signing-keys`` (protocol section 7)."""

from __future__ import annotations

import threading

from k3desk.domain.signing import generate_keypair
from tests.server.helpers import World


def test_blocks_never_overlap(world: World) -> None:
    blocks = [world.supervisor.lease_block(size, device_id=f"dev-{i % 3}")
              for i, size in enumerate([5, 1, 20, 3, 7])]
    ranges = sorted((b["data"]["first"], b["data"]["last"]) for b in blocks)
    assert ranges[0][0] == 1
    for (_f1, l1), (f2, _l2) in zip(ranges, ranges[1:], strict=False):
        assert l1 < f2
        assert f2 == l1 + 1
    b = blocks[0]
    assert b["type"] == "number_block" and b["version"] == 1
    assert b["data"]["prefix"] == "BK3JKT" and b["data"]["year"] >= 2026
    assert b["data"]["device_id"] == "dev-0"


def test_blocks_of_parallel_requests_never_overlap(world: World) -> None:
    results: list[tuple[int, int]] = []
    errors: list[str] = []

    def lease() -> None:
        try:
            for _ in range(3):
                d = world.supervisor.lease_block(4)["data"]
                results.append((d["first"], d["last"]))
        except AssertionError as exc:  # pragma: no cover - reported below
            errors.append(str(exc))

    threads = [threading.Thread(target=lease) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    numbers = [n for first, last in results for n in range(first, last + 1)]
    assert len(numbers) == len(set(numbers)) == 48


def test_each_balai_numbers_under_its_own_prefix(world: World) -> None:
    a = world.supervisor.lease_block(5)["data"]
    b = world.supervisor_b.lease_block(5)["data"]
    assert (a["prefix"], b["prefix"]) == ("BK3JKT", "BK3SBY")
    assert a["first"] == b["first"] == 1


def test_only_supervisors_lease_and_register(world: World) -> None:
    r = world.client.post("/api/v1/number-blocks", headers=world.inspector.headers,
                          json={"device_id": "x", "size": 5})
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    r = world.client.post("/api/v1/signing-keys", headers=world.inspector.headers,
                          json={"device_id": "x", "public_key": generate_keypair().public_b64})
    assert r.status_code == 403
    for size in (0, -1, 100000, "5"):
        r = world.client.post("/api/v1/number-blocks", headers=world.supervisor.headers,
                              json={"device_id": "x", "size": size})
        assert r.status_code == 422, size


def test_signing_key_registration(world: World) -> None:
    kp = generate_keypair()
    first = world.supervisor.register_key(kp)
    assert first["type"] == "signing_key"
    d = first["data"]
    assert d["public_key"] == kp.public_b64 and d["user_id"] == world.supervisor.id
    assert d["revoked"] is False and d["key_id"]
    again = world.supervisor.register_key(kp)
    assert again["id"] == first["id"]
    r = world.client.post("/api/v1/signing-keys", headers=world.supervisor_b.headers,
                          json={"device_id": "x", "public_key": kp.public_b64})
    assert r.status_code == 422
    for bad in ("not base64!", "AAAA", ""):
        r = world.client.post("/api/v1/signing-keys", headers=world.supervisor.headers,
                              json={"device_id": "x", "public_key": bad})
        assert r.status_code == 422, bad
    mine, _ = world.inspector.pull_all()
    assert any(c["type"] == "signing_key" and c["id"] == first["id"] for c in mine)
