"""Building blocks for server tests: a populated world, an API wrapper, record builders."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from k3desk import argon2_cost
from k3desk.domain.canonical import data_sha256
from k3desk.domain.certificates import make_payload
from k3desk.domain.evaluation import evaluate
from k3desk.domain.signing import KeyPair, generate_keypair, sign
from k3desk.domain.templates import default_registry
from k3desk.domain.values import example_values
from k3desk.server import admin
from k3desk.server.models import ChangeLog, Record

#: Users made by the tests directly: argon2id at the test run's least cost (k3desk.argon2_cost)
CHEAP = PasswordHasher.from_parameters(argon2_cost.TEST_PARAMETERS)
PASSWORD = "correct horse battery"
INSPECTED_ON = "2026-03-02"
TEMPLATE = ("bejana_tekan", 1)

#: The migrated PostgreSQL database each test copies (tests/server/conftest.py).
TEMPLATE_DB = "k3desk_server_template"


def uid() -> str:
    return str(uuid.uuid4())


@dataclass
class Api:
    """A logged-in user's view of the server."""

    client: TestClient
    token: str
    user: dict[str, Any]
    device_id: str = "laptop-1"

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    @property
    def id(self) -> str:
        return str(self.user["id"])

    @property
    def balai_id(self) -> str:
        return str(self.user["balai_id"])

    def push_raw(self, changes: list[Any], device_id: str | None = None) -> Any:
        return self.client.post("/api/v1/sync/push", headers=self.headers,
                                json={"device_id": device_id or self.device_id,
                                      "changes": changes})

    def push(self, *changes: dict[str, Any], device_id: str | None = None
             ) -> list[dict[str, Any]]:
        response = self.push_raw(list(changes), device_id)
        assert response.status_code == 200, response.text
        results: list[dict[str, Any]] = response.json()["results"]
        assert len(results) == len(changes)
        return results

    def push_one(self, change: dict[str, Any], device_id: str | None = None) -> dict[str, Any]:
        return self.push(change, device_id=device_id)[0]

    def pull_all(self, since: int = 0, limit: int = 1000) -> tuple[list[dict[str, Any]], int]:
        out: list[dict[str, Any]] = []
        while True:
            r = self.client.get("/api/v1/sync/pull", params={"since": since, "limit": limit},
                                headers=self.headers)
            assert r.status_code == 200, r.text
            body = r.json()
            out += body["changes"]
            since = body["next"]
            if not body["more"]:
                return out, since

    def lease_block(self, size: int = 10, device_id: str | None = None) -> dict[str, Any]:
        r = self.client.post("/api/v1/number-blocks", headers=self.headers,
                             json={"device_id": device_id or self.device_id, "size": size})
        assert r.status_code == 201, r.text
        return dict(r.json())

    def register_key(self, keypair: KeyPair, device_id: str | None = None) -> dict[str, Any]:
        r = self.client.post("/api/v1/signing-keys", headers=self.headers,
                             json={"device_id": device_id or self.device_id,
                                   "public_key": keypair.public_b64})
        assert r.status_code == 201, r.text
        return dict(r.json())


@dataclass
class World:
    client: TestClient
    sessions: sessionmaker[Session]
    balai_a: Record
    balai_b: Record
    inspector: Api
    supervisor: Api
    inspector_b: Api
    supervisor_b: Api
    admin: Api
    extra: dict[str, Any] = field(default_factory=dict)

    def record(self, record_id: str) -> Record | None:
        with self.sessions() as s:
            return s.get(Record, record_id)

    def counts(self) -> tuple[int, int, int]:
        """(records, change log rows, last seq): what a refused request must not change."""
        with self.sessions() as s:
            return (int(s.scalar(select(func.count()).select_from(Record)) or 0),
                    int(s.scalar(select(func.count()).select_from(ChangeLog)) or 0),
                    int(s.scalar(select(func.max(Record.seq))) or 0))


