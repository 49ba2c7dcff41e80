"""Benchmark: a certificate and a 10-page report against a bare ReportLab page.

The baseline is one A4 page with the same results table and the same QR code, built
with plain ReportLab (base-14 font, QrCodeWidget, SimpleDocTemplate) in the same run, so
the ratio shows what the letterhead, embedded fonts, layout and photos cost. Prints
figures; never fails for slowness. Run: ``.venv/bin/pytest tests/bench/bench_reports.py -s``
or ``.venv/bin/python -m tests.bench.bench_reports``.
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable

import pytest
from pypdf import PdfReader

from k3desk.reports import (
    render_certificate,
    render_report,
    sample_certificate_document,
    sample_report_document,
)

REPORT_PAGES = 10


def bare_reportlab_page() -> bytes:
    """The baseline: the certificate's results table and QR on a plain ReportLab page."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    doc = sample_certificate_document()
    assert doc.stamp is not None
    rows = [["No", "Faktor", "Persyaratan", "Acuan", "Hasil ukur", "Keterangan"]]
    for i, r in enumerate(doc.results, start=1):
        rows.append([str(i), r.factor[:30], r.required[:20], r.reference[:22],
                     f"{r.measured} {r.unit}"[:14], r.result_label])
    table = Table(rows, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                               ("FONTSIZE", (0, 0), (-1, -1), 7)]))
    widget = QrCodeWidget(doc.stamp.verify_url, barLevel="M", barWidth=30 * mm,
                          barHeight=30 * mm)
    qr = Drawing(30 * mm, 30 * mm)
    qr.add(widget)
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build([table, qr])
    return buf.getvalue()


def timed(fn: Callable[[], bytes], repeat: int) -> tuple[float, bytes]:
    """Median seconds of ``repeat`` runs after one warm-up (fonts, imports)."""
    out = fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def run_benchmark() -> dict[str, float]:
    cert_doc = sample_certificate_document()
    report_doc = sample_report_document(pages=REPORT_PAGES)
    base_s, base_pdf = timed(bare_reportlab_page, 7)
    cert_s, cert_pdf = timed(lambda: render_certificate(cert_doc), 7)
    report_s, report_pdf = timed(lambda: render_report(report_doc), 3)
    report_pages = len(PdfReader(io.BytesIO(report_pdf)).pages)
    figures = {
        "baseline_page_ms": base_s * 1000, "certificate_ms": cert_s * 1000,
        "report_ms": report_s * 1000, "report_pages": report_pages,
        "report_ms_per_page": report_s * 1000 / report_pages,
        "certificate_vs_baseline": cert_s / base_s, "report_vs_baseline": report_s / base_s,
        "certificate_kb": len(cert_pdf) / 1024, "report_kb": len(report_pdf) / 1024,
        "baseline_kb": len(base_pdf) / 1024,
    }
    print()
    print(f"bare ReportLab page (table + QR) : {figures['baseline_page_ms']:8.1f} ms "
          f"{figures['baseline_kb']:7.0f} KB")
    print(f"certificate (1 page)             : {figures['certificate_ms']:8.1f} ms "
          f"{figures['certificate_kb']:7.0f} KB  x{figures['certificate_vs_baseline']:.2f} "
          "baseline")
    print(f"test report ({report_pages} pages, "
          f"{len(report_doc.photos)} photos) : {figures['report_ms']:8.1f} ms "
          f"{figures['report_kb']:7.0f} KB  x{figures['report_vs_baseline']:.2f} baseline "
          f"({figures['report_ms_per_page']:.0f} ms/page)")
    return figures


@pytest.mark.bench
def test_bench_reports() -> None:
    figures = run_benchmark()
    assert figures["report_pages"] >= REPORT_PAGES - 1
    assert figures["certificate_ms"] > 0 and figures["baseline_page_ms"] > 0


if __name__ == "__main__":
    run_benchmark()
