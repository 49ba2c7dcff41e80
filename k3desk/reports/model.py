"""What the renderers print: plain dataclasses, independent of the database.

The services fill these from the store; tests and benchmarks use ``sample.py``. Every
text is final (already translated and formatted) except dates, which the renderers
write the Indonesian way, and measured values, which they print as given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from k3desk.domain.certificates import VERDICT_MEMENUHI, VERDICT_TIDAK_MEMENUHI, VERDICTS

DEFAULT_PARENT_LINES = (
    "KEMENTERIAN KETENAGAKERJAAN REPUBLIK INDONESIA",
    "DIREKTORAT JENDERAL PEMBINAAN PENGAWASAN KETENAGAKERJAAN "
    "DAN KESELAMATAN DAN KESEHATAN KERJA",
)

#: grades of a threshold's source (K3_DOMAIN.md): only R is taken from the regulation text
VERIFIED_GRADES = ("R",)
FOLLOW_UP_LABEL = "Catatan: perlu tindak lanjut"
UNVERIFIED_FOOTNOTE = "ambang belum terverifikasi terhadap teks peraturan"

INSPECTION_KINDS = {
    "pertama": "Pertama",
    "berkala": "Berkala",
    "khusus": "Khusus",
    "ulang": "Ulang",
}


@dataclass(frozen=True)
class PersonInfo:
    """Someone who signs: inspector, approver, head of Balai."""

    name: str
    nip: str = ""
    position: str = ""  # e.g. "Pengawas Ketenagakerjaan Spesialis K3 Pesawat Angkat dan Angkut"
    signature_png: bytes | None = None  # a drawn signature (PNG with transparency)


@dataclass(frozen=True)
class BalaiInfo:
    """Per-Balai settings for the letterhead and the closing block."""

    name: str  # "BALAI KESELAMATAN DAN KESEHATAN KERJA JAKARTA"
    city: str  # "Jakarta": "Ditetapkan di", "KEPALA BALAI K3 JAKARTA"
    address: str
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    code: str = ""  # "BK3JKT"
    logo_path: Path | None = None  # None: the placeholder emblem in resources/logos
    logo_png: bytes | None = None  # the Balai's own logo (PNG or JPEG bytes), before logo_path
    parent_lines: tuple[str, ...] = DEFAULT_PARENT_LINES
    head_title: str = ""  # "" -> "KEPALA BALAI K3 <CITY>"
    head: PersonInfo | None = None

    @property
    def head_title_text(self) -> str:
        return self.head_title or f"KEPALA BALAI K3 {self.city.upper()}"


@dataclass(frozen=True)
class CompanyInfo:
    name: str
    address: str
    site: str = ""  # place of the test when it differs from the address
    sector: str = ""


@dataclass(frozen=True)
class EquipmentInfo:
    object_type_name: str  # "Overhead Crane"
    serial_number: str
    make: str = ""
    model: str = ""
    capacity: str = ""  # with its unit: "10 ton"
    year_built: str = ""
    location: str = ""
    extra: tuple[tuple[str, str], ...] = ()  # further (label, value) rows


@dataclass(frozen=True)
class ResultRow:
    """One factor of the results table."""

    factor: str
    required: str  # "≤ 5,0 Ω"
    reference: str  # "Permenaker 8/2020 Ps 131"
    measured: str  # "3,2"
    unit: str = ""
    passed: bool | None = True  # None: not applicable / for information
    grade: str = "R"
    severity: str = "major"  # critical / major / minor (templates decide)
    source_note: str = ""  # the maintainers' note on the source ("dicabut"), appendix only
    group: str = ""  # the factor without its item number: rows of one group merge

    @property
    def verified(self) -> bool:
        return self.grade in VERIFIED_GRADES

    @property
    def follow_up(self) -> bool:
        """A failed minor rule: a finding to follow up, never 'Tidak Memenuhi' (the
        verdict does not rest on it)."""
        return self.passed is False and self.severity == "minor"

    @property
    def result_label(self) -> str:
        if self.passed is None:
            return "-"
        if self.follow_up:
            return FOLLOW_UP_LABEL
        return "Memenuhi" if self.passed else "Tidak Memenuhi"


@dataclass(frozen=True)
class SectionValue:
    label: str
    value: str
    unit: str = ""
    note: str = ""


@dataclass(frozen=True)
class ReportSection:
    """A section of the test report form: its title and every value entered."""

    title: str
    values: tuple[SectionValue, ...]


@dataclass(frozen=True)
class Instrument:
    name: str
    serial_number: str = ""
    calibrated_until: date | None = None
    calibration_certificate: str = ""


@dataclass(frozen=True)
class Photo:
    data: bytes  # JPEG or PNG
    caption: str


@dataclass(frozen=True)
class SignedStamp:
    """The signed payload the QR code and the PDF carry (SYNC_PROTOCOL.md 7-8)."""

    payload: str
    signature: str  # standard base64
    key_id: str
    verify_url: str  # what the QR code encodes
    signer: str = ""  # who approved and signed: "Ir. Hendra Wijaya"
    fingerprint: str = ""  # the signing key's short fingerprint: "3F2A 9C01 77B4 E6D0"
    verify_address: str = ""  # the address a person types: "k3.example.go.id/verify"


@dataclass(frozen=True)
class _DocumentBase:
    balai: BalaiInfo
    number: str
    object_type_name: str
    company: CompanyInfo
    equipment: EquipmentInfo
    inspection_kind: str  # pertama / berkala / khusus / ulang
    inspected_on: date
    issued_on: date
    place: str  # "Jakarta": Ditetapkan di / place of the report
    verdict: str  # memenuhi / tidak_memenuhi
    results: tuple[ResultRow, ...]
    inspector: PersonInfo
    approver: PersonInfo
    legal_basis: tuple[str, ...] = ()
    valid_until: date | None = None
    findings: tuple[str, ...] = ()
    recommendations: tuple[str, ...] = ()
    stamp: SignedStamp | None = None

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {self.verdict!r}")

    @property
    def meets(self) -> bool:
        return self.verdict == VERDICT_MEMENUHI

    @property
    def fails(self) -> bool:
        return self.verdict == VERDICT_TIDAK_MEMENUHI

    @property
    def kind_label(self) -> str:
        return INSPECTION_KINDS.get(self.inspection_kind, self.inspection_kind.title())


@dataclass(frozen=True)
class CertificateDocument(_DocumentBase):
    """A Surat Keterangan (or, for tidak_memenuhi, the findings report that replaces it)."""

    report_number: str = ""  # the test report it rests on
    report_date: date | None = None
    conditions: tuple[str, ...] = ()  # "syarat" printed with the validity
    replaces_number: str = ""  # a corrected certificate names the one it replaces
    template_label: str = ""  # "Templat overhead_crane versi 2": the requirements applied


@dataclass(frozen=True)
class ReportDocument(_DocumentBase):
    """The Laporan Pemeriksaan dan Pengujian: every section, value, finding and photo."""

    certificate_number: str = ""
    sections: tuple[ReportSection, ...] = ()
    instruments: tuple[Instrument, ...] = ()
    photos: tuple[Photo, ...] = ()
    notes: str = ""
    template_label: str = ""  # "overhead_crane v2": what the appendix cites
