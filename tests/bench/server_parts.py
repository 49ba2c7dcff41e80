"""Server figures on PostgreSQL (issue 17): ingest, throughput and p95 under 50 laptops,
public verification among a million certificates.

Each figure starts its own throwaway cluster (fsync on) and a real ``k3desk server
--workers 2`` on loopback, and stops both. The load generator is the package's own
asyncio one (``serving.py``): one task per simulated laptop, in this process.
``--quick`` uses a tenth of the sizes (and of the load time).
"""

from __future__ import annotations

import asyncio
import json
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg

from tests.bench.figures import Figure
from tests.bench.serving import login, percentile, pg_world, server
from tests.server.helpers import company, edit

LAPTOPS = 50
INGEST_BALAI = 4
PUSH_SIZE = 500


def figures(quick: bool) -> Iterable[Figure]:
    yield from ingest(quick)
    yield from throughput(quick)
    yield from verify_lookup(quick)


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


# -- server_ingest ---------------------------------------------------------------------

def ingest(quick: bool) -> Iterator[Figure]:
    """Changes per second applied from pushes of 500 new companies, one pusher per Balai
    side by side; against executemany of the same rows (records and change log)."""
    pushes = 2 if quick else 10  # per Balai
    with tempfile.TemporaryDirectory(prefix="k3desk-bench-") as tmp, \
            pg_world(Path(tmp), INGEST_BALAI, 1) as world:
        with server(world.url, Path(tmp) / "blobs") as srv:
            bodies: dict[str, list[bytes]] = {}
            heads: dict[str, dict[str, str]] = {}
            for username, code in world.users:
                heads[username], _user = login(srv.url, username)
                bodies[username] = [json.dumps({"device_id": f"d-{username}", "changes": [
                    company(world.balai[code], f"PT {username} {p}-{i}")
                    for i in range(PUSH_SIZE)]}).encode() for p in range(pushes)]

            async def pusher(username: str) -> None:
                async with httpx.AsyncClient(base_url=srv.url, headers={
                        **heads[username], "Content-Type": "application/json"},
                        timeout=300) as client:
                    for body in bodies[username]:
                        r = await client.post("/api/v1/sync/push", content=body)
                        r.raise_for_status()
                        assert all(x["status"] == "applied" for x in r.json()["results"])

            async def run() -> float:
                start = time.perf_counter()
                await asyncio.gather(*(pusher(u) for u in bodies))
                return time.perf_counter() - start

            elapsed = asyncio.run(run())
        total = pushes * PUSH_SIZE * len(bodies)
        raw = _raw_insert_rate(world.url, [json.loads(b) for bs in bodies.values() for b in bs])
    yield Figure("server_ingest", total / elapsed, "changes/s", raw, "changes/s")


def _raw_insert_rate(url: str, pushes: list[dict[str, Any]]) -> float:
    """The same rows written with psycopg's executemany, a transaction per push, into
    copies of the tables (with their indexes)."""
    now = time.strftime("%Y-%m-%d %H:%M:%S")
    with psycopg.connect(_libpq(url)) as conn:
        conn.execute("CREATE TABLE raw_records (LIKE records INCLUDING ALL)")
        conn.execute("CREATE TABLE raw_log (LIKE change_log INCLUDING ALL)")
        conn.commit()
        start = time.perf_counter()
        seq = 10**12
        count = 0
        for push in pushes:
            with conn.cursor() as cur:
                rows, logs = [], []
                for ch in push["changes"]:
                    seq += 1
                    rows.append((ch["id"], ch["type"], ch["data"]["balai_id"], 1, seq, False,
                                 now, None, json.dumps(ch["data"])))
                    logs.append((ch["change_id"], "0" * 64, ch["id"], 1, seq, "u", "d", now))
                cur.executemany("INSERT INTO raw_records VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                                rows)
                cur.executemany("INSERT INTO raw_log VALUES (%s,%s,%s,%s,%s,%s,%s,%s)", logs)
            conn.commit()
            count += len(push["changes"])
        return count / (time.perf_counter() - start)


# -- server_throughput, server_p95 -------------------------------------------------------

async def _laptop(base: str, headers: dict[str, str], balai_id: str, stop_at: float,
                  samples: list[float], errors: list[str]) -> int:
    """Push 2 new companies and an edit of an earlier one, then pull to the end; again."""
    requests = 0
    cursor = 0
    mine: list[tuple[dict[str, Any], int]] = []
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as client:
        while time.monotonic() < stop_at:
            changes = [company(balai_id, f"PT {uuid.uuid4().hex[:8]}") for _ in range(2)]
            if mine:
                old, version = mine.pop(0)
                changes.append(edit(old, version, name=old["data"]["name"] + " Tbk"))
            start = time.perf_counter()
            r = await client.post("/api/v1/sync/push",
                                  json={"device_id": "bench", "changes": changes})
            samples.append(time.perf_counter() - start)
            requests += 1
            if r.status_code != 200:
                errors.append(f"push {r.status_code}")
                continue
            for change, result in zip(changes, r.json()["results"], strict=True):
                if result["status"] == "applied" and change["base_version"] == 0:
                    mine.append((change, result["version"]))
                elif result["status"] != "applied":
                    errors.append(str(result)[:200])
            more = True
            while more and time.monotonic() < stop_at:
                start = time.perf_counter()
                r = await client.get("/api/v1/sync/pull", params={"since": cursor,
                                                                  "limit": 200})
                samples.append(time.perf_counter() - start)
                requests += 1
                if r.status_code != 200:
                    errors.append(f"pull {r.status_code}")
                    break
                page = r.json()
                cursor, more = page["next"], page["more"]
    return requests


async def _health(base: str, tasks: int, seconds: float) -> tuple[float, list[float]]:
    samples: list[float] = []
    stop_at = time.monotonic() + seconds

    async def one() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=60) as client:
            while time.monotonic() < stop_at:
                start = time.perf_counter()
                (await client.get("/api/v1/health")).raise_for_status()
                samples.append(time.perf_counter() - start)

    start = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(tasks)))
    return len(samples) / (time.perf_counter() - start), samples


