"""The inspection story through the services: draft, submit, review, certificate."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from k3desk.domain import signing
from k3desk.domain.certificates import parse_payload
from k3desk.domain.errors import (
    ConstraintError,
    PermissionDenied,
    SubmissionRefused,
    ValidationError,
    ValuesRejected,
)
from k3desk.domain.evaluation import example_values
from k3desk.domain.templates import default_registry
from k3desk.services import (
    auth_service,
    inspection_service,
    keys_service,
    review_service,
    settings_service,
)
from k3desk.services.context import AppContext
from k3desk.store import audit
from k3desk.store.db import open_database
from k3desk.store.models import (
    Attachment,
    Certificate,
    Equipment,
    Inspection,
    Instrument,
    OutboxEntry,
    SigningKey,
    User,
)
from tests.support.cli import run_cli
from tests.support.photos import attach_example_photos, example_values_with


def _ctx(demo_dir: Path, username: str) -> AppContext:
    db = open_database(demo_dir)
    password = "demo-penyelia" if username == "penyelia" else "demo-inspektur"
    actor = auth_service.login_offline(db, username, password)
    return AppContext(db=db, actor=actor)


def _equipment(ctx: AppContext, object_type: str) -> str:
    with ctx.db.session() as s:
        return s.scalars(select(Equipment.id).where(Equipment.object_type == object_type)
                         .order_by(Equipment.serial_number)).first()  # type: ignore[return-value]


def _instruments(ctx: AppContext) -> list[str]:
    with ctx.db.session() as s:
        return list(s.scalars(select(Instrument.id).order_by(Instrument.name)))[:2]


def _filled(inspector: AppContext, object_type: str = "forklift", failing: bool = False
            ) -> str:
    template = default_registry().latest_for_object_type(object_type)
    change = inspection_service.create_draft(
        inspector, equipment_id=_equipment(inspector, object_type),
        values=example_values(template, failing=failing), instrument_ids=_instruments(inspector))
    attach_example_photos(inspector, change.ids[0])
    return change.ids[0]


def test_draft_is_evaluated_on_every_save(demo_dir: Path) -> None:
    inspector = _ctx(demo_dir, "inspektur")
    equipment_id = _equipment(inspector, "lingkungan_kerja")
    change = inspection_service.create_draft(inspector, equipment_id=equipment_id)
    inspection = inspection_service.get(inspector, change.ids[0])
    assert inspection.status == "draft" and inspection.verdict == "incomplete"
    template = default_registry().get(inspection.template_id, inspection.template_version)
    photos = attach_example_photos(inspector, inspection.id)
    inspection_service.update_draft(inspector, inspection.id,
                                    values=example_values_with(template, photos, failing=True))
    assert inspection_service.get(inspector, inspection.id).verdict == "tidak_memenuhi"
    inspection_service.update_draft(inspector, inspection.id,
                                    values=example_values(template), merge=False)
    inspection_service.update_draft(inspector, inspection.id,
                                    values=example_values_with(template, photos), merge=False)
    saved = inspection_service.get(inspector, inspection.id)
    assert saved.verdict == "memenuhi" and saved.findings == []
    assert saved.next_test_due is not None and saved.next_test_due > saved.inspected_on


def test_wrong_value_is_refused_and_nothing_changes(demo_dir: Path) -> None:
    inspector = _ctx(demo_dir, "inspektur")
    inspection_id = _filled(inspector)
    before = inspection_service.get(inspector, inspection_id).values
    template = default_registry().latest_for_object_type("forklift")
    number_field = next(f.id for f in template.fields.values() if f.field_type == "number")
    with pytest.raises(ValuesRejected) as err:
        inspection_service.update_draft(inspector, inspection_id,
                                        values={number_field: "banyak sekali"})
    [problem] = err.value.problems
    assert (problem.path, problem.code) == (number_field, "not_a_number")
    assert template.fields[number_field].title.id in str(err.value)
    assert inspection_service.get(inspector, inspection_id).values == before


def test_a_decimal_comma_is_saved_as_a_number(demo_dir: Path) -> None:
    inspector = _ctx(demo_dir, "inspektur")
    inspection_id = _filled(inspector)
    template = default_registry().latest_for_object_type("forklift")
    spec = next(f for f in template.fields.values()
                if f.field_type == "number" and (f.max or 0) >= 13 and (f.min or 0) <= 12)
    inspection_service.update_draft(inspector, inspection_id, values={spec.id: "12,5"})
    assert inspection_service.get(inspector, inspection_id).values[spec.id] == 12.5


def test_submit_lists_every_missing_value(demo_dir: Path) -> None:
    inspector = _ctx(demo_dir, "inspektur")
    change = inspection_service.create_draft(inspector,
                                             equipment_id=_equipment(inspector, "forklift"))
    with pytest.raises(SubmissionRefused) as err:
        inspection_service.submit(inspector, change.ids[0])
    template = default_registry().latest_for_object_type("forklift")
    required = [p for p in err.value.problems if p.code == "required"]
    assert {p.path for p in required} >= {"kapasitas_swl", "foto"}
    text = str(err.value)
    assert "kapasitas_swl" not in text  # labels, not internal ids
    assert f"{template.fields['kapasitas_swl'].title.id}: wajib diisi" in text
    section = next(s.title.id for s in template.sections
                   if any(f.id == "kapasitas_swl" for f in s.fields))
    assert f"\n  {section}\n    - " in text
    assert inspection_service.get(inspector, change.ids[0]).status == "draft"


def test_full_story_issues_a_signed_certificate(demo_dir: Path) -> None:
    inspector = _ctx(demo_dir, "inspektur")
    inspection_id = _filled(inspector)
    inspection_service.submit(inspector, inspection_id)
    supervisor = _ctx(demo_dir, "penyelia")
    issued = review_service.approve(supervisor, inspection_id)
    with supervisor.db.session() as s:
        cert = s.get(Certificate, issued.certificate_id)
        inspection = s.get(Inspection, inspection_id)
        key = s.scalars(select(SigningKey).where(SigningKey.key_id == cert.key_id)).one()
        assert inspection.status == "approved"
        payload = parse_payload(cert.payload)
        assert payload["number"] == cert.number == issued.number
        assert payload["inspection_id"] == inspection_id
        assert payload["verdict"] == "memenuhi"
        assert payload["valid_until"] == inspection.next_test_due.isoformat()
        assert signing.verify(key.public_key, cert.payload, cert.signature)
        assert not signing.verify(key.public_key, cert.payload.replace("memenuhi", "x"),
                                  cert.signature)
        actions = [e.action for e in s.scalars(select(audit.AuditEvent)
                                               .where(audit.AuditEvent.record_id.in_(
                                                   [inspection_id, cert.id]))
                                               .order_by(audit.AuditEvent.id))]
        assert actions == ["create", "submit", "approve", "issue"]
        assert audit.verify(s).ok
        pushed = {e.record_type for e in s.scalars(select(OutboxEntry))}
        assert {"inspection", "certificate"} <= pushed


def test_numbers_are_consecutive_and_never_reused(demo_dir: Path) -> None:
    inspector = _ctx(demo_dir, "inspektur")
    supervisor = _ctx(demo_dir, "penyelia")
    numbers = []
    for _ in range(3):
        inspection_id = _filled(inspector)
        inspection_service.submit(inspector, inspection_id)
        numbers.append(review_service.approve(supervisor, inspection_id))
    seqs = [int(i.number.split("/")[0]) for i in numbers]
    assert seqs == list(range(seqs[0], seqs[0] + 3))
    assert numbers[0].numbers_left - numbers[2].numbers_left == 2
    # the next allocation continues after the last, and the database itself refuses a
    # second certificate on a used (block, seq)
    device_id = settings_service.device_id(supervisor.db)
    with supervisor.db.session() as s:
        used = s.get(Certificate, numbers[0].certificate_id)
        assert used is not None
        allocation = keys_service.allocate_number(s, device_id, used.balai_id,
                                                  used.issued_on.year)
        assert allocation.seq == seqs[-1] + 1
        block_id, seq = used.block_id, used.seq_in_block
    with pytest.raises(ConstraintError), supervisor.db.session() as s:
        twin = Certificate(**{k: v for k, v in used.__dict__.items()
                              if not k.startswith("_") and k not in ("id", "number")},
                           number="DUPLIKAT")
        assert (twin.block_id, twin.seq_in_block) == (block_id, seq)
        s.add(twin)


def test_approval_refused_when_licence_expired(demo_dir: Path) -> None:
    inspector = _ctx(demo_dir, "inspektur")
    inspection_id = _filled(inspector)
    inspection_service.submit(inspector, inspection_id)
    with inspector.db.session(remote=True) as s:
        user = s.scalars(select(User).where(User.username == "inspektur")).one()
        user.qualifications = [dict(q, valid_until=(date.today() - timedelta(days=400))
                                    .isoformat()) for q in user.qualifications]
    supervisor = _ctx(demo_dir, "penyelia")
    with pytest.raises(ValidationError, match="kualifikasi"):
        review_service.approve(supervisor, inspection_id)
    assert inspection_service.get(supervisor, inspection_id).status == "submitted"
    with supervisor.db.session() as s:
        assert s.scalars(select(Certificate).where(
            Certificate.inspection_id == inspection_id)).first() is None


def test_approval_refused_when_calibration_expired(demo_dir: Path) -> None:
    inspector = _ctx(demo_dir, "inspektur")
    inspection_id = _filled(inspector)
    inspection_service.submit(inspector, inspection_id)
    with inspector.db.session() as s:
        for iid in inspection_service.get(inspector, inspection_id).instrument_ids:
            s.get(Instrument, iid).calibration_valid_until = date.today() - timedelta(days=365)
    with pytest.raises(ValidationError, match="kalibrasi"):
        review_service.approve(_ctx(demo_dir, "penyelia"), inspection_id)


def test_roles_and_statuses_are_enforced(demo_dir: Path) -> None:
    inspector = _ctx(demo_dir, "inspektur")
    inspection_id = _filled(inspector)
    with pytest.raises(PermissionDenied):
        review_service.approve(_ctx(demo_dir, "penyelia"), inspection_id)  # still a draft
    inspection_service.submit(inspector, inspection_id)
    with pytest.raises(PermissionDenied):
        review_service.approve(inspector, inspection_id)  # an inspector approving
    with pytest.raises(PermissionDenied):
        inspection_service.update_draft(inspector, inspection_id, values={})  # submitted
    supervisor = _ctx(demo_dir, "penyelia")
    review_service.request_revision(supervisor, inspection_id, comment="Foto kurang jelas")
    inspection_service.update_draft(inspector, inspection_id, notes="foto diganti")
    inspection_service.submit(inspector, inspection_id)
    review_service.reject(supervisor, inspection_id, reason="Objek tidak dapat diuji")
    with pytest.raises(PermissionDenied, match="tidak dapat diubah"):
        inspection_service.update_draft(inspector, inspection_id, notes="lagi")


def test_revocation_and_correction(demo_dir: Path) -> None:
    inspector = _ctx(demo_dir, "inspektur")
    supervisor = _ctx(demo_dir, "penyelia")
    inspection_id = _filled(inspector)
    inspection_service.submit(inspector, inspection_id)
    first = review_service.approve(supervisor, inspection_id)
    with pytest.raises(ValidationError, match="cabut dulu"):
        review_service.start_correction(inspector, first.number)
    review_service.revoke(supervisor, first.number, reason="Nomor seri salah ketik")
    with pytest.raises(ValidationError, match="sudah dicabut"):
        review_service.revoke(supervisor, first.number, reason="lagi")
    corrected = review_service.start_correction(inspector, first.number).ids[0]
    inspection_service.submit(inspector, corrected)
    second = review_service.approve(supervisor, corrected)
    with supervisor.db.session() as s:
        new = s.get(Certificate, second.certificate_id)
        assert new.replaces == first.certificate_id
        assert parse_payload(new.payload)["replaces"] == first.number
        old = s.get(Certificate, first.certificate_id)
        assert old.revoked and old.revoked_reason == "Nomor seri salah ketik"


def test_a_correction_draft_always_names_the_certificate_it_replaces(
        demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A power cut between any two steps of start_correction never leaves a correction
    draft that does not name the revoked certificate (it is one transaction)."""
    from contextlib import contextmanager

    inspector = _ctx(demo_dir, "inspektur")
    supervisor = _ctx(demo_dir, "penyelia")
    inspection_id = _filled(inspector)
    inspection_service.submit(inspector, inspection_id)
    first = review_service.approve(supervisor, inspection_id)
    review_service.revoke(supervisor, first.number, reason="Salah ketik")
    real_session = inspector.db.session
    equipment_id = _equipment(inspector, "forklift")

    def drafts() -> list[Inspection]:
        with inspector.db.session() as s:
            return list(s.scalars(select(Inspection).where(
                Inspection.id != inspection_id, Inspection.status == "draft",
                Inspection.equipment_id == equipment_id)))

    before = {d.id for d in drafts()}
    for cut in (2, 3, 4):  # the power goes off when the n-th transaction would start
        opened = 0

        @contextmanager
        def session(*args: Any, _cut: int = cut, **kw: Any) -> Iterator[Any]:
            nonlocal opened
            opened += 1
            if opened >= _cut:
                raise KeyboardInterrupt("power cut")
            with real_session(*args, **kw) as s:
                yield s

        monkeypatch.setattr(inspector.db, "session", session)
        try:
            review_service.start_correction(inspector, first.number)
        except KeyboardInterrupt:
            pass
        monkeypatch.setattr(inspector.db, "session", real_session)
    new = [d for d in drafts() if d.id not in before]
    assert len(new) == 3  # each attempt made its draft whole, in its one transaction
    assert all((d.extra or {}).get("replaces_certificate_id") == first.certificate_id
               for d in new)


