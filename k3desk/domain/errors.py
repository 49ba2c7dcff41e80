"""Errors that carry a message meant for a person, never a stack trace."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from k3desk.domain.i18n import translate

if TYPE_CHECKING:
    from k3desk.domain.problems import ValueProblem


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


class ConstraintError(K3Error):
    """A write the database refused by one of its rules (a duplicate number or name, a
    missing parent record): the data file is sound, only this change was not saved."""


class ValuesRejected(ValidationError):
    """An inspection's values that cannot be saved; ``problems`` says each, by field."""

    def __init__(self, problems: Sequence[ValueProblem], *, heading: str | None = None
                 ) -> None:
        self.problems = list(problems)
        if heading is None:
            heading = translate("errors", "nilai tidak valid")
        super().__init__(f"{heading}:\n  - " + "\n  - ".join(p.message for p in self.problems),
                         field=self.problems[0].path or None if self.problems else None)


class SubmissionRefused(ValidationError):
    """An inspection that may not be submitted yet, with every reason in ``problems``;
    ``str()`` lists them by section (``sections``: section title -> field ids)."""

    def __init__(self, problems: Sequence[ValueProblem],
                 sections: Sequence[tuple[str, Sequence[str]]] = ()) -> None:
        self.problems = list(problems)
        super().__init__(_by_section(translate("errors", "pemeriksaan belum dapat diajukan"),
                                     self.problems,
                                     sections))


def _by_section(heading: str, problems: Sequence[ValueProblem],
                sections: Sequence[tuple[str, Sequence[str]]]) -> str:
    """The messages under their section titles; problems of no section come first."""
    owner = {fid: title for title, fids in sections for fid in fids}
    order = {title: i for i, (title, _) in enumerate(sections)}
    groups: dict[str, list[str]] = {}
    for p in problems:
        head = p.path.split("[", 1)[0].split(".", 1)[0]
        groups.setdefault(owner.get(head, ""), []).append(p.message)
    lines = [f"{heading}:"]
    for title, messages in sorted(groups.items(), key=lambda kv: order.get(kv[0], -1)):
        indent = "  "
        if title:
            lines.append(f"  {title}")
            indent = "    "
        lines += [f"{indent}- {m}" for m in messages]
    return "\n".join(lines)
