"""Official documents as PDF (ReportLab platypus, no Qt): certificate and test report.

Public API::

    render_certificate(CertificateDocument) -> bytes
    render_report(ReportDocument) -> bytes
    sample_certificate_document(...), sample_report_document(pages=...)

Inputs are the plain dataclasses of ``k3desk.reports.model``; the same inputs give the
same bytes.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from k3desk.reports.certificate import render_certificate
    from k3desk.reports.report import render_report
    from k3desk.reports.sample import sample_certificate_document, sample_report_document

# ReportLab is imported with the first document rendered, not with the package (the
# window imports k3desk.reports.model at start; ReportLab costs half a second).
_LAZY = {"render_certificate": "certificate", "render_report": "report",
         "sample_certificate_document": "sample", "sample_report_document": "sample"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f"k3desk.reports.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BalaiInfo", "CertificateDocument", "CompanyInfo", "EquipmentInfo", "Instrument",
    "PersonInfo", "Photo", "ReportDocument", "ReportSection", "ResultRow", "SectionValue",
    "SignedStamp", "render_certificate", "render_report", "sample_certificate_document",
    "sample_report_document",
]