@pytest.mark.slow  # some twenty k3desk processes, one after another
def test_whole_story_from_the_command_line(demo_dir: Path, tmp_path: Path) -> None:
    """Offline: log in, create, fill, submit, approve, render, verify, revoke."""
    def cli(*args: str, stdin: str | None = None) -> str:
        proc = run_cli(*args, data_dir=demo_dir, stdin=stdin)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.strip()

    equipment = json.loads(cli("list", "equipment", "--json", "--object-type", "apar"))[0]
    template = default_registry().latest_for_object_type("apar")
    values = tmp_path / "values.json"
    values.write_text(json.dumps(example_values(template)), encoding="utf-8")
    cli("login", "--username", "penyelia", "--password-stdin", stdin="demo-penyelia\n")
    refused = run_cli("inspection", "create", "--equipment", equipment["id"],
                      data_dir=demo_dir)
    assert refused.returncode == 2 and "inspector" in refused.stderr
    cli("login", "--username", "inspektur", "--password-stdin", stdin="demo-inspektur\n")
    inspection_id = cli("inspection", "create", "--equipment", equipment["id"])
    missing = run_cli("inspection", "submit", inspection_id, data_dir=demo_dir)
    assert missing.returncode == 2 and "Unit APAR: wajib diisi" in missing.stderr
    assert "unit_apar" not in missing.stderr
    with open_database(demo_dir).session() as s:
        instruments = ",".join(list(s.scalars(select(Instrument.id)))[:2])
    cli("inspection", "set", inspection_id, "--values", str(values), "--instruments",
        instruments)
    cli("inspection", "submit", inspection_id)
    cli("login", "--username", "penyelia", "--password-stdin", stdin="demo-penyelia\n")
    # a new process: the signing key is unlocked with the supervisor's password
    number = cli("review", "approve", inspection_id, "--password-stdin",
                 stdin="demo-penyelia\n").splitlines()[0]
    assert number.startswith("0") and "/PK/BK3JKT/" in number
    pdf = tmp_path / "cert.pdf"
    cli("render", "certificate", inspection_id, "-o", str(pdf))
    assert "VALID" in cli("verify", str(pdf))
    cli("certificate", "revoke", number, "--reason", "Salah data")
    revoked = run_cli("verify", str(pdf), data_dir=demo_dir)
    assert revoked.returncode == 1 and "REVOKED" in revoked.stdout
    again = run_cli("review", "approve", inspection_id, "--password-stdin", data_dir=demo_dir,
                    stdin="demo-penyelia\n")
    assert again.returncode == 2 and "Traceback" not in again.stderr


