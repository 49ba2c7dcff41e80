"""Companies, equipment and measuring instruments: create, update, list.

Each ``save_*`` is one transaction. The checks and the write also exist as
``apply_*(ctx, s, values, id)`` working inside a session the caller owns, so a caller
that writes many records at once (the spreadsheet import) applies exactly the same rules
and still commits all or nothing. ``check_*`` return every problem of one record at once
(for a per-row error list) instead of stopping at the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from k3desk.domain.errors import NotFoundError, PermissionDenied, ValidationError
from k3desk.domain.i18n import translate
from k3desk.domain.object_types import get_object_type
from k3desk.domain.text_rules import bidi_character
from k3desk.domain.workflow import Role
from k3desk.services.context import AppContext, Changes
from k3desk.store.base import parse_date
from k3desk.store.models import (
    Certificate,
    Company,
    Equipment,
    Inspection,
    Instrument,
    SyncedRecord,
)


def _text(values: dict[str, Any], name: str, *, required: bool, label: str) -> str | None:
    value = values.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(translate("records", "{label} wajib diisi").format(
                                      label=label), field=name)
        return None
    if not isinstance(value, str):
        raise ValidationError(translate("records", "{label} harus berupa teks").format(
                                  label=label), field=name)
    char = bidi_character(value)
    if char:
        raise ValidationError(translate(
            "records", "{label} memuat karakter kendali arah teks {char} yang dapat "
            "menampilkan teks terbalik; hapus karakter itu").format(label=label, char=char),
            field=name)
    return value.strip()


R = TypeVar("R", bound=SyncedRecord)


def _own(ctx: AppContext, record: R | None, what: str, record_id: str) -> R:
    if record is None or record.deleted:
        raise NotFoundError(translate("records", "{what} {record_id} tidak ditemukan").format(
                                what=what, record_id=record_id))
    if ctx.actor.balai_id and getattr(record, "balai_id", None) != ctx.actor.balai_id:
        raise PermissionDenied(translate("records", "{what} {record_id} milik Balai lain").format(
                                   what=what, record_id=record_id))
    return record


def certificate_naming(s: Session, record_type: str, record_id: str) -> str | None:
    """The number of an issued certificate that refers to this company, equipment or
    inspection (such a record is never deleted), or None."""
    stmt = select(Certificate.number).join(Inspection,
                                           Inspection.id == Certificate.inspection_id)
    column = {"company": Inspection.company_id, "equipment": Inspection.equipment_id,
              "inspection": Inspection.id}.get(record_type)
    if column is None:
        return None
    return s.scalars(stmt.where(column == record_id).limit(1)).first()


def refuse_certified_deletion(s: Session, record_type: str, record_id: str) -> None:
    number = certificate_naming(s, record_type, record_id)
    if number is not None:
        raise ValidationError(translate("records", "data ini tercantum pada sertifikat {number} "
                                        "yang sudah terbit dan tidak dapat dihapus").format(
                                            number=number))


def _balai_id(ctx: AppContext) -> str:
    if not ctx.actor.balai_id:
        raise PermissionDenied(translate("records", "pengguna ini tidak terdaftar pada Balai "
                                         "mana pun"))
    return ctx.actor.balai_id


def _collect(checks: list[tuple[str, Any]]) -> tuple[dict[str, Any], list[ValidationError]]:
    """Run each (field, thunk); keep the cleaned values and every error."""
    clean: dict[str, Any] = {}
    errors: list[ValidationError] = []
    for name, thunk in checks:
        try:
            clean[name] = thunk()
        except ValidationError as exc:
            errors.append(exc if exc.field else ValidationError(exc.message, field=name))
    return clean, errors


def _raise_first(errors: list[ValidationError]) -> None:
    if errors:
        raise errors[0]


COMPANY_FIELDS = {"name": "Nama perusahaan", "address": "Alamat", "city": "Kota",
                  "phone": "Telepon", "contact_person": "Narahubung"}
COMPANY_REQUIRED = ("name", "address")


def check_company(values: dict[str, Any], *, creating: bool = True
                  ) -> tuple[dict[str, Any], list[ValidationError]]:
    """Cleaned company fields (all when creating, those given when updating) and errors."""
    return _collect([
        (name, lambda name=name, label=label: _text(values, name, label=label,
                                                    required=name in COMPANY_REQUIRED))
        for name, label in COMPANY_FIELDS.items() if creating or name in values])


def apply_company(ctx: AppContext, s: Session, values: dict[str, Any],
                  company_id: str | None = None) -> Company:
    """Create or update a company inside the caller's session."""
    clean, errors = check_company(values, creating=company_id is None)
    _raise_first(errors)
    if company_id is None:
        company = Company(balai_id=_balai_id(ctx))
        s.add(company)
    else:
        company = _own(ctx, s.get(Company, company_id), "perusahaan", company_id)
    for name, value in clean.items():
        setattr(company, name, value)
    company.modified_by = ctx.actor.id
    s.flush()
    return company


def save_company(ctx: AppContext, values: dict[str, Any], company_id: str | None = None
                 ) -> Changes:
    """Create (no id) or update a company; one transaction."""
    with ctx.db.session() as s:
        company = apply_company(ctx, s, values, company_id)
        return Changes("company", (company.id,))


