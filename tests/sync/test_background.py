"""The background runner against the real server: start, save, offline, back, 401."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable

import httpx

from k3desk.sync.background import BackgroundSync, State, SyncStatus
from k3desk.sync.backoff import Backoff
from k3desk.sync.client import SyncClient
from k3desk.sync.engine import SyncSummary
from k3desk.sync.token_store import TokenStore
from tests.sync.fault_proxy import FaultProxy
from tests.sync.helpers import Laptop


class Recorder:
    def __init__(self) -> None:
        self.statuses: list[SyncStatus] = []
        self.summaries: list[SyncSummary] = []
        self.changed = threading.Condition()

    def status(self, st: SyncStatus) -> None:
        with self.changed:
            self.statuses.append(st)
            self.changed.notify_all()

    def summary(self, s: SyncSummary) -> None:
        with self.changed:
            self.summaries.append(s)
            self.changed.notify_all()

    def wait(self, cond: Callable[[], bool], timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        with self.changed:
            while not cond():
                left = deadline - time.monotonic()
                assert left > 0, f"timed out; statuses: {[s.state for s in self.statuses]}"
                self.changed.wait(left)


def test_backoff_grows_with_jitter_and_a_cap() -> None:
    b = Backoff(base=1.0, cap=8.0, rng=random.Random(7))
    delays = [b.next_delay() for _ in range(6)]
    for n, d in enumerate(delays):
        ceiling = min(8.0, 2.0 ** n)
        assert ceiling / 2 <= d <= ceiling
    assert len(set(delays)) == len(delays)
    b.reset()
    assert b.next_delay() <= 1.0
    again = Backoff(base=1.0, cap=8.0, rng=random.Random(7))
    assert [again.next_delay() for _ in range(6)] == delays


def test_syncs_on_start_after_save_and_reports(laptops: dict[str, Laptop]) -> None:
    lap = laptops["insp1"]
    rec = Recorder()
    runner = BackgroundSync(lambda progress: lap.sync(progress=progress), interval=3600,
                            save_delay=0.2, on_status=rec.status, on_summary=rec.summary)
    runner.start()
    try:
        rec.wait(lambda: len(rec.summaries) >= 1)
        lap.company("PT Latar Belakang")
        lap.company("PT Latar Belakang 2")
        runner.notify_saved()
        runner.notify_saved()
        rec.wait(lambda: sum(s.pushed for s in rec.summaries) >= 2)
        rec.wait(lambda: rec.statuses[-1].state == State.UP_TO_DATE)
        assert rec.statuses[-1].text().startswith("Mutakhir pukul ")
        assert runner.runs == 2  # the two saves made one sync
        syncing = [s for s in rec.statuses if s.state == State.SYNCING and s.total]
        assert syncing and syncing[-1].text() == f"Menyinkronkan {syncing[-1].done} dari " \
                                                 f"{syncing[-1].total}"
        runner.sync_now()
        rec.wait(lambda: runner.runs == 3 and rec.statuses[-1].state != State.SYNCING)
    finally:
        runner.stop()


def test_offline_backs_off_then_syncs_when_the_server_answers(
        laptops: dict[str, Laptop], proxy: FaultProxy) -> None:
    lap = laptops["insp2"]
    lap.company("PT Menunggu Sinyal")
    proxy.weights = {"drop_before": 1.0}
    transport = httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))
    engine = lap.engine(proxy.url, transport=transport, retries=1)

    def probe() -> bool:
        with SyncClient(proxy.url, timeout=2.0) as client:
            return client.health()

    rec = Recorder()
    runner = BackgroundSync(lambda progress: engine.sync(), interval=3600, probe=probe,
                            probe_interval=0.2, backoff=Backoff(base=0.1, cap=0.4),
                            on_status=rec.status, on_summary=rec.summary)
    runner.start()
    try:
        rec.wait(lambda: sum(s.state == State.OFFLINE for s in rec.statuses) >= 3)
        offline = [s for s in rec.statuses if s.state == State.OFFLINE]
        assert offline[-1].text().startswith("Luring") and offline[-1].retry_at
        # saves while offline do not hammer the server: the backoff decides
        runner.notify_saved()
        proxy.weights = {"ok": 1.0}
        rec.wait(lambda: rec.statuses[-1].state == State.UP_TO_DATE)
        assert rec.summaries[-1].pushed == 1
    finally:
        runner.stop()
        engine.client.close()


def test_401_waits_for_a_new_login(laptops: dict[str, Laptop]) -> None:
    lap = laptops["spv1"]
    TokenStore(lap.data_dir, lap.server_url).save("kedaluwarsa")
    rec = Recorder()
    runner = BackgroundSync(lambda progress: lap.sync(progress=progress), interval=0.1,
                            save_delay=0.05, on_status=rec.status)
    runner.start()
    try:
        rec.wait(lambda: rec.statuses[-1].state == State.NEEDS_LOGIN)
        runner.notify_saved()
        time.sleep(0.5)
        assert runner.runs == 1  # no timer, no save-trigger while the login is missing
        assert rec.statuses[-1].text() == "Perlu login ulang ke server"
    finally:
        runner.stop()
