"""Helpers of the report tests: poppler to look at pages, the long sample's length."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

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
