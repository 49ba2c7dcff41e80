"""Who acts, on which laptop: what every service call is given."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from k3desk.domain.errors import PermissionDenied
from k3desk.domain.i18n import translate
from k3desk.domain.workflow import Role
from k3desk.store.db import Database
from k3desk.store.models import User


@dataclass(frozen=True)
class Actor:
    """A snapshot of the acting user (never a live ORM object across sessions)."""

    id: str
    username: str
    full_name: str
    nip: str
    role: str
    balai_id: str | None
    qualifications: list[Any] = field(default_factory=list)

    @classmethod
    def of(cls, user: User) -> Actor:
        return cls(id=user.id, username=user.username, full_name=user.full_name, nip=user.nip,
                   role=user.role, balai_id=user.balai_id,
                   qualifications=list(user.qualifications or []))

    def require_role(self, *roles: Role, action: str) -> None:
        if self.role not in roles:
            wanted = " atau ".join(roles)
            raise PermissionDenied(translate("context", "hanya {wanted} yang dapat "
                                             "{action}; Anda login sebagai {username} "
                                             "({role})").format(
                                       wanted=wanted,
                                       action=action,
                                       username=self.username,
                                       role=self.role))


@dataclass(frozen=True)
class Changes:
    """What a write changed, so views refresh only what they show."""

    record_type: str
    ids: tuple[str, ...] = ()
    status: str | None = None


@dataclass
class AppContext:
    db: Database
    actor: Actor
