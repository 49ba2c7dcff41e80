"""The desktop GUI: the only package that imports PySide6."""

from __future__ import annotations

import ctypes
import sys


def _immortal_singletons() -> None:
    """PySide6 6.12.0 hands back True, False and None from many bindings without taking
    a reference (``SignalInstance.emit()``, ``QTimer.isActive()``, ``setProperty()``
    ...). On Python 3.11, where those objects are not immortal, a session wears their
    count down and aborts ("bool_dealloc: deallocating True or False") after a few
    thousand signals. Python 3.12 makes them immortal; on 3.11 give them a count no
    session can use up (the object's first field is its reference count)."""
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return
    for singleton in (True, False, None):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_immortal_singletons()
