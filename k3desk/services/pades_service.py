"""The certificate PDF's own signature (PAdES), on the approving supervisor's laptop.

A sync keeps, in ``<data>/pki/``, the Balai root (``root.crt``, PEM) and its latest
revocation list (``crl.der``); the supervisor's X.509 certificate comes in its
``signing_key`` record (``x509_certificate``, issued by the server when the laptop
registered its key with the PDF key's certificate request). Signing needs no network:
the unlocked PDF key, that certificate and the root. The CRL is embedded when it is still
fresh. A laptop without a certificate (never synced since this feature, or the key
locked) gives a PDF signed by the QR code only, and says so (``Signed.note``).
A demo folder has a demo authority of its own (``demo_authority``), marked DEMO.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from k3desk.domain import pki
from k3desk.domain.errors import ValidationError
from k3desk.services import keys_service
from k3desk.store.db import Database
from k3desk.store.models import Balai, Certificate, SigningKey, User

PKI_DIR = Path("pki")
ROOT_FILE = "root.crt"
CRL_FILE = "crl.der"
QR_ONLY = ("PDF hanya bertanda tangan pada kode QR (tanpa tanda tangan digital PDF): "
           "{why}")


@dataclass(frozen=True)
class Signed:
    """A certificate PDF and whether it carries a PAdES signature (``note`` says why not,
    or what was embedded)."""

    data: bytes
    pades: bool
    note: str


def pki_dir(data_dir: Path) -> Path:
    return Path(data_dir) / PKI_DIR


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    os.replace(partial, path)


def save_pki(data_dir: Path, root_der_or_pem: bytes | None, crl_der: bytes | None) -> None:
    """Keep the server's root and CRL (a sync); a CRL the root did not sign is dropped."""
    if root_der_or_pem:
        try:
            root = pki.load_certificate(root_der_or_pem)
        except ValidationError:
            return
        _write(pki_dir(data_dir) / ROOT_FILE, pki.to_pem(root).encode("ascii"))
    root_pem = root_pem_of(data_dir)
    if crl_der and root_pem and pki.crl_is_fresh(crl_der, root_pem, datetime.now(UTC)):
        _write(pki_dir(data_dir) / CRL_FILE, crl_der)


def root_pem_of(data_dir: Path) -> str | None:
    path = pki_dir(data_dir) / ROOT_FILE
    try:
        return path.read_text(encoding="ascii") if path.is_file() else None
    except (OSError, UnicodeError):
        return None


def crl_of(data_dir: Path) -> bytes | None:
    path = pki_dir(data_dir) / CRL_FILE
    return path.read_bytes() if path.is_file() else None


def trust_material(data_dir: Path) -> tuple[list[bytes], list[bytes]]:
    """Roots (DER) and CRLs (DER) this laptop verifies PDF signatures with."""
    roots, crls = [], []
    root = root_pem_of(data_dir)
    if root:
        try:
            roots.append(pki.der(pki.load_certificate(root)))
        except ValidationError:
            pass
    crl = crl_of(data_dir)
    if crl:
        crls.append(crl)
    return roots, crls


@dataclass(frozen=True)
class _Found:
    key: bytes
    leaf: bytes
    chain: tuple[bytes, ...]
    crls: tuple[bytes, ...]
    signer: str
    city: str


def _material(db: Database, cert: Certificate) -> tuple[_Found | None, str]:
    key = keys_service.unlocked_pdf_key(db)
    if key is None:
        return None, "kunci tanda tangan terkunci atau belum dibuat (login sebagai penyelia)"
    with db.session() as s:
        record = s.scalars(select(SigningKey).where(SigningKey.key_id == cert.key_id)).first()
        leaf_pem = str((record.extra or {}).get("x509_certificate") or "") if record else ""
        approver = s.get(User, cert.approver_id)
        name = approver.full_name if approver else ""
        balai = s.get(Balai, cert.balai_id)
        city = (balai.city or "") if balai else ""
    if not leaf_pem:
        return None, ("laptop ini belum menerima sertifikat tanda tangan dari server "
                      "Balai; sinkronkan sekali saat daring, lalu cetak ulang")
    root = root_pem_of(db.data_dir)
    if not root:
        return None, "sertifikat induk Balai belum ada di laptop ini; sinkronkan sekali"
    leaf = pki.load_certificate(leaf_pem)
    if not pki.public_key_matches(leaf, key):
        return None, "sertifikat dari server bukan untuk kunci PDF laptop ini"
    crl = crl_of(db.data_dir)
    fresh = crl is not None and pki.crl_is_fresh(crl, root, datetime.now(UTC))
    chain = (pki.der(pki.load_certificate(root)),)
    return _Found(key, pki.der(leaf), chain, (crl,) if fresh and crl else (), name, city), ""


def sign_certificate_pdf(db: Database, pdf: bytes, certificate_id: str) -> Signed:
    """``pdf`` (the rendered certificate) signed with PAdES when this laptop can, else as
    it is with the reason (QR signature only)."""
    from k3desk.reports.pades import SigningMaterial, sign_pdf

    with db.session() as s:
        cert = s.get(Certificate, certificate_id)
        if cert is None:
            return Signed(pdf, False, QR_ONLY.format(why="sertifikat tidak ditemukan"))
        s.expunge(cert)
    found, why = _material(db, cert)
    if found is None:
        return Signed(pdf, False, QR_ONLY.format(why=why))
    signed = sign_pdf(pdf, SigningMaterial(found.key, found.leaf, found.chain, found.crls),
                      signer_name=found.signer, location=found.city or "Indonesia",
                      reason=f"Sertifikat K3 nomor {cert.number}")
    note = "PDF ditandatangani secara digital (PAdES) dengan sertifikat Balai"
    note += "; daftar pencabutan (CRL) terbaru disertakan" if found.crls else \
        "; daftar pencabutan belum disertakan (sinkronkan untuk memperbaruinya)"
    return Signed(signed, True, note)
