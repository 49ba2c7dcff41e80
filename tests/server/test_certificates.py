"""Certificates: numbering from leased blocks, signatures, payloads, revocation."""

from __future__ import annotations

import pytest

from k3desk.domain.errors import K3Error
from k3desk.domain.signing import generate_keypair, sign
from tests.server.helpers import (
    World,
    approved_inspection,
    certificate,
    change,
    edit,
    good_values,
    inspection,
    issuer,
    setup_job,
    submitted_inspection,
    uid,
)


def _code(result: dict[str, object]) -> str:
    assert result["status"] == "rejected", result
    return str(result["error"]["code"])  # type: ignore[index]


def test_supervisor_issues_a_certificate(world: World) -> None:
    job = setup_job(world)
    approved = approved_inspection(world, job)
    iss = issuer(world)
    cert = certificate(world, iss, approved)
    r = world.supervisor.push_one(cert)
    assert r["status"] == "applied", r
    changes, _ = world.inspector.pull_all()
    assert any(c["id"] == cert["id"] and c["type"] == "certificate" for c in changes)


def test_certificate_faults_are_certificate_and_store_nothing(world: World) -> None:
    job = setup_job(world)
    approved = approved_inspection(world, job)
    iss = issuer(world, size=5)
    first, last = iss.block["data"]["first"], iss.block["data"]["last"]
    other_key = generate_keypair()
    before = world.counts()
    faults = {
        "seq outside block": certificate(world, iss, approved, seq=last + 1),
        "seq below block": certificate(world, iss, approved, seq=first - 1) if first > 1
        else certificate(world, iss, approved, seq=0),
        "unknown key": certificate(world, iss, approved, key_id="k-nope"),
        "unknown block": certificate(world, iss, approved, block_id=uid()),
        "bad signature": certificate(world, iss, approved,
                                     signature=sign(other_key.private_raw, "x")),
        "payload verdict": certificate(world, iss, approved,
                                       payload_fields={"verdict": "tidak_memenuhi"}),
        "payload data hash": certificate(world, iss, approved,
                                         payload_fields={"data_sha256": "0" * 64}),
        "payload number": certificate(world, iss, approved, payload_fields={"number": "X"}),
        "approver": certificate(world, iss, approved, approver_id=world.inspector.id),
        "born revoked": certificate(world, iss, approved, revoked=True),
    }
    expected = {"seq outside block": "outside block", "seq below block": "outside block",
                "unknown key": "unknown signing key", "unknown block": "no number block",
                "bad signature": "does not verify", "payload verdict": "verdict",
                "payload data hash": "data_sha256", "payload number": "number",
                "approver": "approver_id", "born revoked": "already revoked"}
    for name, cert in faults.items():
        result = world.supervisor.push_one(cert)
        assert _code(result) == "certificate", name
        assert expected[name] in result["error"]["message"], (name, result)
    # a block leased to another device
    assert _code(world.supervisor.push_one(certificate(world, iss, approved),
                                           device_id="another-laptop")) == "certificate"
    # an inspector never issues certificates
    assert _code(world.inspector.push_one(certificate(world, iss, approved))) == "certificate"
    assert world.counts() == before


def test_tampered_payload_signed_by_someone_else_is_refused(world: World) -> None:
    job = setup_job(world)
    approved = approved_inspection(world, job)
    iss = issuer(world)
    cert = certificate(world, iss, approved)
    cert["data"]["signature"] = sign(generate_keypair().private_raw, cert["data"]["payload"])
    assert _code(world.supervisor.push_one(cert)) == "certificate"


def test_only_approved_inspections_get_one_certificate_each(world: World) -> None:
    job = setup_job(world)
    submitted, _version = submitted_inspection(world, job)
    iss = issuer(world)
    assert _code(world.supervisor.push_one(certificate(world, iss, submitted))) == "certificate"
    approved = approved_inspection(world, job)
    first = certificate(world, iss, approved)
    assert world.supervisor.push_one(first)["status"] == "applied"
    second = certificate(world, iss, approved, seq=iss.block["data"]["first"] + 1)
    assert _code(world.supervisor.push_one(second)) == "certificate"


def test_a_seq_and_a_number_are_used_once(world: World) -> None:
    job = setup_job(world)
    a1 = approved_inspection(world, job)
    a2 = approved_inspection(world, job)
    iss = issuer(world)
    assert world.supervisor.push_one(certificate(world, iss, a1))["status"] == "applied"
    same_seq = certificate(world, iss, a2, number="9999/PUBT/BK3JKT/III/2026")
    assert _code(world.supervisor.push_one(same_seq)) == "certificate"
    same_number = certificate(world, iss, a2, seq=iss.block["data"]["first"] + 1,
                              number=f"{iss.block['data']['first']:04d}/PUBT/BK3JKT/III/2026")
    assert _code(world.supervisor.push_one(same_number)) == "certificate"


def test_revoked_key_cannot_sign(world: World) -> None:
    job = setup_job(world)
    approved = approved_inspection(world, job)
    iss = issuer(world)
    from k3desk.server.models import Record

    with world.sessions() as s, s.begin():
        key = s.get(Record, world.supervisor.register_key(iss.keypair)["id"])
        assert key is not None
        key.data = {**key.data, "revoked": True}
    assert _code(world.supervisor.push_one(certificate(world, iss, approved))) == "certificate"


