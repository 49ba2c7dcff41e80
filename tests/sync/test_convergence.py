"""Two inspectors and a supervisor edit the same records offline, then sync in every
order: all converge, no edit is lost, conflicts appear exactly where the same field
changed on two laptops."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select

from k3desk.services import conflict_service, inspection_service, records_service, review_service
from k3desk.store.models import AuditEvent, Company, Inspection
from tests.sync.helpers import (
    Laptop,
    apar_inspection,
    equipment,
    open_conflicts,
    outbox,
    snapshot,
    sync_all,
)

ORDERS = list(itertools.permutations(["insp1", "insp2", "spv1"]))


def get(lap: Laptop, model: type, record_id: str):  # noqa: ANN201
    with lap.db.session() as s:
        row = s.get(model, record_id)
        assert row is not None
        return row


@pytest.mark.parametrize("order", ORDERS, ids=["-".join(o) for o in ORDERS])
def test_three_laptops_converge_in_every_order(laptops: dict[str, Laptop],
                                               order: tuple[str, ...]) -> None:
    i1, i2, sp = laptops["insp1"], laptops["insp2"], laptops["spv1"]
    tag = "-".join(order)
    merged_id = i1.company(f"PT Gabung {tag}", city="Jakarta")
    clash_id = i1.company(f"PT Bentrok {tag}")
    eq_id = equipment(i1, merged_id, f"APAR-{tag}")
    insp_id = apar_inspection(i1, eq_id)
    sync_all(i1, i2, sp)

    # offline: different fields of one company, the same field of another,
    # different and equal measurements of one inspection
    records_service.save_company(i1.ctx, {"city": "Bekasi"}, merged_id)
    records_service.save_company(i2.ctx, {"phone": "021-555"}, merged_id)
    records_service.save_company(sp.ctx, {"contact_person": "Bu Sri"}, merged_id)
    records_service.save_company(i1.ctx, {"name": f"PT Bentrok Satu {tag}"}, clash_id)
    records_service.save_company(i2.ctx, {"name": f"PT Bentrok Dua {tag}"}, clash_id)
    inspection_service.update_draft(i1.ctx, insp_id, values={"suhu_lingkungan": 30})
    inspection_service.update_draft(i2.ctx, insp_id, values={"catatan": "dari insp2"})

    by_name = {"insp1": i1, "insp2": i2, "spv1": sp}
    for name in order:
        by_name[name].sync()
    for name in order:
        by_name[name].sync()

    # the conflict is on the laptop of the two inspectors that synced second, on "name"
    second = [n for n in order if n in ("insp1", "insp2")][1]
    for name, lap in by_name.items():
        conflicts = open_conflicts(lap)
        if name == second:
            assert [(c.record_id, c.fields) for c in conflicts] == [(clash_id, [["name"]])]
            c = conflicts[0]
            assert {c.mine["name"], c.theirs["name"]} == {f"PT Bentrok Satu {tag}",
                                                          f"PT Bentrok Dua {tag}"}
        else:
            assert conflicts == []
        assert outbox(lap, "quarantined") == []

    # nothing lost before anyone decides: the loser still shows its own name locally
    loser = by_name[second]
    mine = f"PT Bentrok {'Satu' if second == 'insp1' else 'Dua'} {tag}"
    assert get(loser, Company, clash_id).name == mine
    conflict_service.resolve(loser.db, open_conflicts(loser)[0].id, "mine")
    sync_all(i1, i2, sp)

    snaps = [snapshot(lap) for lap in (i1, i2, sp)]
    assert snaps[0] == snaps[1] == snaps[2]
    company = get(sp, Company, merged_id)
    assert (company.city, company.phone, company.contact_person) == ("Bekasi", "021-555",
                                                                     "Bu Sri")
    assert get(sp, Company, clash_id).name == mine
    values = get(sp, Inspection, insp_id).values
    assert values["suhu_lingkungan"] == 30 and values["catatan"] == "dari insp2"
    for lap in (i1, i2, sp):
        assert outbox(lap, "pending") == []


def test_same_measurement_conflicts_and_edit_resolves(laptops: dict[str, Laptop]) -> None:
    i1, i2 = laptops["insp1"], laptops["insp2"]
    cid = i1.company("PT Ukur Sama")
    insp_id = apar_inspection(i1, equipment(i1, cid, "APAR-SAMA"))
    sync_all(i1, i2)
    inspection_service.update_draft(i1.ctx, insp_id, values={"suhu_lingkungan": 31})
    inspection_service.update_draft(i2.ctx, insp_id, values={"suhu_lingkungan": 35,
                                                              "catatan": "i2"})
    i1.sync()
    summary = i2.sync()
    assert summary.conflicts == 1
    [view] = conflict_service.list_conflicts(i2.db)
    assert [(f.path, f.mine, f.theirs) for f in view.fields] == [
        ("values.suhu_lingkungan", 35, 31)]
    # the record waits for a person: nothing of it is pushed meanwhile
    assert i2.sync().pushed == 0
    conflict_service.resolve(i2.db, view.id, "edit", {"values.suhu_lingkungan": 33})
    sync_all(i1, i2)
    for lap in (i1, i2):
        values = get(lap, Inspection, insp_id).values
        assert values["suhu_lingkungan"] == 33 and values["catatan"] == "i2"
    assert snapshot(i1) == snapshot(i2)


def test_take_theirs_keeps_my_other_changes(laptops: dict[str, Laptop]) -> None:
    i1, i2 = laptops["insp1"], laptops["insp2"]
    cid = i1.company("PT Ambil Server", city="A")
    sync_all(i1, i2)
    records_service.save_company(i1.ctx, {"city": "B"}, cid)
    records_service.save_company(i2.ctx, {"city": "C", "phone": "0800"}, cid)
    i1.sync()
    i2.sync()
    [c] = open_conflicts(i2)
    conflict_service.resolve(i2.db, c.id, "theirs")
    sync_all(i1, i2)
    for lap in (i1, i2):
        row = get(lap, Company, cid)
        assert (row.city, row.phone) == ("B", "0800")


def test_workflow_wins_over_a_later_edit(laptops: dict[str, Laptop]) -> None:
    i1, s1, s2 = laptops["insp1"], laptops["spv1"], laptops["spv2"]
    i1.sync()  # the user record (with its licences) arrives by pull after a first login
    cid = i1.company("PT Alur Kerja")
    insp_id = apar_inspection(i1, equipment(i1, cid, "APAR-ALUR"))
    inspection_service.submit(i1.ctx, insp_id)
    assert i1.sync().quarantined == 0
    sync_all(s1, s2, rounds=1)
    assert get(s2, Inspection, insp_id).status == "submitted"

    review_service.reject(s1.ctx, insp_id, reason="tidak memenuhi")
    review_service.request_revision(s2.ctx, insp_id, comment="ukur ulang")
    s1.sync()
    summary = s2.sync()
    assert summary.conflicts == 1 and summary.quarantined == 0
    [view] = conflict_service.list_conflicts(s2.db)
    assert view.workflow and "ditolak" in view.reason
    row = get(s2, Inspection, insp_id)
    assert row.status == "rejected"  # the decision, not my edit
    assert any(f.path == "status" and f.mine == "revision_requested" for f in view.fields)
    with pytest.raises(Exception, match="keputusan"):
        conflict_service.resolve(s2.db, view.id, "mine")
    conflict_service.resolve(s2.db, view.id, "theirs")
    sync_all(i1, s1, s2)
    assert {get(lap, Inspection, insp_id).status for lap in (i1, s1, s2)} == {"rejected"}
    assert snapshot(s1) == snapshot(s2) == snapshot(i1)
    with s2.db.session() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.record_id == insp_id,
                                                    AuditEvent.note == "sinkronisasi")).all()
        assert [(e.from_status, e.to_status) for e in events][-1:] == [
            ("revision_requested", "rejected")]
    with i1.db.session() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.record_id == insp_id,
                                                AuditEvent.action == "sync")).all()
        assert ev and ev[-1].to_status == "rejected" and ev[-1].actor_id == s1.ctx.actor.id


def test_delete_against_edit_is_a_conflict_a_person_settles(laptops: dict[str, Laptop]
                                                              ) -> None:
    i1, i2 = laptops["insp1"], laptops["insp2"]
    cid = i1.company("PT Hapus Atau Ubah", city="A")
    sync_all(i1, i2)
    with i1.db.session() as s:
        s.get(Company, cid).deleted = True
    records_service.save_company(i2.ctx, {"city": "B"}, cid)
    i1.sync()
    assert i2.sync().conflicts == 1
    [view] = conflict_service.list_conflicts(i2.db)
    assert [(f.path, f.mine, f.theirs) for f in view.fields] == [("dihapus", False, True)]
    assert get(i2, Company, cid).deleted is False  # my edit still shows
    conflict_service.resolve(i2.db, view.id, "theirs")
    assert i2.sync().pushed == 0  # taking the server's deletion leaves nothing to send
    sync_all(i1, i2)
    assert get(i1, Company, cid).deleted and get(i2, Company, cid).deleted
    assert snapshot(i1) == snapshot(i2)


def test_findings_are_recomputed_not_conflicted(laptops: dict[str, Laptop]) -> None:
    """Each inspector fails a different measurement: the merged form has both findings
    and the verdict its values give, without a conflict on the derived fields."""
    i1, i2 = laptops["insp1"], laptops["insp2"]
    insp_id = apar_inspection(i1, equipment(i1, i1.company("PT Temuan"), "APAR-TEMUAN"))
    sync_all(i1, i2)
    inspection_service.update_draft(i1.ctx, insp_id, values={"suhu_lingkungan": 60})
    inspection_service.update_draft(i2.ctx, insp_id, values={"jarak_antar_apar_maks": 30})
    f1 = {f.get("id") or str(f) for f in get(i1, Inspection, insp_id).findings}
    f2 = {f.get("id") or str(f) for f in get(i2, Inspection, insp_id).findings}
    assert f1 and f2 and f1 != f2
    i1.sync()
    summary = i2.sync()
    assert summary.conflicts == 0 and summary.merged == 1
    sync_all(i1, i2)
    for lap in (i1, i2):
        row = get(lap, Inspection, insp_id)
        assert row.values["suhu_lingkungan"] == 60 and row.values["jarak_antar_apar_maks"] == 30
        assert row.verdict == "tidak_memenuhi"
        assert {f.get("id") or str(f) for f in row.findings} >= f1 | f2
    assert snapshot(i1) == snapshot(i2)
    # the merged form is what the inspection service itself would compute
    before = get(i2, Inspection, insp_id).to_data()
    inspection_service.update_draft(i2.ctx, insp_id, values={})
    after = get(i2, Inspection, insp_id).to_data()
    assert {k: (before[k], after[k]) for k in after if before[k] != after[k]} == {}
