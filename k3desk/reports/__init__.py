"""Official documents as PDF (ReportLab platypus, no Qt): certificate and test report.

Public API::

    render_certificate(CertificateDocument) -> bytes
    render_report(ReportDocument) -> bytes
    sample_certificate_document(...), sample_report_document(pages=...)

Inputs are the plain dataclasses of ``k3desk.reports.model``; the same inputs give the
same bytes.
"""

from __future__ import annotations

from k3desk.reports.certificate import render_certificate
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
from k3desk.reports.report import render_report
from k3desk.reports.sample import sample_certificate_document, sample_report_document

__all__ = [
    "BalaiInfo", "CertificateDocument", "CompanyInfo", "EquipmentInfo", "Instrument",
    "PersonInfo", "Photo", "ReportDocument", "ReportSection", "ResultRow", "SectionValue",
    "SignedStamp", "render_certificate", "render_report", "sample_certificate_document",
    "sample_report_document",
]
