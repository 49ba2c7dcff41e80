"""One full sync of a laptop: info, push the outbox, pull by cursor, fetch missing blobs.

The order matters. The push runs first and until every sent change has an outcome,
so that the pull never meets a change whose fate is unknown (it could have been
applied with its answer lost). Each push batch is marked as attempted in its own
committed transaction *before* it is sent: from then on its payload is frozen and a
resend after a crash or a cut connection is answered ``duplicate`` by the server,
never applied twice. Each pulled page is applied together with the new cursor in
one transaction, so a crash between pages repeats at most one page, harmlessly.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from k3desk.domain.errors import ConstraintError, K3Error
from k3desk.domain.i18n import translate
from k3desk.domain.vocabulary import OUTSTANDING_STATES, OutboxState
from k3desk.store import settings
from k3desk.store.db import Database
from k3desk.store.models import PUSH_ORDER, Conflict, OutboxEntry
from k3desk.store.settings import get as _get
from k3desk.store.settings import put as _put
from k3desk.sync import blobs
from k3desk.sync.apply import (
    ApplyStats,
    acknowledge,
    apply_remote,
    has_unconfirmed,
    prefetch,
    quarantine,
)
from k3desk.sync.backoff import Backoff
from k3desk.sync.bulk import apply_page
from k3desk.sync.client import (
    AuthRequired,
    CursorReset,
    SyncClient,
    TooLarge,
    Unreachable,
    change_size,
)
from k3desk.sync.protocol import Change, Info
from k3desk.sync.reasons import server_reason

log = logging.getLogger("k3desk.sync")
T = TypeVar("T")

CURSOR_KEY = settings.SYNC_CURSOR
INFO_KEY = settings.SERVER_INFO
LAST_SYNC_KEY = settings.LAST_SYNC_AT
PULL_LIMIT = 1000
MAX_PUSH_ROUNDS = 200
MAX_PULL_PAGES = 100_000
DEFAULT_INFO: dict[str, Any] = {"protocol": 1, "server_time": "", "max_push_changes": 500,
                "max_push_bytes": 8 * 1024 * 1024, "max_blob_bytes": 20 * 1024 * 1024}

#: progress(phase, done, total): phase "push" | "pull" | "blobs"; total None when unknown.
Progress = Callable[[str, int, int | None], None]


class Cancelled(K3Error):
    """A person cancelled the sync. It stops between batches and pages, each of which is
    its own transaction, so what was done stays done and the rest waits for next time."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or translate("sync", "sinkronisasi dibatalkan"))


@dataclass
class SyncSummary:
    """What one sync did; ``conflicts`` and ``quarantined`` are new in this run,
    ``open_conflicts`` and ``open_quarantined`` what now waits for a person."""

    pushed: int = 0
    pulled: int = 0
    merged: int = 0
    conflicts: int = 0
    quarantined: int = 0
    open_conflicts: int = 0
    open_quarantined: int = 0
    pending: int = 0
    blobs_uploaded: int = 0
    blobs_downloaded: int = 0
    cursor_reset: bool = False
    messages: list[str] = field(default_factory=list)

    @property
    def attention(self) -> int:
        return self.open_conflicts + self.open_quarantined

    def text(self) -> str:
        return (f"dikirim {self.pushed}, diterima {self.pulled}, digabung {self.merged}, "
                f"konflik {self.conflicts} (menunggu {self.open_conflicts}), "
                f"karantina {self.quarantined} (menunggu {self.open_quarantined}), "
                f"antrean {self.pending}")


def count_open(db: Database, summary: SyncSummary) -> None:
    """Fill in what waits: open conflicts, quarantined and pending changes."""
    with db.session(remote=True) as s:
        summary.open_conflicts = s.scalar(select(func.count()).select_from(Conflict).where(
            Conflict.resolved_at.is_(None))) or 0
        counts = dict(s.execute(select(OutboxEntry.state, func.count()).where(
            OutboxEntry.state.in_(OUTSTANDING_STATES))
            .group_by(OutboxEntry.state)).all())
        summary.open_quarantined = int(counts.get(OutboxState.QUARANTINED, 0))
        summary.pending = int(counts.get(OutboxState.PENDING, 0))


