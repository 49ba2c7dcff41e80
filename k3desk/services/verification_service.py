"""Offline verification of a certificate: a PDF file or the text of its QR code.

``verify(target, data_dir)`` takes a path (a certificate or report PDF) or a QR text (a
``/verify`` link) and says VALID, INVALID or REVOKED, with the reason and the signed
fields. No connection is needed: the keys and the revoked numbers come from the laptop's
data folder, its database's ``signing_key`` and ``certificate`` tables (filled by sync
and by this laptop's approvals) when the folder has one, plus ``known_keys.json`` /
``revoked_certificates.json`` (``k3desk.domain.verification``) for keys handed over by
hand. The database wins where both name a key. The CLI's ``k3desk verify`` and the
window both call this.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from k3desk.domain.errors import K3Error, ValidationError
from k3desk.domain.verification import (
    KnownKey,
    VerificationResult,
    VerificationStatus,
    load_known_keys,
    load_revoked_numbers,
    verify_certificate,
)

QR_SOURCE = "kode QR"


@dataclass(frozen=True)
class Verification:
    """What a check found. ``details`` holds the signed fields (number, company,
    equipment_serial, verdict, issued_on, valid_until, ...) and what the check added
    (``verdict_label``, ``expired``, ``revoked_reason``, ``signer_user_id``); for an
    INVALID result they are not proven authentic. ``source`` is the file or "kode QR"."""

    status: VerificationStatus
    reason: str
    details: dict[str, Any] = field(default_factory=dict)
    source: str = ""

    @property
    def ok(self) -> bool:
        return self.status is VerificationStatus.VALID

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1


def load_sources(data_dir: Path) -> tuple[dict[str, KnownKey], dict[str, str]]:
    """Known keys and revoked certificate numbers of this laptop."""
    keys = load_known_keys(data_dir)
    revoked = load_revoked_numbers(data_dir)
    from k3desk.store.db import DB_NAME

    if not (Path(data_dir) / DB_NAME).is_file():
        return keys, revoked
    from sqlalchemy import select

    from k3desk.store.db import open_database
    from k3desk.store.models import Certificate, SigningKey, User

    db = open_database(data_dir)
    try:
        with db.session() as s:
            owners = {u.id: f"{u.full_name} (NIP {u.nip})" for u in s.scalars(select(User))}
            for key in s.scalars(select(SigningKey).where(SigningKey.deleted.is_(False))):
                keys[key.key_id] = KnownKey(public_key=key.public_key, revoked=bool(key.revoked),
                                            user_id=owners.get(key.user_id, key.user_id))
            for cert in s.scalars(select(Certificate).where(Certificate.revoked.is_(True))):
                revoked[cert.number] = cert.revoked_reason or ""
    finally:
        db.dispose()
    return keys, revoked


def _result(result: VerificationResult, source: str) -> Verification:
    return Verification(result.status, result.reason, dict(result.details), source)


def verify_pdf(path: Path, data_dir: Path) -> Verification:
    """Verify a PDF's embedded payload, then that its printed text shows what was signed.

    A missing file raises ``K3Error``; anything else wrong with the file is INVALID."""
    from k3desk.reports.embedded import extract_text, printed_mismatches, read_embedded_stamp

    path = Path(path)
    source = str(path)
    if not path.is_file():
        raise K3Error(f"file not found: {path}")
    try:
        stamp = read_embedded_stamp(path)
    except ValidationError as exc:
        return Verification(VerificationStatus.INVALID, str(exc), source=source)
    keys, revoked = load_sources(data_dir)
    result = verify_certificate(stamp.payload, stamp.signature, stamp.key_id, keys,
                                revoked_numbers=revoked, today=date.today())
    if result.status is VerificationStatus.INVALID:
        return _result(result, source)
    missing = printed_mismatches(extract_text(path), result.details)
    if missing:
        return Verification(
            VerificationStatus.INVALID, "isi dokumen yang tercetak tidak sesuai dengan data "
            f"yang ditandatangani ({', '.join(missing)})", dict(result.details), source)
    return _with_pdf_signature(_result(result, source), path.read_bytes(), stamp.key_id,
                               data_dir)


def _with_pdf_signature(found: Verification, pdf: bytes, key_id: str,
                        data_dir: Path) -> Verification:
    """Add the PDF's own signature (PAdES) to what the QR payload's check found: a PDF
    changed after signing, a signature by another key or a certificate the Balai does not
    know makes it INVALID, a revoked certificate REVOKED; a PDF without one (issued before
    the PDF signature, or on a laptop without a certificate) stays as the QR says."""
    from k3desk.reports.pades import validate_pdf
    from k3desk.services.pades_service import trust_material

    roots, crls = trust_material(data_dir)
    check = validate_pdf(pdf, roots, crls)
    details = dict(found.details)
    details["pdf_signature"] = check.reason
    if check.signer:
        details["pdf_signer"] = check.signer
    if check.notes:
        details["pdf_notes"] = list(check.notes)
    if check.state == "invalid":
        return Verification(VerificationStatus.INVALID, f"tanda tangan digital PDF: "
                            f"{check.reason}", details, found.source)
    if check.state != "none" and check.key_id != key_id:
        return Verification(VerificationStatus.INVALID, "tanda tangan digital PDF dibuat "
                            "dengan sertifikat kunci lain daripada tanda tangan kode QR "
                            f"({check.key_id or 'tanpa kunci k3desk'} ≠ {key_id})", details,
                            found.source)
    if check.state == "revoked" and found.status is VerificationStatus.VALID:
        return Verification(VerificationStatus.REVOKED, check.reason, details, found.source)
    return Verification(found.status, found.reason, details, found.source)


def verify_qr(text: str, data_dir: Path) -> Verification:
    """Verify the text of a certificate's QR code (its ``/verify`` link)."""
    from k3desk.domain.verify_url import parse_verify_url

    try:
        link = parse_verify_url(text)
    except ValidationError as exc:
        return Verification(VerificationStatus.INVALID, f"teks QR tidak sah: {exc}",
                            source=QR_SOURCE)
    keys, revoked = load_sources(data_dir)
    return _result(verify_certificate(link.payload, link.signature, link.key_id, keys,
                                      revoked_numbers=revoked, claimed_number=link.number,
                                      today=date.today()), QR_SOURCE)


def verify(target: Path | str, data_dir: Path) -> Verification:
    """A ``Path`` is a PDF to check; a ``str`` is the text of a QR code."""
    if isinstance(target, Path):
        return verify_pdf(target, data_dir)
    return verify_qr(target, data_dir)
