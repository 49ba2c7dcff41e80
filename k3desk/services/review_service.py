"""The supervisor's decisions: approve (number, sign, issue), ask for revision, reject,
and revoke an issued certificate.

Approval is guarded as the server guards it (SYNC_PROTOCOL.md section 4): the inspector's
licence for the object type and every instrument's calibration must have been valid on
the inspection date, and the verdict must be the one the pinned template gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from k3desk.domain import signing
from k3desk.domain.canonical import data_sha256
from k3desk.domain.certificates import make_payload
from k3desk.domain.errors import NotFoundError, PermissionDenied, ValidationError
from k3desk.domain.i18n import language, translate
from k3desk.domain.numbering import DEFAULT_NUMBER_FORMAT, format_number
from k3desk.domain.object_types import get_object_type
from k3desk.domain.qualification import qualification_error
from k3desk.domain.vocabulary import Verdict
from k3desk.domain.workflow import Role, Status, transition_error
from k3desk.services import keys_service, settings_service
from k3desk.services.context import AppContext, Changes
from k3desk.services.inspection_service import (
    apply_create_draft,
    evaluate_inspection,
    instrument_problems,
    own_inspection,
)
from k3desk.store import audit
from k3desk.store.base import now_text
from k3desk.store.models import (
    Balai,
    Certificate,
    Company,
    Equipment,
    Inspection,
    User,
)


@dataclass(frozen=True)
class Issued:
    """What approval made: the certificate and how many numbers this laptop has left."""

    changes: Changes
    certificate_id: str
    number: str
    verdict: str
    numbers_left: int

    @property
    def block_low(self) -> bool:
        return self.numbers_left < keys_service.LOW_BLOCK_WARNING


def _decide(ctx: AppContext, s: Session, inspection_id: str, new: Status) -> Inspection:
    ctx.actor.require_role(Role.SUPERVISOR, action="menelaah pemeriksaan")
    inspection = own_inspection(ctx, s, inspection_id)
    error = transition_error(inspection.status, new.value, ctx.actor.role)
    if error:
        raise PermissionDenied(error)
    if inspection.inspector_id == ctx.actor.id:
        raise PermissionDenied(translate("review", "penyelia tidak dapat menelaah pemeriksaan "
                                         "yang tercatat atas namanya sendiri; minta penyelia "
                                         "lain"))
    return inspection


def _verdict(value: str | None) -> str:
    known = Verdict.of(value)
    return known.short(language()) if known else "-"


def approval_problems(s: Session, inspection: Inspection) -> list[str]:
    """Why this inspection may not be approved (empty when it may)."""
    problems = []
    inspector = s.get(User, inspection.inspector_id)
    equipment = s.get(Equipment, inspection.equipment_id)
    if inspector is None or equipment is None:
        return [translate("review", "data pemeriksa atau peralatan belum ada di laptop ini; "
                          "jalankan sinkronisasi")]
    q_error = qualification_error(list(inspector.qualifications or []), equipment.object_type,
                                  inspection.inspected_on)
    if q_error:
        problems.append(translate("review", "kualifikasi pemeriksa {name}: {error}").format(
            name=inspector.full_name, error=q_error))
    problems += [p.message for p in instrument_problems(s, inspection)]
    stored = inspection.verdict
    result = evaluate_inspection(inspection)
    problems += [p.message for p in result.problems if p.code == "required"]
    if stored != result.verdict:
        problems.append(translate("review", "kesimpulan tersimpan ({stored}) berbeda dari "
                                  "hasil templat ({computed}); buka dan simpan lagi "
                                  "pemeriksaannya").format(stored=_verdict(stored),
                                                           computed=_verdict(result.verdict)))
    return problems


def approve(ctx: AppContext, inspection_id: str, *, issued_on: date | None = None) -> Issued:
    """Approve, number, sign and record the certificate, all in one transaction."""
    issued_on = issued_on or date.today()
    device_id = settings_service.device_id(ctx.db)
    keypair = keys_service.unlocked_keypair(ctx.db)  # refused unless unlocked at login
    with ctx.db.session() as s:
        inspection = _decide(ctx, s, inspection_id, Status.APPROVED)
        problems = approval_problems(s, inspection)
        if problems:
            raise ValidationError(translate("review", "persetujuan ditolak:\n{reasons}").format(
                reasons="\n".join(f"  - {p}" for p in problems)))
        key = keys_service.active_key(s, ctx.actor.id, keypair.public_b64)
        balai = s.get(Balai, inspection.balai_id)
        equipment = s.get(Equipment, inspection.equipment_id)
        company = s.get(Company, inspection.company_id)
        if balai is None or equipment is None or company is None:
            raise NotFoundError(translate("review", "data Balai, perusahaan atau peralatan "
                                          "belum lengkap di laptop ini; jalankan sinkronisasi"))
        allocation = keys_service.allocate_number(s, device_id, balai.id, issued_on.year)
        number = format_number(balai.number_format or DEFAULT_NUMBER_FORMAT, allocation.seq,
                               get_object_type(equipment.object_type).number_code,
                               balai.code, issued_on)
        old = inspection.status
        inspection.status = Status.APPROVED
        inspection.reviewed_by = ctx.actor.id
        inspection.reviewed_at = now_text()
        inspection.modified_by = ctx.actor.id
        verdict = inspection.verdict or ""
        valid_until = inspection.next_test_due if verdict == Verdict.MEMENUHI else None
        replaces = (inspection.extra or {}).get("replaces_certificate_id")
        fields: dict[str, Any] = {
            "number": number, "inspection_id": inspection.id, "company": company.name,
            "company_address": company.address, "approver": ctx.actor.full_name,
            "equipment_serial": equipment.serial_number, "object_type": equipment.object_type,
            "balai": balai.code, "verdict": verdict, "issued_on": issued_on.isoformat(),
            "valid_until": valid_until.isoformat() if valid_until else "-",
            "data_sha256": data_sha256(inspection.to_data())}
        if replaces:
            replaced = s.get(Certificate, replaces)
            fields["replaces"] = replaced.number if replaced else replaces
        payload = make_payload(fields)
        certificate = Certificate(
            balai_id=inspection.balai_id, inspection_id=inspection.id,
            block_id=allocation.block.id, seq_in_block=allocation.seq, number=number,
            issued_on=issued_on, valid_until=valid_until, approver_id=ctx.actor.id,
            key_id=key.key_id, payload=payload,
            signature=signing.sign(keypair.private_raw, payload), replaces=replaces,
            modified_by=ctx.actor.id)
        s.add(certificate)
        s.flush()
        audit.append(s, actor_id=ctx.actor.id, record_type="inspection", record_id=inspection.id,
                     action="approve", from_status=old, to_status=Status.APPROVED.value)
        audit.append(s, actor_id=ctx.actor.id, record_type="certificate",
                     record_id=certificate.id, action="issue", note=number)
        return Issued(Changes("inspection", (inspection.id,), Status.APPROVED.value),
                      certificate.id, number, verdict, allocation.remaining)


def request_revision(ctx: AppContext, inspection_id: str, *, comment: str) -> Changes:
    if not comment or not comment.strip():
        raise ValidationError(translate("review", "tuliskan apa yang perlu "
                                        "direvisi"), field="comment")
    return _simple_decision(ctx, inspection_id, Status.REVISION_REQUESTED, comment.strip())


def reject(ctx: AppContext, inspection_id: str, *, reason: str) -> Changes:
    if not reason or not reason.strip():
        raise ValidationError(translate("review", "tuliskan alasan penolakan"), field="reason")
    return _simple_decision(ctx, inspection_id, Status.REJECTED, reason.strip())


def _simple_decision(ctx: AppContext, inspection_id: str, new: Status, note: str) -> Changes:
    with ctx.db.session() as s:
        inspection = _decide(ctx, s, inspection_id, new)
        old = inspection.status
        inspection.status = new
        inspection.review_comment = note
        inspection.reviewed_by = ctx.actor.id
        inspection.reviewed_at = now_text()
        inspection.modified_by = ctx.actor.id
        audit.append(s, actor_id=ctx.actor.id, record_type="inspection", record_id=inspection.id,
                     action=new.value, from_status=old, to_status=new.value, note=note)
        return Changes("inspection", (inspection.id,), new.value)


def find_certificate(s: Session, number_or_id: str) -> Certificate:
    cert = s.scalars(select(Certificate).where(
        (Certificate.number == number_or_id) | (Certificate.id == number_or_id))).first()
    if cert is None:
        raise NotFoundError(translate("review", "sertifikat {number_or_id} tidak "
                                      "ditemukan di laptop ini").format(
                                number_or_id=number_or_id))
    return cert


def revoke(ctx: AppContext, number: str, *, reason: str) -> Changes:
    """Revoke an issued certificate; only ``revoked`` and its reason ever change."""
    ctx.actor.require_role(Role.SUPERVISOR, action="mencabut sertifikat")
    if not reason or not reason.strip():
        raise ValidationError(translate("review", "tuliskan alasan pencabutan"), field="reason")
    with ctx.db.session() as s:
        cert = find_certificate(s, number)
        if ctx.actor.balai_id and cert.balai_id != ctx.actor.balai_id:
            raise PermissionDenied(translate("review", "sertifikat {number} milik Balai "
                                             "lain").format(
                                       number=number))
        if cert.revoked:
            raise ValidationError(translate("review", "sertifikat {number} sudah dicabut").format(
                                      number=cert.number))
        cert.revoked = True
        cert.revoked_reason = reason.strip()
        cert.modified_by = ctx.actor.id
        audit.append(s, actor_id=ctx.actor.id, record_type="certificate", record_id=cert.id,
                     action="revoke", note=f"{cert.number}: {reason.strip()}")
        return Changes("certificate", (cert.id,))


def start_correction(ctx: AppContext, number: str) -> Changes:
    """A new draft copying a revoked certificate's inspection; once approved, its
    certificate names the one it replaces. One transaction: the draft never exists
    without the certificate it replaces."""
    with ctx.db.session() as s:
        cert = find_certificate(s, number)
        if not cert.revoked:
            raise ValidationError(translate("review", "cabut dulu sertifikat {number} "
                                            "sebelum menerbitkan koreksinya").format(
                                      number=cert.number))
        old = s.get(Inspection, cert.inspection_id)
        if old is None:
            raise NotFoundError(translate("review", "pemeriksaan asal sertifikat ini tidak ada "
                                          "di laptop ini"))
        new = apply_create_draft(
            ctx, s, equipment_id=old.equipment_id, template_id=old.template_id,
            kind=old.kind, values=dict(old.values or {}), inspected_on=old.inspected_on,
            instrument_ids=list(old.instrument_ids or []), place=old.place,
            extra={"replaces_certificate_id": cert.id})
        return Changes("inspection", (new.id,), Status.DRAFT.value)
