"""Sample documents for tests, benchmarks and the demo: a crane at a Jakarta steel works.

Signed with a fixed sample key (``SAMPLE_KEY_ID``) so the output is the same on every run;
``sample_known_keys()`` gives the key for verification. The sample key is public: never
use it for a real certificate.
"""

from __future__ import annotations

import hashlib
import io
import math
from dataclasses import replace
from datetime import date
from typing import Any

from k3desk.domain.certificates import (
    VERDICT_MEMENUHI,
    VERDICT_TIDAK_MEMENUHI,
    build_payload,
    sign_payload,
)
from k3desk.domain.signing import keypair_from_private
from k3desk.domain.verification import KnownKey
from k3desk.domain.verify_url import VerifyLink, build_qr_url
from k3desk.reports.model import (
    BalaiInfo,
    CertificateDocument,
    CompanyInfo,
    EquipmentInfo,
    Instrument,
    PersonInfo,
    Photo,
    ReportDocument,
    ReportSection,
    ResultRow,
    SectionValue,
    SignedStamp,
)

SAMPLE_PRIVATE_KEY = hashlib.sha256(b"k3desk sample signing key - not for real use").digest()
SAMPLE_KEY_ID = "sample-key-1"
SAMPLE_SERVER = "https://k3.example.go.id"


def sample_known_keys() -> dict[str, KnownKey]:
    pair = keypair_from_private(SAMPLE_PRIVATE_KEY)
    return {SAMPLE_KEY_ID: KnownKey(public_key=pair.public_b64, user_id="sample-approver")}


def sample_balai() -> BalaiInfo:
    return BalaiInfo(
        name="Balai Keselamatan dan Kesehatan Kerja Jakarta", city="Jakarta",
        address="Jalan Jenderal Gatot Subroto Kav. 51, Jakarta Selatan 12950",
        phone="(021) 5255733", email="balaik3jakarta@example.go.id",
        website="k3.example.go.id", code="BK3JKT",
        head=PersonInfo("Ir. Siti Rahmawati, M.T.", "197205141998032001"))


def _inspector(with_signature: bool = True) -> PersonInfo:
    return PersonInfo("Budi Santoso, S.T.", "198603122010121002",
                      "Pengawas Ketenagakerjaan Spesialis K3 Pesawat Angkat dan Angkut",
                      signature_png=sample_signature_png() if with_signature else None)


