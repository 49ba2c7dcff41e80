"""Small stand-ins for u-media's PhotoSlot, SignaturePad and InstrumentPicker.

Same constructor, objectName, ``changed`` signal and methods as the real widgets
(``photo_slot.py``, ``signature_pad.py``, ``instrument_picker.py``); the editor uses the
real ones when they are there. The coordinator deletes this file when u-media merges.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PhotoSlot(QWidget):
    changed = Signal()

    def __init__(self, session: Any, inspection_id: str, path: str, spec: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"field:{path}")
        self._ids: list[str] = []
        self._label = QLabel()
        QVBoxLayout(self).addWidget(self._label)
        self._show()

    def _show(self) -> None:
        self._label.setText(f"{len(self._ids)} foto")

    def value(self) -> list[str]:
        return list(self._ids)

    def set_value(self, ids: list[str]) -> None:
        self._ids = list(ids)
        self._show()

    def add_ids(self, ids: list[str]) -> None:
        """What adding a photo does (for tests of the editor)."""
        self._ids += ids
        self._show()
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, session: Any, inspection_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signature_pad")
        QVBoxLayout(self).addWidget(QLabel("(tanda tangan)"))

    def has_signature(self) -> bool:
        return False

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)


class InstrumentPicker(QWidget):
    changed = Signal()

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("instrument_picker")
        self._ids: list[str] = []
        self._label = QLabel()
        QVBoxLayout(self).addWidget(self._label)

    def value(self) -> list[str]:
        return list(self._ids)

    def set_value(self, ids: list[str], inspected_on: dt.date) -> None:
        self._ids = list(ids)
        self._label.setText(f"{len(self._ids)} alat ukur")

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)

    def problems(self) -> list[str]:
        return []