def throughput(quick: bool) -> Iterator[Figure]:
    """50 laptops of 5 Balai, each pushing 3 changes and pulling, as fast as answered."""
    seconds = 6.0 if quick else 30.0
    with tempfile.TemporaryDirectory(prefix="k3desk-bench-") as tmp, \
            pg_world(Path(tmp), 5, LAPTOPS // 5) as world:
        with server(world.url, Path(tmp) / "blobs") as srv:
            logged = [(login(srv.url, u), world.balai[code]) for u, code in world.users]
            health_rps, health = asyncio.run(_health(srv.url, LAPTOPS, min(seconds, 5.0)))
            samples: list[float] = []
            errors: list[str] = []

            async def run() -> tuple[int, float]:
                stop_at = time.monotonic() + seconds
                start = time.perf_counter()
                counts = await asyncio.gather(*(
                    _laptop(srv.url, headers, balai_id, stop_at, samples, errors)
                    for (headers, _user), balai_id in logged))
                return sum(counts), time.perf_counter() - start

            requests, elapsed = asyncio.run(run())
    if errors:
        print(f"[server_throughput] {len(errors)} errors, first: {errors[0]}")
    yield Figure("server_throughput", requests / elapsed, "req/s", health_rps, "req/s")
    yield Figure("server_p95", percentile(samples, 0.95) * 1000, "ms",
                 percentile(health, 0.95) * 1000, "ms")


# -- verify_lookup_p95 -------------------------------------------------------------------

def _seed_certificates(url: str, balai_id: str, count: int) -> None:
    """``count`` certificate records and their number keys, made inside PostgreSQL."""
    payload = ("{\"company\":\"PT Sertifikat '||g||'\",\"data_sha256\":\"" + "ab" * 32 +
               "\",\"equipment_serial\":\"SN-'||g||'\",\"inspection_id\":\"'||md5(g::text)"
               "::uuid||'\",\"issued_on\":\"2026-03-02\",\"number\":\"'||lpad(g::text,7,'0')"
               "||'/PAA/BK3B00/III/2026\",\"valid_until\":\"2027-03-02\",\"verdict\":"
               "\"memenuhi\"}")
    with psycopg.connect(_libpq(url)) as conn:
        conn.execute(f"""
            INSERT INTO records (id, type, balai_id, version, seq, deleted, modified_at,
                                 modified_by, data)
            SELECT md5('c' || g)::uuid::text, 'certificate', %(b)s::text, 1, nextval('record_seq'),
                   false, now(), NULL,
                   jsonb_build_object('balai_id', %(b)s::text, 'number',
                       lpad(g::text, 7, '0') || '/PAA/BK3B00/III/2026',
                       'inspection_id', md5(g::text)::uuid::text, 'issued_on', '2026-03-02',
                       'valid_until', '2027-03-02', 'key_id', 'k0000', 'revoked', false,
                       'payload', '{payload}', 'signature', 'AAAA')
            FROM generate_series(1, %(n)s) AS g""", {"b": balai_id, "n": count})
        conn.execute("""
            INSERT INTO unique_keys (kind, key, record_id)
            SELECT 'certificate.number', data->>'number', id FROM records
            WHERE type = 'certificate'""")
        conn.commit()
        conn.execute("ANALYZE")


def verify_lookup(quick: bool) -> Iterator[Figure]:
    """p95 of ``GET /api/v1/certificates/verification`` among ``count`` certificates;
    against the same record read by number with plain psycopg."""
    count = 100_000 if quick else 1_000_000
    lookups = 300
    with tempfile.TemporaryDirectory(prefix="k3desk-bench-") as tmp, \
            pg_world(Path(tmp), 1, 0) as world:
        balai_id = world.balai["BK3B00"]
        _seed_certificates(world.url, balai_id, count)
        step = max(1, count // lookups)
        numbers = [f"{g:07d}/PAA/BK3B00/III/2026" for g in range(1, count + 1, step)][:lookups]
        with server(world.url, Path(tmp) / "blobs") as srv:
            samples: list[float] = []
            with httpx.Client(base_url=srv.url, timeout=60) as client:
                for number in numbers[:20]:  # warm up
                    client.get("/api/v1/certificates/verification", params={"number": number})
                for number in numbers:
                    start = time.perf_counter()
                    r = client.get("/api/v1/certificates/verification", params={"number": number})
                    samples.append(time.perf_counter() - start)
                    r.raise_for_status()
        raw: list[float] = []
        with psycopg.connect(_libpq(world.url)) as conn:
            for number in numbers:
                start = time.perf_counter()
                conn.execute("SELECT r.data FROM unique_keys k JOIN records r ON r.id = "
                             "k.record_id WHERE k.kind = 'certificate.number' AND k.key = %s",
                             (number,)).fetchone()
                raw.append(time.perf_counter() - start)
    yield Figure("verify_lookup_p95", percentile(samples, 0.95) * 1000, "ms",
                 percentile(raw, 0.95) * 1000, "ms")
