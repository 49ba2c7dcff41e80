"""From stored records to the documents the company receives (k3desk.reports).

The same records give the same bytes: nothing here reads the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from k3desk.domain.balai_documents import logo_bytes
from k3desk.domain.certificates import parse_payload
from k3desk.domain.errors import NotFoundError, ValidationError
from k3desk.domain.evaluation import evaluate
from k3desk.domain.i18n import translate
from k3desk.domain.object_types import get_object_type
from k3desk.domain.signing import key_fingerprint
from k3desk.domain.templates import Template, default_registry
from k3desk.domain.verify_url import VerifyLink, build_qr_url
from k3desk.domain.vocabulary import CERTIFIED_VERDICTS, Verdict
from k3desk.reports import model as rm
from k3desk.services import pades_service, presentation, settings_service
from k3desk.services.photo_service import evaluation_values
from k3desk.store.db import Database
from k3desk.store.models import (
    Attachment,
    Balai,
    Certificate,
    Company,
    Equipment,
    Inspection,
    Instrument,
    SigningKey,
    User,
)
from k3desk.store.settings import SERVER_URL


def verify_base_url(s: Session, balai: Balai) -> str:
    """Where the QR code points: the configured server, else the Balai's website."""
    server = settings_service.get(s, SERVER_URL)
    if server:
        return server.rstrip("/")
    site = balai.website or "k3desk.invalid"
    return site if site.startswith("http") else f"https://{site}"


def _site(place: str | None, location: str | None, address: str) -> str:
    """Where the test took place: the inspection's place when it names a site (not just
    the equipment's spot inside it, e.g. "Lantai 1"), else the company's address."""
    place = (place or "").strip()
    if not place or place == (location or "").strip():
        return address
    return place


def _fingerprint(s: Session, key_id: str) -> str:
    key = s.scalars(select(SigningKey).where(SigningKey.key_id == key_id)).first()
    return key_fingerprint(key.public_key) if key is not None else ""


def _address(server: str) -> str:
    """The verification address as a person types it: no scheme, no query."""
    return re.sub(r"^https?://", "", server.rstrip("/")) + "/verify"


def template_label(template: Template) -> str:
    return f"templat {template.id} versi {template.version}"


def _person(user: User | None, position: str = "") -> rm.PersonInfo:
    if user is None:
        return rm.PersonInfo(name="-")
    return rm.PersonInfo(name=user.full_name, nip=user.nip, position=position)


def _signed(cert: Certificate | None) -> dict[str, object]:
    if cert is None:
        return {}
    try:
        return parse_payload(cert.payload)
    except ValidationError:
        return {}


class _Common(TypedDict):
    """The fields every document shares (rm._DocumentBase), filled once."""

    balai: rm.BalaiInfo
    number: str
    object_type_name: str
    company: rm.CompanyInfo
    equipment: rm.EquipmentInfo
    inspection_kind: str
    inspected_on: date
    issued_on: date
    place: str
    verdict: str
    results: tuple[rm.ResultRow, ...]
    inspector: rm.PersonInfo
    approver: rm.PersonInfo
    legal_basis: tuple[str, ...]
    valid_until: date | None
    findings: tuple[str, ...]
    recommendations: tuple[str, ...]
    stamp: rm.SignedStamp | None


@dataclass(frozen=True)
class _Parts:
    common: _Common
    template: Template
    cert: Certificate | None
    replaces: str


