"""Errors that carry a message meant for a person, never a stack trace."""

from __future__ import annotations


class K3Error(Exception):
    """An error a user can act on. ``str(err)`` is the message shown to them."""

    exit_code = 2

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class ValidationError(K3Error):
    """Input (a value, a file, a payload) that cannot be accepted as it is."""


class NotFoundError(K3Error):
    """A record the user named does not exist (or is not visible to them)."""


class PermissionDenied(K3Error):
    """The acting user's role or the record's state does not allow the action."""


class DataFileError(K3Error):
    """A data file (database, backup, config) that cannot be opened or trusted."""
