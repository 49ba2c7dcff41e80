"""Pemeriksaan baru (Ctrl+N): company, then equipment (or a new item with its nameplate
fields), the kind and the date. The template is the latest of the object type, pinned
by ``inspection_service.create_draft``; a re-test starts from the last nameplate data."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from k3desk.domain.errors import K3Error, ValidationError
from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.workflow import INSPECTION_KINDS
from k3desk.services import browse_service, inspection_list_service
from k3desk.ui.errors import message_of, show_error
from k3desk.ui.labels import kind_label, object_type_name
from k3desk.ui.session import UiSession

ID_ROLE = Qt.ItemDataRole.UserRole


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet("color: #b71c1c;")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class EquipmentForm(QWidget):
    """The nameplate fields of a new equipment item (also the registry's form)."""

    FIELDS = ("serial_number", "manufacturer", "model", "capacity", "location")

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.object_type = QComboBox()
        self.object_type.setObjectName(f"{prefix}object_type")
        for code in sorted(OBJECT_TYPES, key=object_type_name):
            self.object_type.addItem(object_type_name(code), code)
        labels = {"serial_number": self.tr("Nomor seri"), "manufacturer": self.tr("Pabrikan"),
                  "model": self.tr("Model/tipe"), "capacity": self.tr("Kapasitas"),
                  "location": self.tr("Lokasi")}
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self._row("object_type", self.tr("Jenis objek"), self.object_type, prefix)
        for name in self.FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"{prefix}{name}")
            self.inputs[name] = edit
            self._row(name, labels[name], edit, prefix)
        self.year = QSpinBox()
        self.year.setObjectName(f"{prefix}year_built")
        self.year.setRange(0, date.today().year + 1)
        self.year.setSpecialValueText("—")
        self._row("year_built", self.tr("Tahun pembuatan"), self.year, prefix)

    def _row(self, name: str, text: str, widget: QWidget, prefix: str) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        widget.setAccessibleName(text)
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(widget)
        error = error_label(f"{prefix}{name}_error")
        self.errors[name] = error
        box.addWidget(error)
        self.form.addRow(label, box)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {"object_type": self.object_type.currentData()}
        for name, edit in self.inputs.items():
            values[name] = edit.text().strip() or None
        values["year_built"] = self.year.value() or None
        return values

    def set_values(self, values: dict[str, Any]) -> None:
        index = self.object_type.findData(values.get("object_type"))
        if index >= 0:
            self.object_type.setCurrentIndex(index)
        for name, edit in self.inputs.items():
            edit.setText(str(values.get(name) or ""))
        self.year.setValue(int(values.get("year_built") or 0))

    def show_error(self, exc: BaseException) -> bool:
        """Put a refusal next to its field; False when it names no field here."""
        self.clear_errors()
        name = getattr(exc, "field", None)
        label = self.errors.get(name or "")
        if label is None:
            return False
        label.setText(message_of(exc))
        label.setVisible(True)
        return True

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.setVisible(False)


