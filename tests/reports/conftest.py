"""Rendered sample documents shared by the report tests (rendering is the slow part).

``pdf_dir`` and ``certificate_pdf`` are in tests/conftest.py (the verify CLI tests use them
too).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from k3desk.reports import (
    render_certificate,
    render_report,
    sample_certificate_document,
    sample_report_document,
)
from tests.reports.helpers import LONG_REPORT_PAGES


@pytest.fixture(scope="session")
def findings_pdf(pdf_dir: Path) -> Path:
    path = pdf_dir / "findings.pdf"
    path.write_bytes(render_certificate(sample_certificate_document(failing=True)))
    return path


@pytest.fixture(scope="session")
def long_report_pdf(pdf_dir: Path) -> Path:
    path = pdf_dir / "report.pdf"
    path.write_bytes(render_report(sample_report_document(pages=LONG_REPORT_PAGES)))
    return path
