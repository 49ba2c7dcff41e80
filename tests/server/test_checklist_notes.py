"""Checklist notes live inside ``values`` (``values["_notes"][field]`` and, in a group's
row, ``item["_notes"][sub]``; the desktop editor writes them): the server accepts and
keeps them, the verdict ignores them, and two laptops' notes merge key by key."""

from __future__ import annotations

from typing import Any

from k3desk.domain.templates import default_registry
from k3desk.sync.merge import merge3
from tests.server.helpers import (
    TEMPLATE,
    World,
    good_values,
    inspection,
    setup_job,
    verdict_of,
)


def _with_notes() -> dict[str, Any]:
    template = default_registry().get(*TEMPLATE)
    values = good_values()
    checklist = next(f.id for f in template.fields.values() if f.field_type == "checklist")
    values["_notes"] = {checklist: "retak rambut di las sambungan"}
    for f in template.fields.values():
        subs = [s.id for s in f.fields if s.field_type == "checklist"]
        if f.field_type == "group" and subs and values.get(f.id):
            values[f.id][0]["_notes"] = {subs[0]: "perlu dipantau"}
    return values


def test_notes_are_accepted_kept_and_do_not_change_the_verdict(world: World) -> None:
    job = setup_job(world)
    values = _with_notes()
    assert verdict_of(values) == verdict_of(good_values())
    insp = inspection(world.inspector, job.company["id"], job.equipment["id"],
                      status="submitted", values=values, instrument_ids=[job.instrument["id"]])
    result = world.inspector.push_one(insp)
    assert result["status"] == "applied", result
    stored = world.record(insp["id"])
    assert stored is not None and stored.data["values"]["_notes"] == values["_notes"]


def test_notes_from_two_laptops_merge_by_field() -> None:
    base = {"values": {"rem": "buruk"}}
    mine = {"values": {"rem": "buruk", "_notes": {"rem": "kampas tipis"}}}
    theirs = {"values": {"rem": "buruk", "_notes": {"kait": "pengunci longgar"}}}
    result = merge3(base, mine, theirs)
    assert result.clean
    assert result.merged["values"]["_notes"] == {"rem": "kampas tipis",
                                                 "kait": "pengunci longgar"}
