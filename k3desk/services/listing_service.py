"""Records as ``k3desk list`` prints them: plain values out, no session or ORM object."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from k3desk.domain.i18n import language
from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.vocabulary import Verdict
from k3desk.domain.workflow import STATUS_LABELS_ID, Status
from k3desk.services import inspection_service, records_service
from k3desk.services.inspection_service import InspectionQuery
from k3desk.services.records_service import RecordQuery
from k3desk.store.db import Database
from k3desk.store.models import SyncedRecord


@dataclass(frozen=True)
class Listed:
    """One record: ``record`` is its id, type, version and protocol fields (the JSON
    form); ``columns`` the values a one-line listing shows after the id."""

    record: dict[str, Any]
    columns: tuple[str, ...]

    @property
    def id(self) -> str:
        return str(self.record["id"])


def _record(r: SyncedRecord) -> dict[str, Any]:
    return {"id": r.id, "type": r.sync_type, "version": r.version, **r.to_data()}


def companies(db: Database, q: RecordQuery) -> list[Listed]:
    """Columns: name, address."""
    with db.session() as s:
        return [Listed(_record(c), (c.name, c.address))
                for c in records_service.list_companies(s, None, q)]


def equipment(db: Database, q: RecordQuery) -> list[Listed]:
    """Columns: object type, serial number, model."""
    with db.session() as s:
        return [Listed(_record(e), (object_type_label(e.object_type), e.serial_number,
                                    e.model or ""))
                for e in records_service.list_equipment(s, None, q)]


def inspections(db: Database, q: InspectionQuery) -> list[Listed]:
    """Columns: date, status, verdict, object type, serial number, company."""
    with db.session() as s:
        return [Listed(_record(r.inspection),
                       (str(r.inspection.inspected_on), status_label(str(r.inspection.status)),
                        verdict_label(r.inspection.verdict), object_type_label(r.object_type),
                        r.serial_number,
                        r.company_name))
                for r in inspection_service.search(s, None, q)]


def object_type_label(code: str) -> str:
    """"Bejana Tekanan" for ``bejana_tekan`` (the code itself when it is unknown)."""
    known = OBJECT_TYPES.get(code)
    return known.name(language()) if known else code


def status_label(status: str) -> str:
    """An inspection's status as a person reads it, in the interface language."""
    from k3desk.services.inspection_list_service import STATUS_LABELS_EN

    if language() == "en":
        return STATUS_LABELS_EN.get(status, status)
    return STATUS_LABELS_ID.get(Status(status), status) if status in set(Status) else status


def verdict_label(verdict: str | None) -> str:
    """The stored verdict word (``tidak_memenuhi``) as its label; "-" for none."""
    known = Verdict.of(verdict)
    return known.short(language()) if known else "-"