def test_key_of_another_supervisor_cannot_sign(world: World) -> None:
    job = setup_job(world)
    approved = approved_inspection(world, job)
    iss = issuer(world)
    theirs = generate_keypair()
    key_b = world.supervisor_b.register_key(theirs)
    cert = certificate(world, iss, approved, key_id=key_b["data"]["key_id"])
    cert["data"]["signature"] = sign(theirs.private_raw, cert["data"]["payload"])
    assert _code(world.supervisor.push_one(cert)) == "certificate"


def test_revocation_only_changes_revoked_and_reason(world: World) -> None:
    job = setup_job(world)
    approved = approved_inspection(world, job)
    iss = issuer(world)
    cert = certificate(world, iss, approved)
    world.supervisor.push_one(cert)
    sneaky = edit(cert, 1, revoked=True, revoked_reason="salah ketik",
                  valid_until="2030-01-01")
    assert _code(world.supervisor.push_one(sneaky)) == "certificate"
    no_reason = edit(cert, 1, revoked=True)
    assert _code(world.supervisor.push_one(no_reason)) == "certificate"
    not_revoking = edit(cert, 1, number="0001/X")
    assert _code(world.supervisor.push_one(not_revoking)) == "certificate"
    deleting = change("certificate", cert["data"], id_=cert["id"], base_version=1, deleted=True)
    assert _code(world.supervisor.push_one(deleting)) == "certificate"
    revoke = edit(cert, 1, revoked=True, revoked_reason="Data pelat nama salah")
    r = world.supervisor.push_one(revoke)
    assert (r["status"], r["version"]) == ("applied", 2)
    unrevoke = edit(revoke, 2, revoked=False, revoked_reason=None)
    assert _code(world.supervisor.push_one(unrevoke)) == "certificate"
    assert _code(world.inspector.push_one(edit(cert, 2, revoked=True,
                                               revoked_reason="x"))) == "certificate"


def test_corrected_certificate_replaces_an_old_one(world: World) -> None:
    job = setup_job(world)
    a1 = approved_inspection(world, job)
    a2 = approved_inspection(world, job)
    iss = issuer(world)
    old = certificate(world, iss, a1)
    world.supervisor.push_one(old)
    new = certificate(world, iss, a2, seq=iss.block["data"]["first"] + 1, replaces=old["id"])
    assert world.supervisor.push_one(new)["status"] == "applied"
    bad = certificate(world, iss, a2, seq=iss.block["data"]["first"] + 2, replaces=uid())
    assert _code(world.supervisor.push_one(bad)) == "certificate"
    r = world.client.get("/api/v1/certificates/verification",
                         params={"number": old["data"]["number"]})
    assert r.json()["replaced_by"] == new["data"]["number"]
    r = world.client.get("/api/v1/certificates/verification",
                         params={"number": new["data"]["number"]})
    assert r.json()["replaces"] == old["data"]["number"]


def test_findings_report_without_validity(world: World) -> None:
    """A failed inspection's report has no validity: ``valid_until`` null, payload '-'."""
    job = setup_job(world)
    failing = good_values(failing=True)
    insp = inspection(world.inspector, job.company["id"], job.equipment["id"],
                      status="submitted", values=failing, instrument_ids=[job.instrument["id"]])
    assert insp["data"]["verdict"] == "tidak_memenuhi"
    version = world.inspector.push_one(insp)["version"]
    approved = edit(insp, version, status="approved")
    assert world.supervisor.push_one(approved)["status"] == "applied"
    iss = issuer(world)
    report = certificate(world, iss, approved, valid_until=None,
                         payload_fields={"valid_until": "-"})
    assert '"valid_until":"-"' in report["data"]["payload"]
    assert world.supervisor.push_one(report)["status"] == "applied"
    body = world.client.get("/api/v1/certificates/verification",
                            params={"number": report["data"]["number"]}).json()
    assert (body["verdict"], body["valid_until"], body["expired"]) == (
        "tidak_memenuhi", None, False)
    page = world.client.get("/verify", params={"number": report["data"]["number"]}).text
    assert "Tidak memenuhi persyaratan K3" in page


def test_admin_revokes_a_key_and_it_signs_no_more(world: World) -> None:
    from k3desk.server import admin

    job = setup_job(world)
    approved = approved_inspection(world, job)
    iss = issuer(world)
    with world.sessions() as s:
        record = admin.revoke_key(s, iss.key_id, "laptop hilang")
    assert record.data["revoked"] is True and record.version == 2
    assert _code(world.supervisor.push_one(certificate(world, iss, approved))) == "certificate"
    keys = world.client.get("/api/v1/signing-keys/public").json()["keys"]
    assert [k["revoked"] for k in keys if k["key_id"] == iss.key_id] == [True]
    pulled, _ = world.supervisor.pull_all()
    assert any(c["type"] == "signing_key" and c["data"]["revoked"] for c in pulled)
    with world.sessions() as s, pytest.raises(K3Error):
        admin.revoke_key(s, iss.key_id)
    with world.sessions() as s, pytest.raises(K3Error):
        admin.revoke_key(s, "k-unknown")
