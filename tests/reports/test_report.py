"""The test report: every section with units, findings, photos, pagination."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from k3desk.reports import render_report, sample_report_document
from k3desk.reports.model import Photo
from k3desk.reports.report import MAX_PHOTO_PIXELS, _prepared_photo
from tests.reports.helpers import LONG_REPORT_PAGES


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_long_report_paginates_with_header_and_page_numbers(long_report_pdf: Path) -> None:
    reader = PdfReader(long_report_pdf)
    n = len(reader.pages)
    assert n >= LONG_REPORT_PAGES - 1
    doc = sample_report_document(pages=LONG_REPORT_PAGES)
    for i, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"Halaman {i} dari {n}" in text
        assert f"Nomor: {doc.number}" in text
        if i == 1:
            assert "KEMENTERIAN KETENAGAKERJAAN REPUBLIK INDONESIA" in text
        else:
            assert "Balai Keselamatan dan Kesehatan Kerja Jakarta" in text
            assert "Laporan Pemeriksaan dan Pengujian K3 - Overhead Crane" in text


def test_every_section_value_with_its_unit(long_report_pdf: Path) -> None:
    text = flat("\n".join(p.extract_text() for p in PdfReader(long_report_pdf).pages))
    doc = sample_report_document(pages=LONG_REPORT_PAGES)
    for section in doc.sections:
        assert section.title.upper() in text
        for value in section.values:
            assert value.label in text
            assert value.value in text
            if value.unit:
                assert value.unit in text
    assert "LAPORAN PEMERIKSAAN DAN PENGUJIAN K3" in text
    assert "Nomor surat keterangan : 0042/PAA/BK3JKT/III/2026" in text
    assert "MEMENUHI PERSYARATAN K3" in text
    for instrument in doc.instruments:
        assert instrument.serial_number in text
    assert "30 September 2026" in text  # calibration date, Indonesian
    assert "Tidak ada temuan." in text


def test_photos_are_all_placed_scaled_and_captioned(long_report_pdf: Path) -> None:
    reader = PdfReader(long_report_pdf)
    doc = sample_report_document(pages=LONG_REPORT_PAGES)
    text = flat("\n".join(p.extract_text() for p in reader.pages))
    for i, photo in enumerate(doc.photos, start=1):
        assert f"Foto {i}. {photo.caption}" in text
    placed = sum(len(page.images) for page in reader.pages)
    # photos + logo on every page + the inspector's drawn signature
    assert placed >= len(doc.photos) + 1
    assert len(doc.photos) >= 20


def test_failed_report_lists_findings_and_recommendations() -> None:
    doc = sample_report_document(pages=2, failing=True)
    text = flat("\n".join(p.extract_text()
                          for p in PdfReader(io.BytesIO(render_report(doc))).pages))
    assert "TIDAK MEMENUHI PERSYARATAN K3" in text
    for line in doc.findings + doc.recommendations:
        assert line in text
    assert "Tidak Memenuhi" in text


def test_report_rendering_is_deterministic() -> None:
    doc = sample_report_document(pages=3)
    assert render_report(doc) == render_report(doc)


def test_large_camera_photo_is_reduced_before_embedding() -> None:
    img = Image.new("RGB", (4000, 3000), (120, 130, 140))
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=90)
    data, w, h = _prepared_photo(buf.getvalue())
    assert (w, h) == (MAX_PHOTO_PIXELS, 1200)
    with Image.open(io.BytesIO(data)) as small:
        assert small.size == (w, h)
    doc = replace(sample_report_document(pages=2, signed=False),
                  photos=(Photo(buf.getvalue(), "Foto besar dari kamera"),))
    reader = PdfReader(io.BytesIO(render_report(doc)))
    sizes = [img.image.size for page in reader.pages for img in page.images
             if img.image is not None]
    assert (MAX_PHOTO_PIXELS, 1200) in sizes
    assert all(max(size) <= MAX_PHOTO_PIXELS for size in sizes)
    assert any("Foto 1. Foto besar dari kamera" in p.extract_text() for p in reader.pages)
