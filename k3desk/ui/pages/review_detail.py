"""What the supervisor reads before deciding: the whole form (read-only), the verdict and
every rule with its regulation, the photos, the instruments with their calibration and
the inspector's licence, and why approval would be refused.

``make_form_view`` builds the read-only form: the inspection editor in read-only mode.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from k3desk.services.review_desk_service import ReviewDetail
from k3desk.ui.models.review_table_model import (
    VERDICT_COLORS,
    object_type_name,
    short_date,
    verdict_label,
)

if TYPE_CHECKING:
    from k3desk.ui.pages.editor_page import EditorPage
    from k3desk.ui.session import UiSession

THUMB = QSize(160, 120)


def esc(value: object) -> str:
    return html.escape(str(value))


def make_form_view(session: UiSession) -> EditorPage:
    """The whole form as the inspector filled it: the editor page, read-only (sections,
    values with units, groups, checklists with notes, photos, instruments, findings,
    signature, and its live rules panel). ``show_detail`` opens the inspection in it."""
    from k3desk.ui.pages.editor_page import EditorPage

    editor = EditorPage(session, embedded=True)
    editor.setObjectName("review_form")
    editor.setAccessibleName(QCoreApplication.translate("editor",
                                                        "Formulir pemeriksaan (hanya baca)"))
    return editor


def _result_colour(row: dict[str, Any]) -> str:
    if row["passed"]:
        return "#1b5e20"
    return "#8a5a00" if row.get("severity") == "minor" else "#b71c1c"


class RulesView(QTextBrowser):
    """The verdict on top, then every rule: what was required (and by which regulation),
    what was measured, and whether it passed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_rules")
        self.setAccessibleName(self.tr("Kesimpulan dan aturan"))

    def _result_word(self, row: dict[str, Any]) -> str:
        """A failed minor rule is a finding to follow up, as the certificate prints it."""
        if row["passed"]:
            return self.tr("Memenuhi")
        if row.get("severity") == "minor":
            return self.tr("Catatan: perlu tindak lanjut")
        return self.tr("Tidak memenuhi")

    def show_detail(self, d: ReviewDetail) -> None:
        color = VERDICT_COLORS.get(d.verdict or "", "#000")
        parts = [f"<h3 style='color:{color}'>{esc(verdict_label(d.verdict))}</h3>"]
        if d.regulation:
            parts.append(f"<p>{esc(self.tr('Dasar hukum'))}: {esc(d.regulation)}</p>")
        failed = [r for r in d.results if not r["passed"]]
        if failed:
            parts.append(f"<p><b>{esc(self.tr('Alasan'))}:</b></p><ul>" + "".join(
                f"<li>{esc(r['message'] or r['factor'])} <small>({esc(r['reference'])})"
                "</small></li>" for r in failed) + "</ul>")
        rows = "".join(
            f"<tr><td>{esc(r['factor'])}</td><td>{esc(r['required'])}<br>"
            f"<small>{esc(r['reference'])}</small></td>"
            f"<td align=right>{esc(r['measured'])} {esc(r['unit'])}</td>"
            f"<td style='color:{_result_colour(r)}'>{esc(self._result_word(r))}</td></tr>"
            for r in d.results)
        if rows:
            parts.append("<table border=1 cellspacing=0 cellpadding=3 width=100%>"
                         f"<tr><th>{esc(self.tr('Faktor'))}</th>"
                         f"<th>{esc(self.tr('Persyaratan'))}</th>"
                         f"<th>{esc(self.tr('Hasil ukur'))}</th>"
                         f"<th>{esc(self.tr('Keterangan'))}</th></tr>{rows}</table>")
        if d.recommendations:
            parts.append(f"<p><b>{esc(self.tr('Rekomendasi'))}:</b></p><ul>"
                         + "".join(f"<li>{esc(r)}</li>" for r in d.recommendations) + "</ul>")
        self.setHtml("".join(parts))


def load_image(path: str, size: QSize | None = None) -> QImage:
    """A photo from the data folder, scaled down when ``size`` is given (any thread)."""
    image = QImage(path)
    if size is not None and not image.isNull():
        image = image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image


def load_thumbnails(paths: list[str]) -> list[QImage]:
    return [load_image(p, THUMB) if p else QImage() for p in paths]


