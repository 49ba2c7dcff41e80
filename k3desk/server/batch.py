"""A push's changes applied as one batch: checked one by one, written together.

The checks of a batch read through ``store.get_record`` and ``store.key_holder``, which
see the records and unique keys the batch already wrote (in memory). Nothing reaches
the database until ``settle``: it takes the batch's seqs in one statement, inserts the
new records, change-log rows and unique keys in one statement each, and flushes the
updated records. A check that must query by anything but an id calls ``store.settle``
first. If any statement of a batch breaks a unique key (a twin push of another Balai
racing this one), the batch's savepoint is rolled back and push.py applies the same
changes again one at a time, each in its own savepoint, as before batches existed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.attributes import manager_of_class

from k3desk.server.models import ChangeLog, Record, UniqueKey
from k3desk.server.rules import is_uuid
from k3desk.server.seqs import take_seqs
from k3desk.sync.protocol import Change, PushResult

#: ``data`` fields that name other records: loaded with the batch's own records.
REFERENCE_FIELDS = ("balai_id", "company_id", "equipment_id", "inspector_id",
                    "inspection_id", "block_id", "replaces", "approver_id")
#: At most this many ids in one ``IN (...)``.
CHUNK = 1000
RECORDS: Table = Record.__table__  # type: ignore[assignment]
CHANGE_LOG: Table = ChangeLog.__table__  # type: ignore[assignment]
UNIQUE_KEYS: Table = UniqueKey.__table__  # type: ignore[assignment]


_RECORDS_MANAGER = manager_of_class(Record)


def new_record(**values: Any) -> Record:
    """A transient ``Record`` with ``values``, made the way the ORM makes loaded rows
    (without attribute events: a tenth of the constructor's cost, which dominated)."""
    record: Record = _RECORDS_MANAGER.new_instance()
    record.__dict__.update(values)
    return record


class Redo(Exception):
    """The batch cannot be applied as a batch: apply its changes one at a time."""


@dataclass
class Applied:
    record: Record
    log: dict[str, Any]
    result: PushResult


@dataclass
class Batch:
    #: records by id as this batch has them (None: known not to exist)
    records: dict[str, Record | None] = field(default_factory=dict)
    #: unique keys claimed by this batch: (kind, key) -> record id
    keys: dict[tuple[str, str], str] = field(default_factory=dict)
    #: change-log rows already in the database, by change_id
    logged: dict[str, ChangeLog] = field(default_factory=dict)
    #: changes applied in memory, in order, waiting for their seqs
    applied: list[Applied] = field(default_factory=list)
    new_records: dict[str, Record] = field(default_factory=dict)
    new_keys: list[dict[str, str]] = field(default_factory=list)
    pending_ids: set[str] = field(default_factory=set)  # records waiting for a seq
    pending_changes: set[str] = field(default_factory=set)  # change_ids of ``applied``
    attached: list[Record] = field(default_factory=list)  # inserted and attached by settle

    def preload(self, session: Session, changes: list[Change]) -> None:
        """Load every record the changes name and every change_id already logged, with
        one query per kind and per ``CHUNK`` ids."""
        ids: set[str] = set()
        for change in changes:
            ids.add(change.id)
            for name in REFERENCE_FIELDS:
                ids.add(change.data.get(name))  # type: ignore[arg-type]
            instruments = change.data.get("instrument_ids")
            if isinstance(instruments, list):
                ids.update(i for i in instruments if isinstance(i, str))
        wanted = sorted(i for i in ids if isinstance(i, str) and is_uuid(i))
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start:start + CHUNK]
            found = {r.id: r for r in session.scalars(select(Record).where(Record.id.in_(chunk)))}
            for record_id in chunk:
                self.records[record_id] = found.get(record_id)
        change_ids = sorted({c.change_id for c in changes})
        for start in range(0, len(change_ids), CHUNK):
            chunk = change_ids[start:start + CHUNK]
            self.logged.update((row.change_id, row) for row in session.scalars(
                select(ChangeLog).where(ChangeLog.change_id.in_(chunk))))

    def write(self, session: Session, change: Change, data: dict[str, Any], by: str,
              device_id: str, digest: str, existing: Record | None, keys: list[tuple[str, str]],
              now: Any) -> PushResult:
        """Apply one checked change in memory; its seq comes at ``settle``."""
        claims = []
        for kind, key in keys:
            holder = self.keys.get((kind, key))
            if holder is None:
                held = session.get(UniqueKey, (kind, key))
                holder = held.record_id if held is not None else None
                if holder is None:
                    claims.append((kind, key))
            if holder is not None and holder != change.id:
                raise Redo(f"unique key {kind} {key} taken after the check")
        balai_id = change.data.get("balai_id")
        if existing is None:
            record = new_record(id=change.id, type=change.type, balai_id=balai_id, version=1,
                                seq=0, deleted=change.deleted, modified_at=now, modified_by=by,
                                data=data)
            self.new_records[record.id] = record
        else:
            record = existing
            record.version = record.version + 1
            record.deleted = change.deleted
            record.balai_id = balai_id
            record.modified_at = now
            record.modified_by = by
            record.data = data
        self.records[record.id] = record
        for kind, key in keys:
            self.keys[kind, key] = record.id
        self.new_keys.extend({"kind": kind, "key": key, "record_id": record.id}
                             for kind, key in claims)
        result = PushResult.model_construct(status="applied", change_id=change.change_id,
                                            version=record.version, seq=0)
        log = {"change_id": change.change_id, "content_sha256": digest,
               "record_id": record.id, "version": record.version, "seq": 0,
               "user_id": by, "device_id": device_id[:200], "applied_at": now}
        self.applied.append(Applied(record, log, result))
        self.pending_ids.add(record.id)
        self.pending_changes.add(change.change_id)
        return result

    def settle(self, session: Session) -> None:
        """Give the applied changes their seqs and write them: a handful of statements."""
        if not self.applied:
            return
        for item, seq in zip(self.applied, take_seqs(session, len(self.applied)), strict=True):
            if item.record.id in self.new_records:
                item.record.__dict__["seq"] = seq  # transient: no history to keep
            else:
                item.record.seq = seq  # a record changed twice keeps its last change's seq
            item.log["seq"] = seq
            item.result.seq = seq
        if self.new_records:
            rows = [{"id": r.id, "type": r.type, "balai_id": r.balai_id, "version": r.version,
                     "seq": r.seq, "deleted": r.deleted, "modified_at": r.modified_at,
                     "modified_by": r.modified_by, "data": r.data}
                    for r in self.new_records.values()]
            session.execute(insert(RECORDS), rows)
            for record in self.new_records.values():  # persistent from now on, no INSERT
                make_transient_to_detached(record)
                session.add(record)
                self.attached.append(record)
        session.flush()  # the updated records
        session.execute(insert(CHANGE_LOG), [item.log for item in self.applied])
        if self.new_keys:
            session.execute(insert(UNIQUE_KEYS), self.new_keys)
        self.applied.clear()
        self.new_records.clear()
        self.new_keys.clear()
        self.pending_ids.clear()
        self.pending_changes.clear()

    def forget(self, session: Session) -> None:
        """After the batch's savepoint was rolled back: let go of every object it
        loaded or attached, so the session reads the database again."""
        for record in self.attached:
            if record in session:
                session.expunge(record)
        session.expire_all()
