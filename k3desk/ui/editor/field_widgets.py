"""One widget class per field type, built from the template's ``FieldSpec``.

Every widget has the same small interface, so the form never asks which type it holds:
``value()`` (the JSON value stored in ``values[path]``, None when empty),
``set_value(v)`` (no signal), ``input_problem()`` (a hard problem with what is typed:
letters in a number, out of range, a bad date; None when valid), ``set_message(hard,
soft)`` (the inline message under the input), ``set_read_only(bool)`` and
``focus_input()``. A user's edit emits ``edited(path)``; the form reads the value or the
problem then. What is typed stays as typed until it is valid: an invalid entry is never
replaced by a rounded or different value.

The input itself is named ``field:<path>`` (a unit chooser ``unit:<path>``, a
checklist's note ``note:<path>``); the message under it ``message:<path>``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from k3desk.domain.template_schema import SCALE_TITLES, FieldSpec
from k3desk.ui.editor.problems import ValueProblem, check_value, parse_number
from k3desk.ui.i18n import language

CTX = "FieldWidgets"
HARD_STYLE = "color: #b71c1c;"
SOFT_STYLE = "color: #8a5a00;"
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


translate = QCoreApplication.translate


def number_text(value: Any) -> str:
    """A stored number as an inspector types it: ``12,5``; never an exponent."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, Fraction):
        value = float(value)
    text = format(Decimal(repr(value)), "f") if isinstance(value, float) else str(value)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


