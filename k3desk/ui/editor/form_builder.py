"""The inspection form, generated from the template at run time (QGIS attribute forms).

``build_form(template, photo_slot)`` makes one frame per section (``section:<id>``)
and, for every field, its label (a buddy of the input, which also takes the label as
its accessible name; ``*`` marks a required field), the widget of its field type
(``field_widgets.WIDGETS``, a ``GroupTable`` for a group, a photo slot for photos),
its unit or unit chooser, range hint and help text. Nothing here is written per object
type: a new template is a new form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from k3desk.domain.template_schema import FieldSpec, Section
from k3desk.domain.templates import Template
from k3desk.ui.editor.field_widgets import (
    WIDGETS,
    ChecklistField,
    ComputedField,
    FieldWidget,
    PhotoField,
    number_text,
)
from k3desk.ui.editor.group_table import GroupTable
from k3desk.ui.editor.problems import top_field
from k3desk.ui.i18n import language

PhotoFactory = Callable[[str, FieldSpec], QWidget]


def small(label: QLabel) -> None:
    """A hint: smaller and grey (a font and a palette; cheaper than a style sheet)."""
    font = label.font()
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    label.setFont(font)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#555555"))
    label.setPalette(palette)


translate = QCoreApplication.translate


def range_text(spec: FieldSpec) -> str:
    unit = f" {spec.unit}" if spec.unit else ""
    lo, hi = spec.min, spec.max
    if lo is not None and hi is not None:
        return translate("FormBuilder", "Rentang {low} – {high}{unit}").format(low=number_text(lo),
                                                         high=number_text(hi), unit=unit)
    if lo is not None:
        return translate(
                "FormBuilder", "Paling kecil {low}{unit}").format(low=number_text(lo), unit=unit)
    if hi is not None:
        return translate(
                "FormBuilder", "Paling besar {high}{unit}").format(high=number_text(hi), unit=unit)
    return ""


def required_text(spec: FieldSpec) -> str:
    if spec.required:
        return " *"
    return " (*)" if spec.required_when else ""


class Form(QWidget):
    """The widgets of one template's form, by field path."""

    edited = Signal(str)
    note_edited = Signal(str)
    row_action = Signal(str, str, int)

    def __init__(self, template: Template, photo_slot: PhotoFactory,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editor_form")
        self.template = template
        self._photo_slot = photo_slot
        self.widgets: dict[str, FieldWidget] = {}
        self.groups: dict[str, GroupTable] = {}
        self.sections: dict[str, QFrame] = {}
        self.section_titles: dict[str, str] = {}
        self.section_of: dict[str, str] = {}
        self.labels: dict[str, QLabel] = {}
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(8, 8, 8, 8)
        self.column.setSpacing(14)
        for section in template.sections:
            self.add_section_frame(section.id, section.title.get(language()),
                                   self._section_body(section),
                                   section.help.get(language()) if section.help else None)
        self.column.addStretch(1)

    # building ------------------------------------------------------------------------
    def add_section_frame(self, section_id: str, title: str, body: QWidget,
                          help_text: str | None = None) -> QFrame:
        frame = QFrame()
        frame.setObjectName(f"section:{section_id}")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(frame)
        heading = QLabel(title)
        heading.setObjectName(f"section_title:{section_id}")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        column.addWidget(heading)
        if help_text:
            hint = QLabel(help_text)
            hint.setWordWrap(True)
            small(hint)
            column.addWidget(hint)
        column.addWidget(body)
        self.sections[section_id] = frame
        self.section_titles[section_id] = title
        last = self.column.itemAt(self.column.count() - 1) if self.column.count() else None
        index = self.column.count() - (1 if last is not None and last.spacerItem() else 0)
        self.column.insertWidget(index, frame)
        return frame

    def _section_body(self, section: Section) -> QWidget:
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setColumnStretch(1, 1)
        row = 0
        for spec in section.fields:
            self.section_of[spec.id] = section.id
            label = QLabel(spec.title.get(language()) + required_text(spec))
            label.setObjectName(f"label:{spec.id}")
            label.setWordWrap(True)
            self.labels[spec.id] = label
            if spec.field_type == "group":
                table = GroupTable(spec, spec.title.get(language()), self.make_cell)
                table.cell_edited.connect(self.edited)
                table.note_edited.connect(self.note_edited)
                table.row_action.connect(self.row_action)
                label.setBuddy(table.table)
                self.groups[spec.id] = table
                grid.addWidget(label, row, 0, 1, 2)
                grid.addWidget(table, row + 1, 0, 1, 2)
                row += 2
            else:
                widget = self.make_cell(spec, spec.id, spec.title.get(language()))
                label.setBuddy(widget.input)
                label.setMinimumWidth(150)
                label.setMaximumWidth(240)
                grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(widget, row, 1)
                self.widgets[spec.id] = widget
                row += 1
            help_text = spec.help.get(language()) if spec.help else ""
            notes = [t for t in (range_text(spec), help_text) if t]
            if notes:
                hint = QLabel(" · ".join(notes))
                hint.setObjectName(f"hint:{spec.id}")
                hint.setWordWrap(True)
                small(hint)
                grid.addWidget(hint, row, 1 if spec.field_type != "group" else 0, 1,
                               1 if spec.field_type != "group" else 2)
                row += 1
        return body

    def make_cell(self, spec: FieldSpec, path: str, label: str) -> FieldWidget:
        """The widget of one field (top level or a group's cell)."""
        widget: FieldWidget
        if spec.field_type == "photo":
            widget = PhotoField(spec, path, label, self._photo_slot(path, spec))
        else:
            widget = WIDGETS[spec.field_type](spec, path, label)
        if spec.field_type != "computed":
            widget.edited.connect(self.edited)
        if isinstance(widget, ChecklistField):
            widget.note_edited.connect(self.note_edited)
        if top_field(path) == path and spec.required:
            widget.input.setAccessibleDescription(translate("FormBuilder", "wajib diisi"))
        return widget

    # looking up ------------------------------------------------------------------------
    def widget(self, path: str) -> Any:
        """The widget of a path: a field, a group (its table) or a group's cell."""
        if path in self.widgets:
            return self.widgets[path]
        if path in self.groups:
            return self.groups[path]
        group = self.groups.get(top_field(path))
        if group is not None:
            return group.cells.get(path) or group
        return None

    def section_id_of(self, path: str) -> str | None:
        return self.section_of.get(top_field(path))

    def all_cells(self) -> list[FieldWidget]:
        cells = list(self.widgets.values())
        for group in self.groups.values():
            cells += list(group.cells.values())
        return cells

    def computed_cells(self) -> list[ComputedField]:
        return [c for c in self.all_cells() if isinstance(c, ComputedField)]

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.widgets.values():
            widget.set_read_only(read_only)
        for group in self.groups.values():
            group.set_read_only(read_only)


def build_form(template: Template, photo_slot: PhotoFactory,
               parent: QWidget | None = None) -> Form:
    return Form(template, photo_slot, parent)