def test_submit_refused_when_the_server_would_refuse_the_size(demo_dir: Path) -> None:
    """The limits last seen at /api/v1/info are checked before the form is finalised."""
    from k3desk.services import sync_service

    inspector = _ctx(demo_dir, "inspektur")
    inspection_id = _filled(inspector)
    with inspector.db.session() as s:
        settings_service.put(s, sync_service.INFO_KEY, {"max_push_bytes": 4500})
    with pytest.raises(ValidationError, match="terlalu besar"):
        inspection_service.submit(inspector, inspection_id)
    assert inspection_service.get(inspector, inspection_id).status == "draft"
    with inspector.db.session() as s:
        settings_service.put(s, sync_service.INFO_KEY, {"max_push_bytes": 8 * 1024 * 1024})
    inspection_service.submit(inspector, inspection_id)


def test_a_photo_counts_only_when_its_image_is_stored(demo_dir: Path) -> None:
    from k3desk.reports.sample import sample_photo

    inspector = _ctx(demo_dir, "inspektur")
    template = default_registry().latest_for_object_type("forklift")
    values = example_values(template)  # its photo id names an image stored nowhere
    iid = inspection_service.create_draft(inspector, equipment_id=_equipment(inspector,
                                                                             "forklift"),
                                          values=values,
                                          instrument_ids=_instruments(inspector)).ids[0]
    assert inspection_service.get(inspector, iid).verdict == "incomplete"
    with pytest.raises(ValidationError, match="Foto: wajib diisi"):
        inspection_service.submit(inspector, iid)
    with pytest.raises(ValidationError, match="bukan gambar"):
        inspection_service.attach_photo(inspector, iid, "foto", b"not an image", "x.txt")
    with pytest.raises(ValidationError, match="bukan isian foto"):
        inspection_service.attach_photo(inspector, iid, "garpu", sample_photo(1, 64, 48), "a.jpg")
    photo_id = inspection_service.attach_photo(inspector, iid, "foto", sample_photo(1, 64, 48),
                                               "foto.jpg", caption="Pelat kapasitas")
    saved = inspection_service.get(inspector, iid)
    assert saved.verdict == "memenuhi" and photo_id in saved.values["foto"]
    with inspector.db.session() as s:
        sha = s.get(Attachment, photo_id).sha256
    assert (inspector.db.blob_dir / sha[:2] / sha).exists()
    inspection_service.submit(inspector, iid)
    assert inspection_service.get(inspector, iid).status == "submitted"
