"""The certificate PDF: its text, metadata, fonts, page layout and determinism."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from k3desk.reports import render_certificate, sample_certificate_document
from k3desk.reports.layout import INFO_KEY_ID, INFO_PAYLOAD, INFO_SIGNATURE
from k3desk.reports.model import UNVERIFIED_FOOTNOTE, PersonInfo
from tests.reports.helpers import need_poppler


def text_of(pdf: Path | bytes) -> str:
    data = pdf if isinstance(pdf, bytes) else pdf.read_bytes()
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(p.extract_text() for p in reader.pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_certificate_text_holds_number_company_serial_verdict_and_validity(
        certificate_pdf: Path) -> None:
    text = flat(text_of(certificate_pdf))
    doc = sample_certificate_document()
    assert "SURAT KETERANGAN" in text
    assert f"Nomor: {doc.number}" in text
    assert doc.company.name in text
    assert doc.equipment.serial_number in text
    assert "MEMENUHI PERSYARATAN K3" in text and "TIDAK MEMENUHI" not in text
    assert "berlaku sampai dengan 4 Maret 2027" in text
    assert "Ditetapkan di Jakarta" in text and "pada tanggal 6 Maret 2026" in text
    assert f"NIP {doc.approver.nip}" in text and f"NIP {doc.inspector.nip}" in text
    assert "Undang-Undang Nomor 1 Tahun 1970" in text
    assert f"Laporan Pemeriksaan dan Pengujian Nomor {doc.report_number}" in text


def test_letterhead_results_and_footer(certificate_pdf: Path) -> None:
    text = flat(text_of(certificate_pdf))
    assert "KEMENTERIAN KETENAGAKERJAAN REPUBLIK INDONESIA" in text
    assert "BALAI KESELAMATAN DAN KESEHATAN KERJA JAKARTA" in text
    for row in sample_certificate_document().results:
        assert row.factor in text
    assert "≤ 12 %" in text and "2,7 Ω" in text
    # a company's certificate carries no doubt: no asterisk, no footnote, no "(dicabut)"
    assert "≤ 16,0" in text and "≤ 16,0*" not in text and UNVERIFIED_FOOTNOTE not in text
    assert "dicabut" not in text
    # the footer says what a company can do, not which program to run
    assert "k3desk verify" not in text and "pindai kode QR" in text
    assert "Pindai untuk memeriksa keaslian" in text
    assert "Halaman 1 dari 1" in text


def test_sample_certificate_is_one_page(certificate_pdf: Path) -> None:
    assert len(PdfReader(certificate_pdf).pages) == 1


def test_metadata_title_subject_keywords_and_embedded_payload(certificate_pdf: Path) -> None:
    doc = sample_certificate_document()
    meta = PdfReader(certificate_pdf).metadata
    assert meta is not None
    assert meta.title == f"SURAT KETERANGAN Nomor {doc.number}"
    assert doc.company.name in (meta.subject or "")
    assert doc.number in str(meta["/Keywords"])
    assert doc.equipment.serial_number in str(meta["/Keywords"])
    assert meta["/CreationDate"].startswith("D:20260306")
    assert doc.stamp is not None
    assert meta["/" + INFO_SIGNATURE] == doc.stamp.signature
    assert meta["/" + INFO_KEY_ID] == doc.stamp.key_id
    assert meta["/" + INFO_PAYLOAD]


def test_fonts_are_embedded(certificate_pdf: Path, findings_pdf: Path) -> None:
    need_poppler()
    for pdf in (certificate_pdf, findings_pdf):
        out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                             check=True).stdout
        rows = out.splitlines()[2:]
        assert rows, out
        for row in rows:
            cols = row.split()
            # name type encoding emb sub uni object-id generation
            assert cols[-5] == "yes", f"font not embedded: {row}"
            assert "LiberationSans" in cols[0]


def test_same_inputs_give_the_same_bytes() -> None:
    a = render_certificate(sample_certificate_document())
    b = render_certificate(sample_certificate_document())
    assert a == b
    c = render_certificate(sample_certificate_document(number="0043/PAA/BK3JKT/III/2026"))
    assert c != a


def test_findings_report_for_a_failed_object(findings_pdf: Path) -> None:
    text = flat(text_of(findings_pdf))
    doc = sample_certificate_document(failing=True)
    assert "SURAT KETERANGAN HASIL PEMERIKSAAN" in text and "(LAPORAN TEMUAN)" in text
    assert "TIDAK MEMENUHI PERSYARATAN K3" in text
    assert "berlaku sampai" not in text
    assert "tidak boleh dioperasikan" in text
    for line in doc.findings + doc.recommendations:
        assert line in text
    assert "Temuan" in text and "Rekomendasi" in text
    assert doc.number in text and doc.equipment.serial_number in text


def test_corrected_certificate_names_the_one_it_replaces() -> None:
    pdf = render_certificate(sample_certificate_document(
        number="0050/PAA/BK3JKT/III/2026", replaces_number="0042/PAA/BK3JKT/III/2026"))
    text = flat(text_of(pdf))
    assert "Menggantikan Surat Keterangan Nomor 0042/PAA/BK3JKT/III/2026" in text


def test_unsigned_certificate_has_no_qr_and_no_payload() -> None:
    pdf = render_certificate(sample_certificate_document(signed=False))
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None and "/" + INFO_PAYLOAD not in reader.metadata
    assert "Pindai untuk memeriksa keaslian" not in text_of(pdf)


def test_markup_in_user_text_is_printed_not_interpreted() -> None:
    doc = sample_certificate_document(signed=False)
    doc = replace(doc, company=replace(doc.company, name="PT <b>A&B</b> Jaya"))
    assert "PT <b>A&B</b> Jaya" in flat(text_of(render_certificate(doc)))


def test_long_results_table_flows_onto_a_second_page_with_header_and_numbers() -> None:
    doc = sample_certificate_document()
    doc = replace(doc, results=doc.results * 8)
    pdf = render_certificate(doc)
    reader = PdfReader(io.BytesIO(pdf))
    n = len(reader.pages)
    assert n >= 2
    for i, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"Halaman {i} dari {n}" in text
        if i > 1:
            assert "Balai Keselamatan dan Kesehatan Kerja Jakarta" in text
            assert "Faktor yang diperiksa" in text or "Pemeriksa" in text  # repeated header


def test_a_supervisor_signs_on_behalf_of_the_head() -> None:
    from k3desk.reports.model import PersonInfo

    doc = sample_certificate_document(signed=False)
    supervisor = PersonInfo("Dewi Lestari, S.T.", "198901012015032004",
                            "Kepala Seksi Pengujian")
    text = flat(text_of(render_certificate(replace(doc, approver=supervisor))))
    assert "a.n. KEPALA BALAI K3 JAKARTA, Kepala Seksi Pengujian," in text
    assert "Dewi Lestari, S.T." in text and "NIP 198901012015032004" in text
    # the head signing in person gets no 'a.n.'
    assert "a.n." not in flat(text_of(render_certificate(doc)))


def test_the_balai_logo_is_a_setting(tmp_path: Path) -> None:
    import pytest
    from PIL import Image

    from k3desk.domain.errors import DataFileError

    logo = tmp_path / "logo.png"
    Image.new("RGB", (57, 61), (200, 30, 30)).save(logo)
    doc = sample_certificate_document(signed=False)
    pdf = render_certificate(replace(doc, balai=replace(doc.balai, logo_path=logo)))
    sizes = [img.image.size for img in PdfReader(io.BytesIO(pdf)).pages[0].images]
    assert (57, 61) in sizes
    with pytest.raises(DataFileError, match="logo"):
        render_certificate(replace(doc, balai=replace(doc.balai,
                                                      logo_path=tmp_path / "none.png")))


def test_a_provincial_balai_sets_its_own_letterhead_lines() -> None:
    doc = sample_certificate_document(signed=False)
    balai = replace(doc.balai, name="UPTD Balai Hiperkes dan KK Provinsi Lampung",
                    city="Bandar Lampung",
                    parent_lines=("PEMERINTAH PROVINSI LAMPUNG", "DINAS TENAGA KERJA"),
                    head_title="KEPALA UPTD BALAI HIPERKES DAN KK")
    text = flat(text_of(render_certificate(replace(doc, balai=balai, approver=PersonInfo(
        "Ir. Siti Rahmawati, M.T.", "197205141998032001")))))
    assert "PEMERINTAH PROVINSI LAMPUNG" in text and "DINAS TENAGA KERJA" in text
    assert "UPTD BALAI HIPERKES DAN KK PROVINSI LAMPUNG" in text
    assert "KEMENTERIAN KETENAGAKERJAAN" not in text
    assert "KEPALA UPTD BALAI HIPERKES DAN KK," in text
