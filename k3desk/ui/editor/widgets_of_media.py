"""The photo slot, signature pad and instrument picker (u-media), or their stand-ins
until that branch is merged (``_standins.py``, deleted then with this fallback)."""

from __future__ import annotations

try:
    from k3desk.ui.editor.photo_slot import PhotoSlot
except ImportError:  # pragma: no cover - until u-media is merged
    from k3desk.ui.editor._standins import PhotoSlot
try:
    from k3desk.ui.editor.signature_pad import SignaturePad
except ImportError:  # pragma: no cover
    from k3desk.ui.editor._standins import SignaturePad
try:
    from k3desk.ui.editor.instrument_picker import InstrumentPicker
except ImportError:  # pragma: no cover
    from k3desk.ui.editor._standins import InstrumentPicker

__all__ = ["InstrumentPicker", "PhotoSlot", "SignaturePad"]
