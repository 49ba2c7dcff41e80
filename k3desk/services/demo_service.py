"""``k3desk demo``: a realistic dataset so a newcomer sees a working app.

One Balai with its letterhead, two inspectors and a supervisor (passwords in the
README), measuring instruments, 24 companies, 120+ equipment items across every object
type, and inspections in every status, made through the same services the app uses.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from k3desk.domain.errors import K3Error
from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.workflow import Role
from k3desk.services import auth_service, inspection_service, records_service, settings_service
from k3desk.services.context import Actor, AppContext
from k3desk.services.demo_data import COMPANIES, CONTACTS, LOCATIONS, MAKERS
from k3desk.store import settings
from k3desk.store.db import Database, open_database
from k3desk.store.models import (
    Balai,
    Company,
    Equipment,
    Inspection,
    NumberBlock,
    SigningKey,
    User,
)

SEED = 20261129
DEMO_KEY = settings.DEMO_DATA
REAL_FOLDER_HINT = ("folder data ini berisi data demo dan tidak pernah dihubungkan ke server "
                    "sungguhan; mulai folder data baru untuk server: di jendela pilih "
                    "\"Hubungkan ke server\" (data demo disimpan di samping, di folder "
                    "...-demo), atau di baris perintah `k3desk login --data-dir FOLDER_BARU "
                    "--server URL --username U --password-stdin`")

DEMO_USERS = [
    # username, password, full name, NIP, role
    ("inspektur", "demo-inspektur", "Budi Santoso, S.T.", "198703152010011003", Role.INSPECTOR),
    ("inspektur2", "demo-inspektur", "Siti Rahmawati, S.T.", "199002202015032001", Role.INSPECTOR),
    ("penyelia", "demo-penyelia", "Ir. Hendra Wijaya, M.T.", "197511082000031002",
     Role.SUPERVISOR),
]


@dataclass(frozen=True)
class DemoSummary:
    companies: int
    equipment: int
    inspections: int
    by_status: dict[str, int]


def _balai() -> Balai:
    return Balai(code="BK3JKT", name="Balai Keselamatan dan Kesehatan Kerja Jakarta",
                 address="Jl. Jend. Gatot Subroto Kav. 51, Jakarta Selatan 12950",
                 city="Jakarta", phone="(021) 5255733", email="bk3jakarta@kemnaker.go.id",
                 website="bk3jakarta.kemnaker.go.id", number_prefix="BK3JKT",
                 number_format="{seq:04d}/{object_code}/{balai_code}/{month_roman}/{year}",
                 head_name="Dr. Ir. Rahmat Hidayat, M.K.K.K.", head_nip="197204121998031001",
                 version=1)


def _users(balai_id: str, today: date) -> list[User]:
    quals = [{"object_types": sorted(OBJECT_TYPES), "licence_number": "",
              "valid_until": (today + timedelta(days=730)).isoformat()}]
    users = []
    for i, (username, password, name, nip, role) in enumerate(DEMO_USERS):
        q = [dict(quals[0], licence_number=f"SKP/{1021 + i}/PK/2024")] if role == Role.INSPECTOR \
            else []
        users.append(User(username=username, full_name=name, nip=nip, role=role,
                          balai_id=balai_id, qualifications=q, version=1,
                          password_hash=auth_service.hash_password(password)))
    return users


def create_demo(data_dir: Path, today: date | None = None) -> DemoSummary:
    """Fill an empty data folder; refuses one that already holds records."""
    today = today or date.today()
    db = open_database(data_dir)
    try:
        with db.session() as s:
            if s.scalar(select(func.count()).select_from(Company)):
                raise K3Error(f"folder data {data_dir} sudah berisi data; demo hanya mengisi "
                              "folder yang kosong")
        with db.session(remote=True) as s:
            settings_service.put(s, DEMO_KEY, True)
            balai = _balai()
            s.add(balai)
            s.flush()
            for user in _users(balai.id, today):
                s.add(user)
        return _fill(db, balai.id, today)
    finally:
        db.dispose()


def _password_of(username: str) -> str:
    return next(u[1] for u in DEMO_USERS if u[0] == username)


def _actor(db: Database, username: str) -> AppContext:
    with db.session() as s:
        user = s.scalars(select(User).where(User.username == username)).one()
        return AppContext(db=db, actor=Actor.of(user))


def _fill(db: Database, balai_id: str, today: date) -> DemoSummary:
    rnd = random.Random(SEED)
    supervisor = _actor(db, "penyelia")
    # as the supervisor's login would: the key is made, encrypted under the password
    auth_service.unlock_signing_key(db, supervisor.actor, _password_of("penyelia"))
    inspectors = [_actor(db, "inspektur"), _actor(db, "inspektur2")]
    instrument_ids = []
    for name, instrument_kind in (("Insulation tester Kyoritsu 3125A", "Insulation tester"),
                       ("Earth tester Kyoritsu 4105A", "Earth resistance tester"),
                       ("Sound level meter Rion NL-42", "Sound level meter"),
                       ("Lux meter Extech HD450", "Lux meter"),
                       ("WBGT meter Extech HT30", "Heat stress meter"),
                       ("Ultrasonic thickness gauge Olympus 38DL", "Thickness gauge"),
                       ("Pressure gauge standar Wika 0-100 bar", "Pressure gauge"),
                       ("Load cell Dillon EDxtreme 20 t", "Dynamometer")):
        change = records_service.save_instrument(supervisor, {
            "name": name, "kind": instrument_kind,
            "serial_number": f"SN-{rnd.randint(100000, 999999)}",
            "calibration_certificate": f"KAL/{rnd.randint(100, 999)}/LK-{today.year}",
            "calibration_valid_until": (today + timedelta(days=rnd.randint(120, 360))
                                        ).isoformat()})
        instrument_ids.append(change.ids[0])

    companies = []
    for i, (name, address, city) in enumerate(COMPANIES):
        change = records_service.save_company(inspectors[0], {
            "name": name, "address": f"{address}, {city}", "city": city,
            "phone": f"(021) {rnd.randint(4000000, 8999999)}",
            "contact_person": CONTACTS[i % len(CONTACTS)]})
        companies.append(change.ids[0])

    equipment: list[tuple[str, str]] = []
    types = sorted(OBJECT_TYPES)
    for i in range(126):
        object_type = types[i % len(types)]
        maker, model, capacity = rnd.choice(MAKERS[object_type])
        company_id = companies[(i * 7 + i // len(types)) % len(companies)]
        prefix = OBJECT_TYPES[object_type].number_code
        change = records_service.save_equipment(inspectors[0], {
            "company_id": company_id, "object_type": object_type,
            "serial_number": f"{prefix}-{today.year - rnd.randint(0, 12)}-{1000 + i:04d}",
            "manufacturer": None if maker == "-" else maker, "model": model,
            "capacity": None if capacity == "-" else capacity,
            "year_built": today.year - rnd.randint(1, 15),
            "location": rnd.choice(LOCATIONS)})
        equipment.append((change.ids[0], object_type))

    _supervisor_device(db, balai_id, supervisor.actor.id, today)
    _inspections(db, rnd, today, inspectors, supervisor, equipment, instrument_ids)
    with db.session() as s:
        by_status = {str(status): count for status, count in s.execute(
            select(Inspection.status, func.count()).group_by(Inspection.status))}
        return DemoSummary(companies=len(companies), equipment=len(equipment),
                           inspections=sum(by_status.values()), by_status=by_status)


def _supervisor_device(db: Database, balai_id: str, supervisor_id: str, today: date) -> None:
    """What a server would give the supervisor's laptop: a registered key and a block."""
    from k3desk.services import keys_service, settings_service

    # unlocked (made, encrypted under the demo password) when the supervisor logged in
    pair = keys_service.unlocked_keypair(db)
    device_id = settings_service.device_id(db)
    with db.session(remote=True) as s:
        key = SigningKey(key_id="BK3JKT-DEMO-1", user_id=supervisor_id, device_id=device_id,
                         public_key=pair.public_b64, revoked=False, version=1)
        key.extra = _demo_certificate(db, s, balai_id, supervisor_id, key.key_id)
        s.add(key)
        s.add(NumberBlock(device_id=device_id, prefix="BK3JKT", first=1, last=200,
                          year=today.year, balai_id=balai_id, version=1))