def _rank(record_type: str) -> int:
    return PUSH_ORDER.index(record_type) if record_type in PUSH_ORDER else len(PUSH_ORDER)


class SyncEngine:
    """Push/pull/merge for one laptop database over one ``SyncClient``."""

    def __init__(self, db: Database, client: SyncClient, device_id: str, *,
                 actor_id: str | None = None, progress: Progress | None = None,
                 retries: int = 3, backoff: Backoff | None = None,
                 pull_limit: int = PULL_LIMIT,
                 should_stop: Callable[[], bool] | None = None) -> None:
        self.db = db
        self.should_stop = should_stop or (lambda: False)
        self.client = client
        self.device_id = device_id
        self.actor_id = actor_id
        self.progress = progress or (lambda _phase, _done, _total: None)
        self.retries = retries
        self.backoff = backoff or Backoff(base=0.2, cap=2.0)
        self.pull_limit = pull_limit
        self.info = Info.model_validate(DEFAULT_INFO)
        self._blobs_confirmed: set[str] = set()
        self.attempts_made = 0

    # -- orchestration ------------------------------------------------------------------

    def check_cancelled(self) -> None:
        """Raise ``Cancelled`` when asked to stop (called between batches and pages)."""
        if self.should_stop():
            raise Cancelled()

    def sync(self) -> SyncSummary:
        """One full sync. Raises ``Unreachable``/``AuthRequired`` without losing anything."""
        summary = SyncSummary()
        self.fetch_info()
        self.push(summary)
        self.check_cancelled()
        self.pull(summary)
        if summary.merged:  # merges made while pulling go out now, not next time
            self.push(summary)
        try:
            self.fetch_blobs(summary)
        except Unreachable as exc:  # photos come next time; records are in
            summary.messages.append(translate("sync", "foto belum semua diterima: "
                                              "{reason}").format(reason=exc.message))
        with self.db.session(remote=True) as s:
            _put(s, LAST_SYNC_KEY, time.time())
        self.count_open(summary)
        return summary

    def _retrying(self, call: Callable[[], T]) -> T:
        """Repeat a safe request over short network trouble (every request here is safe)."""
        self.backoff.reset()
        for attempt in range(self.retries):
            self.attempts_made = attempt + 1
            try:
                return call()
            except Unreachable:
                if attempt + 1 >= self.retries:
                    raise
                time.sleep(self.backoff.next_delay())
        raise AssertionError("unreachable")  # pragma: no cover

    def fetch_info(self) -> Info:
        info: Info = self._retrying(self.client.info)
        self.info = info
        with self.db.session(remote=True) as s:
            _put(s, INFO_KEY, info.model_dump())
        return info

    def fetch_blobs(self, summary: SyncSummary) -> None:
        blobs.download_missing(self, summary)

    def count_open(self, summary: SyncSummary) -> None:
        count_open(self.db, summary)

    # -- push ---------------------------------------------------------------------------

    def _plan(self) -> list[OutboxEntry]:
        """The first pending entry of every record not waiting for a person, in
        dependency order (companies before their equipment, and so on)."""
        with self.db.session(remote=True) as s:
            blocked = set(s.execute(select(Conflict.record_type, Conflict.record_id).where(
                Conflict.resolved_at.is_(None))).all())
            seen: set[tuple[str, str]] = set()
            plan: list[OutboxEntry] = []
            for entry in s.scalars(select(OutboxEntry)
                                   .where(OutboxEntry.state == OutboxState.PENDING)
                                   .order_by(OutboxEntry.id)):
                key = (entry.record_type, entry.record_id)
                if key in seen:
                    continue
                seen.add(key)
                if key not in blocked:
                    plan.append(entry)
        plan.sort(key=lambda e: (_rank(e.record_type), e.id))
        return plan

    def _batches(self, plan: list[OutboxEntry]) -> list[list[tuple[OutboxEntry, Change]]]:
        max_changes = max(1, min(self.info.max_push_changes, 500))
        budget = self.info.max_push_bytes - 4096
        batches: list[list[tuple[OutboxEntry, Change]]] = []
        current: list[tuple[OutboxEntry, Change]] = []
        size = 0
        too_big: list[OutboxEntry] = []
        for entry in plan:
            change = Change(change_id=entry.change_id, type=entry.record_type,
                            id=entry.record_id, base_version=entry.base_version,
                            deleted=bool(entry.deleted), data=dict(entry.payload or {}))
            n = change_size(change)
            if n > budget:
                too_big.append(entry)
                continue
            if current and (len(current) >= max_changes or size + n > budget):
                batches.append(current)
                current, size = [], 0
            current.append((entry, change))
            size += n
        if current:
            batches.append(current)
        if too_big:
            with self.db.session(remote=True) as s:
                for entry in too_big:
                    row = s.get(OutboxEntry, entry.id)
                    assert row is not None
                    quarantine(row, "too_large", translate(
                        "sync", "perubahan ini lebih besar dari batas server ({limit} "
                        "bita)").format(limit=self.info.max_push_bytes))
        return batches

    def push(self, summary: SyncSummary) -> None:
        """Send the outbox until every sent change has an outcome."""
        with self.db.session(remote=True) as s:
            total = s.scalar(select(func.count()).select_from(OutboxEntry).where(
                OutboxEntry.state == OutboxState.PENDING)) or 0
        done = 0
        self.progress("push", 0, total)
        for _round in range(MAX_PUSH_ROUNDS):
            plan = self._plan()
            if not plan:
                break
            for batch in self._batches(plan):
                self.check_cancelled()
                batch = blobs.upload_for(self, batch, summary)
                if batch:
                    self._push_batch(batch, summary)
                done += len(batch)
                total = max(total, done)
                self.progress("push", done, total)

    def _push_batch(self, batch: list[tuple[OutboxEntry, Change]],
                    summary: SyncSummary) -> None:
        ids = [entry.id for entry, _ in batch]
        with self.db.session(remote=True) as s:  # freeze before sending
            s.execute(update(OutboxEntry).where(OutboxEntry.id.in_(ids))
                      .values(attempts=OutboxEntry.attempts + 1))
        changes = [change for _, change in batch]
        try:
            response = self._retrying(lambda: self.client.push(self.device_id, changes))
        except AuthRequired:
            if self.attempts_made == 1:  # refused unread: the queue stays as it was
                with self.db.session(remote=True) as s:  # (after a lost try it stays frozen)
                    s.execute(update(OutboxEntry).where(OutboxEntry.id.in_(ids))
                              .values(attempts=OutboxEntry.attempts - 1))
            raise
        except TooLarge:
            if len(batch) == 1:
                with self.db.session(remote=True) as s:
                    row = s.get(OutboxEntry, ids[0])
                    assert row is not None
                    quarantine(row, "too_large", server_reason("too_large"))
                summary.quarantined += 1
                return
            half = len(batch) // 2
            self._push_batch(batch[:half], summary)
            self._push_batch(batch[half:], summary)
            return
        stats = ApplyStats()
        with self.db.session(remote=True) as s, s.no_autoflush:
            pre = prefetch(s, [(e.record_type, e.record_id) for e, _ in batch])
            entries = {e.id: e for es in pre.entries.values() for e in es}
            for entry_id, result in zip(ids, response.results, strict=True):
                entry = entries.get(entry_id)
                if entry is None or entry.state != OutboxState.PENDING:
                    continue  # resolved meanwhile (e.g. by a person)
                if result.status in ("applied", "duplicate"):
                    acknowledge(s, entry, int(result.version or 0), result.seq, self.actor_id,
                                pre)
                    summary.pushed += 1
                elif result.status == "conflict" and result.current is not None:
                    s.flush()  # the merge looks entries up: let it see this batch's outcomes
                    apply_remote(s, result.current.model_dump(), stats, force=True)
                elif result.status == "rejected" and result.error is not None:
                    log.info("change %s refused by the server: %s %s (%s)", entry.id,
                             result.error.code, result.error.message, result.error.field)
                    quarantine(entry, result.error.code,
                               server_reason(result.error.code, result.error.field),
                               result.error.field)
                    assert entry.error is not None
                    entry.error = {**entry.error, "detail": result.error.message}
                    summary.quarantined += 1
                else:  # a conflict without ``current``: treat as refused, keep it
                    log.warning("incomplete push result for change %s: %r", entry.id, result)
                    quarantine(entry, "invalid", translate(
                        "sync", "jawaban server atas perubahan ini tidak lengkap; kirim ulang dari "
                        "daftar perubahan yang ditolak"))
                    summary.quarantined += 1
        summary.merged += stats.merged
        summary.conflicts += stats.conflicts

    # -- pull ---------------------------------------------------------------------------

    def _apply_page(self, envs: list[dict[str, Any]], cursor: int) -> ApplyStats:
        """A page and its cursor in one transaction, with a few look-ups for the page;
        records the laptop does not hold yet are inserted in bulk (``bulk.apply_page``)."""
        stats = ApplyStats()
        with self.db.session(remote=True) as s:
            with s.no_autoflush:
                pre = prefetch(s, [(e["type"], e["id"]) for e in envs])
                apply_page(s, envs, stats, pre)  # new records in bulk, the rest one by one
            _put(s, CURSOR_KEY, cursor)
        return stats

    def _apply_page_one_by_one(self, envs: list[dict[str, Any]], cursor: int,
                               summary: SyncSummary) -> ApplyStats:
        """The slow path when a page breaks a local unique rule (say, a user name held by
        an old demo row): each record in its own savepoint; one that cannot be stored is
        reported and skipped, so one record never blocks the pull of all the others."""
        stats = ApplyStats()
        with self.db.session(remote=True) as s:
            for env in envs:
                try:
                    with s.begin_nested():
                        apply_remote(s, env, stats)
                        s.flush()
                except IntegrityError as exc:
                    log.warning("pulled %s %s not stored: %s", env["type"], env["id"], exc)
                    summary.messages.append(translate(
                        "sync", "satu rekaman dari server tidak dapat disimpan di laptop ini "
                        "karena bentrok dengan data lokal (rinciannya tercatat di log)"))
            _put(s, CURSOR_KEY, cursor)
        return stats

    def pull(self, summary: SyncSummary) -> None:
        """Pull pages until ``more`` is false; a ``cursor_reset`` starts again from 0."""
        with self.db.session(remote=True) as s:
            if has_unconfirmed(s):
                summary.messages.append(translate("sync", "tarik data ditunda: ada kiriman "
                                                  "yang belum pasti"))
                return
            cursor = _get(s, CURSOR_KEY)
        reset_done = False
        pulled = 0
        for _page in range(MAX_PULL_PAGES):
            self.check_cancelled()
            since = cursor
            try:
                page = self._retrying(partial(self.client.pull, since, self.pull_limit))
            except CursorReset:
                if reset_done:
                    raise
                reset_done = True
                summary.cursor_reset = True
                cursor = 0
                with self.db.session(remote=True) as s:
                    _put(s, CURSOR_KEY, 0)
                continue
            envs = [env.model_dump() for env in page.changes]
            try:
                stats = self._apply_page(envs, page.next)
            except ConstraintError:
                stats = self._apply_page_one_by_one(envs, page.next, summary)
            cursor = page.next
            pulled += len(envs)
            summary.pulled += len(envs)
            summary.merged += stats.merged
            summary.conflicts += stats.conflicts
            self.progress("pull", pulled, None)
            if not page.more:
                break