def login(client: TestClient, username: str, password: str = PASSWORD,
          device_id: str = "laptop-1") -> Api:
    r = client.post("/api/v1/auth/login", json={"username": username, "password": password,
                                                "device_id": device_id,
                                                "device_name": "Laptop uji"})
    assert r.status_code == 200, r.text
    body = r.json()
    return Api(client, body["token"], body["user"], device_id)


def build_world(client: TestClient) -> World:
    sessions: sessionmaker[Session] = client.app.state.sessions  # type: ignore[attr-defined]
    with sessions() as s:
        a = admin.create_balai(s, "BK3JKT", "Balai K3 Jakarta", "Jl. Gatot Subroto 44, Jakarta",
                               city="Jakarta", number_prefix="BK3JKT")
    with sessions() as s:
        b = admin.create_balai(s, "BK3SBY", "Balai K3 Surabaya", "Jl. Dukuh Menanggal, Surabaya",
                               city="Surabaya")
    users = [("insp", "inspector", "BK3JKT"), ("sup", "supervisor", "BK3JKT"),
             ("inspb", "inspector", "BK3SBY"), ("supb", "supervisor", "BK3SBY"),
             ("root", "admin", None)]
    for username, role, code in users:
        with sessions() as s:
            admin.create_user(s, username, f"Pak {username.title()}", "198001012005011001",
                              role, code, PASSWORD, CHEAP)
    for username in ("insp", "inspb"):
        with sessions() as s:
            admin.grant_qualification(s, username, ["bejana_tekan", "lingkungan_kerja"],
                                      f"LIC-{username}", "2030-12-31")
    return World(client, sessions, a, b, login(client, "insp"),
                 login(client, "sup", device_id="sup-laptop"), login(client, "inspb"),
                 login(client, "supb", device_id="supb-laptop"), login(client, "root"))


# --- changes ------------------------------------------------------------------------------

def change(type_: str, data: dict[str, Any], *, id_: str | None = None, base_version: int = 0,
           deleted: bool = False, change_id: str | None = None) -> dict[str, Any]:
    return {"change_id": change_id or uid(), "type": type_, "id": id_ or uid(),
            "base_version": base_version, "deleted": deleted, "data": data}


def edit(previous: dict[str, Any], version: int, **data: Any) -> dict[str, Any]:
    """A new change of the same record, edited from ``version``."""
    return change(previous["type"], {**previous["data"], **data}, id_=previous["id"],
                  base_version=version)


def company(balai_id: str, name: str = "PT Maju Jaya") -> dict[str, Any]:
    return change("company", {"balai_id": balai_id, "name": name,
                              "address": "Kawasan Industri Pulogadung", "npwp": "01.234"})


def equipment(balai_id: str, company_id: str, object_type: str = "bejana_tekan",
              serial: str = "BT-2019-0042") -> dict[str, Any]:
    return change("equipment", {"balai_id": balai_id, "company_id": company_id,
                                "object_type": object_type, "serial_number": serial,
                                "make": "Atlas"})


def instrument(balai_id: str, valid_until: str = "2030-01-01") -> dict[str, Any]:
    return change("instrument", {"balai_id": balai_id, "name": "Ultrasonic thickness gauge",
                                 "serial_number": "UT-77", "calibration_valid_until": valid_until})


def good_values(failing: bool = False) -> dict[str, Any]:
    return example_values(default_registry().get(*TEMPLATE), failing=failing)


def verdict_of(values: dict[str, Any], inspected_on: str = INSPECTED_ON) -> str:
    template = default_registry().get(*TEMPLATE)
    return str(evaluate(template, values, dt.date.fromisoformat(inspected_on)).verdict)


def upload_example_photos(api: Api, values: dict[str, Any]) -> None:
    """Store the images the example photo ids name (``contoh-foto-<field>``), so the
    server knows them: a photo counts only when its image is stored."""
    import hashlib

    template = default_registry().get(*TEMPLATE)
    for spec in template.fields.values():
        body = f"contoh-foto-{spec.id}".encode()
        sha = hashlib.sha256(body).hexdigest()
        if spec.field_type == "photo" and sha in (values.get(spec.id) or []):
            r = api.client.put(f"/api/v1/blobs/{sha}", content=body, headers=api.headers)
            assert r.status_code in (200, 201, 204), r.text


