"""The views of the supervisor's desk: the review queue and detail, and the certificate
list with its four statuses (valid, revoked, expired, replaced)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from k3desk.services import auth_service, inspection_service, review_desk_service, review_service
from k3desk.services import certificate_list_service as certs
from k3desk.services.context import AppContext
from k3desk.store.db import open_database
from k3desk.store.models import Inspection, User


def _ctx(db: object, username: str) -> AppContext:
    """Logged in as a demo user (a login unlocks the supervisor's signing key)."""
    from k3desk.services import auth_service

    password = "demo-penyelia" if username == "penyelia" else "demo-inspektur"
    actor = auth_service.login_offline(db, username, password)  # type: ignore[arg-type]
    return AppContext(db=db, actor=actor)  # type: ignore[arg-type]


def test_queue_and_detail(demo_dir: Path) -> None:
    db = open_database(demo_dir)
    try:
        ctx = AppContext(db=db, actor=auth_service.login_offline(db, "penyelia",
                                                                 "demo-penyelia"))
        rows = review_desk_service.queue(ctx)
        assert len(rows) == 12
        assert [r.submitted_at for r in rows] == sorted(r.submitted_at for r in rows)
        detail = review_desk_service.detail(ctx, rows[0].id)
        assert detail.problems == [] and detail.status == "submitted"
        assert detail.sections and detail.results and detail.regulation
        assert all(i.valid_on_inspection for i in detail.instruments)
        assert detail.licences and detail.licences[0].covers
        assert review_desk_service.approval_check(ctx, rows[0].id) == []
        with db.session() as s:  # the view wrote nothing
            inspection = s.get(Inspection, rows[0].id)
            assert inspection is not None and inspection.status == "submitted"
        assert review_desk_service.numbers_left(ctx) == 200 - 18
    finally:
        db.dispose()


def test_certificate_statuses_through_a_correction(demo_dir: Path) -> None:
    db = open_database(demo_dir)
    try:
        supervisor = _ctx(db, "penyelia")
        rows = certs.certificate_rows(supervisor)
        assert len(rows) == 18 and {r.status for r in rows} == {certs.VALID}
        dated = [r for r in rows if r.valid_until]
        later = date.fromisoformat(max(r.valid_until for r in dated)) + timedelta(days=1)
        assert {r.status for r in certs.certificate_rows(supervisor, today=later)} \
            == {certs.EXPIRED, certs.VALID}  # findings reports (no validity) never expire
        assert len(certs.certificate_rows(supervisor, status=certs.EXPIRED, today=later)) \
            == len(dated)
        old = dated[0]
        assert [r.id for r in certs.certificate_rows(supervisor, text=old.serial_number)] \
            == [old.id]
        review_service.revoke(supervisor, old.number, reason="salah ketik")
        assert certs.certificate_rows(supervisor, text=old.number)[0].status == certs.REVOKED
        with db.session() as s:
            inspection = s.get(Inspection, old.inspection_id)
            assert inspection is not None
            owner = s.get(User, inspection.inspector_id)
            assert owner is not None
            username = owner.username
        inspector = _ctx(db, username)
        draft_id = review_service.start_correction(inspector, old.number).ids[0]
        info = certs.certificate_info(supervisor, old.id)
        assert info.correction_id == draft_id and info.revoked_reason == "salah ketik"
        inspection_service.submit(inspector, draft_id)
        issued = review_service.approve(supervisor, draft_id)
        assert certs.certificate_rows(supervisor, text=old.number)[0].status == certs.REPLACED
        new = certs.certificate_info(supervisor, issued.certificate_id)
        assert new.replaces_number == old.number and new.row.status == certs.VALID
        assert certs.certificate_info(supervisor, old.id).replaced_by_number == issued.number
        assert "/V/" in new.verify_url and len(certs.qr_modules(new.verify_url)) > 21
    finally:
        db.dispose()
