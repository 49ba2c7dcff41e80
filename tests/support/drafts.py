"""Inspections a test needs, made through the services on a (demo) data folder.

Tests create what they use instead of looking for "a draft of template X" among the
demo's records: the demo's mix of object types and statuses is free to change."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from k3desk.domain.evaluation import example_values
from k3desk.domain.templates import default_registry
from k3desk.services import auth_service, inspection_service, review_service
from k3desk.services.context import AppContext
from k3desk.store.db import Database
from k3desk.store.models import Equipment, Instrument
from tests.support.photos import attach_example_photos

DEMO_PASSWORDS = {"penyelia": "demo-penyelia", "inspektur": "demo-inspektur",
                  "inspektur2": "demo-inspektur"}


def demo_context(db: Database, username: str = "inspektur") -> AppContext:
    """A demo user's service context (logged in offline with the demo password)."""
    return AppContext(db=db, actor=auth_service.login_offline(db, username,
                                                              DEMO_PASSWORDS[username]))


def equipment_of(db: Database, object_type: str) -> str:
    with db.session() as s:
        found = s.scalars(select(Equipment.id).where(
            Equipment.object_type == object_type, Equipment.deleted.is_(False))
            .order_by(Equipment.serial_number)).first()
    assert found is not None, f"no {object_type} in this folder"
    return found


def new_draft(ctx: AppContext, object_type: str, values: dict[str, Any] | None = None,
              **kw: Any) -> str:
    """A new draft of ``ctx``'s user for the first item of ``object_type``."""
    return inspection_service.create_draft(
        ctx, equipment_id=equipment_of(ctx.db, object_type), values=values,
        inspected_on=kw.pop("inspected_on", dt.date.today()), **kw).ids[0]


def filled_draft(ctx: AppContext, object_type: str) -> str:
    """A draft ready to submit: the template's example values, its photos, two
    instruments."""
    template = default_registry().latest_for_object_type(object_type)
    with ctx.db.session() as s:
        instruments = list(s.scalars(select(Instrument.id).order_by(Instrument.name)))[:2]
    iid = new_draft(ctx, object_type, example_values(template), instrument_ids=instruments)
    attach_example_photos(ctx, iid)
    return iid


def sent_back(inspector: AppContext, supervisor: AppContext, object_type: str,
              comment: str = "Foto kurang jelas") -> str:
    """An inspection submitted by ``inspector`` and sent back for revision."""
    iid = filled_draft(inspector, object_type)
    inspection_service.submit(inspector, iid)
    review_service.request_revision(supervisor, iid, comment=comment)
    return iid
