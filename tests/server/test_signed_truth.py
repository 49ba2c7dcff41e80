"""Issue 13: a certificate says what was signed; authorship is tied to the pusher."""

from __future__ import annotations

from typing import Any

from k3desk.server import admin
from tests.server.helpers import (
    CHEAP,
    PASSWORD,
    World,
    approved_inspection,
    certificate,
    change,
    company,
    edit,
    inspection,
    issuer,
    login,
    setup_job,
    submitted_inspection,
)

VERIFY = "/api/v1/certificates/verification"


def _issued(world: World) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    job = setup_job(world)
    approved = approved_inspection(world, job)
    cert = certificate(world, issuer(world), approved)
    assert world.supervisor.push_one(cert)["status"] == "applied"
    return job, approved, cert


def _code(result: dict[str, Any]) -> str | None:
    return (result.get("error") or {}).get("code") if result["status"] == "rejected" else None


def test_public_verification_shows_the_signed_fields_not_live_records(world: World) -> None:
    job, _approved, cert = _issued(world)
    renamed = edit(job.company, 1, name="PT Palsu Sekali")
    reserial = edit(job.equipment, 1, serial_number="FORGED-999")
    assert [r["status"] for r in world.inspector.push(renamed, reserial)] == ["applied"] * 2
    from tests.server.test_verification import _qr_query

    body = world.client.get(VERIFY, params=_qr_query(cert)).json()
    assert body["signature_valid"] is True
    assert body["company"] == "PT Maju Jaya"
    assert body["equipment"].endswith("nomor seri BT-2019-0042")
    assert (body["issued_on"], body["valid_until"], body["verdict"]) == (
        "2026-03-05", "2027-03-05", "memenuhi")
    page = world.client.get("/verify", params=_qr_query(cert)).text
    assert "PT Maju Jaya" in page and "BT-2019-0042" in page
    assert "Palsu" not in page and "FORGED" not in page


def test_a_record_named_by_a_certificate_cannot_be_deleted(world: World) -> None:
    job, approved, _cert = _issued(world)
    b = world.inspector.balai_id
    gone_equipment = change("equipment", job.equipment["data"], id_=job.equipment["id"],
                            base_version=1, deleted=True)
    gone_company = change("company", job.company["data"], id_=job.company["id"],
                          base_version=1, deleted=True)
    neighbour = company(b, "PT Tetangga")
    results = world.inspector.push(gone_equipment, gone_company, neighbour)
    assert [_code(r) for r in results[:2]] == ["certificate", "certificate"]
    assert "cannot be deleted" in results[0]["error"]["message"]
    assert results[2]["status"] == "applied"
    record = world.record(job.equipment["id"])
    assert record is not None and not record.deleted
    gone_inspection = change("inspection", approved["data"], id_=approved["id"],
                             base_version=2, deleted=True)
    assert _code(world.supervisor.push_one(gone_inspection)) in ("certificate", "workflow")


def test_a_payload_naming_another_company_is_refused(world: World) -> None:
    job = setup_job(world)
    approved = approved_inspection(world, job)
    cert = certificate(world, issuer(world), approved,
                       payload_fields={"company": "PT Lain Sama Sekali"})
    result = world.supervisor.push_one(cert)
    assert _code(result) == "certificate" and "company" in result["error"]["message"]


def test_revoked_by_and_revoked_at_are_the_servers(world: World) -> None:
    _job, _approved, cert = _issued(world)
    lying = edit(cert, 1, revoked=True, revoked_reason="salah", revoked_by=world.inspector.id)
    assert _code(world.supervisor.push_one(lying)) == "certificate"
    backdated = edit(cert, 1, revoked=True, revoked_reason="salah",
                     revoked_at="1999-01-01T00:00:00Z")
    assert world.supervisor.push_one(backdated)["status"] == "applied"
    record = world.record(cert["id"])
    assert record is not None
    assert record.data["revoked_by"] == world.supervisor.id
    assert not str(record.data["revoked_at"]).startswith("1999")
    fresh = certificate(world, issuer(world), approved_inspection(world, setup_job(world)),
                        revoked_by=world.supervisor.id)
    assert _code(world.supervisor.push_one(fresh)) == "certificate"


def _colleague(world: World, username: str, role: str) -> str:
    with world.sessions() as s:
        return admin.create_user(s, username, f"Bu {username}", "1", role, "BK3JKT",
                                 PASSWORD, CHEAP).id


def test_inspector_id_is_the_pusher(world: World) -> None:
    job = setup_job(world)
    unlicensed = _colleague(world, "baru", "inspector")
    for named in (unlicensed, world.supervisor.id):
        insp = inspection(world.inspector, job.company["id"], job.equipment["id"],
                          status="submitted", instrument_ids=[job.instrument["id"]])
        insp["data"]["inspector_id"] = named
        other = company(world.inspector.balai_id, f"PT Lain {named[:4]}")
        results = world.inspector.push(insp, other)
        assert _code(results[0]) == "forbidden" and results[0]["error"]["field"] == "inspector_id"
        assert results[1]["status"] == "applied"
    insp, version = submitted_inspection(world, job)
    moved = edit(insp, version, inspector_id=unlicensed)
    assert _code(world.inspector.push_one(moved)) in ("forbidden", "workflow")


def test_the_named_inspectors_licence_is_checked(world: World) -> None:
    job = setup_job(world)
    _colleague(world, "baru", "inspector")
    newcomer = login(world.client, "baru", device_id="baru-laptop")
    draft = inspection(newcomer, job.company["id"], job.equipment["id"],
                       instrument_ids=[job.instrument["id"]])
    assert newcomer.push_one(draft)["status"] == "applied"
    # a licensed colleague submits it: the licence checked is the recorded inspector's
    submitted = edit(draft, 1, status="submitted")
    assert _code(world.inspector.push_one(submitted)) == "qualification"


def test_a_supervisor_never_reviews_their_own_inspection(world: World) -> None:
    job = setup_job(world)
    with world.sessions() as s:
        admin.grant_qualification(s, "sup", ["bejana_tekan"], "LIC-sup", "2030-12-31")
    draft = inspection(world.admin, job.company["id"], job.equipment["id"],
                       instrument_ids=[job.instrument["id"]])
    draft["data"].update(balai_id=world.supervisor.balai_id, inspector_id=world.supervisor.id)
    assert world.admin.push_one(draft)["status"] == "applied"
    submitted = edit(draft, 1, status="submitted")
    assert world.inspector.push_one(submitted)["status"] == "applied"
    approve = edit(submitted, 2, status="approved")
    result = world.supervisor.push_one(approve)
    assert _code(result) == "workflow" and result["error"]["field"] == "inspector_id"