DEMO_CA = "Otoritas Sertifikat DEMO k3desk (bukan untuk dokumen resmi)"


def _demo_certificate(db: Database, s: Session, balai_id: str, supervisor_id: str,
                      key_id: str) -> dict[str, Any]:
    """A demo folder is never synced, so it gets a demo authority of its own: its root
    and an empty CRL in ``<data>/pki/``, the supervisor's PDF certificate in the key
    record, as a server would give them. Its private key is dropped at once (nothing else
    is ever issued by it), and every name says DEMO."""
    from datetime import UTC, datetime

    from k3desk.domain import pki
    from k3desk.services import keys_service, pades_service

    csr = keys_service.pdf_csr(db)
    balai, user = s.get(Balai, balai_id), s.get(User, supervisor_id)
    if csr is None or balai is None or user is None:
        return {}
    now = datetime.now(UTC)
    authority = pki.make_authority(DEMO_CA, f"DEMO {balai.name}", now)
    cert = pki.issue(authority, csr, pki.Subject(user.full_name, user.nip,
                                                 f"DEMO {balai.name}", key_id), now)
    pades_service.save_pki(db.data_dir, authority.certificate_pem.encode("ascii"),
                           pki.make_crl(authority, [], now, number=1))
    return {"x509_certificate": pki.to_pem(cert),
            "x509_serial": format(cert.serial_number, "x"),
            "ca_certificate": authority.certificate_pem}