def _parts(s: Session, inspection: Inspection) -> _Parts:
    balai = s.get(Balai, inspection.balai_id)
    company = s.get(Company, inspection.company_id)
    equipment = s.get(Equipment, inspection.equipment_id)
    if balai is None or company is None or equipment is None:
        raise NotFoundError(translate("document", "data Balai, perusahaan atau peralatan "
                                      "pemeriksaan ini belum ada di laptop ini; jalankan "
                                      "sinkronisasi"))
    if not (balai.city or "").strip():
        raise ValidationError(translate(
            "document", "kota Balai {code} belum diisi: dokumen resmi mencetak 'Ditetapkan di "
            "<kota>' dan 'KEPALA BALAI K3 <KOTA>'; minta admin server mengisi kota Balai, "
            "lalu sinkronkan").format(code=balai.code), field="city")
    template = default_registry().get(inspection.template_id, inspection.template_version)
    evaluation = evaluate(template, evaluation_values(s, template, dict(inspection.values or {})),
                          inspection.inspected_on)
    object_type = get_object_type(equipment.object_type)
    inspector = s.get(User, inspection.inspector_id)
    approver = s.get(User, inspection.reviewed_by) if inspection.reviewed_by else None
    cert = s.scalars(select(Certificate).where(Certificate.inspection_id == inspection.id)
                     .order_by(Certificate.issued_on.desc())).first()
    stamp = None
    replaces = ""
    if cert is not None:
        link = VerifyLink(server=verify_base_url(s, balai), number=cert.number,
                          payload=cert.payload, signature=cert.signature, key_id=cert.key_id)
        stamp = rm.SignedStamp(payload=cert.payload, signature=cert.signature,
                               key_id=cert.key_id, verify_url=build_qr_url(link),
                               signer=approver.full_name if approver else "",
                               fingerprint=_fingerprint(s, cert.key_id),
                               verify_address=_address(link.server))
        if cert.replaces:
            old = s.get(Certificate, cert.replaces)
            replaces = old.number if old else ""
    results = tuple(rm.ResultRow(factor=r["factor"], required=r["required"],
                                 reference=r["official_reference"], measured=r["measured"],
                                 unit=r["unit"], passed=r["passed"], grade=r["grade"],
                                 severity=r["severity"],
                                 source_note="dicabut" if r["reference"].endswith("(dicabut)")
                                 else "",
                                 group=r["title"] if r["item"] is not None else "")
                    for r in presentation.result_rows(evaluation))
    failed = [f for f in evaluation.findings if not f.passed]
    stored = Verdict.of(inspection.verdict)
    verdict = stored if stored in CERTIFIED_VERDICTS else evaluation.verdict
    # An issued certificate is re-rendered from what it signed, never from records
    # edited since: the company, its address, the serial number and the verdict.
    signed = _signed(cert)
    company_name = str(signed.get("company") or company.name)
    company_address = str(signed.get("company_address", company.address))
    serial = str(signed.get("equipment_serial") or equipment.serial_number)
    verdict = Verdict.of(str(signed.get("verdict"))) or verdict
    if verdict not in CERTIFIED_VERDICTS:
        raise ValidationError(translate("document", "pemeriksaan ini belum lengkap; dokumen "
                                        "dibuat setelah semua nilai wajib terisi"))
    common = _Common(
        balai=rm.BalaiInfo(name=balai.name, city=balai.city or "", address=balai.address,
                           phone=balai.phone or "", email=balai.email or "",
                           website=balai.website or "", code=balai.code,
                           logo_png=logo_bytes((balai.extra or {}).get("logo")),
                           head=rm.PersonInfo(balai.head_name or "", balai.head_nip or "")),
        number=cert.number if cert else f"DRAF-{inspection.id[:8].upper()}",
        object_type_name=object_type.name_id,
        company=rm.CompanyInfo(name=company_name, address=company_address,
                               site=_site(inspection.place, equipment.location,
                                          company_address)),
        equipment=rm.EquipmentInfo(
            object_type_name=object_type.name_id, serial_number=serial,
            make=equipment.manufacturer or "", model=equipment.model or "",
            capacity=equipment.capacity or "",
            year_built=str(equipment.year_built or ""), location=equipment.location or ""),
        inspection_kind=inspection.kind, inspected_on=inspection.inspected_on,
        issued_on=cert.issued_on if cert else inspection.inspected_on,
        place=balai.city or "", verdict=verdict, results=results,
        inspector=_person(inspector, "Pengawas Ketenagakerjaan Spesialis K3 "
                          + object_type.field_id),
        approver=_person(approver, "Penyelia"),
        legal_basis=(template.regulation,),
        valid_until=cert.valid_until if cert else evaluation.next_test_due,
        findings=tuple(f.message_id for f in failed),
        recommendations=tuple(evaluation.recommendations), stamp=stamp)
    return _Parts(common, template, cert, replaces)


def certificate_document(s: Session, inspection_id: str) -> rm.CertificateDocument:
    inspection = s.get(Inspection, inspection_id)
    if inspection is None:
        raise NotFoundError(translate("document", "pemeriksaan {inspection_id} tidak "
                                      "ditemukan").format(
                                inspection_id=inspection_id))
    parts = _parts(s, inspection)
    return rm.CertificateDocument(**parts.common, replaces_number=parts.replaces,
                                  report_number=report_number(inspection),
                                  report_date=inspection.inspected_on,
                                  template_label=template_label(parts.template))


def report_number(inspection: Inspection) -> str:
    """The test report's own number: the certificate number it supports is not known
    until approval, so the report is named by its inspection (stable, offline)."""
    return f"LHP/{inspection.inspected_on:%Y%m%d}/{inspection.id[:8].upper()}"


