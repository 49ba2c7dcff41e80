"""The QR code as printed: rasterised by poppler, decoded by zxing-cpp, then verified."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from k3desk.domain.errors import ValidationError
from k3desk.domain.signing import b64url_decode, b64url_encode
from k3desk.domain.verification import VerificationStatus, verify_certificate
from k3desk.domain.verify_url import build_verify_url, parse_verify_url
from k3desk.reports import sample_certificate_document, sample_report_document
from k3desk.reports.sample import sample_known_keys
from tests.reports.helpers import rasterize


def decode_qr(png: Path) -> list[str]:
    with Image.open(png) as img:
        results = zxingcpp.read_barcodes(img.convert("L"))
    return [r.text for r in results if r.format == zxingcpp.BarcodeFormat.QRCode]


@pytest.fixture(scope="module")
def printed_qr(certificate_pdf: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The certificate's QR as printed at 200 dpi, rasterised once for the tests that forge
    or check it."""
    return decode_qr(rasterize(certificate_pdf, 1, 200, tmp_path_factory.mktemp("qr")))[0]


@pytest.mark.parametrize("dpi", [150, pytest.param(300, marks=pytest.mark.slow)])
def test_printed_qr_decodes_to_the_signed_payload_and_verifies(
        certificate_pdf: Path, tmp_path: Path, dpi: int) -> None:
    texts = decode_qr(rasterize(certificate_pdf, 1, dpi, tmp_path))
    assert len(texts) == 1
    doc = sample_certificate_document()
    assert doc.stamp is not None
    assert texts[0] == doc.stamp.verify_url
    link = parse_verify_url(texts[0])
    assert link.payload == doc.stamp.payload
    assert link.signature == doc.stamp.signature
    assert link.number == doc.number
    result = verify_certificate(link.payload, link.signature, link.key_id, sample_known_keys(),
                                claimed_number=link.number)
    assert result.status is VerificationStatus.VALID, result.reason


def test_findings_report_qr_verifies_too(findings_pdf: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    count = len(PdfReader(findings_pdf).pages)  # one page since the tighter layout
    pages = [rasterize(findings_pdf, p, 200, tmp_path) for p in range(1, count + 1)]
    texts = [t for png in pages for t in decode_qr(png)]
    assert len(texts) == 1
    link = parse_verify_url(texts[0])
    assert '"verdict":"tidak_memenuhi"' in link.payload
    assert verify_certificate(link.payload, link.signature, link.key_id,
                              sample_known_keys()).ok


def test_report_signature_page_carries_the_certificate_qr(long_report_pdf: Path,
                                                          tmp_path: Path) -> None:
    from pypdf import PdfReader

    pages = [i for i, page in enumerate(PdfReader(long_report_pdf).pages, start=1)
             if "Pindai untuk memeriksa keaslian" in page.extract_text()]
    assert len(pages) == 1
    texts = decode_qr(rasterize(long_report_pdf, pages[0], 200, tmp_path))
    doc = sample_report_document()
    assert doc.stamp is not None and texts == [doc.stamp.verify_url]


def test_tampered_qr_payload_fails(printed_qr: str) -> None:
    text = printed_qr
    link = parse_verify_url(text)
    # a changed digit of the compact code: unreadable, or a payload the signature rejects
    for pos in (len(text) - 3, len(text) - 120, len(text) - 300):
        digit = str((int(text[pos]) + 1) % 10)
        try:
            forged = parse_verify_url(text[:pos] + digit + text[pos + 1:])
        except ValidationError:
            continue
        result = verify_certificate(forged.payload, forged.signature, forged.key_id,
                                    sample_known_keys(), claimed_number=forged.number)
        assert result.status is not VerificationStatus.VALID
    # the v1 link of the same certificate, its payload changed, fails too
    old = build_verify_url(link)
    forged_payload = link.payload.replace("memenuhi", "memenuhi ")
    forged_url = old.replace(b64url_encode(link.payload), b64url_encode(forged_payload))
    assert b64url_decode(b64url_encode(forged_payload)) == forged_payload
    forged = parse_verify_url(forged_url)
    result = verify_certificate(forged.payload, forged.signature, forged.key_id,
                                sample_known_keys(), claimed_number=forged.number)
    assert result.status is VerificationStatus.INVALID
    # a changed company with a re-canonicalised payload fails on the signature
    other = link.payload.replace("PT Sinar Baja Nusantara", "PT Lain")
    assert not verify_certificate(other, link.signature, link.key_id, sample_known_keys()).ok


def test_qr_from_an_unknown_key_fails(printed_qr: str) -> None:
    link = parse_verify_url(printed_qr)
    result = verify_certificate(link.payload, link.signature, link.key_id, {})
    assert result.status is VerificationStatus.INVALID
    assert "tidak dikenal" in result.reason


def test_qr_is_version_10_or_lower_and_decodes_from_a_100_dpi_render(
        certificate_pdf: Path, tmp_path: Path) -> None:
    """A phone reads it from paper: at most version 10, >= 0.5 mm a module."""
    from reportlab.lib.units import mm

    from k3desk.reports.blocks import QR_SIZE, QrCode

    doc = sample_certificate_document()
    assert doc.stamp is not None
    qr = QrCode(doc.stamp.verify_url)
    assert qr.count <= 57  # version 10
    assert QR_SIZE / (qr.count + 2 * qr.border) / mm >= 0.5
    texts = decode_qr(rasterize(certificate_pdf, 1, 100, tmp_path))
    assert texts == [doc.stamp.verify_url]
    link = parse_verify_url(texts[0])
    assert (link.payload, link.signature) == (doc.stamp.payload, doc.stamp.signature)
    result = verify_certificate(link.payload, link.signature, link.key_id, sample_known_keys(),
                                claimed_number=link.number)
    assert result.status is VerificationStatus.VALID, result.reason


def test_v1_links_of_certificates_already_issued_still_parse() -> None:
    from k3desk.domain.verify_url import VerifyLink, build_verify_url

    doc = sample_certificate_document()
    assert doc.stamp is not None
    old = build_verify_url(VerifyLink("https://k3.example.go.id", doc.number,
                                      doc.stamp.payload, doc.stamp.signature,
                                      doc.stamp.key_id))
    assert "/verify?" in old and old != doc.stamp.verify_url
    link = parse_verify_url(old)
    assert link.payload == doc.stamp.payload and link.signature == doc.stamp.signature
    compact = parse_verify_url(doc.stamp.verify_url)
    assert compact.payload == link.payload and compact.key_id == link.key_id
