"""The server's certificate authority for the PDF signature (SYNC_PROTOCOL.md section 10):
a supervisor's key registered with a certificate request gets an X.509 certificate from
the Balai root; a PDF signed with it validates with pyHanko against that root; one changed
byte is detected; revoking the key puts the certificate on the public CRL, and the
signature then shows as revoked."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from asn1crypto import crl as a_crl
from asn1crypto import x509 as a_x509
from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from reportlab.pdfgen import canvas

from k3desk.domain import pki
from k3desk.domain.signing import generate_keypair
from k3desk.reports.pades import SigningMaterial, sign_pdf, validate_pdf
from k3desk.server import admin
from tests.server.helpers import World


def _register(world: World, csr: str | None) -> dict:
    kp = generate_keypair()
    body = {"device_id": "laptop-1", "public_key": kp.public_b64}
    if csr is not None:
        body["csr"] = csr
    r = world.client.post("/api/v1/signing-keys", headers=world.supervisor.headers, json=body)
    assert r.status_code == 201, r.text
    return dict(r.json(), keypair=kp)


def _root(world: World) -> x509.Certificate:
    r = world.client.get("/api/v1/pki/ca.crt")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pkix-cert"
    return x509.load_der_x509_certificate(r.content)


def _crl(world: World) -> bytes:
    r = world.client.get("/api/v1/pki/crl")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pkix-crl"
    return r.content


def _pdf() -> bytes:
    buf = io.BytesIO()
    page = canvas.Canvas(buf)
    page.drawString(72, 720, "SERTIFIKAT 0001/PK/BK3JKT/XII/2026")
    page.save()
    return buf.getvalue()


def _validate(pdf: bytes, root: x509.Certificate, crl: bytes):  # type: ignore[no-untyped-def]
    sig = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
    context = ValidationContext(trust_roots=[a_x509.Certificate.load(pki.der(root))],
                                crls=[a_crl.CertificateList.load(crl)], allow_fetching=False,
                                revocation_mode="hard-fail")
    return validate_pdf_signature(sig, context)


def test_registration_issues_a_certificate_from_the_balai_root(world: World) -> None:
    key = pki.generate_key()
    env = _register(world, pki.make_csr(key))
    data = env["data"]
    cert = pki.load_certificate(data["x509_certificate"])
    root = _root(world)
    cert.verify_directly_issued_by(root)
    assert pki.load_certificate(data["ca_certificate"]) == root
    assert pki.public_key_matches(cert, key)
    assert pki.key_id_of(cert) == data["key_id"]
    assert format(cert.serial_number, "x") == data["x509_serial"]
    assert cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value == \
        world.supervisor.user["full_name"]
    points = cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    assert points[0].full_name[0].value.endswith("/api/v1/pki/crl")
    # the root is also served as PEM (what docs/pades.md installs in a reader)
    pem = world.client.get("/api/v1/pki/ca.crt", params={"format": "pem"}).text
    assert pki.load_certificate(pem) == root
    # the record, with its certificate, reaches the Balai's laptops by pull
    pulled, _ = world.supervisor.pull_all()
    mine = [c for c in pulled if c["id"] == env["id"]]
    assert mine and mine[0]["data"]["x509_certificate"] == data["x509_certificate"]


def test_a_key_registered_before_gets_its_certificate_and_a_bad_request_is_refused(
        world: World) -> None:
    kp = generate_keypair()
    first = world.supervisor.register_key(kp)
    assert "x509_certificate" not in first["data"]  # an older laptop: no csr, no certificate
    r = world.client.post("/api/v1/signing-keys", headers=world.supervisor.headers,
                          json={"device_id": "laptop-1", "public_key": kp.public_b64,
                                "csr": "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n"})
    assert r.status_code == 422 and r.json()["error"]["field"] == "csr"
    record = world.record(first["id"])
    assert record is not None and "x509_certificate" not in record.data
    csr = pki.make_csr(pki.generate_key())
    r = world.client.post("/api/v1/signing-keys", headers=world.supervisor.headers,
                          json={"device_id": "laptop-1", "public_key": kp.public_b64,
                                "csr": csr})
    assert r.status_code == 201
    again = r.json()
    assert again["id"] == first["id"] and again["version"] > first["version"]
    assert pki.key_id_of(pki.load_certificate(again["data"]["x509_certificate"])) == \
        first["data"]["key_id"]


def test_pdf_signature_validates_and_revocation_reaches_the_crl(world: World) -> None:
    key = pki.generate_key()
    env = _register(world, pki.make_csr(key))
    root = _root(world)
    leaf = pki.load_certificate(env["data"]["x509_certificate"])
    crl = _crl(world)
    assert pki.crl_is_fresh(crl, pki.to_pem(root), datetime.now(UTC))
    assert leaf.serial_number not in {r.serial_number for r in pki.load_crl(crl)}
    signed = sign_pdf(_pdf(), SigningMaterial(key, pki.der(leaf), (pki.der(root),), (crl,)),
                      signer_name="Penyelia", location="Jakarta", reason="uji")

    status = _validate(signed, root, crl)
    assert status.intact and status.valid and status.trusted, status.summary()
    assert not status.revoked
    assert validate_pdf(signed, [pki.der(root)], [crl]).state == "valid"

    # one byte changed inside the signed range is detected
    at = len(signed) // 3
    tampered = signed[:at] + bytes([signed[at] ^ 0x01]) + signed[at + 1:]
    check = validate_pdf(tampered, [pki.der(root)], [crl])
    assert check.state == "invalid", check
    try:
        assert not _validate(tampered, root, crl).intact
    except Exception:  # noqa: BLE001 - a byte in the structure: pyHanko refuses to read it
        pass

    # another authority's root does not make it trusted
    other = pki.make_authority("Lain", "Lain", datetime.now(UTC)).certificate
    assert validate_pdf(signed, [pki.der(other)], []).state == "invalid"

    # revoking the key revokes its certificate: the CRL lists it, the signature is revoked
    with world.sessions() as s:
        admin.revoke_key(s, env["data"]["key_id"], "laptop hilang")
    new_crl = _crl(world)
    assert leaf.serial_number in {r.serial_number for r in pki.load_crl(new_crl)}
    status = _validate(signed, root, new_crl)
    assert status.revoked and not status.trusted, status.summary()
    # ... even though the PDF itself carries the older CRL of the time of signing
    check = validate_pdf(signed, [pki.der(root)], [new_crl])
    assert check.state == "revoked" and "dicabut" in check.reason


def test_the_authority_is_made_once(world: World) -> None:
    from k3desk.server import authority

    with world.sessions() as s:
        first = authority.ensure(s)
    with world.sessions() as s:
        assert authority.ensure(s) == first
    assert pki.load_certificate(first.certificate_pem) == _root(world)


def test_admin_exports_the_root_it_makes_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.support.cli import run_cli

    url = f"sqlite:///{tmp_path / 'server.db'}"
    out = tmp_path / "balai-k3-root.crt"
    done = run_cli("admin", "ca-certificate", "--db", url, "--out", str(out),
                   "--organisation", "Balai K3 Jakarta", check=True)
    root = pki.load_certificate(out.read_text(encoding="ascii"))
    assert "O=Balai K3 Jakarta" in root.subject.rfc4514_string()
    assert "SHA-256" in done.stdout
    again = run_cli("admin", "ca-certificate", "--db", url, check=True)
    assert pki.load_certificate(again.stdout) == root  # made once, then kept
