"""Issued certificates as plain rows for the certificates screen, and what one
certificate's page shows beside its preview (the verification link and its QR code, what
it replaces or was replaced by, a correction in progress)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select

from k3desk.domain.errors import NotFoundError, ValidationError
from k3desk.domain.i18n import translate
from k3desk.domain.verify_url import VerifyLink, build_qr_url
from k3desk.services.context import AppContext
from k3desk.store.db import Database
from k3desk.store.models import Balai, Certificate, Company, Equipment, Inspection

VALID, REVOKED, EXPIRED, REPLACED = "valid", "revoked", "expired", "replaced"
STATUSES = (VALID, REVOKED, EXPIRED, REPLACED)


@dataclass(frozen=True)
class CertificateRow:
    id: str
    number: str
    company_name: str
    object_type: str
    serial_number: str
    issued_on: str
    valid_until: str  # "" for a findings report (no validity)
    status: str  # one of STATUSES
    inspection_id: str
    verdict: str


@dataclass(frozen=True)
class CertificateInfo:
    row: CertificateRow
    verify_url: str
    revoked_reason: str
    replaces_number: str
    replaced_by_number: str
    correction_id: str  # an open replacement draft of this certificate, or ""


def _status(cert: Certificate, replaced: bool, today: date) -> str:
    if replaced:
        return REPLACED
    if cert.revoked:
        return REVOKED
    if cert.valid_until is not None and cert.valid_until < today:
        return EXPIRED
    return VALID


def _replaced_ids(db: Database) -> set[str]:
    with db.session() as s:
        return {r for r in s.scalars(select(Certificate.replaces).where(
            Certificate.replaces.is_not(None), Certificate.deleted.is_(False))) if r}


def certificate_rows(ctx: AppContext, text: str | None = None, status: str | None = None,
                     today: date | None = None) -> list[CertificateRow]:
    """Certificates of the actor's Balai, newest first; ``text`` matches the number, the
    company or the serial number; ``status`` keeps one of STATUSES."""
    if status is not None and status not in STATUSES:
        raise ValidationError(translate("certificate", "status sertifikat tidak "
                                        "dikenal: {status}").format(
                                  status=status), field="status")
    today = today or date.today()
    replaced = _replaced_ids(ctx.db)
    stmt = (select(Certificate, Company.name, Equipment.object_type, Equipment.serial_number,
                   Inspection.verdict)
            .join(Inspection, Inspection.id == Certificate.inspection_id, isouter=True)
            .join(Company, Company.id == Inspection.company_id, isouter=True)
            .join(Equipment, Equipment.id == Inspection.equipment_id, isouter=True)
            .where(Certificate.deleted.is_(False)))
    if ctx.actor.balai_id:
        stmt = stmt.where(Certificate.balai_id == ctx.actor.balai_id)
    if text and text.strip():
        escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        stmt = stmt.where(or_(Certificate.number.ilike(pattern, escape="\\"),
                              Company.name.ilike(pattern, escape="\\"),
                              Equipment.serial_number.ilike(pattern, escape="\\")))
    stmt = stmt.order_by(Certificate.issued_on.desc(), Certificate.number.desc())
    with ctx.db.session() as s:
        rows = [CertificateRow(
            id=cert.id, number=cert.number, company_name=company or "",
            object_type=object_type or "", serial_number=serial or "",
            issued_on=cert.issued_on.isoformat(),
            valid_until=cert.valid_until.isoformat() if cert.valid_until else "",
            status=_status(cert, cert.id in replaced, today),
            inspection_id=cert.inspection_id, verdict=verdict or "")
            for cert, company, object_type, serial, verdict in s.execute(stmt)]
    return [r for r in rows if status is None or r.status == status]


def certificate_info(ctx: AppContext, certificate_id: str,
                     today: date | None = None) -> CertificateInfo:
    from k3desk.services.document_service import verify_base_url

    today = today or date.today()
    with ctx.db.session() as s:
        cert = s.get(Certificate, certificate_id)
        if cert is None or cert.deleted:
            raise NotFoundError(translate("certificate", "sertifikat {certificate_id} "
                                          "tidak ditemukan di laptop ini").format(
                                    certificate_id=certificate_id))
        inspection = s.get(Inspection, cert.inspection_id)
        company = s.get(Company, inspection.company_id) if inspection else None
        equipment = s.get(Equipment, inspection.equipment_id) if inspection else None
        balai = s.get(Balai, cert.balai_id)
        server = verify_base_url(s, balai) if balai else "https://k3desk.invalid"
        # the link the printed certificate's QR code holds (the compact /V/ one)
        url = build_qr_url(VerifyLink(server=server, number=cert.number,
                                          payload=cert.payload, signature=cert.signature,
                                          key_id=cert.key_id))
        old = s.get(Certificate, cert.replaces) if cert.replaces else None
        newer = s.scalars(select(Certificate).where(Certificate.replaces == cert.id,
                                                    Certificate.deleted.is_(False))).first()
        correction = ""
        if equipment is not None:
            for draft in s.scalars(select(Inspection).where(
                    Inspection.equipment_id == equipment.id, Inspection.deleted.is_(False),
                    Inspection.status.in_(("draft", "submitted", "revision_requested")))):
                if (draft.extra or {}).get("replaces_certificate_id") == cert.id:
                    correction = draft.id
                    break
        row = CertificateRow(
            id=cert.id, number=cert.number, company_name=company.name if company else "",
            object_type=equipment.object_type if equipment else "",
            serial_number=equipment.serial_number if equipment else "",
            issued_on=cert.issued_on.isoformat(),
            valid_until=cert.valid_until.isoformat() if cert.valid_until else "",
            status=_status(cert, newer is not None, today), inspection_id=cert.inspection_id,
            verdict=inspection.verdict or "" if inspection else "")
        return CertificateInfo(row=row, verify_url=url,
                               revoked_reason=cert.revoked_reason or "",
                               replaces_number=old.number if old else "",
                               replaced_by_number=newer.number if newer else "",
                               correction_id=correction)


def qr_modules(text: str) -> list[list[bool]]:
    """The dark modules of the QR code the documents print for ``text`` (same encoder)."""
    from k3desk.reports.blocks import QrCode

    return [list(row) for row in QrCode(text).modules]
