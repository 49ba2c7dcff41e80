"""The PDF's own signature: PAdES baseline (B-B) with pyHanko, and its validation.

``sign_pdf`` adds one signature (ECDSA P-256 over SHA-256, sub-filter ETSI.CAdES.detached,
the signer's certificate and the Balai root inside) as an incremental update, so the
bytes the QR payload describes are kept as they were; when a fresh CRL is given it is put
in the document security store (DSS) so that a reader can check revocation offline.
There is no trusted timestamp (the laptop signs offline), so the level is B-B, with the
revocation data of B-LT beside it. ``validate_pdf`` checks the signature with pyHanko's
validator against given roots and CRLs (the PDF's own DSS included) and says, in plain
Indonesian, which check failed. pyHanko is imported only when a PDF is signed or checked.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

FIELD = "TandaTanganPenyelia"
_LOGGERS = ("pyhanko", "pyhanko_certvalidator")


@contextmanager
def _quiet() -> Iterator[None]:
    """pyHanko logs each failed check with a stack trace: the caller reports the result
    in words instead, so its loggers are held back while it works."""
    loggers = [logging.getLogger(name) for name in _LOGGERS]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


@dataclass(frozen=True)
class SigningMaterial:
    """What signs: the PDF key (PKCS#8 DER), its certificate and the root (DER), and the
    CRLs (DER) to embed."""

    key_der: bytes
    certificate_der: bytes
    chain_der: tuple[bytes, ...]
    crls_der: tuple[bytes, ...] = ()


def sign_pdf(pdf: bytes, material: SigningMaterial, *, signer_name: str, location: str,
             reason: str) -> bytes:
    """``pdf`` with a PAdES signature appended (an incremental update)."""
    from asn1crypto import crl as a_crl
    from asn1crypto import keys as a_keys
    from asn1crypto import x509 as a_x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    cert = a_x509.Certificate.load(material.certificate_der)
    chain = [a_x509.Certificate.load(c) for c in material.chain_der]
    signer = signers.SimpleSigner(
        signing_cert=cert, signing_key=a_keys.PrivateKeyInfo.load(material.key_der),
        cert_registry=SimpleCertificateStore.from_certs(chain))  # type: ignore[no-untyped-call]
    crls = [a_crl.CertificateList.load(c) for c in material.crls_der]
    context = (ValidationContext(trust_roots=chain, crls=crls, allow_fetching=False,
                                 revocation_mode="hard-fail") if crls else None)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
        name=signer_name, location=location, reason=reason,
        embed_validation_info=bool(crls), validation_context=context)
    with _quiet():
        out = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), meta, signer=signer)
    return bytes(out.getvalue())


@dataclass(frozen=True)
class PadesCheck:
    """The PDF signature's result. ``state``: "none" (no PDF signature), "valid",
    "unverified" (intact and genuine, but no Balai root on this laptop to trust it),
    "revoked" or "invalid"; ``reason`` says it in Indonesian."""

    state: str
    reason: str
    signer: str = ""
    key_id: str | None = None
    signed_at: datetime | None = None
    revocation_checked: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)


def _signer_text(cert: object) -> str:
    try:
        subject = cert.subject.native  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - a strange subject only loses the name
        return ""
    name = str(subject.get("common_name", ""))
    org = str(subject.get("organization_name", ""))
    return f"{name} ({org})" if org else name


def validate_pdf(pdf: bytes, roots_der: list[bytes], crls_der: list[bytes]) -> PadesCheck:
    """Check the PDF's last signature against ``roots_der`` and the CRLs (given, and those
    in the PDF's DSS). Nothing is fetched from a network."""
    from asn1crypto import crl as a_crl
    from asn1crypto import x509 as a_x509
    from cryptography import x509

    from k3desk.domain.pki import key_id_of

    try:
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign.validation import validate_pdf_signature
        from pyhanko.sign.validation.dss import DocumentSecurityStore
        from pyhanko.sign.validation.status import SignatureCoverageLevel
        from pyhanko_certvalidator import ValidationContext

        with _quiet():
            reader = PdfFileReader(io.BytesIO(pdf))
            signatures = reader.embedded_signatures
    except Exception:  # noqa: BLE001 - pyHanko raises many kinds for a damaged file
        return PadesCheck("invalid", "struktur PDF rusak: tanda tangan digital PDF tidak "
                      "dapat dibaca")
    if not signatures:
        return PadesCheck("none", "PDF ini tidak memuat tanda tangan digital (PAdES); hanya "
                      "tanda tangan pada kode QR yang diperiksa")
    sig = signatures[-1]
    roots = [a_x509.Certificate.load(r) for r in roots_der]
    crls = [a_crl.CertificateList.load(c) for c in crls_der]
    try:
        with _quiet():
            dss = DocumentSecurityStore.read_dss(reader)
    except Exception:  # noqa: BLE001 - no DSS (or an unreadable one) adds no CRL
        dss = None
    embedded = len(dss.crls) if dss is not None else 0
    kwargs: dict[str, Any] = {"trust_roots": roots, "crls": crls, "allow_fetching": False,
              "revocation_mode": "soft-fail"}
    try:
        with _quiet():
            context = (dss.as_validation_context(kwargs) if dss is not None
                       else ValidationContext(**kwargs))
            status = validate_pdf_signature(sig, context)
    except Exception:  # noqa: BLE001 - a malformed signature dictionary
        return PadesCheck("invalid", "tanda tangan digital PDF rusak dan tidak dapat "
                      "diperiksa")
    cert = status.signing_cert
    signer = _signer_text(cert)
    try:
        key_id = key_id_of(x509.load_der_x509_certificate(cert.dump()))
    except ValueError:
        key_id = None
    checked = bool(crls) or embedded > 0
    base = PadesCheck("valid", "", signer=signer, key_id=key_id,
                      signed_at=status.signer_reported_dt, revocation_checked=checked)

    def result(state: str, reason: str, notes: tuple[str, ...] = ()) -> PadesCheck:
        return replace(base, state=state, reason=reason, notes=notes)

    if not status.intact:
        return result("invalid", "isi PDF berubah setelah ditandatangani (sidik isi "
                      "dokumen tidak cocok dengan tanda tangan digital PDF)")
    if not status.valid:
        return result("invalid", "tanda tangan digital PDF tidak sah (tidak dibuat "
                      "dengan kunci pada sertifikat penandatangan)")
    if status.coverage not in (SignatureCoverageLevel.ENTIRE_FILE,
                               SignatureCoverageLevel.ENTIRE_REVISION) or \
            status.modification_level is None or status.modification_level.value > 2:
        return result("invalid", "PDF diubah setelah ditandatangani (ada revisi tambahan "
                      "di luar tanda tangan digital)")
    if status.revoked:
        return result("revoked", "sertifikat tanda tangan penyelia telah dicabut menurut "
                      "daftar pencabutan (CRL) Balai")
    if not roots:
        return result("unverified", "tanda tangan digital PDF utuh, tetapi sertifikat "
                      "induk Balai belum ada di laptop ini (sinkronkan sekali) sehingga "
                      "penerbitnya belum dapat dipastikan")
    if not status.trusted:
        return result("invalid", "sertifikat penandatangan PDF tidak diterbitkan oleh "
                      "otoritas sertifikat Balai yang dikenal laptop ini (atau sudah "
                      "tidak berlaku)")
    notes = () if checked else ("status pencabutan sertifikat belum dapat diperiksa: daftar "
                            "pencabutan (CRL) Balai tidak ada di PDF maupun di laptop ini",)
    return result("valid", "tanda tangan digital PDF sah dan dokumen tidak berubah",
                  notes)