def inspection(api: Api, company_id: str, equipment_id: str, *, status: str = "draft",
               values: dict[str, Any] | None = None, instrument_ids: list[str] | None = None,
               verdict: str | None = None, inspected_on: str = INSPECTED_ON) -> dict[str, Any]:
    vals = good_values() if values is None else values
    upload_example_photos(api, vals)
    data = {"balai_id": api.balai_id, "company_id": company_id, "equipment_id": equipment_id,
            "template_id": TEMPLATE[0], "template_version": TEMPLATE[1],
            "inspector_id": api.id, "inspected_on": inspected_on, "status": status,
            "values": vals, "instrument_ids": instrument_ids or [],
            "verdict": verdict if verdict is not None else verdict_of(vals, inspected_on)}
    return change("inspection", data)


@dataclass
class Job:
    """A company, its equipment and an instrument of Balai A, pushed and applied."""

    company: dict[str, Any]
    equipment: dict[str, Any]
    instrument: dict[str, Any]


def setup_job(world: World) -> Job:
    b = world.inspector.balai_id
    comp = company(b)
    equip = equipment(b, comp["id"])
    inst = instrument(b)
    assert [r["status"] for r in world.inspector.push(comp, equip)] == ["applied"] * 2
    assert world.supervisor.push_one(inst)["status"] == "applied"
    return Job(comp, equip, inst)


def submitted_inspection(world: World, job: Job) -> tuple[dict[str, Any], int]:
    insp = inspection(world.inspector, job.company["id"], job.equipment["id"],
                      status="submitted", instrument_ids=[job.instrument["id"]])
    result = world.inspector.push_one(insp)
    assert result["status"] == "applied", result
    return insp, int(result["version"])


def approved_inspection(world: World, job: Job) -> dict[str, Any]:
    insp, version = submitted_inspection(world, job)
    approved = edit(insp, version, status="approved", approved_by=world.supervisor.id)
    result = world.supervisor.push_one(approved)
    assert result["status"] == "applied", result
    return approved


@dataclass
class Issuer:
    """A supervisor's device that can number and sign certificates."""

    api: Api
    keypair: KeyPair
    key_id: str
    block: dict[str, Any]


def issuer(world: World, size: int = 10) -> Issuer:
    keypair = generate_keypair()
    key = world.supervisor.register_key(keypair)
    block = world.supervisor.lease_block(size)
    return Issuer(world.supervisor, keypair, key["data"]["key_id"], block)


def certificate(world: World, iss: Issuer, approved: dict[str, Any], *, seq: int | None = None,
                number: str | None = None, **overrides: Any) -> dict[str, Any]:
    """A correctly signed certificate change for an approved inspection."""
    block = iss.block["data"]
    seq = block["first"] if seq is None else seq
    number = number or f"{seq:04d}/PUBT/{block['prefix']}/III/2026"
    fields = {"number": number, "inspection_id": approved["id"], "company": "PT Maju Jaya",
              "equipment_serial": "BT-2019-0042", "object_type": "bejana_tekan",
              "verdict": approved["data"]["verdict"],
              "issued_on": "2026-03-05", "valid_until": "2027-03-05",
              "data_sha256": data_sha256(approved["data"])}
    fields.update(overrides.pop("payload_fields", {}))
    payload = make_payload(fields)
    data = {"balai_id": world.supervisor.balai_id, "inspection_id": approved["id"],
            "block_id": iss.block["id"], "seq": seq, "number": number,
            "issued_on": "2026-03-05", "valid_until": "2027-03-05",
            "approver_id": world.supervisor.id, "key_id": iss.key_id, "payload": payload,
            "signature": sign(iss.keypair.private_raw, payload), "revoked": False}
    data.update(overrides)
    return change("certificate", data)
