"""``POST /sync/push``: results, idempotency, conflicts and every rejection rule."""

from __future__ import annotations

import copy

from sqlalchemy import select

from k3desk.server.models import ChangeLog
from tests.server.helpers import (
    World,
    change,
    company,
    edit,
    equipment,
    good_values,
    inspection,
    instrument,
    setup_job,
    submitted_inspection,
    uid,
)


def test_new_record_is_applied_with_version_1_and_a_seq(world: World) -> None:
    before = world.counts()
    c = company(world.inspector.balai_id)
    result = world.inspector.push_one(c)
    assert result["status"] == "applied"
    assert result["change_id"] == c["change_id"]
    assert result["version"] == 1
    assert result["seq"] == before[2] + 1
    stored = world.record(c["id"])
    assert stored is not None and stored.data == c["data"] and stored.version == 1
    assert stored.modified_by == world.inspector.id


def test_repeat_of_a_change_id_answers_the_first_outcome(world: World) -> None:
    c = company(world.inspector.balai_id)
    first = world.inspector.push_one(c)
    again = world.inspector.push_one(c)
    assert again == {**first, "status": "duplicate"}
    stored = world.record(c["id"])
    assert stored is not None and stored.version == 1


def test_reused_change_id_with_other_content_is_rejected_and_stores_nothing(
        world: World) -> None:
    c = company(world.inspector.balai_id)
    world.inspector.push_one(c)
    before = world.counts()
    other = copy.deepcopy(c)
    other["data"]["name"] = "PT Lain"
    result = world.inspector.push_one(other)
    assert result["status"] == "rejected"
    assert result["error"]["code"] == "change_id_reused"
    assert world.counts() == before
    stored = world.record(c["id"])
    assert stored is not None and stored.data["name"] == "PT Maju Jaya"


def test_same_change_twice_in_one_push_applies_once(world: World) -> None:
    c = company(world.inspector.balai_id)
    results = world.inspector.push(c, c)
    assert [r["status"] for r in results] == ["applied", "duplicate"]
    assert results[0]["seq"] == results[1]["seq"]


def test_edit_from_current_version_applies_and_stale_base_is_a_conflict(world: World) -> None:
    c = company(world.inspector.balai_id)
    world.inspector.push_one(c)
    v2 = world.inspector.push_one(edit(c, 1, name="PT Maju Jaya Tbk"))
    assert (v2["status"], v2["version"]) == ("applied", 2)
    before = world.counts()
    stale = world.inspector.push_one(edit(c, 1, name="PT Nama Lama"))
    assert stale["status"] == "conflict"
    assert stale["current"]["version"] == 2
    assert stale["current"]["data"]["name"] == "PT Maju Jaya Tbk"
    assert stale["current"]["seq"] == v2["seq"]
    assert world.counts() == before


def test_new_change_over_an_existing_id_is_a_conflict(world: World) -> None:
    c = company(world.inspector.balai_id)
    world.inspector.push_one(c)
    again = change("company", c["data"], id_=c["id"])
    assert world.inspector.push_one(again)["status"] == "conflict"


def test_base_version_for_unknown_id_is_invalid(world: World) -> None:
    c = company(world.inspector.balai_id)
    c["base_version"] = 3
    result = world.inspector.push_one(c)
    assert (result["status"], result["error"]["code"]) == ("rejected", "invalid")
    assert result["error"]["field"] == "base_version"


def test_one_result_per_change_in_order_and_bad_ones_do_not_block(world: World) -> None:
    b = world.inspector.balai_id
    good1 = company(b, "PT Satu")
    bad = company(b)
    del bad["data"]["name"]
    good2 = company(b, "PT Dua")
    results = world.inspector.push(good1, bad, good2)
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert [r["change_id"] for r in results] == [good1["change_id"], bad["change_id"],
                                                  good2["change_id"]]
    assert results[1]["error"] == {"code": "invalid", "message": "data.name is required",
                                   "field": "name"}
    assert results[2]["seq"] == results[0]["seq"] + 1


def test_reference_to_a_record_created_earlier_in_the_same_push(world: World) -> None:
    b = world.inspector.balai_id
    c = company(b)
    e = equipment(b, c["id"])
    assert [r["status"] for r in world.inspector.push(c, e)] == ["applied", "applied"]


