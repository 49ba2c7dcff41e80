"""Rendered sample documents shared by the report tests (rendering is the slow part)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from k3desk.reports import (
    render_certificate,
    render_report,
    sample_certificate_document,
    sample_report_document,
)

LONG_REPORT_PAGES = 10


def need_poppler() -> None:
    if shutil.which("pdftoppm") is None or shutil.which("pdffonts") is None:
        pytest.skip("poppler-utils missing: apt-get install -y poppler-utils")


def rasterize(pdf: Path, page: int, dpi: int, out_dir: Path) -> Path:
    """One page of a PDF as PNG, as poppler (the Linux print path) renders it."""
    need_poppler()
    prefix = out_dir / f"{pdf.stem}-p{page}-{dpi}"
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(prefix)], check=True, timeout=120)
    return prefix.with_suffix(".png")


@pytest.fixture(scope="session")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pdfs")


@pytest.fixture(scope="session")
def certificate_pdf(pdf_dir: Path) -> Path:
    path = pdf_dir / "certificate.pdf"
    path.write_bytes(render_certificate(sample_certificate_document()))
    return path


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
