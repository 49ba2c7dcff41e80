"""The server counts a photo only when it holds the image (a blob or an attachment)."""

from __future__ import annotations

import hashlib

from tests.server.helpers import World, good_values, inspection, setup_job


def test_a_photo_the_server_does_not_hold_does_not_count(world: World) -> None:
    job = setup_job(world)
    values = good_values()
    body = b"\x89PNG\r\n\x1a\nfoto pelat nama"
    sha = hashlib.sha256(body).hexdigest()
    values["foto_pelat_nama"] = [sha]
    insp = inspection(world.inspector, job.company["id"], job.equipment["id"],
                      status="submitted", values=values, verdict="memenuhi",
                      instrument_ids=[job.instrument["id"]])
    r = world.inspector.push_one(insp)
    assert (r["status"], r["error"]["field"]) == ("rejected", "values"), r
    assert "foto_pelat_nama" in r["error"]["message"]
    put = world.client.put(f"/api/v1/blobs/{sha}", content=body,
                           headers=world.inspector.headers)
    assert put.status_code in (200, 201), put.text
    again = inspection(world.inspector, job.company["id"], job.equipment["id"],
                       status="submitted", values=values, verdict="memenuhi",
                       instrument_ids=[job.instrument["id"]])
    assert world.inspector.push_one(again)["status"] == "applied"
