"""What the main window expects of a page.

A page is a ``QWidget`` built with the window's ``UiSession``. The window calls
``on_shown()`` each time the page becomes the current one, and routes the window's
actions to the current page when it has the matching method (duck typing keeps pages
independent of each other):

- ``new_inspection()``  (Ctrl+N, ``action_new_inspection``)
- ``save_now()``        (Ctrl+S, ``action_save``)
- ``submit()``          (Ctrl+Enter, ``action_submit``)
- ``focus_search()``    (Ctrl+F, ``action_find``)
- ``undo()`` / ``redo()`` (``action_undo`` / ``action_redo``)
- ``print_document()``  (Ctrl+P, ``action_print``)

``can(action_name)`` may narrow it further (the editor of a submitted inspection cannot
save). A page that changes data calls ``session.notify(changes, initiator=self)``; it
refreshes itself on ``session.data_changed`` (skipping its own changes), and only when
visible: a hidden page marks itself stale and refreshes in ``on_shown``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from k3desk.ui.session import UiSession


class Page(QWidget):
    """Base of the window's pages: the session, a title, ``on_shown``, ``can``."""

    title = ""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._stale = True
        session.data_changed.connect(self._on_data_changed)

    def on_shown(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        """Reload what the page shows (off the UI thread, through ``session.run``)."""

    def can(self, action: str) -> bool:
        return hasattr(self, action)

    def _on_data_changed(self, changes: object, initiator: object) -> None:
        if initiator is self:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True
