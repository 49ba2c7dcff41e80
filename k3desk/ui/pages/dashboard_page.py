"""The dashboard, the first screen after login (key ``dashboard``).

My work by status (each count opens the inspections list filtered), re-tests due by
company (the list a Balai phones companies from, exportable to Excel), what needs
attention (conflicts, refused changes, calibrations, licences, certificate numbers),
and inspections per month with the pass rate. Figures come from
``dashboard_service.dashboard`` on the database worker.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from k3desk.ui.errors import message_of
from k3desk.ui.pages.base import Page
from k3desk.ui.pages.dashboard_chart import MonthlyChart

if TYPE_CHECKING:
    from k3desk.services.dashboard_service import Dashboard, RetestGroup
    from k3desk.ui.main_window import MainWindow
    from k3desk.ui.session import UiSession


def open_inspections(window: MainWindow, status: str) -> None:
    """The one place the dashboard opens the inspections list, filtered when it can.

    A supervisor's "submitted" counts the Balai's review queue: it opens Tinjauan."""
    if status == "submitted" and window.session.is_supervisor and "review" in window.pages:
        window.show_page("review")
        return
    page = window.pages.get("inspections")
    apply_filter = getattr(page, "apply_filter", None)
    window.show_page("inspections")
    if callable(apply_filter):
        apply_filter(status=status, mine=True)


class DashboardPage(Page):
    """``dashboard``: the day at a glance."""

    def __init__(self, session: UiSession, window: MainWindow) -> None:
        super().__init__(session)
        self.window_ = window
        self.setObjectName("page_dashboard")
        self.title = self.tr("Dasbor")
        self.data: Dashboard | None = None
        self.status_buttons: dict[str, QPushButton] = {}
        self.export_dialog: QFileDialog | None = None

        heading = QLabel(self.tr("Dasbor"))
        heading.setObjectName("dashboard_heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.today_label = QLabel()
        self.today_label.setObjectName("dashboard_today")
        self.message = QLabel()
        self.message.setObjectName("dashboard_message")
        self.message.setWordWrap(True)

        # my work
        work = QGroupBox(self.tr("Pekerjaan saya"))
        work.setObjectName("dashboard_my_work")
        work_row = QHBoxLayout(work)
        for status in ("draft", "revision_requested", "submitted", "approved", "rejected"):
            button = QPushButton()
            button.setObjectName(f"dashboard_status:{status}")
            button.setMinimumHeight(52)
            button.clicked.connect(lambda _c=False, st=status: open_inspections(self.window_,
                                                                                st))
            work_row.addWidget(button)
            self.status_buttons[status] = button

        # needs attention
        attention = QGroupBox(self.tr("Perlu perhatian"))
        attention.setObjectName("dashboard_attention")
        grid = QVBoxLayout(attention)
        self.conflicts_button = QPushButton()
        self.conflicts_button.setObjectName("dashboard_attention_conflicts")
        self.conflicts_button.clicked.connect(self.window_.sync_ui.open_conflicts)
        self.quarantine_button = QPushButton()
        self.quarantine_button.setObjectName("dashboard_attention_quarantine")
        self.quarantine_button.clicked.connect(self.window_.sync_ui.open_quarantine)
        buttons = QHBoxLayout()
        buttons.addWidget(self.conflicts_button)
        buttons.addWidget(self.quarantine_button)
        buttons.addStretch(1)
        grid.addLayout(buttons)
        self.attention_text = QLabel()
        self.attention_text.setObjectName("dashboard_attention_text")
        self.attention_text.setWordWrap(True)
        self.attention_text.setTextFormat(Qt.TextFormat.PlainText)
        grid.addWidget(self.attention_text)

        # chart
        chart_box = QGroupBox(self.tr("Pemeriksaan per bulan (12 bulan terakhir)"))
        chart_box.setObjectName("dashboard_chart_box")
        chart_layout = QVBoxLayout(chart_box)
        self.chart = MonthlyChart()
        chart_layout.addWidget(self.chart)

        # re-tests
        retest_box = QGroupBox(self.tr("Uji ulang jatuh tempo"))
        retest_box.setObjectName("dashboard_retest_box")
        retest_layout = QVBoxLayout(retest_box)
        self.bucket_labels: dict[str, QLabel] = {}
        counts = QGridLayout()
        for i, bucket in enumerate(("overdue", "30", "60", "90")):
            label = QLabel()
            label.setObjectName(f"dashboard_retest_count:{bucket}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setFrameShape(QFrame.Shape.StyledPanel)
            label.setMinimumHeight(44)
            counts.addWidget(label, 0, i)
            self.bucket_labels[bucket] = label
        retest_layout.addLayout(counts)
        filter_row = QHBoxLayout()
        filter_label = QLabel(self.tr("Tampilkan"))
        self.retest_filter = QComboBox()
        self.retest_filter.setObjectName("dashboard_retest_filter")
        filter_label.setBuddy(self.retest_filter)
        self.retest_filter.setAccessibleName(self.tr("Tampilkan uji ulang"))
        self.retest_filter.addItem(self.tr("Semua sampai 90 hari"), 90)
        self.retest_filter.addItem(self.tr("Terlambat"), -1)
        self.retest_filter.addItem(self.tr("Dalam 30 hari"), 30)
        self.retest_filter.addItem(self.tr("Dalam 60 hari"), 60)
        self.retest_filter.currentIndexChanged.connect(lambda _i: self._fill_retests())
        self.export_button = QPushButton(self.tr("Ekspor ke Excel…"))
        self.export_button.setObjectName("dashboard_export_retests")
        self.export_button.clicked.connect(self.choose_export_file)
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.retest_filter)
        filter_row.addStretch(1)
        filter_row.addWidget(self.export_button)
        retest_layout.addLayout(filter_row)
        self.retests = QTreeWidget()
        self.retests.setObjectName("dashboard_retests")
        self.retests.setAccessibleName(self.tr("Uji ulang jatuh tempo per perusahaan"))
        self.retests.setHeaderLabels([self.tr("Perusahaan / peralatan"), self.tr("Nomor seri"),
                                      self.tr("Jatuh tempo"), self.tr("Hari")])
        self.retests.setAlternatingRowColors(True)
        header = self.retests.header()
        header.setStretchLastSection(False)  # the names get the room, not "Hari"
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        retest_layout.addWidget(self.retests, 1)

        left = QVBoxLayout()
        left.addWidget(work)
        left.addWidget(attention)
        left.addWidget(chart_box, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 4)  # the call list needs the room: company names in full
        columns.addWidget(retest_box, 6)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.today_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addLayout(columns, 1)
        self.message.setVisible(False)
        session.actor_changed.connect(self._actor_changed)

    def _actor_changed(self, _actor: object) -> None:
        """Another person's work: load again (now if shown, else when shown)."""
        self.data = None
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    # data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        from k3desk.services import dashboard_service

        if self.session.actor is None:
            return
        self.session.run(dashboard_service.dashboard, self.session.db, self.session.actor,
                         success=self._loaded, failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(message_of(exc))
        self.message.setVisible(True)

    def status_label(self, status: str) -> str:
        return {"draft": self.tr("Draf"), "revision_requested": self.tr("Perlu revisi"),
                "submitted": self.tr("Diajukan"), "approved": self.tr("Disetujui"),
                "rejected": self.tr("Ditolak")}.get(status, status)

    def _loaded(self, data: Dashboard) -> None:
        self.data = data
        self.message.setVisible(False)
        self.today_label.setText(self.tr("Hari ini {date}").format(
            date=data.today.strftime("%d/%m/%Y")))
        for item in data.my_work:
            button = self.status_buttons.get(item.status)
            if button is not None:
                button.setText(self.tr("{label}\n{count}").format(
                    label=self.status_label(item.status), count=item.count))
                button.setToolTip(self.tr("Buka daftar pemeriksaan berstatus {label}").format(
                    label=self.status_label(item.status)))
        a = data.attention
        self.conflicts_button.setText(self.tr("%n konflik", "", a.conflicts))
        self.conflicts_button.setEnabled(a.conflicts > 0)
        self.quarantine_button.setText(self.tr("%n ditolak server", "", a.quarantined))
        self.quarantine_button.setEnabled(a.quarantined > 0)
        lines = []
        for c in a.calibrations:
            lines.append(self.tr("Kalibrasi {name} ({serial}) berakhir {date} "
                                 "({days} hari lagi)").format(
                name=c.name, serial=c.serial_number,
                date=c.valid_until.strftime("%d/%m/%Y"), days=c.days)
                if c.days >= 0 else
                self.tr("Kalibrasi {name} ({serial}) sudah berakhir {date}").format(
                    name=c.name, serial=c.serial_number,
                    date=c.valid_until.strftime("%d/%m/%Y")))
        for lic in a.licences:
            lines.append(self.tr("Lisensi {number} berakhir {date} ({days} hari lagi)").format(
                number=lic.licence_number or "-", date=lic.valid_until.strftime("%d/%m/%Y"),
                days=lic.days) if lic.days >= 0 else
                self.tr("Lisensi {number} sudah berakhir {date}").format(
                    number=lic.licence_number or "-",
                    date=lic.valid_until.strftime("%d/%m/%Y")))
        if a.numbers_left is not None:
            if a.numbers_low:
                lines.append(self.tr("Sisa nomor sertifikat tinggal {n}: sambungkan ke server "
                                     "agar blok nomor baru diterima").format(n=a.numbers_left))
            else:
                lines.append(self.tr("Sisa nomor sertifikat: {n}").format(n=a.numbers_left))
        self.attention_text.setText("\n".join(lines) if lines else self.tr(
            "Tidak ada kalibrasi, lisensi atau nomor yang perlu diurus."))
        for bucket, label in self.bucket_labels.items():
            n = data.retest_counts.get(bucket, 0)
            text = self.tr("Terlambat\n{n}").format(n=n) if bucket == "overdue" else \
                self.tr("≤ {days} hari\n{n}").format(days=bucket, n=n)
            label.setText(text)
        self._fill_retests()
        self.chart.set_points(
            [(self.month_label(p.month), p.inspections, p.pass_rate) for p in data.months],
            self.tr("Pemeriksaan"), self.tr("Memenuhi (% dari yang disetujui)"))

    def month_label(self, month: int) -> str:
        names = (self.tr("Jan"), self.tr("Feb"), self.tr("Mar"), self.tr("Apr"),
                 self.tr("Mei"), self.tr("Jun"), self.tr("Jul"), self.tr("Agu"),
                 self.tr("Sep"), self.tr("Okt"), self.tr("Nov"), self.tr("Des"))
        return names[month - 1]

    def shown_groups(self) -> list[RetestGroup]:
        """The groups the filter lets through (items filtered too)."""
        from k3desk.services.dashboard_service import RetestGroup

        if self.data is None:
            return []
        limit = int(self.retest_filter.currentData())
        out = []
        for g in self.data.retests:
            items = [i for i in g.items if (i.days < 0 if limit < 0 else i.days <= limit)]
            if items:
                out.append(RetestGroup(g.company_id, g.company, g.contact_person, g.phone,
                                       g.address, items))
        return out

    def _fill_retests(self) -> None:
        self.retests.clear()
        groups = self.shown_groups()
        for g in groups:
            contact = ", ".join(x for x in (g.contact_person, g.phone) if x)
            top = QTreeWidgetItem([g.company, "", g.items[0].due.strftime("%d/%m/%Y"),
                                   str(g.items[0].days)])
            top.setToolTip(0, "\n".join(x for x in (g.company, contact, g.address) if x))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setData(0, Qt.ItemDataRole.UserRole, g.company_id)
            detail = QTreeWidgetItem([self.tr("{contact} · {address}").format(
                contact=contact or "-", address=g.address)])
            detail.setFlags(Qt.ItemFlag.ItemIsEnabled)
            top.addChild(detail)
            for item in g.items:
                child = QTreeWidgetItem([item.object_type_name, item.serial_number,
                                         item.due.strftime("%d/%m/%Y"), str(item.days)])
                child.setData(0, Qt.ItemDataRole.UserRole, item.equipment_id)
                if item.days < 0:
                    for col in range(4):
                        child.setForeground(col, Qt.GlobalColor.darkRed)
                top.addChild(child)
            self.retests.addTopLevelItem(top)
            detail.setFirstColumnSpanned(True)
            top.setExpanded(True)
        if not groups:
            empty = QTreeWidgetItem([self.tr("Tidak ada uji ulang yang jatuh tempo.")])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.retests.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)
        self.export_button.setEnabled(bool(groups))

    # export --------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Simpan daftar uji ulang"))
        dialog.setObjectName("dashboard_export_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Buku kerja Excel (*.xlsx)"))
        dialog.setDefaultSuffix("xlsx")
        dialog.selectFile(f"uji-ulang-{date.today().isoformat()}.xlsx")
        dialog.fileSelected.connect(lambda name: self.export_retests_to(Path(name)))
        self.export_dialog = dialog
        dialog.open()

    def export_retests_to(self, path: Path) -> None:
        """Write the list as shown (filter applied) on the database worker."""
        from k3desk.services import dashboard_service

        groups = self.shown_groups()
        today = self.data.today if self.data else date.today()
        self.export_button.setEnabled(False)
        self.session.run(dashboard_service.export_retests, groups, path, today,
                         success=lambda n: self._exported(path, n), failure=self._failed_export)

    def _exported(self, path: Path, n: Any) -> None:
        self.export_button.setEnabled(True)
        self.message.setText(self.tr("%n peralatan diekspor ke {path}", "", int(n)).format(
            path=str(path)))
        self.message.setVisible(True)

    def _failed_export(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self._failed(exc)