def test_shape_rules(world: World) -> None:
    b = world.inspector.balai_id
    cases = []
    not_uuid = company(b)
    not_uuid["id"] = "123"
    cases.append((not_uuid, "id"))
    bad_change_id = company(b)
    bad_change_id["change_id"] = "abc"
    cases.append((bad_change_id, "change_id"))
    wrong_type = company(b)
    wrong_type["data"]["name"] = 42
    cases.append((wrong_type, "name"))
    unknown_type = change("gadget", {"balai_id": b})
    cases.append((unknown_type, "type"))
    bad_object = equipment(b, uid(), object_type="toaster")
    cases.append((bad_object, "object_type"))
    bad_date = instrument(b, valid_until="31-12-2030")
    cases.append((bad_date, "calibration_valid_until"))
    string_version = company(b)
    string_version["base_version"] = "0"
    cases.append((string_version, "base_version"))
    data_not_object = company(b)
    data_not_object["data"] = ["x"]
    cases.append((data_not_object, "data"))
    before = world.counts()
    for c, field in cases:
        result = world.supervisor.push_one(c)
        assert result["status"] == "rejected", (field, result)
        assert result["error"]["code"] == "invalid", (field, result)
        assert field in (result["error"].get("field") or ""), (field, result)
    assert world.counts() == before


def test_changes_that_are_not_objects_are_rejected_alone(world: World) -> None:
    c = company(world.inspector.balai_id)
    r = world.inspector.push_raw([42, "x", None, c])
    assert r.status_code == 200
    statuses = [x["status"] for x in r.json()["results"]]
    assert statuses == ["rejected", "rejected", "rejected", "applied"]


def test_forbidden_rules(world: World) -> None:
    a, b = world.inspector.balai_id, world.inspector_b.balai_id
    before = world.counts()
    # server-written types
    for type_ in ("balai", "user", "template", "number_block", "signing_key"):
        data = {"code": "X", "name": "X", "address": "X", "balai_id": a}
        r = world.supervisor.push_one(change(type_, data))
        assert r["status"] == "rejected"
        assert r["error"]["code"] in ("forbidden", "invalid"), r
    r = world.supervisor.push_one(change("balai", {"code": "X", "name": "X", "address": "Y"}))
    assert r["error"]["code"] == "forbidden"
    # instruments only from supervisors
    r = world.inspector.push_one(instrument(a))
    assert r["error"]["code"] == "forbidden"
    # another Balai's data
    r = world.inspector.push_one(company(b))
    assert r["error"]["code"] == "forbidden"
    assert world.counts() == before


def test_id_of_another_balais_record_is_forbidden_never_a_conflict(world: World) -> None:
    theirs = company(world.inspector_b.balai_id, "PT Rahasia")
    world.inspector_b.push_one(theirs)
    before = world.counts()
    mine = change("company", {**theirs["data"], "balai_id": world.inspector.balai_id},
                  id_=theirs["id"], base_version=0)
    r = world.inspector.push_one(mine)
    assert r["status"] == "rejected" and r["error"]["code"] == "forbidden"
    assert "current" not in r or r["current"] is None
    assert "Rahasia" not in str(r)
    assert world.counts() == before


def test_reference_to_another_balais_record_is_missing(world: World) -> None:
    theirs = company(world.inspector_b.balai_id)
    world.inspector_b.push_one(theirs)
    e = equipment(world.inspector.balai_id, theirs["id"])
    r = world.inspector.push_one(e)
    assert (r["error"]["code"], r["error"]["field"]) == ("missing_reference", "company_id")
    r = world.inspector.push_one(equipment(world.inspector.balai_id, uid()))
    assert r["error"]["code"] == "missing_reference"


