"""Text that lies: bidirectional control characters (shared by laptop and server).

An override or isolate character (U+202A-U+202E, U+2066-U+2069) makes a viewer show a
name reversed or reordered, so ``PT ABC\u202eKAPAL`` can print as something else on a
certificate or the public page. The marks U+200E/U+200F do not reorder other text but
serve the same trick inside a serial number, so they are refused too. Nothing a Balai
types needs them.
"""

from __future__ import annotations

BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                          "\u2066\u2067\u2068\u2069")

#: The fields whose text is printed as it is on documents and the public page.
PRINTED_FIELDS = ("name", "address", "serial_number", "full_name", "filename",
                  "manufacturer", "model", "city")


def bidi_character(text: str) -> str | None:
    """The first bidirectional control character of ``text`` as ``U+202E``, or None."""
    for char in text:
        if char in BIDI_CONTROLS:
            return f"U+{ord(char):04X}"
    return None