def report_document(db: Database, s: Session, inspection_id: str) -> rm.ReportDocument:
    inspection = s.get(Inspection, inspection_id)
    if inspection is None:
        raise NotFoundError(translate("document", "pemeriksaan {inspection_id} tidak "
                                      "ditemukan").format(
                                inspection_id=inspection_id))
    parts = _parts(s, inspection)
    sections = tuple(
        rm.ReportSection(title, tuple(rm.SectionValue(label, value, unit)
                                      for label, value, unit in rows))
        for title, rows in presentation.section_rows(
            parts.template, evaluation_values(s, parts.template,
                                                 dict(inspection.values or {}))))
    instruments = tuple(
        rm.Instrument(i.name, i.serial_number, i.calibration_valid_until,
                      i.calibration_certificate or "")
        for i in (s.get(Instrument, iid) for iid in inspection.instrument_ids or []) if i)
    photos = []
    for att in s.scalars(select(Attachment).where(Attachment.inspection_id == inspection.id,
                                                  Attachment.deleted.is_(False))
                         .order_by(Attachment.slot, Attachment.filename)):
        path = db.blob_dir / att.sha256[:2] / att.sha256
        if path.exists() and att.content_type in ("image/jpeg", "image/png"):
            photos.append(rm.Photo(path.read_bytes(), att.caption or att.filename))
    cert = parts.cert
    return rm.ReportDocument(**parts.common, sections=sections, instruments=instruments,
                             photos=tuple(photos), notes=inspection.notes or "",
                             certificate_number=cert.number if cert else "",
                             template_label=template_label(parts.template))


def _safe_name(number: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", number).strip("-")


def render(db: Database, inspection_id: str, document_type: str, *, sign: bool = False
           ) -> tuple[bytes, str]:
    """PDF bytes and a file name for ``document_type`` 'certificate' or 'report'. The same
    records give the same bytes; with ``sign`` a certificate also gets the PDF signature
    (PAdES) when this laptop can make it (``signed_certificate``)."""
    from k3desk.reports.certificate import render_certificate
    from k3desk.reports.report import render_report

    if document_type == "certificate" and sign:
        signed, name = signed_certificate(db, inspection_id)
        return signed.data, name
    with db.session() as s:
        if document_type == "certificate":
            doc = certificate_document(s, inspection_id)
            if doc.stamp is None:
                raise ValidationError(translate("document", "pemeriksaan ini belum disetujui: "
                                                "belum ada sertifikat"))
            return render_certificate(doc), f"sertifikat-{_safe_name(doc.number)}.pdf"
        rdoc = report_document(db, s, inspection_id)
        return render_report(rdoc), f"laporan-{_safe_name(rdoc.number)}.pdf"


def signed_certificate(db: Database, inspection_id: str) -> tuple[pades_service.Signed, str]:
    """The certificate PDF with its PAdES signature when this laptop holds the approver's
    unlocked key and its X.509 certificate, else signed by the QR only (``note`` why)."""
    data, name = render(db, inspection_id, "certificate")
    with db.session() as s:
        cert_id = s.scalars(select(Certificate.id).where(
            Certificate.inspection_id == inspection_id)
            .order_by(Certificate.issued_on.desc())).first()
    assert cert_id is not None  # render refused an inspection without one
    return pades_service.sign_certificate_pdf(db, data, cert_id), name


def write_certificate(db: Database, certificate_id: str, out: Path | None = None
                      ) -> tuple[Path, str]:
    """Write the (PAdES-signed where possible) certificate PDF: its path and the note
    saying whether the PDF itself is signed."""
    with db.session() as s:
        cert = s.get(Certificate, certificate_id)
        if cert is None:
            raise NotFoundError(translate("document", "sertifikat {certificate_id} "
                                          "tidak ditemukan").format(
                                    certificate_id=certificate_id))
        inspection_id = cert.inspection_id
    signed, name = signed_certificate(db, inspection_id)
    path = out or db.data_dir / "documents" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(signed.data)
    return path, signed.note


def sample_inspection_id(db: Database) -> str | None:
    """The inspection of the first (by number) certificate in force, or None."""
    with db.session() as s:
        cert = s.scalars(select(Certificate).where(Certificate.revoked.is_(False),
                                                   Certificate.valid_until.is_not(None))
                         .order_by(Certificate.number)).first()
        return cert.inspection_id if cert is not None else None
