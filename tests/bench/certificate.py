"""Documents: ``certificate_render``, one certificate (k3desk.reports) against a bare
ReportLab page with the same results table and the same QR code (base-14 font,
QrCodeWidget, SimpleDocTemplate) rendered in the same run; ``report_render_page``, a
10-page test report with photos per page, against the same bare page. The ratio shows
what the letterhead, embedded fonts, layout and photos cost. Medians after a warm-up.
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable, Iterator

from pypdf import PdfReader

from k3desk.reports import (
    CertificateDocument,
    render_certificate,
    render_report,
    sample_certificate_document,
    sample_report_document,
)
from tests.bench.bigdata import runs_for
from tests.bench.figures import Figure

REPORT_PAGES = 10


def bare_reportlab_page(doc: CertificateDocument) -> bytes:
    """The baseline: the certificate's results table and QR on a plain ReportLab page."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

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
    """Median milliseconds of ``repeat`` runs after one warm-up (fonts, imports)."""
    out = fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), out


def figures(quick: bool) -> Iterator[Figure]:
    cert_doc = sample_certificate_document()
    runs = runs_for(quick, 7, 3)
    base_ms, _pdf = timed(lambda: bare_reportlab_page(cert_doc), runs)
    cert_ms, _pdf = timed(lambda: render_certificate(cert_doc), runs)
    yield Figure("certificate_render", cert_ms, "ms", base_ms)
    report_doc = sample_report_document(pages=REPORT_PAGES)
    report_ms, report_pdf = timed(lambda: render_report(report_doc), runs_for(quick, 3, 1))
    pages = len(PdfReader(io.BytesIO(report_pdf)).pages)
    yield Figure("report_render_page", report_ms / pages, "ms", base_ms)
