"""X.509 for the PDF signature (PAdES): the Balai's certificate authority, a supervisor's
certificate, the revocation list (docs/pades.md, SYNC_PROTOCOL.md section 10).

The server runs a small certificate authority for its Balai, a stand-in for the national
e-signature authority (BSrE): a self-signed ECDSA P-256 root that issues each supervisor
laptop's PDF key a certificate and lists revoked ones in a CRL. The QR signature keeps its
Ed25519 key (``k3desk.domain.signing``); the PDF key is a second key, ECDSA P-256, because
PDF readers (Adobe Acrobat Reader, Okular/poppler) validate ECDSA and RSA, while Ed25519
in CMS (RFC 8419) is not widely read. A certificate names the Ed25519 ``key_id`` it
belongs with (a subject-alternative-name URI ``urn:k3desk:signing-key:<key_id>``), so a
verifier checks that the PDF and the QR were signed by the same registration, and revoking
that key revokes the certificate. Pure: the caller gives the time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from k3desk.domain.errors import ValidationError

KEY_URN = "urn:k3desk:signing-key:"
ROOT_YEARS = 20
LEAF_DAYS = 2 * 365
#: RFC 9336 document signing; e-mail protection beside it, which Acrobat also accepts
DOCUMENT_SIGNING = x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")
CRL_DAYS = 7  # a CRL is fresh for a week: a laptop embeds it when signing in that time


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def generate_key() -> bytes:
    """A new ECDSA P-256 private key, PKCS#8 DER."""
    key = ec.generate_private_key(ec.SECP256R1())
    return key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _private(der_or_pem: bytes) -> ec.EllipticCurvePrivateKey:
    load = (serialization.load_pem_private_key if der_or_pem.startswith(b"-----")
            else serialization.load_der_private_key)
    key = load(der_or_pem, password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ValidationError("the key is not an ECDSA key")
    return key


def to_pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def load_certificate(pem_or_der: str | bytes) -> x509.Certificate:
    raw = pem_or_der.encode("ascii") if isinstance(pem_or_der, str) else pem_or_der
    try:
        if raw.lstrip().startswith(b"-----"):
            return x509.load_pem_x509_certificate(raw)
        return x509.load_der_x509_certificate(raw)
    except ValueError as exc:
        raise ValidationError(f"not an X.509 certificate: {exc}") from exc


def der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


@dataclass(frozen=True)
class Authority:
    """The CA's private key (PKCS#8 PEM) and its self-signed root certificate (PEM)."""

    key_pem: str
    certificate_pem: str

    @property
    def certificate(self) -> x509.Certificate:
        return load_certificate(self.certificate_pem)

    @property
    def key(self) -> ec.EllipticCurvePrivateKey:
        return _private(self.key_pem.encode("ascii"))


def make_authority(common_name: str, organisation: str, now: datetime) -> Authority:
    """A new root: ECDSA P-256, valid ``ROOT_YEARS``, that may sign certificates and CRLs."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    start = _utc(now) - timedelta(minutes=5)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(start + timedelta(days=365 * ROOT_YEARS))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(  # keyCertSign, cRLSign
                False, False, False, False, False, True, True, False, False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, hashes.SHA256()))
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode("ascii")
    return Authority(key_pem=key_pem, certificate_pem=to_pem(cert))


def make_csr(private_der: bytes) -> str:
    """A certificate request for the PDF key (PEM): it proves the laptop holds the key; the
    server sets the subject itself."""
    key = _private(private_der)
    csr = (x509.CertificateSigningRequestBuilder()
           .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "k3desk")]))
           .sign(key, hashes.SHA256()))
    return csr.public_bytes(serialization.Encoding.PEM).decode("ascii")


def read_csr(pem: str) -> x509.CertificateSigningRequest:
    """A checked request: PEM, signed by its own key (proof of possession), ECDSA P-256."""
    try:
        csr = x509.load_pem_x509_csr(pem.encode("ascii"))
    except (ValueError, UnicodeError) as exc:
        raise ValidationError("csr is not a PEM certificate request", field="csr") from exc
    try:
        valid = csr.is_signature_valid
    except (InvalidSignature, ValueError):
        valid = False
    public = csr.public_key()
    if not valid:
        raise ValidationError("csr's signature does not verify", field="csr")
    if not isinstance(public, ec.EllipticCurvePublicKey) or public.curve.name != "secp256r1":
        raise ValidationError("csr must hold an ECDSA P-256 key", field="csr")
    return csr


@dataclass(frozen=True)
class Subject:
    """Who a certificate names: the supervisor, their NIP, their Balai, the QR key."""

    full_name: str
    nip: str
    balai: str
    key_id: str


def issue(authority: Authority, csr_pem: str, subject: Subject, now: datetime,
          crl_url: str | None = None) -> x509.Certificate:
    """The supervisor's certificate for the request's key (signing PDFs, ``LEAF_DAYS``)."""
    csr = read_csr(csr_pem)
    ca = authority.certificate
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
             x509.NameAttribute(NameOID.ORGANIZATION_NAME, subject.balai or "Balai K3"),
             x509.NameAttribute(NameOID.COMMON_NAME, subject.full_name or subject.key_id)]
    if subject.nip:
        attrs.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, f"NIP {subject.nip}"))
    start = _utc(now) - timedelta(minutes=5)
    end = min(start + timedelta(days=LEAF_DAYS), ca.not_valid_after_utc)
    builder = (x509.CertificateBuilder().subject_name(x509.Name(attrs))
               .issuer_name(ca.subject).public_key(csr.public_key())
               .serial_number(x509.random_serial_number())
               .not_valid_before(start).not_valid_after(end)
               .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
               .add_extension(x509.KeyUsage(  # digitalSignature, nonRepudiation
                   True, True, False, False, False, False, False, False, False), critical=True)
               .add_extension(x509.ExtendedKeyUsage([DOCUMENT_SIGNING,
                                                     ExtendedKeyUsageOID.EMAIL_PROTECTION]),
                              critical=False)
               .add_extension(x509.SubjectAlternativeName(
                   [x509.UniformResourceIdentifier(KEY_URN + subject.key_id)]), critical=False)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                   authority.key.public_key()), critical=False)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(csr.public_key()),
                              critical=False))
    if crl_url:
        builder = builder.add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
            [x509.UniformResourceIdentifier(crl_url)], None, None, None)]), critical=False)
    return builder.sign(authority.key, hashes.SHA256())


def key_id_of(cert: x509.Certificate) -> str | None:
    """The QR key id a k3desk certificate names, or None."""
    try:
        names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return None
    for uri in names.get_values_for_type(x509.UniformResourceIdentifier):
        if uri.startswith(KEY_URN):
            return uri[len(KEY_URN):]
    return None


def public_key_matches(cert: x509.Certificate, private_der: bytes) -> bool:
    """True when ``cert`` is for this private key."""
    mine = _private(private_der).public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return cert.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo) == mine


def make_crl(authority: Authority, revoked: list[tuple[int, datetime]], now: datetime,
             number: int) -> bytes:
    """The CRL (DER) listing ``(serial, revoked_at)``; fresh for ``CRL_DAYS``."""
    ca = authority.certificate
    start = _utc(now)
    builder = (x509.CertificateRevocationListBuilder().issuer_name(ca.subject)
               .last_update(start - timedelta(minutes=5))
               .next_update(start + timedelta(days=CRL_DAYS))
               .add_extension(x509.CRLNumber(number), critical=False)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                   authority.key.public_key()), critical=False))
    for serial, at in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial)
            .revocation_date(_utc(at)).build())
    return builder.sign(authority.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def load_crl(raw: bytes) -> x509.CertificateRevocationList:
    try:
        return x509.load_der_x509_crl(raw)
    except ValueError as exc:
        raise ValidationError(f"not a certificate revocation list: {exc}") from exc


def crl_is_fresh(raw: bytes, root_pem: str, now: datetime) -> bool:
    """The CRL is signed by the root and its next update is still ahead."""
    try:
        crl = load_crl(raw)
        root = load_certificate(root_pem)
    except ValidationError:
        return False
    public = root.public_key()
    if not isinstance(public, ec.EllipticCurvePublicKey) or \
            not crl.is_signature_valid(public):
        return False
    next_update = crl.next_update_utc
    return next_update is not None and next_update > _utc(now)
