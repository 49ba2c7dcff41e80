"""The audit trail as the CLI and the window see it: check that its chain holds."""

from __future__ import annotations

from k3desk.store import audit
from k3desk.store.audit import AuditReport
from k3desk.store.db import Database

__all__ = ["AuditReport", "verify_chain"]


def verify_chain(db: Database) -> AuditReport:
    """Walk the hash chain of ``db``'s audit events; name the first that does not hold."""
    with db.session() as s:
        return audit.verify(s)
