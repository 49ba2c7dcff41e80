"""Nothing the user must read is cut: long object-type names in the tables, the rows of
a group table in the read-only review form, the figures over the dashboard's bars."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.ui.editor.group_table import GroupTable
from k3desk.ui.labels import object_type_name
from k3desk.ui.main_window import MainWindow
from k3desk.ui.models.review_table_model import ReviewQueueModel
from k3desk.ui.pages.dashboard_chart import BAR, MonthlyChart
from k3desk.ui.pages.inspections_page import InspectionsPage
from k3desk.ui.pages.review_page import ReviewPage
from tests.ui.editor_support import close, new_draft, open_editor, window_for

LONGEST = max((object_type_name(code) for code in OBJECT_TYPES), key=len)


def test_object_type_names_fit_in_the_lists(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("inspections")
    page = window.pages["inspections"]
    assert isinstance(page, InspectionsPage)
    metrics = page.view.fontMetrics()
    assert page.view.columnWidth(3) >= metrics.horizontalAdvance(LONGEST) + 8
    window.show_page("review")
    review = window.pages["review"]
    assert isinstance(review, ReviewPage)
    qtbot.waitUntil(lambda: review.model.rowCount() > 1)
    # a long name wraps onto a second line of its row instead of being cut
    rows = review.model.rows()
    texts = [review.model.cell(r, ReviewQueueModel.OBJECT) for r in rows]
    long_row = max(range(len(rows)), key=lambda i: len(texts[i]))
    short_row = min(range(len(rows)), key=lambda i: len(texts[i]))
    width = review.table.columnWidth(ReviewQueueModel.OBJECT)
    assert metrics.horizontalAdvance(texts[long_row]) > width
    assert review.table.rowHeight(long_row) > review.table.rowHeight(short_row)


def test_group_rows_are_whole_in_the_read_only_form(qtbot: QtBot, demo_dir: Path) -> None:
    window = window_for(qtbot, demo_dir)
    try:
        iid = new_draft(window.session.db, "overhead_crane", full=True)
        page = open_editor(qtbot, window, iid, read_only=True)
        group = page.findChild(GroupTable, "field:tali_kawat")
        assert group is not None and group.count() >= 1
        table = group.findChild(QTableWidget, "table:tali_kawat")
        assert table is not None
        qtbot.waitUntil(lambda: table.isVisible())
        assert table.isColumnHidden(table.columnCount() - 1)  # no row buttons to read
        rows = sum(table.rowHeight(i) for i in range(table.rowCount()))
        bar = table.horizontalScrollBar()
        needed = table.horizontalHeader().height() + rows + (
            bar.sizeHint().height() if bar.maximum() > 0 else 0)
        assert table.height() >= needed
    finally:
        close(window)


def test_chart_figures_never_touch_the_legend(qtbot: QtBot) -> None:
    chart = MonthlyChart()
    qtbot.addWidget(chart)
    chart.resize(480, 220)
    chart.set_points([("Jan", 3, 0.5), ("Feb", 16, 1.0), ("Mar", 7, None)], "Pemeriksaan",
                     "Lulus (% dari disetujui)")
    image = QImage(chart.size(), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    chart.render(image)
    bar = QColor(BAR).rgb()
    # rows holding bar colour: the legend's swatch on top, then the bars; between the
    # swatch and the tallest bar there is room for the bar's figure
    rows = [y for y in range(image.height())
            if any(image.pixel(x, y) == bar for x in range(0, image.width()))]
    gap = [b - a for a, b in zip(rows, rows[1:], strict=False) if b - a > 1]
    assert gap and gap[0] >= chart.fontMetrics().height()
