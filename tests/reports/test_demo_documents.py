"""The documents of a real demo folder, as the company receives them (issue 15)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from k3desk.domain.errors import ValidationError
from k3desk.reports.model import FOLLOW_UP_LABEL
from k3desk.services import document_service
from k3desk.store.db import open_database
from k3desk.store.models import Balai, Certificate, Equipment, Inspection


def _pages(data: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(io.BytesIO(data)).pages]


def _crane(db_dir: Path) -> str:
    db = open_database(db_dir)
    with db.session() as s:
        for cert in s.scalars(select(Certificate).order_by(Certificate.number)):
            inspection = s.get(Inspection, cert.inspection_id)
            assert inspection is not None
            equipment = s.get(Equipment, inspection.equipment_id)
            if equipment is not None and equipment.object_type == "overhead_crane":
                return inspection.id
    raise AssertionError("the demo has no certified overhead crane")


def test_demo_crane_certificate_is_at_most_two_pages_and_reads_as_official(
        demo_dir: Path) -> None:
    inspection_id = _crane(demo_dir)
    db = open_database(demo_dir)
    data, _ = document_service.render(db, inspection_id, "certificate")
    pages = _pages(data)
    assert len(pages) <= 2
    assert "C. Hasil Pemeriksaan dan Pengujian" in pages[0] and "Faktor yang diperiksa" in pages[0]
    text = " ".join(pages)
    assert "k3desk verify" not in text and "pindai kode QR" in text
    assert "dicabut" not in text and "*" not in text
    assert "/verify" in text  # the address a person can type
    # the key line: the approver's name and a short fingerprint, not a raw key id
    assert re.search(r"oleh [^()]+\(sidik kunci [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}\)",
                     text)
    with db.session() as s:
        inspection = s.get(Inspection, inspection_id)
        assert inspection is not None
        cert = s.scalars(select(Certificate).where(
            Certificate.inspection_id == inspection_id)).one()
        equipment = s.get(Equipment, inspection.equipment_id)
        assert equipment is not None
        assert cert.key_id not in text
        location = equipment.location
    # Tempat pemeriksaan is the site, not the spot of the equipment inside it
    place = re.search(r"Tempat pemeriksaan : (.+?) B\. Objek", text)
    assert place is not None and location not in place.group(1)
    assert "versi 2" in text  # the requirements the Balai applied


def _certified(db_dir: Path, object_type: str) -> str:
    db = open_database(db_dir)
    with db.session() as s:
        for cert in s.scalars(select(Certificate).order_by(Certificate.number)):
            inspection = s.get(Inspection, cert.inspection_id)
            assert inspection is not None
            equipment = s.get(Equipment, inspection.equipment_id)
            if equipment is not None and equipment.object_type == object_type:
                return inspection.id
    raise AssertionError(f"the demo has no certified {object_type}")


@pytest.mark.parametrize("object_type", ["forklift", "penyalur_petir"])
def test_short_certificates_keep_their_signatures_on_one_page(demo_dir: Path,
                                                              object_type: str) -> None:
    """A certificate a little too long for its page (the closing block ~14 mm short; for
    the lightning protection, a findings report with its findings and recommendations)
    is laid out tighter rather than leaving the signatures alone on page 2."""
    db = open_database(demo_dir)
    data, _ = document_service.render(db, _certified(demo_dir, object_type), "certificate")
    pages = _pages(data)
    assert len(pages) == 1, object_type
    text = pages[0]
    assert "Halaman 1 dari 1" in text and "KESIMPULAN" in text
    assert "Pemeriksa," in text and "Ditetapkan di" in text and "NIP" in text
    assert "pindai kode QR" in text


def test_minor_failure_is_a_follow_up_never_a_failed_row_under_a_pass(demo_dir: Path) -> None:
    inspection_id = _crane(demo_dir)
    db = open_database(demo_dir)
    with db.session() as s, s.begin():
        inspection = s.get(Inspection, inspection_id)
        assert inspection is not None
        values = dict(inspection.values or {})
        steps = [dict(x) for x in values["langkah_uji_beban"]]
        steps[0]["lendutan"] = 90  # girder deflection over span/600: a minor rule
        values["langkah_uji_beban"] = steps
        inspection.values = values
    for document_type in ("certificate", "report"):
        data, _ = document_service.render(db, inspection_id, document_type)
        text = " ".join(_pages(data))
        assert "MEMENUHI PERSYARATAN K3" in text and "TIDAK MEMENUHI" not in text
        assert "Tidak Memenuhi" not in text, document_type
        assert FOLLOW_UP_LABEL in text, document_type


def test_render_refuses_a_balai_without_city(demo_dir: Path) -> None:
    inspection_id = _crane(demo_dir)
    db = open_database(demo_dir)
    with db.session() as s, s.begin():
        for balai in s.scalars(select(Balai)):
            balai.city = ""
    for document_type in ("certificate", "report"):
        with pytest.raises(ValidationError, match="kota Balai"):
            document_service.render(db, inspection_id, document_type)


def _images(data: bytes) -> int:
    count = 0
    for page in PdfReader(io.BytesIO(data)).pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        count += sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")
    return count


def test_demo_crane_report_lists_instruments_draws_photos_one_data_umum(
        demo_dir: Path) -> None:
    inspection_id = _crane(demo_dir)
    db = open_database(demo_dir)
    with db.session() as s:
        inspection = s.get(Inspection, inspection_id)
        assert inspection is not None and inspection.instrument_ids
        from k3desk.store.models import Attachment, Instrument

        instruments = [s.get(Instrument, i) for i in inspection.instrument_ids]
        photos = list(s.scalars(select(Attachment).where(
            Attachment.inspection_id == inspection_id, Attachment.deleted.is_(False))))
    data, _ = document_service.render(db, inspection_id, "report")
    text = " ".join(_pages(data))
    assert text.count("DATA UMUM") == 1
    for ins in instruments:
        assert ins is not None
        assert ins.name in text and ins.serial_number in text
        if ins.calibration_certificate:
            assert ins.calibration_certificate in text
    assert "Sertifikat kalibrasi" in text
    # the photos are pictures (besides the logos), each with its caption
    assert photos and _images(data) >= len(photos) + 2
    assert "Foto 1." in text
    # the broken-wire count has one unit everywhere
    assert re.search(r"Kawat putus dalam satu strand 0 buah", text)
    assert "LAMPIRAN: SUMBER PERSYARATAN" in text and "dicabut" in text


def test_demo_crane_qr_decodes_from_a_100_dpi_render(demo_dir: Path, tmp_path: Path) -> None:
    from k3desk.domain.verify_url import parse_verify_url
    from tests.reports.helpers import rasterize
    from tests.reports.test_qr import decode_qr

    inspection_id = _crane(demo_dir)
    db = open_database(demo_dir)
    data, _ = document_service.render(db, inspection_id, "certificate")
    pdf = tmp_path / "crane.pdf"
    pdf.write_bytes(data)
    pages = len(PdfReader(pdf).pages)
    texts = decode_qr(rasterize(pdf, pages, 100, tmp_path))
    assert len(texts) == 1 and "/V/" in texts[0]
    with db.session() as s:
        cert = s.scalars(select(Certificate).where(
            Certificate.inspection_id == inspection_id)).one()
        link = parse_verify_url(texts[0])
        assert (link.payload, link.signature, link.key_id) == (cert.payload, cert.signature,
                                                               cert.key_id)


def test_every_demo_certificate_qr_prints_at_half_a_millimetre_a_module(
        demo_dir: Path) -> None:
    """The compact link of each real demo certificate (with its signed company address and
    approver) as printed: at least 0.5 mm a module, the size a phone reads from paper."""
    from reportlab.lib.units import mm

    from k3desk.domain.compact_link import compact_code, compact_url
    from k3desk.reports.blocks import QR_SIZE, QrCode

    db = open_database(demo_dir)
    with db.session() as s:
        certificates = list(s.scalars(select(Certificate)))
    assert certificates
    for cert in certificates:
        digits = compact_code(cert.payload, cert.signature, cert.key_id)
        assert digits is not None, cert.number  # never the long v1 link
        qr = QrCode(compact_url("https://k3.kemnaker.go.id", digits))
        assert qr.count <= 65, cert.number  # version 12
        assert QR_SIZE / (qr.count + 2 * qr.border) / mm >= 0.5, cert.number