def test_inspection_references(world: World) -> None:
    job = setup_job(world)
    insp = inspection(world.inspector, job.company["id"], job.equipment["id"],
                      instrument_ids=[uid()])
    r = world.inspector.push_one(insp)
    assert (r["error"]["code"], r["error"]["field"]) == ("missing_reference", "instrument_ids")
    insp = inspection(world.inspector, job.company["id"], job.equipment["id"])
    insp["data"]["template_id"] = "no_such_template"
    r = world.inspector.push_one(insp)
    assert (r["error"]["code"], r["error"]["field"]) == ("missing_reference", "template_id")
    insp = inspection(world.inspector, job.company["id"], job.equipment["id"])
    insp["data"]["inspector_id"] = world.inspector_b.id
    r = world.inspector.push_one(insp)
    assert (r["error"]["code"], r["error"]["field"]) == ("missing_reference", "inspector_id")


def test_workflow_inspector_cannot_approve(world: World) -> None:
    job = setup_job(world)
    insp, version = submitted_inspection(world, job)
    before = world.counts()
    r = world.inspector.push_one(edit(insp, version, status="approved"))
    assert (r["status"], r["error"]["code"]) == ("rejected", "workflow")
    r = world.inspector.push_one(edit(insp, version, status="submitted", note="edit"))
    assert r["error"]["code"] == "workflow"
    assert world.counts() == before
    stored = world.record(insp["id"])
    assert stored is not None and stored.data["status"] == "submitted"


def test_workflow_supervisor_moves_and_final_states(world: World) -> None:
    job = setup_job(world)
    insp, version = submitted_inspection(world, job)
    # a supervisor cannot create a submitted inspection nor change measured values
    r = world.supervisor.push_one(edit(insp, version, status="approved",
                                       values=good_values(failing=True)))
    assert (r["error"]["code"], r["error"]["field"]) == ("workflow", "values")
    r = world.supervisor.push_one(edit(insp, version, status="revision_requested",
                                       review_note="foto pelat nama kabur"))
    assert r["status"] == "applied"
    version = r["version"]
    r = world.inspector.push_one(edit(insp, version, status="submitted"))
    assert r["status"] == "applied"
    version = r["version"]
    r = world.supervisor.push_one(edit(insp, version, status="rejected"))
    assert r["status"] == "applied"
    version = r["version"]
    for api, status in ((world.supervisor, "approved"), (world.inspector, "draft")):
        r = api.push_one(edit(insp, version, status=status))
        assert r["error"]["code"] == "workflow", r


def test_deleting_a_submitted_inspection_is_workflow(world: World) -> None:
    job = setup_job(world)
    insp, version = submitted_inspection(world, job)
    gone = change("inspection", {"balai_id": world.inspector.balai_id}, id_=insp["id"],
                  base_version=version, deleted=True)
    assert world.inspector.push_one(gone)["error"]["code"] == "workflow"


def test_draft_can_be_deleted_as_a_tombstone(world: World) -> None:
    job = setup_job(world)
    draft = inspection(world.inspector, job.company["id"], job.equipment["id"])
    world.inspector.push_one(draft)
    gone = change("inspection", {"balai_id": world.inspector.balai_id}, id_=draft["id"],
                  base_version=1, deleted=True)
    r = world.inspector.push_one(gone)
    assert (r["status"], r["version"]) == ("applied", 2)
    changes, _ = world.supervisor.pull_all()
    tomb = [c for c in changes if c["id"] == draft["id"]]
    assert tomb and tomb[0]["deleted"] is True


def test_submitted_needs_required_values_and_the_right_verdict(world: World) -> None:
    job = setup_job(world)
    values = good_values()
    values.pop("tekanan_desain")
    insp = inspection(world.inspector, job.company["id"], job.equipment["id"],
                      status="submitted", values=values, verdict="memenuhi")
    r = world.inspector.push_one(insp)
    assert (r["error"]["code"], r["error"]["field"]) == ("invalid", "values")
    assert "tekanan_desain" in r["error"]["message"]
    # a draft may be incomplete
    insp = inspection(world.inspector, job.company["id"], job.equipment["id"], values=values,
                      verdict="incomplete")
    assert world.inspector.push_one(insp)["status"] == "applied"
    # the verdict must be the template's
    failing = good_values(failing=True)
    insp = inspection(world.inspector, job.company["id"], job.equipment["id"],
                      status="submitted", values=failing, verdict="memenuhi")
    r = world.inspector.push_one(insp)
    assert (r["error"]["code"], r["error"]["field"]) == ("invalid", "verdict")
    insp["data"]["verdict"] = "tidak_memenuhi"
    insp["change_id"] = uid()
    assert world.inspector.push_one(insp)["status"] == "applied"