class PhotoDialog(QDialog):
    """One photo as large as the screen allows; Esc closes."""

    def __init__(self, image: QImage, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photo_viewer")
        self.setWindowTitle(caption)
        label = QLabel(self)
        label.setObjectName("photo_viewer_image")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pixmap = QPixmap.fromImage(image)
        if pixmap.width() > 1200 or pixmap.height() > 640:
            pixmap = pixmap.scaled(QSize(1200, 640), Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        label.setPixmap(pixmap)
        label.setAccessibleName(caption)
        self.image_label = label
        scroll = QScrollArea(self)
        scroll.setWidget(label)
        scroll.setWidgetResizable(True)
        caption_label = QLabel(caption, self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(caption_label)
        layout.addWidget(buttons)
        self.resize(min(1240, pixmap.width() + 40), min(720, pixmap.height() + 100))


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


class ReviewDetailView(QWidget):
    """Tabs: form, verdict and rules, photos, instruments and licence."""

    photo_clicked = Signal(int)  # index into the detail's photos

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("review_detail")
        self.detail: ReviewDetail | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("review_tabs")
        self.form_holder = QWidget()
        self.form_layout = QVBoxLayout(self.form_holder)
        self.form_layout.setContentsMargins(0, 0, 0, 0)
        self.form: EditorPage | None = None  # made when the first inspection opens
        self.rules = RulesView()
        self.photos = QListWidget()
        self.photos.setObjectName("review_photos")
        self.photos.setAccessibleName(self.tr("Foto pemeriksaan"))
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setIconSize(THUMB)
        self.photos.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.photos.setSpacing(8)
        self.photos.itemActivated.connect(lambda item: self.photo_clicked.emit(
            self.photos.row(item)))
        self.photos.itemClicked.connect(lambda item: self.photo_clicked.emit(
            self.photos.row(item)))
        self.no_photos = QLabel(self.tr("Pemeriksaan ini tidak berisi foto."))
        self.no_photos.setObjectName("review_no_photos")
        photo_page = QWidget()
        photo_layout = QVBoxLayout(photo_page)
        photo_layout.addWidget(self.no_photos)
        photo_layout.addWidget(self.photos, 1)
        self.instruments = _table("review_instruments", [
            self.tr("Alat ukur"), self.tr("Nomor seri"), self.tr("Sertifikat kalibrasi"),
            self.tr("Kalibrasi sampai"), self.tr("Saat diperiksa")])
        self.licences = _table("review_licences", [
            self.tr("Nomor lisensi"), self.tr("Berlaku sampai"), self.tr("Untuk objek ini")])
        self.licence_problem = QLabel()
        self.licence_problem.setObjectName("review_licence_problem")
        self.licence_problem.setWordWrap(True)
        self.licence_problem.setStyleSheet("color:#b71c1c")
        self.inspector_label = QLabel()
        self.inspector_label.setObjectName("review_inspector")
        tools = QWidget()
        tools_layout = QVBoxLayout(tools)
        tools_layout.addWidget(QLabel(self.tr("<b>Alat ukur dan kalibrasinya</b>")))
        tools_layout.addWidget(self.instruments, 1)
        tools_layout.addWidget(QLabel(self.tr("<b>Lisensi (kualifikasi) pemeriksa</b>")))
        tools_layout.addWidget(self.inspector_label)
        tools_layout.addWidget(self.licences, 1)
        tools_layout.addWidget(self.licence_problem)
        self.tabs.addTab(self.form_holder, self.tr("Formulir"))
        self.tabs.addTab(self.rules, self.tr("Kesimpulan dan aturan"))
        self.tabs.addTab(photo_page, self.tr("Foto"))
        self.tabs.addTab(tools, self.tr("Alat ukur dan lisensi"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def show_detail(self, d: ReviewDetail) -> None:
        self.detail = d
        if self.form is None:
            self.form = make_form_view(self.session)
            self.form_layout.addWidget(self.form)
        self.form.open_inspection(d.id, read_only=True)
        self.rules.show_detail(d)
        self.photos.clear()
        for photo in d.photos:
            item = QListWidgetItem(photo.caption)
            item.setToolTip(photo.caption if photo.path
                            else self.tr("Berkas foto belum ada di laptop ini"))
            self.photos.addItem(item)
        self.no_photos.setVisible(not d.photos)
        self.photos.setVisible(bool(d.photos))
        self.tabs.setTabText(2, self.tr("Foto ({n})").format(n=len(d.photos)))
        self.instruments.setRowCount(len(d.instruments))
        for r, inst in enumerate(d.instruments):
            ok = self.tr("berlaku") if inst.valid_on_inspection else self.tr("KEDALUWARSA")
            for c, text in enumerate((inst.name, inst.serial_number,
                                      inst.calibration_certificate,
                                      short_date(inst.calibration_valid_until), ok)):
                cell = QTableWidgetItem(text)
                if c == 4 and not inst.valid_on_inspection:
                    cell.setForeground(Qt.GlobalColor.red)
                self.instruments.setItem(r, c, cell)
        self.inspector_label.setText(self.tr("{name}, NIP {nip}").format(
            name=d.inspector_name, nip=d.inspector_nip))
        self.licences.setRowCount(len(d.licences))
        for r, lic in enumerate(d.licences):
            covers = self.tr("ya") if lic.covers else self.tr("tidak")
            for c, text in enumerate((lic.licence_number, short_date(lic.valid_until),
                                      covers)):
                self.licences.setItem(r, c, QTableWidgetItem(text))
        self.licence_problem.setText(d.licence_problem)
        self.licence_problem.setVisible(bool(d.licence_problem))

    def set_thumbnails(self, images: list[QImage]) -> None:
        for n, image in enumerate(images):
            item = self.photos.item(n)
            if item is not None and not image.isNull():
                item.setIcon(QIcon(QPixmap.fromImage(image)))


def title_of(d: ReviewDetail) -> str:
    return f"{object_type_name(d.object_type)} {d.serial_number} — {d.company_name}"
