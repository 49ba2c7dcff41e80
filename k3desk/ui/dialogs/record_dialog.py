"""Create or edit a company, an equipment item or a measuring instrument. Checked by
``records_service`` (the CLI's rules and sentences); a refusal is shown at its field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from k3desk.domain.errors import K3Error
from k3desk.services import browse_service, records_service
from k3desk.ui.dialogs.new_inspection_dialog import EquipmentForm, error_label
from k3desk.ui.errors import message_of, show_error
from k3desk.ui.session import UiSession


class RecordDialog(QDialog):
    """``record_type``: company | equipment | instrument; ``record``: the row to edit, or None."""

    saved = Signal(object)  # Changes

    def __init__(self, session: UiSession, record_type: str,
                 record: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.record_type, self.record = session, record_type, record
        self.setObjectName(f"{record_type}_dialog")
        titles = {"company": (self.tr("Perusahaan baru"), self.tr("Ubah perusahaan")),
                  "equipment": (self.tr("Peralatan baru"), self.tr("Ubah peralatan")),
                  "instrument": (self.tr("Alat ukur baru"), self.tr("Ubah alat ukur"))}
        self.setWindowTitle(titles[record_type][record is not None])
        self.setMinimumWidth(520)
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.equipment_form: EquipmentForm | None = None
        self.company: QComboBox | None = None
        if record_type == "company":
            self._fields({"name": self.tr("Nama perusahaan"), "address": self.tr("Alamat"),
                          "city": self.tr("Kota"), "phone": self.tr("Telepon"),
                          "contact_person": self.tr("Narahubung")})
        elif record_type == "instrument":
            self._fields({"name": self.tr("Nama alat"), "serial_number": self.tr("Nomor seri"),
                          "kind": self.tr("Jenis alat"),
                          "calibration_certificate": self.tr("Nomor sertifikat kalibrasi"),
                          "calibration_valid_until": self.tr(
                              "Kalibrasi berlaku sampai (YYYY-MM-DD)")})
        else:
            self.company = QComboBox()
            self.company.setObjectName("equipment_company")
            self.company.setAccessibleName(self.tr("Perusahaan pemilik"))
            label = QLabel(self.tr("Perusahaan pemilik"))
            label.setBuddy(self.company)
            self.company_error = error_label("equipment_company_id_error")
            self.form.addRow(label, self.company)
            self.form.addRow("", self.company_error)
            self.equipment_form = EquipmentForm("equipment_")
            if record is not None:
                self.equipment_form.set_values(record)
                self.equipment_form.object_type.setEnabled(False)
            session.run(browse_service.company_rows, session.db, success=self._companies)
        if record is not None:
            for name, edit in self.inputs.items():
                edit.setText(str(record.get(name) or ""))
        self.message = error_label(f"{record_type}_message")
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Simpan"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setObjectName(f"{record_type}_save")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        if self.equipment_form is not None:
            layout.addWidget(self.equipment_form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _fields(self, labels: dict[str, str]) -> None:
        for name, text in labels.items():
            edit = QLineEdit()
            edit.setObjectName(f"{self.record_type}_{name}")
            edit.setAccessibleName(text)
            label = QLabel(text)
            label.setBuddy(edit)
            error = error_label(f"{self.record_type}_{name}_error")
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(edit)
            box.addWidget(error)
            self.form.addRow(label, box)
            self.inputs[name] = edit
            self.errors[name] = error

    def _companies(self, rows: list[dict[str, Any]]) -> None:
        assert self.company is not None
        for row in rows:
            self.company.addItem(row["name"], row["id"])
        if self.record is not None:
            self.company.setCurrentIndex(self.company.findData(self.record.get("company_id")))
            self.company.setEnabled(False)

    def values(self) -> dict[str, Any]:
        if self.equipment_form is not None and self.company is not None:
            values = self.equipment_form.values()
            if self.record is None:
                values["company_id"] = self.company.currentData()
            else:
                values.pop("object_type")
            return values
        return {name: edit.text().strip() or None for name, edit in self.inputs.items()}

    def save(self) -> None:
        self.clear_errors()
        save = {"company": records_service.save_company,
                "equipment": records_service.save_equipment,
                "instrument": records_service.save_instrument}[self.record_type]
        self.save_button.setEnabled(False)
        self.session.run(save, self.session.context(), self.values(),
                         self.record["id"] if self.record else None,
                         success=self._saved, failure=self._failed)

    def clear_errors(self) -> None:
        self.message.setVisible(False)
        for label in self.errors.values():
            label.setVisible(False)
        if self.equipment_form is not None:
            self.equipment_form.clear_errors()
            self.company_error.setVisible(False)

    def _saved(self, changes: object) -> None:
        self.save_button.setEnabled(True)
        self.session.notify(changes, initiator=self)  # type: ignore[arg-type]
        self.saved.emit(changes)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(exc, K3Error):
            show_error(self, exc)
            return
        name = getattr(exc, "field", None) or ""
        label = self.errors.get(name)
        if label is None and self.equipment_form is not None:
            if name == "company_id":
                label = self.company_error
            elif self.equipment_form.show_error(exc):
                return
        if label is None:
            label = self.message
        label.setText(message_of(exc))
        label.setVisible(True)
