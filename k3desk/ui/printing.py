"""Printing a PDF the app made: each page rendered by QtPdf at the printer's resolution
(at least 300 dpi, at most 600) and painted to fill the paper.

``print_pdf`` runs on any thread (QPainter on a QPrinter and QImage rendering are safe
off the UI thread; QtPdf serialises its own engine), so the window hands it to the
render worker and stays responsive while a long report prints.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from k3desk.domain.errors import K3Error

MIN_DPI, MAX_DPI = 300, 600


def print_dpi(printer: QPrinter) -> int:
    return min(max(int(printer.resolution()), MIN_DPI), MAX_DPI)


def prepare_printer(printer: QPrinter, pdf: bytes) -> None:
    """Paper and orientation from the document's first page, before the dialog opens."""
    document, _buffer = _open(pdf)
    if document.pageCount() < 1:
        return
    size = document.pagePointSize(0)
    page_size = QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Point, "",
                          QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageSize(page_size)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape
                               if size.width() > size.height()
                               else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    document.close()


def _open(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise K3Error("dokumen PDF tidak dapat dibaca untuk dicetak")
    return document, buffer


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page of ``pdf``; returns the number of pages sent to the printer."""
    document, _buffer = _open(pdf)
    printer.setFullPage(True)
    dpi = print_dpi(printer)
    painter = QPainter()
    if not painter.begin(printer):
        raise K3Error("printer tidak dapat dipakai; periksa printer yang dipilih")
    pages = 0
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(page, QSize(round(points.width() * dpi / 72),
                                                round(points.height() * dpi / 72)))
            if image.isNull():
                raise K3Error(f"halaman {page + 1} tidak dapat disiapkan untuk dicetak")
            target = painter.viewport()
            fitted = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            rect = QRect(target.x() + (target.width() - fitted.width()) // 2,
                         target.y() + (target.height() - fitted.height()) // 2,
                         fitted.width(), fitted.height())
            painter.drawImage(rect, image)
            pages += 1
    finally:
        painter.end()
        document.close()
    return pages
