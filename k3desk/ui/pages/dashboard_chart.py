"""Inspections per month (bars) with the pass rate (a line), drawn with QPainter.

QtCharts ships in PySide6-Addons, which the desktop does not install; twelve bars and
a line do not need it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#3b6ea5")
PASSED = QColor("#2e7d32")
GRID = QColor("#d0d0d0")
TEXT = QColor("#333333")


class MonthlyChart(QWidget):
    """``set_points([(label, inspections, pass_rate_or_None), ...])``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_chart")
        self.points: list[tuple[str, int, float | None]] = []
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.legend_count = ""
        self.legend_rate = ""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(520, 220)

    def set_points(self, points: list[tuple[str, int, float | None]], legend_count: str,
                   legend_rate: str) -> None:
        self.points = points
        self.legend_count = legend_count
        self.legend_rate = legend_rate
        summary = "; ".join(f"{label}: {n}" + (f", {round(rate * 100)}%" if rate is not None
                                                 else "") for label, n, rate in points)
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        p.setFont(font)
        fm = p.fontMetrics()
        # the legend has a band of its own, and under it room for the tallest bar's
        # figure, so a label never touches the legend
        legend = fm.height() + 6
        left, right, top, bottom = 34, 40, legend + fm.height() + 4, fm.height() + 8
        area = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        if area.width() <= 10 or area.height() <= 10 or not self.points:
            p.end()
            return
        top_value = max([n for _l, n, _r in self.points] + [1])
        step = max(1, -(-top_value // 4))
        top_value = step * 4
        p.setPen(QPen(GRID, 1))
        for i in range(5):
            y = area.bottom() - area.height() * i / 4
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            p.setPen(TEXT)
            p.drawText(QRectF(0, y - fm.height() / 2, left - 4, fm.height()),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                       str(step * i))
            p.drawText(QRectF(area.right() + 4, y - fm.height() / 2, right, fm.height()),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                       f"{25 * i}%")
            p.setPen(QPen(GRID, 1))
        slot = area.width() / len(self.points)
        line: list[QPointF] = []
        for i, (label, n, rate) in enumerate(self.points):
            x = area.left() + slot * i
            h = area.height() * n / top_value
            p.fillRect(QRectF(x + slot * 0.18, area.bottom() - h, slot * 0.64, h), BAR)
            p.setPen(TEXT)
            if n:
                p.drawText(QRectF(x, area.bottom() - h - fm.height(), slot, fm.height()),
                           int(Qt.AlignmentFlag.AlignCenter), str(n))
            p.drawText(QRectF(x, area.bottom() + 2, slot, fm.height()),
                       int(Qt.AlignmentFlag.AlignCenter), label)
            if rate is not None:
                line.append(QPointF(x + slot / 2, area.bottom() - area.height() * rate))
        p.setPen(QPen(PASSED, 2))
        for a, b in zip(line, line[1:], strict=False):
            p.drawLine(a, b)
        p.setBrush(PASSED)
        for point in line:
            p.drawEllipse(point, 3, 3)
        # legend
        mid = 3 + fm.height() / 2
        p.fillRect(QRectF(left, mid - 5, 10, 10), BAR)
        p.setPen(TEXT)
        width = fm.horizontalAdvance(self.legend_count)
        p.drawText(QPointF(left + 14, 3 + fm.ascent()), self.legend_count)
        x = left + 30 + width
        p.setPen(QPen(PASSED, 2))
        p.drawLine(QPointF(x, mid), QPointF(x + 14, mid))
        p.setPen(TEXT)
        p.drawText(QPointF(x + 18, 3 + fm.ascent()), self.legend_rate)
        p.end()
