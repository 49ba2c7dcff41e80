"""Public verification of a certificate by number, and of the signed payload a QR carries.

FastAPI-free: the route turns a ``CertificateView`` into JSON or into the HTML page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from k3desk.domain.certificates import NO_VALIDITY, parse_payload
from k3desk.domain.errors import ValidationError
from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.signing import b64url_decode, verify
from k3desk.domain.verify_url import signature_from_b64url
from k3desk.domain.vocabulary import Verdict
from k3desk.server.models import Record
from k3desk.server.store import key_holder
from k3desk.sync.protocol import Verification


@dataclass
class CertificateView:
    """What the public may know of a certificate."""

    record_id: str
    number: str
    revoked: bool
    revoked_reason: str | None
    balai: str | None
    balai_address: str | None
    approver: str | None
    approver_nip: str | None
    company: str | None
    company_address: str | None
    equipment: str | None
    verdict: str | None
    issued_on: str | None
    valid_until: str | None
    expired: bool
    payload: str
    key_id: str
    replaces: str | None
    replaced_by: str | None

    @property
    def status(self) -> str:
        return "revoked" if self.revoked else "valid"

    @property
    def verdict_label(self) -> str:
        verdict = Verdict.of(self.verdict)
        return verdict.title() if verdict else "-"

    def public(self, check: LinkCheck | None = None) -> Verification:
        return Verification(
            number=self.number, status="revoked" if self.revoked else "valid",
            balai=self.balai, company=self.company, company_address=self.company_address,
            equipment=self.equipment,
            verdict=self.verdict, issued_on=self.issued_on, valid_until=self.valid_until,
            revoked_reason=self.revoked_reason, expired=self.expired, replaces=self.replaces,
            replaced_by=self.replaced_by,
            signature_valid=check.valid if check else None,
            signature_message=check.message if check else None)


def _data(session: Session, record_id: object) -> dict[str, object]:
    record = session.get(Record, record_id) if isinstance(record_id, str) else None
    return dict(record.data) if record is not None else {}


def _number_of(session: Session, record_id: object) -> str | None:
    number = _data(session, record_id).get("number")
    return str(number) if number else None


def equipment_text(object_type: object, serial: object) -> str | None:
    """``Bejana Tekanan, nomor seri BT-1`` from the signed fields (no object type: the
    serial alone)."""
    if not serial and not object_type:
        return None
    spec = OBJECT_TYPES.get(str(object_type)) if object_type else None
    name = spec.name_id if spec else (str(object_type) if object_type else "Objek")
    return f"{name}, nomor seri {serial or '-'}"


def signed_fields(payload: object) -> dict[str, object]:
    """The fields a stored certificate's payload signs ({} if it cannot be read)."""
    try:
        return parse_payload(str(payload))
    except (ValidationError, RecursionError):
        return {}


def _opt(value: object) -> str | None:
    return str(value) if value not in (None, "", NO_VALIDITY) else None


def find_certificate(session: Session, number: str, today: date) -> CertificateView | None:
    record_id = key_holder(session, "certificate.number", number)
    record = session.get(Record, record_id) if record_id else None
    if record is None or record.type != "certificate":
        return None
    d = record.data
    # What the public sees is what was signed: never the live company, equipment or
    # inspection, which may be edited (or deleted) after issuance.
    signed = signed_fields(d.get("payload"))
    balai = _data(session, record.balai_id)
    approver = _data(session, d.get("approver_id"))
    valid_until = _opt(signed.get("valid_until"))
    expired = bool(valid_until and valid_until < today.isoformat())
    replaced_by_id = session.scalar(
        select(Record.id).where(Record.type == "certificate",
                                Record.data["replaces"].as_string() == record.id).limit(1))
    return CertificateView(
        record_id=record.id, number=str(d.get("number")), revoked=bool(d.get("revoked")),
        revoked_reason=str(d["revoked_reason"]) if d.get("revoked_reason") else None,
        balai=str(balai["name"]) if balai.get("name") else None,
        balai_address=str(balai["address"]) if balai.get("address") else None,
        approver=_opt(signed.get("approver")) or _opt(approver.get("full_name")),
        approver_nip=_opt(signed.get("approver_nip")) or _opt(approver.get("nip")),
        company=_opt(signed.get("company")), company_address=_opt(signed.get("company_address")),
        equipment=equipment_text(signed.get("object_type"), signed.get("equipment_serial")),
        verdict=_opt(signed.get("verdict")),
        issued_on=_opt(signed.get("issued_on")), valid_until=valid_until,
        expired=expired, payload=str(d.get("payload")), key_id=str(d.get("key_id")),
        replaces=_number_of(session, d.get("replaces")),
        replaced_by=_number_of(session, replaced_by_id))


@dataclass
class LinkCheck:
    """The outcome of checking a QR's ``p``/``s``/``k`` parameters."""

    valid: bool
    message: str
    payload: dict[str, object] | None = None


def check_link(session: Session, number: str, p: str, s: str, k: str,
               view: CertificateView | None) -> LinkCheck:
    """Does the QR's payload carry a valid signature by a published key, for this number?"""
    try:
        payload = b64url_decode(p)
        signature = signature_from_b64url(s)
        fields = parse_payload(payload)
    except (ValidationError, RecursionError, ValueError):
        return LinkCheck(False, "Data pada kode QR rusak atau tidak lengkap.")
    key_record_id = key_holder(session, "signing_key", k)
    key = _data(session, key_record_id) if key_record_id else {}
    if not key:
        return LinkCheck(False, "Kunci penandatangan pada kode QR tidak dikenal server ini.")
    if not verify(str(key.get("public_key")), payload, signature):
        return LinkCheck(False, "Tanda tangan elektronik TIDAK SAH: data pada kode QR telah "
                         "diubah atau dipalsukan.")
    if fields.get("number") != number:
        return LinkCheck(False, "Nomor pada tautan berbeda dengan nomor yang ditandatangani.")
    if view is not None and view.payload != payload:
        return LinkCheck(False, "Tanda tangan sah, tetapi isinya berbeda dengan data sertifikat "
                         "di server.", fields)
    note = " Kunci penandatangan telah dicabut." if key.get("revoked") else ""
    return LinkCheck(True, "Tanda tangan elektronik sah dan sesuai dengan data sertifikat."
                     + note, fields)
