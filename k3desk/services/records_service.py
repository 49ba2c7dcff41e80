"""Companies, equipment and measuring instruments: create, update, list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from k3desk.domain.errors import NotFoundError, PermissionDenied, ValidationError
from k3desk.domain.object_types import get_object_type
from k3desk.services.context import AppContext, Changes
from k3desk.store.base import parse_date
from k3desk.store.models import Company, Equipment, Instrument, SyncedRecord


def _text(values: dict[str, Any], name: str, *, required: bool, label: str) -> str | None:
    value = values.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(f"{label} wajib diisi", field=name)
        return None
    if not isinstance(value, str):
        raise ValidationError(f"{label} harus berupa teks", field=name)
    return value.strip()


def _own(ctx: AppContext, record: SyncedRecord | None, what: str, record_id: str) -> Any:
    if record is None or record.deleted:
        raise NotFoundError(f"{what} {record_id} tidak ditemukan")
    if ctx.actor.balai_id and getattr(record, "balai_id", None) != ctx.actor.balai_id:
        raise PermissionDenied(f"{what} {record_id} milik Balai lain")
    return record


def _balai_id(ctx: AppContext) -> str:
    if not ctx.actor.balai_id:
        raise PermissionDenied("pengguna ini tidak terdaftar pada Balai mana pun")
    return ctx.actor.balai_id


COMPANY_FIELDS = {"name": "Nama perusahaan", "address": "Alamat", "city": "Kota",
                  "phone": "Telepon", "contact_person": "Narahubung"}


def save_company(ctx: AppContext, values: dict[str, Any], company_id: str | None = None
                 ) -> Changes:
    """Create (no id) or update a company; one transaction."""
    with ctx.db.session() as s:
        if company_id is None:
            company = Company(balai_id=_balai_id(ctx), modified_by=ctx.actor.id)
            s.add(company)
        else:
            company = _own(ctx, s.get(Company, company_id), "perusahaan", company_id)
        for name, label in COMPANY_FIELDS.items():
            if company_id is None or name in values:
                setattr(company, name, _text(values, name, label=label,
                                             required=name in ("name", "address")))
        company.modified_by = ctx.actor.id
        s.flush()
        return Changes("company", (company.id,))


EQUIPMENT_FIELDS = {"serial_number": "Nomor seri", "manufacturer": "Pabrikan",
                    "model": "Model/tipe", "capacity": "Kapasitas", "location": "Lokasi"}


def save_equipment(ctx: AppContext, values: dict[str, Any], equipment_id: str | None = None
                   ) -> Changes:
    with ctx.db.session() as s:
        if equipment_id is None:
            equipment = Equipment(balai_id=_balai_id(ctx))
            s.add(equipment)
            company_id = values.get("company_id")
            if not isinstance(company_id, str):
                raise ValidationError("perusahaan pemilik wajib dipilih", field="company_id")
            _own(ctx, s.get(Company, company_id), "perusahaan", company_id)
            equipment.company_id = company_id
            equipment.object_type = get_object_type(str(values.get("object_type"))).code
        else:
            equipment = _own(ctx, s.get(Equipment, equipment_id), "peralatan", equipment_id)
            if "object_type" in values and values["object_type"] != equipment.object_type:
                raise ValidationError("jenis objek peralatan tidak dapat diubah; "
                                      "daftarkan sebagai peralatan baru", field="object_type")
        for name, label in EQUIPMENT_FIELDS.items():
            if equipment_id is None or name in values:
                setattr(equipment, name, _text(values, name, label=label,
                                               required=name == "serial_number"))
        if "year_built" in values:
            year = values["year_built"]
            if year in (None, ""):
                equipment.year_built = None
            elif isinstance(year, int) and 1850 <= year <= date.today().year + 1:
                equipment.year_built = year
            else:
                raise ValidationError(f"tahun pembuatan tidak masuk akal: {year!r}",
                                      field="year_built")
        equipment.modified_by = ctx.actor.id
        s.flush()
        return Changes("equipment", (equipment.id,))


def save_instrument(ctx: AppContext, values: dict[str, Any], instrument_id: str | None = None
                    ) -> Changes:
    """Measuring instruments are managed by supervisors (SYNC_PROTOCOL.md section 4)."""
    ctx.actor.require_role("supervisor", action="mengelola alat ukur")
    with ctx.db.session() as s:
        if instrument_id is None:
            instrument = Instrument(balai_id=_balai_id(ctx))
            s.add(instrument)
        else:
            instrument = _own(ctx, s.get(Instrument, instrument_id), "alat ukur", instrument_id)
        for name, label in (("name", "Nama alat"), ("serial_number", "Nomor seri"),
                            ("kind", "Jenis alat"),
                            ("calibration_certificate", "Nomor sertifikat kalibrasi")):
            if instrument_id is None or name in values:
                setattr(instrument, name, _text(values, name, label=label,
                                                required=name in ("name", "serial_number")))
        if instrument_id is None or "calibration_valid_until" in values:
            try:
                valid = parse_date(values.get("calibration_valid_until"))
            except ValueError:
                valid = None
            if valid is None:
                raise ValidationError("tanggal berlaku kalibrasi wajib diisi (YYYY-MM-DD)",
                                      field="calibration_valid_until")
            instrument.calibration_valid_until = valid
        instrument.modified_by = ctx.actor.id
        s.flush()
        return Changes("instrument", (instrument.id,))


@dataclass(frozen=True)
class RecordQuery:
    text: str | None = None
    company_id: str | None = None
    object_type: str | None = None
    limit: int | None = None
    offset: int = 0


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_companies(s: Session, balai_id: str | None, q: RecordQuery = RecordQuery()
                   ) -> list[Company]:
    stmt = select(Company).where(Company.deleted.is_(False))
    if balai_id:
        stmt = stmt.where(Company.balai_id == balai_id)
    if q.text:
        pattern = _like(q.text)
        stmt = stmt.where(or_(Company.name.ilike(pattern, escape="\\"),
                              Company.address.ilike(pattern, escape="\\"),
                              Company.city.ilike(pattern, escape="\\")))
    stmt = stmt.order_by(func.lower(Company.name)).offset(q.offset)
    if q.limit:
        stmt = stmt.limit(q.limit)
    return list(s.scalars(stmt))


def list_equipment(s: Session, balai_id: str | None, q: RecordQuery = RecordQuery()
                   ) -> list[Equipment]:
    stmt = select(Equipment).where(Equipment.deleted.is_(False))
    if balai_id:
        stmt = stmt.where(Equipment.balai_id == balai_id)
    if q.company_id:
        stmt = stmt.where(Equipment.company_id == q.company_id)
    if q.object_type:
        stmt = stmt.where(Equipment.object_type == q.object_type)
    if q.text:
        pattern = _like(q.text)
        stmt = stmt.where(or_(Equipment.serial_number.ilike(pattern, escape="\\"),
                              Equipment.manufacturer.ilike(pattern, escape="\\"),
                              Equipment.model.ilike(pattern, escape="\\"),
                              Equipment.location.ilike(pattern, escape="\\")))
    stmt = stmt.order_by(Equipment.object_type, Equipment.serial_number).offset(q.offset)
    if q.limit:
        stmt = stmt.limit(q.limit)
    return list(s.scalars(stmt))


def list_instruments(s: Session, balai_id: str | None) -> list[Instrument]:
    stmt = select(Instrument).where(Instrument.deleted.is_(False))
    if balai_id:
        stmt = stmt.where(Instrument.balai_id == balai_id)
    return list(s.scalars(stmt.order_by(Instrument.name)))