EQUIPMENT_FIELDS = {"serial_number": "Nomor seri", "manufacturer": "Pabrikan",
                    "model": "Model/tipe", "capacity": "Kapasitas", "location": "Lokasi"}


def _year_built(year: Any) -> int | None:
    if year in (None, ""):
        return None
    if isinstance(year, int) and not isinstance(year, bool) \
            and 1850 <= year <= date.today().year + 1:
        return year
    raise ValidationError(translate("records", "tahun pembuatan tidak masuk akal: "
                                    "{year!r}").format(
                              year=year), field="year_built")


def check_equipment(values: dict[str, Any], *, creating: bool = True
                    ) -> tuple[dict[str, Any], list[ValidationError]]:
    """Cleaned equipment fields and errors, references (company) not yet looked up."""
    checks: list[tuple[str, Any]] = [
        (name, lambda name=name, label=label: _text(values, name, label=label,
                                                    required=name == "serial_number"))
        for name, label in EQUIPMENT_FIELDS.items() if creating or name in values]
    if creating:
        checks.append(("object_type",
                       lambda: get_object_type(str(values.get("object_type"))).code))
    if "year_built" in values:
        checks.append(("year_built", lambda: _year_built(values["year_built"])))
    return _collect(checks)


def apply_equipment(ctx: AppContext, s: Session, values: dict[str, Any],
                    equipment_id: str | None = None) -> Equipment:
    """Create or update equipment inside the caller's session."""
    clean, errors = check_equipment(values, creating=equipment_id is None)
    if equipment_id is None:
        company_id = values.get("company_id")
        if not isinstance(company_id, str):
            errors.insert(0, ValidationError(translate("records", "perusahaan pemilik wajib "
                                                       "dipilih"),
                                             field="company_id"))
        _raise_first(errors)
        assert isinstance(company_id, str)
        _own(ctx, s.get(Company, company_id), "perusahaan", company_id)
        # Added only once complete: an autoflush must never see a half-filled row.
        equipment = Equipment(balai_id=_balai_id(ctx), company_id=company_id, **clean)
        s.add(equipment)
    else:
        _raise_first(errors)
        equipment = _own(ctx, s.get(Equipment, equipment_id), "peralatan", equipment_id)
        if "object_type" in values and values["object_type"] != equipment.object_type:
            raise ValidationError(translate("records", "jenis objek "
                                            "peralatan tidak dapat "
                                            "diubah; daftarkan sebagai "
                                            "peralatan baru"), field="object_type")
        for name, value in clean.items():
            setattr(equipment, name, value)
    equipment.modified_by = ctx.actor.id
    s.flush()
    return equipment


def save_equipment(ctx: AppContext, values: dict[str, Any], equipment_id: str | None = None
                   ) -> Changes:
    with ctx.db.session() as s:
        equipment = apply_equipment(ctx, s, values, equipment_id)
        return Changes("equipment", (equipment.id,))


INSTRUMENT_FIELDS = {"name": "Nama alat", "serial_number": "Nomor seri", "kind": "Jenis alat",
                     "calibration_certificate": "Nomor sertifikat kalibrasi"}


def _calibration_date(value: Any) -> date:
    try:
        valid = parse_date(value)
    except (ValueError, TypeError):
        valid = None
    if valid is None:
        raise ValidationError(translate("records", "tanggal berlaku kalibrasi wajib diisi "
                                        "(YYYY-MM-DD)"),
                              field="calibration_valid_until")
    return valid


def check_instrument(values: dict[str, Any], *, creating: bool = True
                     ) -> tuple[dict[str, Any], list[ValidationError]]:
    checks: list[tuple[str, Any]] = [
        (name, lambda name=name, label=label: _text(values, name, label=label,
                                                    required=name in ("name", "serial_number")))
        for name, label in INSTRUMENT_FIELDS.items() if creating or name in values]
    if creating or "calibration_valid_until" in values:
        checks.append(("calibration_valid_until",
                       lambda: _calibration_date(values.get("calibration_valid_until"))))
    return _collect(checks)


def apply_instrument(ctx: AppContext, s: Session, values: dict[str, Any],
                     instrument_id: str | None = None) -> Instrument:
    """Measuring instruments are managed by supervisors (SYNC_PROTOCOL.md section 4)."""
    ctx.actor.require_role(Role.SUPERVISOR, action="mengelola alat ukur")
    clean, errors = check_instrument(values, creating=instrument_id is None)
    _raise_first(errors)
    if instrument_id is None:
        instrument = Instrument(balai_id=_balai_id(ctx), **clean)
        s.add(instrument)
    else:
        instrument = _own(ctx, s.get(Instrument, instrument_id), "alat ukur", instrument_id)
        for name, value in clean.items():
            setattr(instrument, name, value)
    instrument.modified_by = ctx.actor.id
    s.flush()
    return instrument


def save_instrument(ctx: AppContext, values: dict[str, Any], instrument_id: str | None = None
                    ) -> Changes:
    """Measuring instruments are managed by supervisors (SYNC_PROTOCOL.md section 4)."""
    with ctx.db.session() as s:
        instrument = apply_instrument(ctx, s, values, instrument_id)
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