class NewInspectionDialog(QDialog):
    created = Signal(str)  # the new inspection's id

    def __init__(self, session: UiSession, parent: QWidget | None = None, *,
                 equipment_id: str | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("new_inspection_dialog")
        self.setWindowTitle(self.tr("Pemeriksaan baru"))
        self.resize(820, 600)
        self._preselect = equipment_id
        self._companies: list[dict[str, Any]] = []
        self._equipment: list[dict[str, Any]] = []

        self.company_search = QLineEdit()
        self.company_search.setObjectName("new_company_search")
        self.company_search.setPlaceholderText(self.tr("Cari perusahaan…"))
        self.company_search.setAccessibleName(self.tr("Cari perusahaan"))
        self.company_list = QListWidget()
        self.company_list.setObjectName("new_company_list")
        self.company_list.setAccessibleName(self.tr("Perusahaan"))
        self.equipment_search = QLineEdit()
        self.equipment_search.setObjectName("new_equipment_search")
        self.equipment_search.setPlaceholderText(self.tr("Cari peralatan (nomor seri, "
                                                         "jenis, lokasi)…"))
        self.equipment_search.setAccessibleName(self.tr("Cari peralatan"))
        self.equipment_list = QListWidget()
        self.equipment_list.setObjectName("new_equipment_list")
        self.equipment_list.setAccessibleName(self.tr("Peralatan"))
        self.new_equipment_button = QPushButton(self.tr("Peralatan baru…"))
        self.new_equipment_button.setObjectName("new_equipment_toggle")
        self.new_equipment_button.setCheckable(True)
        self.equipment_form = EquipmentForm("new_equipment_")
        self.equipment_box = QGroupBox(self.tr("Peralatan baru (data pelat nama)"))
        QVBoxLayout(self.equipment_box).addWidget(self.equipment_form)
        self.equipment_box.setVisible(False)
        self.new_equipment_button.toggled.connect(self._toggle_new_equipment)

        self.kind = QComboBox()
        self.kind.setObjectName("new_kind")
        self.kind.setAccessibleName(self.tr("Jenis pemeriksaan"))
        for kind in INSPECTION_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.setCurrentIndex(INSPECTION_KINDS.index("berkala"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName("new_date")
        self.date.setAccessibleName(self.tr("Tanggal pemeriksaan"))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd-MM-yyyy")
        self.message = error_label("new_message")

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("1. Perusahaan")))
        left.addWidget(self.company_search)
        left.addWidget(self.company_list, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("2. Peralatan")))
        right.addWidget(self.equipment_search)
        right.addWidget(self.equipment_list, 1)
        right.addWidget(self.new_equipment_button)
        right.addWidget(self.equipment_box)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        bottom = QFormLayout()
        kind_label_ = QLabel(self.tr("3. &Jenis pemeriksaan"))
        kind_label_.setBuddy(self.kind)
        date_label = QLabel(self.tr("4. &Tanggal"))
        date_label.setBuddy(self.date)
        bottom.addRow(kind_label_, self.kind)
        bottom.addRow(date_label, self.date)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok = self.buttons.addButton(self.tr("Buat dan buka"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("new_create")
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.create_inspection)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.company_search.textChanged.connect(lambda _t: self._filter_companies())
        self.company_list.currentItemChanged.connect(lambda *_a: self._load_equipment())
        self.equipment_search.textChanged.connect(lambda _t: self._filter_equipment())
        self.session.run(browse_service.company_rows, session.db, success=self._companies_in)
        if equipment_id:
            self.session.run(inspection_list_service.equipment_summary, session.db,
                             equipment_id, success=self._preselected)

    # lists --------------------------------------------------------------------------
    def _companies_in(self, rows: list[dict[str, Any]]) -> None:
        self._companies = rows
        self._filter_companies()
        self._select_company(getattr(self, "_pending_company", None))

    def _select_company(self, company_id: str | None) -> None:
        for i in range(self.company_list.count()):
            item = self.company_list.item(i)
            if item.data(ID_ROLE) == company_id:
                self.company_list.setCurrentItem(item)

    def _filter_companies(self) -> None:
        text = self.company_search.text().strip().casefold()
        current = self.company_id()
        self.company_list.clear()
        for row in self._companies:
            shown = f"{row['name']} — {row.get('city') or ''}"
            if text and text not in shown.casefold():
                continue
            item = QListWidgetItem(shown)
            item.setData(ID_ROLE, row["id"])
            self.company_list.addItem(item)
            if row["id"] == current:
                self.company_list.setCurrentItem(item)
        if self.company_list.currentRow() < 0 and self.company_list.count() == 1:
            self.company_list.setCurrentRow(0)

    def company_id(self) -> str | None:
        item = self.company_list.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    def _load_equipment(self) -> None:
        company = self.company_id()
        self.equipment_list.clear()
        self._equipment = []
        if company is None:
            return
        self.session.run(browse_service.equipment_rows, self.session.db,
                         success=lambda rows: self._equipment_in(company, rows))

    def _equipment_in(self, company: str, rows: list[dict[str, Any]]) -> None:
        if company != self.company_id():
            return
        self._equipment = [r for r in rows if r.get("company_id") == company]
        self._filter_equipment()

    def _filter_equipment(self) -> None:
        text = self.equipment_search.text().strip().casefold()
        current = self.equipment_id() or self._preselect
        self.equipment_list.clear()
        for row in self._equipment:
            shown = (f"{object_type_name(row['object_type'])} · {row['serial_number']}"
                     f" · {row.get('location') or ''}")
            if text and text not in shown.casefold():
                continue
            item = QListWidgetItem(shown)
            item.setData(ID_ROLE, row["id"])
            self.equipment_list.addItem(item)
            if row["id"] == current:
                self.equipment_list.setCurrentItem(item)

    def equipment_id(self) -> str | None:
        item = self.equipment_list.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    def _preselected(self, summary: dict[str, Any]) -> None:
        """A re-test: the company and the equipment of the inspection it follows."""
        self._preselect = summary["id"]
        self.kind.setCurrentIndex(INSPECTION_KINDS.index("ulang"))
        self._pending_company = summary["company_id"]
        self._select_company(summary["company_id"])

    def _toggle_new_equipment(self, on: bool) -> None:
        self.equipment_box.setVisible(on)
        self.equipment_list.setEnabled(not on)
        self.equipment_search.setEnabled(not on)

    # create -------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter or Down in a search field goes to its list (the first match chosen)
        instead of pressing "Buat dan buka" with nothing chosen yet; Esc still closes."""
        focus = self.focusWidget()
        lists = {self.company_search: self.company_list,
                 self.equipment_search: self.equipment_list}
        target = lists.get(focus) if isinstance(focus, QLineEdit) else None
        if target is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter,
                                                  Qt.Key.Key_Down):
            if target.currentRow() < 0 and target.count() > 0:
                target.setCurrentRow(0)
            target.setFocus()
            return
        super().keyPressEvent(event)

    def create_inspection(self) -> None:
        self.message.setVisible(False)
        self.equipment_form.clear_errors()
        company = self.company_id()
        if company is None:
            self._say(self.tr("Pilih perusahaan dulu."))
            return
        new = self.new_equipment_button.isChecked()
        equipment_id = None if new else self.equipment_id()
        if not new and equipment_id is None:
            self._say(self.tr("Pilih peralatan, atau daftarkan peralatan baru."))
            return
        equipment = dict(self.equipment_form.values(), company_id=company) if new else None
        d = self.date.date()
        self.ok.setEnabled(False)
        self.session.run(inspection_list_service.start_inspection, self.session.context(),
                         kind=self.kind.currentData(),
                         inspected_on=date(d.year(), d.month(), d.day()),
                         equipment_id=equipment_id, equipment=equipment,
                         success=self._done, failure=self._failed)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    def _done(self, inspection_id: str) -> None:
        self.ok.setEnabled(True)
        self.session.notify(None, initiator=self)
        self.accept()
        self.created.emit(inspection_id)

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, ValidationError) and self.new_equipment_button.isChecked() \
                and self.equipment_form.show_error(exc):
            return
        if not isinstance(exc, K3Error):
            show_error(self, exc)  # a bug: the one handler, with "Salin rincian"
            return
        self._say(message_of(exc))