class FieldWidget(QWidget):
    """Base: the input, the inline message, the ``edited(path)`` signal."""

    edited = Signal(str)

    def __init__(self, spec: FieldSpec, path: str, label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec, self.path, self.label = spec, path, label
        self.setObjectName(f"fieldbox:{path}")
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(2)
        self.row = QHBoxLayout()
        self.row.setSpacing(4)
        self._column.addLayout(self.row)
        self._message: QLabel | None = None  # made when there is something to say
        self._setting = False
        self.input: QWidget = self._build()
        self.input.setObjectName(f"field:{path}")
        self.input.setAccessibleName(label)
        self.row.insertWidget(0, self.input, 1)
        self._read_only = False

    def _build(self) -> QWidget:
        raise NotImplementedError

    def _emit(self, *_args: object) -> None:
        if not self._setting:
            self.edited.emit(self.path)

    def _set_text(self, edit: QLineEdit, text: str) -> None:
        if edit.text() != text:
            self._setting = True
            edit.setText(text)
            self._setting = False

    def raw(self) -> Any:
        """What is typed, for the verdict while it is not valid yet."""
        return self.value()

    # the interface -------------------------------------------------------------------
    def value(self) -> Any:
        return None

    def set_value(self, value: Any) -> None:
        """Show a stored value (no ``edited`` signal)."""

    def input_problem(self) -> ValueProblem | None:
        value = self.value()
        if value is None:
            return None
        return check_value(self.spec, value, self.path, self.label)

    @property
    def message(self) -> QLabel:
        """The inline message under the input (``message:<path>``)."""
        if self._message is None:
            self._message = QLabel()
            self._message.setObjectName(f"message:{self.path}")
            self._message.setWordWrap(True)
            self._message.setVisible(False)
            self._column.addWidget(self._message)
        return self._message

    def set_message(self, hard: str | None, soft: str | None = None) -> None:
        text = hard or soft or ""
        state = (text, bool(hard))
        if state == getattr(self, "_shown", ("", False)):
            return
        self._shown = state
        self.message.setText(text)
        self.message.setStyleSheet(HARD_STYLE if hard else SOFT_STYLE)
        self.message.setVisible(bool(text))
        self.input.setProperty("problem", "hard" if hard else "soft" if soft else "")
        self.input.setToolTip(text)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.input.setEnabled(not read_only)

    def focus_input(self) -> None:
        self.input.setFocus()


class NumberField(FieldWidget):
    """A number as typed (``12,5`` or ``12.5``), in the canonical or an allowed unit."""

    def _build(self) -> QWidget:
        edit = QLineEdit()
        edit.setPlaceholderText(self._range_hint())
        edit.textChanged.connect(self._emit)
        self.edit = edit
        units = self.spec.allowed_units()
        self.unit_box: QComboBox | None = None
        if len(units) > 1:
            box = QComboBox()
            box.setObjectName(f"unit:{self.path}")
            box.setAccessibleName(translate(
                    "FieldWidgets", "Satuan {label}").format(label=self.label))
            box.addItems(units)
            box.activated.connect(self._emit)
            self.unit_box = box
            self.row.addWidget(box)
        elif units:
            unit = QLabel(units[0])
            unit.setObjectName(f"unit_label:{self.path}")
            self.row.addWidget(unit)
        return edit

    def _range_hint(self) -> str:
        lo, hi = self.spec.min, self.spec.max
        if lo is not None and hi is not None:
            return f"{number_text(lo)} – {number_text(hi)}"
        if lo is not None:
            return f"≥ {number_text(lo)}"
        return f"≤ {number_text(hi)}" if hi is not None else ""

    def _unit(self) -> str | None:
        return self.unit_box.currentText() if self.unit_box is not None else self.spec.unit

    def _typed(self) -> Any:
        """What is typed, as the domain reads it (number text, with its unit)."""
        text = self.edit.text()
        if not text.strip():
            return None
        unit = self._unit()
        return {"value": text, "unit": unit} if unit and unit != self.spec.unit else text

    def value(self) -> Any:
        text = self.edit.text()
        parsed = parse_number(text) if text.strip() else None
        if parsed is None:
            return None
        number: int | float = int(parsed) if parsed.denominator == 1 else float(parsed)
        unit = self._unit()
        if unit is not None and unit != self.spec.unit:
            return {"value": number, "unit": unit}
        return number

    def raw(self) -> Any:
        return self._typed()

    def input_problem(self) -> ValueProblem | None:
        typed = self._typed()
        if typed is None:
            return None
        return check_value(self.spec, typed, self.path, self.label)

    def set_value(self, value: Any) -> None:
        unit = self.spec.unit
        if isinstance(value, dict):
            unit, value = value.get("unit", unit), value.get("value")
        self._set_text(self.edit, number_text(value))
        if self.unit_box is not None and unit is not None:
            self.unit_box.setCurrentIndex(max(0, self.unit_box.findText(unit)))

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.edit.setReadOnly(read_only)
        if self.unit_box is not None:
            self.unit_box.setEnabled(not read_only)


class TextField(FieldWidget):
    """One line, or several when the template says ``multiline``."""

    def _build(self) -> QWidget:
        if self.spec.multiline:
            self.box = QPlainTextEdit()
            self.box.setTabChangesFocus(True)
            self.box.setMaximumHeight(90)
            self.box.textChanged.connect(self._emit)
            return self.box
        self.line = QLineEdit()
        if self.spec.max_length:
            self.line.setPlaceholderText(translate(
                    "FieldWidgets", "paling banyak {n} karakter").format(
                n=self.spec.max_length))
        self.line.textChanged.connect(self._emit)
        return self.line

    def text(self) -> str:
        return self.box.toPlainText() if self.spec.multiline else self.line.text()

    def value(self) -> Any:
        text = self.text()
        return text if text.strip() else None

    def set_value(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        if self.spec.multiline:
            if self.box.toPlainText() != text:
                self._setting = True
                self.box.setPlainText(text)
                self._setting = False
        else:
            self._set_text(self.line, text)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        (self.box if self.spec.multiline else self.line).setReadOnly(read_only)


class _ComboField(FieldWidget):
    """A choice among fixed answers, with an empty first entry (not answered)."""

    def answers(self) -> list[tuple[str, Any]]:
        raise NotImplementedError

    def _build(self) -> QWidget:
        box = QComboBox()
        box.addItem(translate("FieldWidgets", "— pilih —"), None)
        for title, data in self.answers():
            box.addItem(title, data)
        box.activated.connect(self._emit)
        self.box = box
        return box

    def value(self) -> Any:
        return self.box.currentData()

    def set_value(self, value: Any) -> None:
        for i in range(self.box.count()):
            if self.box.itemData(i) == value and (value is None or i > 0):
                self.box.setCurrentIndex(i)
                return
        self.box.setCurrentIndex(0)


class ChoiceField(_ComboField):
    def answers(self) -> list[tuple[str, Any]]:
        return [(c.title.get(language()), c.value) for c in self.spec.choices]


class YesNoField(_ComboField):
    def answers(self) -> list[tuple[str, Any]]:
        return [(translate(
                "FieldWidgets", "Ya"), True), (translate("FieldWidgets", "Tidak"), False)]


class ChecklistField(_ComboField):
    """The template's scale answers and a note (kept in ``values["_notes"]``)."""

    note_edited = Signal(str)

    def answers(self) -> list[tuple[str, Any]]:
        return [(SCALE_TITLES.get(a, (a, a))[0], a) for a in self.spec.answers()]

    def _build(self) -> QWidget:
        box = super()._build()
        self.note = QLineEdit()
        self.note.setObjectName(f"note:{self.path}")
        self.note.setPlaceholderText(translate("FieldWidgets", "catatan"))
        self.note.setAccessibleName(translate(
                "FieldWidgets", "Catatan {label}").format(label=self.label))
        self.note.textChanged.connect(self._note_changed)
        self.row.addWidget(self.note, 1)
        return box

    def _note_changed(self, _text: str) -> None:
        if not self._setting:
            self.note_edited.emit(self.path)

    def note_text(self) -> str:
        return self.note.text()

    def set_note(self, text: str) -> None:
        self._set_text(self.note, text)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.note.setReadOnly(read_only)


class DateField(FieldWidget):
    """A date typed (``15-01-2026``, ``15/01/2026`` or ``2026-01-15``) or picked."""

    def _build(self) -> QWidget:
        self.line = QLineEdit()
        self.line.setPlaceholderText(translate("FieldWidgets", "HH-BB-TTTT"))
        self.line.textChanged.connect(self._emit)
        pick = QToolButton()
        pick.setObjectName(f"date_pick:{self.path}")
        pick.setText("📅")
        pick.setAccessibleName(translate(
                "FieldWidgets", "Pilih tanggal {label}").format(label=self.label))
        pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(pick)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName(f"calendar:{self.path}")
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._sync_calendar)
        self.calendar.clicked.connect(self.pick)
        self.calendar.clicked.connect(menu.close)
        pick.setMenu(menu)
        self.pick_button = pick
        self.row.addWidget(pick)
        return self.line

    def _sync_calendar(self) -> None:
        value = self.value()
        if value:
            self.calendar.setSelectedDate(QDate.fromString(value, "yyyy-MM-dd"))

    def pick(self, day: QDate) -> None:
        self.line.setText(day.toString("dd-MM-yyyy"))

    def _parsed(self) -> str | ValueProblem | None:
        text = self.line.text().strip()
        if not text:
            return None
        m = _DMY.match(text)
        try:
            day = (dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m
                   else dt.date.fromisoformat(text))
        except ValueError:
            return ValueProblem(self.path, "bad_date", {"label": self.label, "value": text},
                                translate("FieldWidgets",
                                          "{label}: “{value}” bukan tanggal yang sah (tulis "
                                          "HH-BB-TTTT, mis. 15-01-2026)").format(
                                    label=self.label, value=text[:30]))
        return day.isoformat()

    def value(self) -> Any:
        parsed = self._parsed()
        return parsed if isinstance(parsed, str) else None

    def raw(self) -> Any:
        return self.value() or self.line.text().strip() or None

    def input_problem(self) -> ValueProblem | None:
        parsed = self._parsed()
        return parsed if isinstance(parsed, ValueProblem) else None

    def set_value(self, value: Any) -> None:
        try:
            text = (dt.date.fromisoformat(value).strftime("%d-%m-%Y")
                    if isinstance(value, str) else "")
        except ValueError:
            text = str(value)
        self._set_text(self.line, text)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.line.setReadOnly(read_only)
        self.pick_button.setEnabled(not read_only)


class ComputedField(FieldWidget):
    """Worked out from the other values, shown read-only and updated as they change."""

    def _build(self) -> QWidget:
        self.line = QLineEdit()
        self.line.setReadOnly(True)
        self.line.setPlaceholderText(translate("FieldWidgets", "dihitung otomatis"))
        if self.spec.unit:
            self.row.addWidget(QLabel(self.spec.unit))
        return self.line

    def show_computed(self, value: Any) -> None:
        if isinstance(value, Fraction):
            value = round(float(value), 3)
        text = number_text(value) if isinstance(value, (int, float)) else (
            SCALE_TITLES.get(value, (value, value))[0] if isinstance(value, str) else "")
        self.line.setText(text)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only


class PhotoField(FieldWidget):
    """The photo slot of u-media (attachment ids in ``values[path]``)."""

    def __init__(self, spec: FieldSpec, path: str, label: str, slot: QWidget,
                 parent: QWidget | None = None) -> None:
        self._slot = slot
        super().__init__(spec, path, label, parent)

    def _build(self) -> QWidget:
        self._slot.changed.connect(self._emit)  # type: ignore[attr-defined]
        return self._slot

    def value(self) -> Any:
        ids = list(self._slot.value())  # type: ignore[attr-defined]
        return ids or None

    def set_value(self, value: Any) -> None:
        self._slot.set_value(list(value) if isinstance(value, list) else [])  # type: ignore

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._slot.set_read_only(read_only)  # type: ignore[attr-defined]


WIDGETS: dict[str, type[FieldWidget]] = {
    "number": NumberField, "integer": NumberField, "text": TextField, "choice": ChoiceField,
    "yesno": YesNoField, "checklist": ChecklistField, "date": DateField,
    "computed": ComputedField,
}
