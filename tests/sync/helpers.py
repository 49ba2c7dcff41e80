"""Helpers shared by the sync tests: the test server's users, laptops, small queries.

The fixtures (``server``, ``laptops``, ``proxy``) are in tests/sync/conftest.py.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sqlalchemy import select

from k3desk.services import auth_service, inspection_service, records_service, sync_service
from k3desk.services.context import AppContext
from k3desk.store.db import Database, open_database
from k3desk.store.models import SYNCED_MODELS, Conflict, OutboxEntry
from k3desk.sync.engine import SyncEngine, SyncSummary
from tests.support.server_process import ServerProcess

PASSWORD = "rahasia-uji-123"
ALL_TYPES = ("apar,hydrant,bejana_tekan,tangki_timbun,pesawat_uap,overhead_crane,mobile_crane,"
             "forklift,elevator,instalasi_listrik,penyalur_petir,alarm_kebakaran,"
             "pesawat_tenaga_produksi,lingkungan_kerja")
USERS = {"insp1": "inspector", "insp2": "inspector", "spv1": "supervisor", "spv2": "supervisor"}
#: A second Balai for the heavy tests (crash, volume), so that the laptops of the other
#: tests never pull its thousands of records.
HEAVY_BALAI, HEAVY_USER = "BK3BEBAN", "beban1"


def make_server(root: Path, db_url: str | None = None,
                extra_args: tuple[str, ...] = ()) -> ServerProcess:
    root.mkdir(parents=True, exist_ok=True)
    server = ServerProcess(db_url or f"sqlite:///{root / 'server.db'}", root / "blobs",
                           extra_args=extra_args)
    server.admin("create-balai", "--code", "BK3UJI", "--name", "Balai K3 Uji",
                 "--address", "Jl. Uji No. 1, Jakarta", "--city", "Jakarta")
    server.admin("create-balai", "--code", HEAVY_BALAI, "--name", "Balai K3 Beban",
                 "--address", "Jl. Beban No. 2, Surabaya", "--city", "Surabaya")
    users = [(name, role, "BK3UJI") for name, role in USERS.items()]
    users.append((HEAVY_USER, "inspector", HEAVY_BALAI))
    # independent admin commands run side by side (each is a process of its own)
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda item: server.admin(
            "create-user", "--username", item[0], "--full-name", f"Pengguna {item[0]}",
            "--nip", "198001012005011001", "--role", item[1], "--balai", item[2],
            "--password-stdin", stdin=PASSWORD + "\n"), users))
        list(pool.map(lambda name: server.admin(
            "grant-qualification", "--username", name, "--object-types", ALL_TYPES,
            "--licence-number", f"LIC-{name}", "--valid-until", "2035-12-31"),
            [n for n, role in USERS.items() if role == "inspector"]))
    server.start()
    return server


class Laptop:
    """One inspector's or supervisor's laptop: its own data folder and database."""

    def __init__(self, data_dir: Path, server_url: str, username: str) -> None:
        self.data_dir = data_dir
        self.server_url = server_url
        self.username = username
        self.db: Database = open_database(data_dir)
        sync_service.login(self.db, username, PASSWORD, server_url)

    @property
    def ctx(self) -> AppContext:
        return auth_service.require_context(self.db)

    def sync(self, **kw: Any) -> SyncSummary:
        return sync_service.sync_now(self.db, self.server_url, **kw)

    def engine(self, url: str | None = None, transport: Any = None,
               **kw: Any) -> SyncEngine:
        """An engine of this laptop, optionally talking through ``url`` (a proxy)."""
        engine = sync_service.make_engine(self.db, self.server_url, **kw)
        if url is not None:
            engine.client.close()
            from k3desk.sync.client import SyncClient

            engine.client = SyncClient(url, engine.client.token, transport=transport,
                                       timeout=kw.get("timeout") or 10.0)
        return engine

    def company(self, name: str, **values: Any) -> str:
        return records_service.save_company(
            self.ctx, {"name": name, "address": "Jl. Contoh 1", **values}).ids[0]

    def close(self) -> None:
        self.db.dispose()



def snapshot(lap: Laptop) -> dict[tuple[str, str], tuple[int, bool, dict[str, Any]]]:
    """Every synced record of a laptop: (version, deleted, data)."""
    out = {}
    with lap.db.session() as s:
        for record_type, model in SYNCED_MODELS.items():
            for row in s.scalars(select(model)):
                out[(record_type, row.id)] = (row.version, bool(row.deleted), row.to_data())
    return out


def open_conflicts(lap: Laptop) -> list[Conflict]:
    with lap.db.session() as s:
        return list(s.scalars(select(Conflict).where(Conflict.resolved_at.is_(None))))


def outbox(lap: Laptop, state: str | None = None) -> list[OutboxEntry]:
    with lap.db.session() as s:
        stmt = select(OutboxEntry).order_by(OutboxEntry.id)
        if state:
            stmt = stmt.where(OutboxEntry.state == state)
        return list(s.scalars(stmt))


def equipment(lap: Laptop, company_id: str, serial: str, object_type: str = "apar") -> str:
    return records_service.save_equipment(lap.ctx, {
        "company_id": company_id, "object_type": object_type, "serial_number": serial}).ids[0]


def apar_inspection(lap: Laptop, equipment_id: str) -> str:
    from k3desk.domain.evaluation import example_values
    from k3desk.domain.templates import default_registry

    template = default_registry().latest_for_object_type("apar")
    values = example_values(template)
    values.pop("foto", None)
    values["jenis_pemeriksaan"] = "berkala"
    return inspection_service.create_draft(lap.ctx, equipment_id=equipment_id,
                                           values=values, kind="berkala").ids[0]


def sync_all(*laps: Laptop, rounds: int = 2) -> None:
    for _ in range(rounds):
        for lap in laps:
            lap.sync()