def _inspections(db: Database, rnd: random.Random, today: date, inspectors: list[AppContext],
                 supervisor: AppContext, equipment: list[tuple[str, str]],
                 instrument_ids: list[str]) -> None:
    """About half the equipment gets an inspection, spread over every status."""
    from k3desk.domain.evaluation import example_values
    from k3desk.domain.templates import default_registry

    registry = default_registry()
    plan = ["approved"] * 14 + ["approved_failing"] * 4 + ["rejected"] * 3 + \
        ["submitted"] * 12 + ["revision_requested"] * 5 + ["draft"] * 12 + ["draft_partial"] * 4
    for n, outcome in enumerate(plan):
        equipment_id, object_type = equipment[(n * 5) % len(equipment)]
        template = registry.latest_for_object_type(object_type)
        failing = outcome in ("approved_failing", "rejected") or rnd.random() < 0.1
        values: dict[str, Any] = example_values(template, failing=failing)
        if outcome == "draft_partial":
            keep = list(values)[: max(1, len(values) // 3)]
            values = {k: values[k] for k in keep}
        photo_slots = [f for f in template.fields.values() if f.field_type == "photo"]
        for spec in photo_slots:  # example ids name no image: real photos are attached below
            values.pop(spec.id, None)
        ctx = inspectors[n % 2]
        inspection_kind = values.get("jenis_pemeriksaan")
        if inspection_kind not in template.kinds:
            inspection_kind = "berkala" if "berkala" in template.kinds else template.kinds[0]
            values["jenis_pemeriksaan"] = inspection_kind
        change = inspection_service.create_draft(
            ctx, equipment_id=equipment_id, kind=inspection_kind, values=values,
            inspected_on=today - timedelta(days=rnd.randint(1, 150)),
            instrument_ids=rnd.sample(instrument_ids, 2))
        inspection_id = change.ids[0]
        for spec in photo_slots if outcome != "draft_partial" else []:
            for i in range(max(spec.min_count, 1)):
                inspection_service.attach_photo(
                    ctx, inspection_id, spec.id, _demo_photo((n + i) % 6 + 1),
                    f"{spec.id}-{i + 1}.jpg", caption=spec.title.id)
        if outcome.startswith("draft"):
            continue
        inspection_service.submit(ctx, inspection_id)
        _review(supervisor, inspection_id, outcome)


def _demo_photo(index: int) -> bytes:
    """A small stand-in site photo (a few distinct ones, so blobs are shared)."""
    from k3desk.reports.sample import sample_photo

    return sample_photo(index, 480, 360)


def _review(supervisor: AppContext, inspection_id: str, outcome: str) -> None:
    from k3desk.services import review_service

    if outcome in ("approved", "approved_failing"):
        review_service.approve(supervisor, inspection_id)
    elif outcome == "rejected":
        review_service.reject(supervisor, inspection_id,
                              reason="Data pengujian tidak lengkap dan objek perlu diuji ulang "
                                     "setelah perbaikan.")
    elif outcome == "revision_requested":
        review_service.request_revision(supervisor, inspection_id,
                                        comment="Lengkapi foto pelat nama dan hasil ukur "
                                                "tahanan pembumian.")


def demo_exists(data_dir: Path) -> bool:
    db = open_database(data_dir)
    try:
        with db.session() as s:
            return bool(s.scalar(select(func.count()).select_from(Equipment)))
    finally:
        db.dispose()



def is_demo(db: Database) -> bool:
    """True for a folder holding demo data: marked by create_demo, or (older demo folders)
    holding a Balai this laptop made itself (a real Balai always comes from a server)."""
    with db.session(remote=True) as s:
        if settings_service.get(s, DEMO_KEY):
            return True
        return s.scalars(select(Balai.id).where(Balai.seq.is_(None)).limit(1)).first() \
            is not None


def refuse_if_demo(db: Database) -> None:
    """A demo folder is never connected to a real server (its records would be refused)."""
    if is_demo(db):
        raise K3Error(REAL_FOLDER_HINT)


def has_users(data_dir: Path) -> bool:
    db = open_database(data_dir)
    try:
        with db.session() as s:
            return bool(s.scalar(select(func.count()).select_from(User)))
    finally:
        db.dispose()


def set_demo_aside(data_dir: Path) -> Path:
    """Move a (closed) demo data folder to ``<name>-demo`` beside it and leave an empty
    folder at ``data_dir``: the next start, the window and the CLI all open the real
    folder at the usual place, and the demo stays readable with ``--data-dir``."""
    data_dir = Path(data_dir)
    target = data_dir.with_name(data_dir.name + "-demo")
    n = 2
    while target.exists():
        target = data_dir.with_name(f"{data_dir.name}-demo-{n}")
        n += 1
    data_dir.rename(target)
    data_dir.mkdir(parents=True)
    return target