def test_qualification_for_object_type_and_date(world: World) -> None:
    b = world.inspector.balai_id
    comp = company(b)
    boiler = equipment(b, comp["id"], object_type="apar", serial="APAR-1")
    world.inspector.push(comp, boiler)
    insp = inspection(world.inspector, comp["id"], boiler["id"], status="submitted")
    r = world.inspector.push_one(insp)
    assert (r["status"], r["error"]["code"]) == ("rejected", "qualification")
    job = setup_job(world)
    late = inspection(world.inspector, job.company["id"], job.equipment["id"],
                      status="submitted", inspected_on="2031-02-01")
    r = world.inspector.push_one(late)
    assert r["error"]["code"] == "qualification"
    assert "2030-12-31" in r["error"]["message"]


def test_calibration_of_instruments_on_the_inspection_date(world: World) -> None:
    job = setup_job(world)
    old = instrument(world.supervisor.balai_id, valid_until="2026-03-01")
    world.supervisor.push_one(old)
    insp = inspection(world.inspector, job.company["id"], job.equipment["id"],
                      status="submitted", instrument_ids=[job.instrument["id"], old["id"]])
    r = world.inspector.push_one(insp)
    assert (r["error"]["code"], r["error"]["field"]) == ("calibration", "instrument_ids")
    assert "2026-03-01" in r["error"]["message"]


def test_attachment_needs_its_blob(world: World) -> None:
    job = setup_job(world)
    draft = inspection(world.inspector, job.company["id"], job.equipment["id"])
    world.inspector.push_one(draft)
    body = b"\x89PNG fake photo bytes"
    import hashlib

    sha = hashlib.sha256(body).hexdigest()
    att = change("attachment", {"balai_id": world.inspector.balai_id,
                                "inspection_id": draft["id"], "sha256": sha,
                                "filename": "pelat.png", "content_type": "image/png",
                                "size": len(body)})
    r = world.inspector.push_one(att)
    assert r["error"]["code"] == "blob_missing"
    put = world.client.put(f"/api/v1/blobs/{sha}", content=body, headers=world.inspector.headers)
    assert put.status_code == 201
    att["change_id"] = uid()
    assert world.inspector.push_one(att)["status"] == "applied"


def test_change_log_keeps_each_applied_change_once(world: World) -> None:
    c = company(world.inspector.balai_id)
    world.inspector.push(c, c)
    world.inspector.push(c)
    with world.sessions() as s:
        rows = s.scalars(select(ChangeLog).where(ChangeLog.change_id == c["change_id"])).all()
    assert len(rows) == 1 and rows[0].version == 1


def test_a_token_of_another_balai_reads_and_writes_nothing_of_this_one(world: World) -> None:
    job = setup_job(world)
    insp, version = submitted_inspection(world, job)
    before = world.counts()
    other = world.supervisor_b
    # approving Balai A's inspection, as it is or relabelled as Balai B's
    r = other.push_one(edit(insp, version, status="approved"))
    assert (r["status"], r["error"]["code"]) == ("rejected", "forbidden")
    relabelled = edit(insp, version, status="approved", balai_id=other.balai_id)
    assert other.push_one(relabelled)["error"]["code"] == "forbidden"
    # referring to Balai A's company from a Balai B record
    r = other.push_one(equipment(other.balai_id, job.company["id"]))
    assert r["error"]["code"] == "missing_reference"
    assert world.counts() == before
    seen, _ = other.pull_all()
    assert not {c["id"] for c in seen} & {insp["id"], job.company["id"], job.equipment["id"]}


def test_admin_writes_for_an_existing_balai_only(world: World) -> None:
    assert world.admin.user["balai_id"] is None
    ok = company(world.balai_b.id, "PT lewat admin")
    assert world.admin.push_one(ok)["status"] == "applied"
    r = world.admin.push_one(company(uid(), "PT tanpa Balai"))
    assert (r["error"]["code"], r["error"]["field"]) == ("missing_reference", "balai_id")