def sample_signature_png() -> bytes:
    """A drawn signature: a deterministic ink scribble on a transparent background."""
    from PIL import Image, ImageDraw

    w, h = 600, 220
    img = Image.new("RGBA", (w, h), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    pts = []
    for i in range(240):
        t = i / 239
        x = 40 + 520 * t
        y = 120 + 55 * math.sin(t * 19) * (1 - t) + 25 * math.sin(t * 47)
        pts.append((x, y))
    d.line(pts, fill=(20, 30, 90, 255), width=6, joint="curve")
    d.line([(60, 175), (540, 150)], fill=(20, 30, 90, 255), width=4)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def sample_photo(index: int, width: int = 960, height: int = 720) -> bytes:
    """A stand-in site photo (JPEG): sky, floor, a crane girder and the photo's number."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width, height), (170, 190, 210))
    d = ImageDraw.Draw(img)
    shade = (index * 37) % 60
    d.rectangle([0, int(height * 0.62), width, height], fill=(110 + shade, 105, 95))
    d.rectangle([0, int(height * 0.18), width, int(height * 0.26)], fill=(225, 170, 30))
    for x in range(0, width, 80):
        d.line([(x, int(height * 0.18)), (x + 40, int(height * 0.26))], fill=(120, 90, 20),
               width=4)
    d.rectangle([int(width * 0.45), int(height * 0.26), int(width * 0.55), int(height * 0.3)],
                fill=(60, 60, 60))
    d.line([(width // 2, int(height * 0.3)), (width // 2, int(height * 0.55))], fill=(40, 40, 40),
           width=5)
    d.rectangle([int(width * 0.42), int(height * 0.55), int(width * 0.58), int(height * 0.66)],
                fill=(70, 90, 120))
    d.text((30, height - 60), f"FOTO {index}", fill=(255, 255, 255))
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=80)
    return buf.getvalue()


LEGAL_BASIS = (
    "Undang-Undang Nomor 1 Tahun 1970 tentang Keselamatan Kerja;",
    "Peraturan Menteri Ketenagakerjaan Nomor 8 Tahun 2020 tentang Keselamatan dan "
    "Kesehatan Kerja Pesawat Angkat dan Angkut;",
)


def _results(failing: bool) -> tuple[ResultRow, ...]:
    return (
        ResultRow("Uji beban dinamis 100 % SWL", "Tidak ada deformasi, rem berfungsi",
                  "Permenaker 8/2020", "Tidak ada deformasi", "", True, "T"),
        ResultRow("Uji beban statis 125 % SWL, lendutan girder", "≤ 16,0",
                  "L/600 (bentang 9,6 m)", "11,4", "mm", True, "?"),
        ResultRow("Keausan tali kawat baja (6×36)", "≤ 12 %", "Permenaker 8/2020 Ps 131",
                  "18,5" if failing else "4,0", "%", not failing, "R"),
        ResultRow("Kawat putus dalam satu strand", "< 5 kawat", "Permenaker 8/2020 Ps 131",
                  "1", "kawat", True, "R"),
        ResultRow("Pemanjangan mata rantai", "≤ 5 %", "Permenaker 8/2020 Ps 132", "1,2", "%",
                  True, "R"),
        ResultRow("Tahanan pembumian", "≤ 5,0 Ω", "Praktik lapangan (aplikasi)", "2,7", "Ω",
                  True, "A"),
        ResultRow("Limit switch naik/turun dan sakelar darurat", "Berfungsi baik",
                  "Permenaker 8/2020", "Tidak berfungsi" if failing else "Berfungsi baik",
                  "", not failing, "T"),
    )


FINDINGS = (
    "Tali kawat baja hoist aus 18,5 % pada panjang 50 cm (batas 12 %).",
    "Limit switch gerak naik tidak memutus arus pada posisi batas atas.",
)
RECOMMENDATIONS = (
    "Ganti tali kawat baja hoist dengan tali baru bersertifikat sesuai spesifikasi pabrik.",
    "Perbaiki atau ganti limit switch gerak naik, lalu ajukan pemeriksaan dan pengujian "
    "ulang.",
)


def _data_for_hash(number: str, failing: bool) -> dict[str, Any]:
    return {"number": number, "results": [r.measured for r in _results(failing)]}


def _stamp(number: str, verdict: str, issued: date, valid: date | None) -> SignedStamp:
    payload = build_payload(
        number=number, inspection_id="5f0c6f1e-7d1b-4f43-9a57-0d3c1b2a9e11",
        company="PT Sinar Baja Nusantara", equipment_serial="OHC-2019-07731", verdict=verdict,
        issued_on=issued, valid_until=valid,
        data=_data_for_hash(number, verdict == VERDICT_TIDAK_MEMENUHI))
    signature = sign_payload(SAMPLE_PRIVATE_KEY, payload)
    url = build_qr_url(VerifyLink(server=SAMPLE_SERVER, number=number, payload=payload,
                                      signature=signature, key_id=SAMPLE_KEY_ID))
    return SignedStamp(payload=payload, signature=signature, key_id=SAMPLE_KEY_ID,
                       verify_url=url)


def _common(failing: bool) -> dict[str, Any]:
    balai = sample_balai()
    assert balai.head is not None
    return dict(
        balai=balai, object_type_name="Overhead Crane",
        company=CompanyInfo("PT Sinar Baja Nusantara",
                            "Jalan Raya Cakung Cilincing Km 3 No. 18, Jakarta Utara 14130",
                            site="Gedung Fabrikasi 2, Kawasan Industri Cakung"),
        equipment=EquipmentInfo("Overhead Crane (double girder)", "OHC-2019-07731",
                                make="Konecranes", model="CXT 10t", capacity="10 ton",
                                year_built="2019", location="Gedung Fabrikasi 2, bentang A-B",
                                extra=(("Bentang", "9,6 m"), ("Tinggi angkat", "8 m"))),
        inspection_kind="berkala", inspected_on=date(2026, 3, 4), issued_on=date(2026, 3, 6),
        place="Jakarta", verdict=VERDICT_TIDAK_MEMENUHI if failing else VERDICT_MEMENUHI,
        results=_results(failing), inspector=_inspector(), approver=balai.head,
        legal_basis=LEGAL_BASIS, valid_until=None if failing else date(2027, 3, 4),
        findings=FINDINGS if failing else (), recommendations=RECOMMENDATIONS if failing
        else (),
    )


def sample_certificate_document(*, failing: bool = False, signed: bool = True,
                                number: str = "0042/PAA/BK3JKT/III/2026",
                                replaces_number: str = "") -> CertificateDocument:
    """A one-page certificate (or, with ``failing``, the findings report)."""
    fields = _common(failing)
    fields["inspector"] = replace(fields["inspector"], signature_png=None)
    # a certificate summarises: the main factors only (the report lists them all)
    fields["results"] = tuple(r for i, r in enumerate(fields["results"]) if i not in (3, 4))
    stamp = (_stamp(number, fields["verdict"], fields["issued_on"], fields["valid_until"])
             if signed else None)
    return CertificateDocument(
        **fields, number=number, stamp=stamp, report_number=f"LP-{number}",
        report_date=date(2026, 3, 5), replaces_number=replaces_number,
        conditions=() if failing else (
            "Dioperasikan oleh operator yang memiliki lisensi K3 sesuai kelasnya;",
            "Beban tidak melebihi kapasitas 10 ton yang tertera pada pesawat angkat;",
            "Pemeriksaan dan pengujian berkala berikutnya paling lambat pada tanggal "
            "berakhirnya Surat Keterangan ini."))


def _sections(pages: int) -> tuple[ReportSection, ...]:
    sections = [
        ReportSection("Data Teknis", (
            SectionValue("Kapasitas angkat (SWL)", "10", "ton"),
            SectionValue("Bentang (span)", "9,6", "m"),
            SectionValue("Tinggi angkat", "8", "m"),
            SectionValue("Kecepatan angkat", "5,0 / 0,8", "m/menit"),
            SectionValue("Kecepatan jalan troli", "20", "m/menit"),
            SectionValue("Kecepatan jalan crane", "40", "m/menit"),
            SectionValue("Diameter tali kawat baja", "14", "mm"),
            SectionValue("Konstruksi tali", "6×36 IWRC", ""),
            SectionValue("Daya motor hoist", "11", "kW"),
            SectionValue("Sumber tenaga", "380 V / 50 Hz, 3 fase", ""),
        )),
        ReportSection("Pemeriksaan Visual", tuple(
            SectionValue(label, "Baik") for label in (
                "Pondasi dan rel (runway)", "Girder dan sambungan baut", "End carriage",
                "Troli dan roda", "Hook, pengunci hook (safety latch)", "Drum dan alur tali",
                "Sheave / puli", "Panel listrik dan kabel", "Pendant control",
                "Tanda kapasitas (SWL) pada girder"))),
        ReportSection("Pengukuran Tali Kawat Baja", tuple(
            SectionValue(f"Diameter titik {i}", f"{13.9 - 0.05 * (i % 3):.2f}".replace(".", ","),
                         "mm") for i in range(1, 9))),
        ReportSection("Uji Beban", (
            SectionValue("Beban uji dinamis 25 % SWL", "2,5", "ton", "baik"),
            SectionValue("Beban uji dinamis 50 % SWL", "5,0", "ton", "baik"),
            SectionValue("Beban uji dinamis 75 % SWL", "7,5", "ton", "baik"),
            SectionValue("Beban uji dinamis 100 % SWL", "10,0", "ton", "baik"),
            SectionValue("Beban uji statis 125 % SWL", "12,5", "ton", "ditahan 10 menit"),
            SectionValue("Lendutan girder", "11,4", "mm"),
        )),
    ]
    for extra in range(max(0, pages - 6)):
        sections.append(ReportSection(f"Pengukuran Tambahan {extra + 1}", tuple(
            SectionValue(f"Titik ukur {extra + 1}.{i}", f"{2.5 + 0.1 * i:.1f}".replace(".", ","),
                         "Ω") for i in range(1, 13))))
    return tuple(sections)


def sample_report_document(*, pages: int = 4, failing: bool = False, signed: bool = True,
                           number: str = "LP-0042/PAA/BK3JKT/III/2026") -> ReportDocument:
    """A test report; ``pages`` roughly sets its length (more photos and sections)."""
    fields = _common(failing)
    fields["issued_on"] = date(2026, 3, 5)
    certificate_number = number.removeprefix("LP-")
    stamp = (_stamp(certificate_number, fields["verdict"], date(2026, 3, 6),
                    fields["valid_until"]) if signed else None)
    photo_count = max(2, (pages - 2) * 4)
    captions = ("Tampak keseluruhan overhead crane", "Pelat nama (name plate)",
                "Kondisi hook dan safety latch", "Tali kawat baja pada drum",
                "Uji beban statis 12,5 ton", "Pengukuran lendutan girder")
    photos = tuple(Photo(sample_photo(i + 1), captions[i % len(captions)])
                   for i in range(photo_count))
    return ReportDocument(
        **fields, number=number, certificate_number=certificate_number, stamp=stamp,
        sections=_sections(pages),
        instruments=(
            Instrument("Load cell digital 20 t", "LC-20-1187", date(2026, 9, 30)),
            Instrument("Theodolite digital", "TD-556201", date(2026, 6, 15)),
            Instrument("Jangka sorong digital 150 mm", "JS-88213", date(2026, 11, 2)),
            Instrument("Earth tester", "ET-4105-0091", date(2026, 8, 20)),
        ),
        photos=photos,
        notes="Pemeriksaan didampingi oleh Sdr. Andi Wijaya (Ahli K3 Umum perusahaan).")
