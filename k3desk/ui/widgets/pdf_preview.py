"""A PDF shown inside the window (QtPdf): pages, zoom in/out/fit, page navigation.

``PdfPreview.load_bytes(pdf)`` shows a document the render worker made; the bytes stay
with the widget so that printing and "save as" use exactly what is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 6.0


class PdfPreview(QWidget):
    """Pages of one PDF, one below the other; a bar with page and zoom controls."""

    loaded = Signal(int)  # page count

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self._bytes = b""
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setAccessibleName(self.tr("Pratinjau dokumen"))
        nav = self.view.pageNavigator()
        nav.currentPageChanged.connect(self._page_changed)

        def button(name: str, text: str, tip: str, slot: object,
                   shortcut: QKeySequence | None = None) -> QToolButton:
            b = QToolButton(self)
            b.setObjectName(name)
            b.setText(text)
            b.setToolTip(tip)
            b.setAccessibleName(tip)
            b.clicked.connect(slot)
            if shortcut is not None:
                b.setShortcut(shortcut)
            return b

        self.prev_button = button("pdf_prev_page", "◀", self.tr("Halaman sebelumnya"),
                                  self.previous_page)
        self.next_button = button("pdf_next_page", "▶", self.tr("Halaman berikutnya"),
                                  self.next_page)
        self.page_spin = QSpinBox(self)
        self.page_spin.setObjectName("pdf_page")
        self.page_spin.setMinimum(1)
        self.page_spin.setMaximum(1)
        self.page_spin.setAccessibleName(self.tr("Halaman"))
        self.page_spin.editingFinished.connect(
            lambda: self.go_to_page(self.page_spin.value() - 1))
        self.page_total = QLabel(self)
        self.page_total.setObjectName("pdf_page_total")
        self.zoom_out_button = button("pdf_zoom_out", "−", self.tr("Perkecil"), self.zoom_out,
                                      QKeySequence(QKeySequence.StandardKey.ZoomOut))
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("pdf_zoom")
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = button("pdf_zoom_in", "+", self.tr("Perbesar"), self.zoom_in,
                                     QKeySequence(QKeySequence.StandardKey.ZoomIn))
        self.fit_width_button = button("pdf_fit_width", self.tr("Lebar"),
                                       self.tr("Sesuaikan dengan lebar"), self.fit_width)
        self.fit_page_button = button("pdf_fit_page", self.tr("Halaman penuh"),
                                      self.tr("Tampilkan satu halaman penuh"), self.fit_page)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (self.prev_button, self.page_spin, self.page_total, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.zoom_out_button, self.zoom_label, self.zoom_in_button,
                  self.fit_width_button, self.fit_page_button):
            bar.addWidget(w)
        self.view.zoomFactorChanged.connect(lambda _f: self._update_bar())
        self.view.zoomModeChanged.connect(lambda _m: self._update_bar())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._update_bar()

    # the document -------------------------------------------------------------------
    def load_bytes(self, pdf: bytes) -> None:
        """Show ``pdf`` (loading from memory is quick: the bytes are already rendered)."""
        self.document.close()
        self._bytes = bytes(pdf)
        buffer = QBuffer(self)
        buffer.setData(QByteArray(self._bytes))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.view.pageNavigator().jump(0, QPointF(), self.view.zoomFactor())
        self._update_bar()
        self.loaded.emit(self.page_count())

    def clear(self) -> None:
        self.document.close()
        self._bytes = b""
        self._update_bar()

    def pdf_bytes(self) -> bytes:
        return self._bytes

    def page_count(self) -> int:
        return max(0, self.document.pageCount())

    def current_page(self) -> int:
        """0-based, as QtPdf counts."""
        return self.view.pageNavigator().currentPage()

    def page_text(self, page: int) -> str:
        return self.document.getAllText(page).text()

    # navigation ---------------------------------------------------------------------
    def go_to_page(self, page: int) -> None:
        if self.page_count() == 0:
            return
        page = min(max(0, page), self.page_count() - 1)
        self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
        self._update_bar()

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    # zoom -----------------------------------------------------------------------------
    def zoom_factor(self) -> float:
        return float(self.view.zoomFactor())

    def set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(factor, ZOOM_MIN), ZOOM_MAX))
        self._update_bar()

    def _effective_zoom(self) -> float:
        """What the reader sees now (the fit modes compute their own factor)."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return self.zoom_factor()
        size = self.document.pagePointSize(self.current_page())
        width = self.view.viewport().width() - 2 * 6
        if size.width() <= 0 or width <= 0:
            return self.zoom_factor()
        screen_dpi = self.logicalDpiX() or 96
        per_point = screen_dpi / 72.0
        factor = width / (size.width() * per_point)
        if self.view.zoomMode() == QPdfView.ZoomMode.FitInView:
            height = self.view.viewport().height() - 2 * 6
            factor = min(factor, height / (size.height() * per_point))
        return factor

    def zoom_in(self) -> None:
        self.set_zoom(self._effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._effective_zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_bar()

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._update_bar()

    # the bar --------------------------------------------------------------------------
    def _page_changed(self, _page: int) -> None:
        self._update_bar()

    def _update_bar(self) -> None:
        count = self.page_count()
        current = self.current_page() if count else 0
        self.page_spin.blockSignals(True)
        self.page_spin.setMaximum(max(1, count))
        self.page_spin.setValue(current + 1)
        self.page_spin.blockSignals(False)
        self.page_total.setText(self.tr("dari {count}").format(count=count))
        self.prev_button.setEnabled(count > 0 and current > 0)
        self.next_button.setEnabled(count > 0 and current < count - 1)
        for b in (self.zoom_in_button, self.zoom_out_button, self.fit_width_button,
                  self.fit_page_button, self.page_spin):
            b.setEnabled(count > 0)
        self.zoom_label.setText(f"{round(self._effective_zoom() * 100)}%")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._update_bar()
