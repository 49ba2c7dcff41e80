"""Companies, equipment and measuring instruments from a spreadsheet (.xlsx or CSV).

Balai offices keep their client lists in Excel; re-typing them is where mistakes start.
An import is all or nothing: every row is checked with the same rules as the forms
(``records_service.check_*``/``apply_*``) inside ONE transaction, and a single bad row
rejects the whole file, with every problem named by row, column and reason, until it is
fixed or the row is excluded. Rows are matched on a natural key (company: name +
address; equipment: company + serial number; instrument: serial number), so importing
the same file twice creates nothing new.

``preview`` is for the GUI's mapping dialog; ``import_file`` does the work.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from k3desk.domain.errors import K3Error, ValidationError
from k3desk.domain.i18n import translate
from k3desk.domain.workflow import Role
from k3desk.services import records_service as rs
from k3desk.services.context import AppContext
from k3desk.services.import_tables import Table, header_key, read_table, row_values
from k3desk.store.models import Company, Equipment, Instrument, SyncedRecord

log = logging.getLogger("k3desk.import")
IMPORT_TARGETS = ("companies", "equipment", "instruments")
PREVIEW_ROWS = 20


@dataclass(frozen=True)
class Spec:
    """What one import target (companies, equipment, instruments) takes from a spreadsheet."""

    fields: dict[str, str]  # field -> label (Bahasa Indonesia)
    required: tuple[str, ...]
    aliases: dict[str, str]  # extra header words -> field


SPECS: dict[str, Spec] = {
    "companies": Spec(dict(rs.COMPANY_FIELDS), rs.COMPANY_REQUIRED,
                      {"perusahaan": "name", "nama": "name", "company": "name",
                       "telp": "phone", "no_telp": "phone", "no_telepon": "phone",
                       "no_hp": "phone", "kontak": "contact_person", "cp": "contact_person"}),
    "equipment": Spec({"company_id": "ID perusahaan", "company_name": "Nama perusahaan",
                       "company_address": "Alamat perusahaan", "object_type": "Jenis objek",
                       **rs.EQUIPMENT_FIELDS, "year_built": "Tahun pembuatan"},
                      ("object_type", "serial_number"),
                      {"perusahaan": "company_name", "company": "company_name",
                       "jenis": "object_type", "no_seri": "serial_number",
                       "serial": "serial_number", "merk": "manufacturer",
                       "pabrik": "manufacturer", "pabrik_pembuat": "manufacturer",
                       "buatan": "manufacturer", "kapasitas_swl": "capacity",
                       "tahun_buat": "year_built", "lokasi_alat": "location",
                       "tahun": "year_built", "tipe": "model", "alamat": "company_address"}),
    "instruments": Spec({**rs.INSTRUMENT_FIELDS,
                         "calibration_valid_until": "Kalibrasi berlaku sampai"},
                        ("name", "serial_number", "calibration_valid_until"),
                        {"nama": "name", "no_seri": "serial_number", "jenis": "kind",
                         "berlaku_sampai": "calibration_valid_until"}),
}


@dataclass(frozen=True)
class RowError:
    """One problem: the file's row number (the header is row 1), its column header."""

    row: int
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = f"baris {self.row}" + (f", kolom '{self.column}'" if self.column else "")
        return f"{where}: {self.reason}"


class ImportRejected(ValidationError):
    """The file was not imported; ``errors`` says why, row by row."""

    def __init__(self, path: Path, errors: list[RowError]) -> None:
        lines = "\n  ".join(str(e) for e in errors)
        super().__init__(f"{path.name} tidak diimpor ({len(errors)} masalah; tidak ada data "
                         f"yang disimpan):\n  {lines}")
        self.errors = errors


@dataclass(frozen=True)
class PreviewRow:
    row: int
    cells: dict[str, Any]  # header -> value as read
    action: str  # create | update | unchanged | error | excluded


@dataclass(frozen=True)
class Preview:
    import_target: str
    headers: list[str]
    suggested: dict[str, str | None]  # header -> field (None: ignored)
    mapping: dict[str, str | None]  # the one used here
    rows: list[PreviewRow]  # the first ones
    total_rows: int
    errors: list[RowError]
    counts: dict[str, int] = field(default_factory=dict)  # what an import would do


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    excluded: int = 0
    ignored: tuple[str, ...] = ()  # the file's columns that went nowhere, by header

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def _norm(text: Any) -> str:
    """Key form of a name: case, punctuation and spacing do not make a new company."""
    return " ".join(re.sub(r"[^\w]+", " ", str(text or "").casefold()).split())


def suggest_mapping(import_target: str, headers: list[str]) -> dict[str, str | None]:
    """Headers equal to a field name (SYNC_PROTOCOL.md section 3) or its label map by
    themselves; anything else is left for the person to choose."""
    spec = _spec(import_target)
    known: dict[str, str] = {}
    for name, label in spec.fields.items():
        known[header_key(label)] = name
    known.update(spec.aliases)
    known.update({name: name for name in spec.fields})
    mapping: dict[str, str | None] = {}
    taken: set[str] = set()
    for header in headers:
        target = known.get(header_key(header))
        mapping[header] = target if target and target not in taken else None
        if target:
            taken.add(target)
    return mapping


def _spec(import_target: str) -> Spec:
    if import_target not in SPECS:
        raise ValidationError(translate("import", "jenis impor tidak dikenal: {kind} "
                                        "(pilih {value})").format(
                                  kind=import_target, value=', '.join(IMPORT_TARGETS)))
    return SPECS[import_target]


def _check_mapping(import_target: str, table: Table,
                   mapping: dict[str, str | None]) -> list[RowError]:
    spec = _spec(import_target)
    problems = []
    for header, target in mapping.items():
        if header not in table.headers:
            problems.append(RowError(table.header_row, header, "kolom ini tidak ada di berkas"))
        elif target is not None and target not in spec.fields:
            problems.append(RowError(table.header_row, header,
                                     f"'{target}' bukan isian {import_target}; pilih salah "
                                     "satu dari " + ", ".join(spec.fields)))
    targets = [t for t in mapping.values() if t]
    for target in sorted({t for t in targets if targets.count(t) > 1}):
        problems.append(RowError(table.header_row, None,
                                 f"isian '{target}' dipetakan ke lebih dari satu kolom"))
    for name in spec.required:
        if name not in targets:
            problems.append(RowError(table.header_row, None, f"kolom wajib belum dipetakan: "
                                     f"{name} ({spec.fields[name]})"))
    if import_target == "equipment" and not {"company_id", "company_name"} & set(targets):
        problems.append(RowError(table.header_row, None, "kolom perusahaan belum dipetakan: "
                                 "company_name (Nama perusahaan) atau company_id"))
    return problems


@dataclass
class _Plan:
    creates: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    updates: list[tuple[int, str, dict[str, Any]]] = field(default_factory=list)
    unchanged: int = 0
    excluded: int = 0
    errors: list[RowError] = field(default_factory=list)
    actions: dict[int, str] = field(default_factory=dict)


class _Planner:
    """Checks every row against the rules and the records already there."""

    def __init__(self, ctx: AppContext, s: Session, import_target: str) -> None:
        self.ctx, self.s, self.import_target = ctx, s, import_target
        balai = ctx.actor.balai_id
        model: type[SyncedRecord] = {"companies": Company, "equipment": Equipment,
                                     "instruments": Instrument}[import_target]
        stmt = select(model).where(model.deleted.is_(False))
        if balai:
            stmt = stmt.where(model.balai_id == balai)  # type: ignore[attr-defined]
        self.existing: dict[tuple[str, ...], Any] = {}
        for record in s.scalars(stmt):
            self.existing.setdefault(self.key(record.to_data()), record)
        self.companies: list[Company] = []
        if import_target == "equipment":
            cstmt = select(Company).where(Company.deleted.is_(False))
            if balai:
                cstmt = cstmt.where(Company.balai_id == balai)
            self.companies = list(s.scalars(cstmt))

    def key(self, values: dict[str, Any]) -> tuple[str, ...]:
        if self.import_target == "companies":
            return (_norm(values.get("name")), _norm(values.get("address")))
        if self.import_target == "equipment":
            return (str(values.get("company_id")), _norm(values.get("serial_number")))
        return (_norm(values.get("serial_number")),)

    def company_id(self, values: dict[str, Any]) -> str:
        if "company_id" in values:
            found = [c for c in self.companies if c.id == values["company_id"]]
            if not found:
                raise ValidationError(translate("import", "perusahaan dengan ID "
                                                "{values} tidak ditemukan").format(
                                          values=values['company_id']), field="company_id")
            return found[0].id
        name = values.get("company_name")
        if not name:
            raise ValidationError(translate("import", "nama perusahaan "
                                            "wajib diisi"), field="company_name")
        found = [c for c in self.companies if _norm(c.name) == _norm(name)]
        if "company_address" in values:
            found = [c for c in found if _norm(c.address) == _norm(values["company_address"])]
        if not found:
            raise ValidationError(translate("import", "perusahaan '{name}' belum "
                                            "terdaftar; impor perusahaannya dulu").format(
                                      name=name), field="company_name")
        if len(found) > 1:
            raise ValidationError(translate("import", "ada {count} perusahaan bernama "
                                            "'{name}'; isi kolom alamat perusahaan agar "
                                            "jelas").format(
                                      count=len(found), name=name), field="company_name")
        return found[0].id

    def check(self, values: dict[str, Any], creating: bool) -> list[ValidationError]:
        if self.import_target == "companies":
            return rs.check_company(values, creating=creating)[1]
        if self.import_target == "equipment":
            return rs.check_equipment(values, creating=creating)[1]
        return rs.check_instrument(values, creating=creating)[1]

    def plan(self, rows: Iterable[tuple[int, dict[str, Any]]], column_of: dict[str, str],
             exclude: set[int]) -> _Plan:
        plan = _Plan()
        seen: dict[tuple[str, ...], int] = {}
        if self.import_target == "instruments":
            try:
                self.ctx.actor.require_role(Role.SUPERVISOR, action="mengimpor alat ukur")
            except K3Error as exc:
                plan.errors.append(RowError(1, None, exc.message))
                return plan
        for row, cells in rows:
            if row in exclude:
                plan.excluded += 1
                plan.actions[row] = "excluded"
                continue
            before = len(plan.errors)
            self._plan_row(plan, seen, row, row_values(cells), column_of)
            if len(plan.errors) > before:
                plan.actions[row] = "error"
        return plan

    def _plan_row(self, plan: _Plan, seen: dict[tuple[str, ...], int], row: int,
                  values: dict[str, Any], column_of: dict[str, str]) -> None:
        def err(exc: K3Error, name: str | None = None) -> None:
            name = name or exc.field
            plan.errors.append(RowError(row, column_of.get(name or "", name), exc.message))

        bad_reference = False
        if self.import_target == "equipment":
            try:
                values["company_id"] = self.company_id(values)
            except ValidationError as exc:
                err(exc)
                bad_reference = True
            values.pop("company_name", None)
            values.pop("company_address", None)
        errors = self.check(values, creating=True)
        for problem in errors:
            err(problem)
        if errors or bad_reference:
            return
        key = self.key(values)
        if key in seen:
            err(ValidationError(translate("import", "data yang sama sudah ada di baris "
                                          "{seen}").format(
                                    seen=seen[key])),
                "serial_number" if self.import_target != "companies" else "name")
            return
        seen[key] = row
        record = self.existing.get(key)
        if record is None:
            plan.creates.append((row, values))
            plan.actions[row] = "create"
            return
        # Matched: the key fields keep their stored spelling; empty cells change nothing.
        changes = {k: v for k, v in values.items()
                   if k not in {"name", "address", "company_id", "serial_number"}
                   and _stored(record, k) != v}
        if self.import_target == "equipment" and changes.get("object_type") not in (None,
                                                                           record.object_type):
            err(ValidationError(translate("import", "jenis objek peralatan "
                                          "yang sudah terdaftar tidak dapat "
                                          "diubah; daftarkan sebagai peralatan "
                                          "baru")), "object_type")
            return
        changes.pop("object_type", None)
        if changes:
            plan.updates.append((row, record.id, changes))
            plan.actions[row] = "update"
        else:
            plan.unchanged += 1
            plan.actions[row] = "unchanged"


def _stored(record: Any, name: str) -> Any:
    value = getattr(record, name, None)
    return value.isoformat() if isinstance(value, date) else value


def _prepare(ctx: AppContext, s: Session, table: Table, import_target: str,
             mapping: dict[str, str | None] | None, exclude_rows: Iterable[int]
             ) -> tuple[dict[str, str | None], dict[str, str | None], _Plan]:
    suggested = suggest_mapping(import_target, table.headers)
    used = dict(suggested if mapping is None else mapping)
    problems = _check_mapping(import_target, table, used)
    if problems:
        return suggested, used, _Plan(errors=problems)
    fields = {table.headers.index(h): f for h, f in used.items() if f}
    column_of = {f: table.headers[i] for i, f in fields.items()}
    rows = ((n, {f: cells[i] for i, f in fields.items()}) for n, cells in table.rows)
    plan = _Planner(ctx, s, import_target).plan(rows, column_of, set(exclude_rows))
    return suggested, used, plan


def preview(ctx: AppContext, path: Path, import_target: str,
            mapping: dict[str, str | None] | None = None,
            *, exclude_rows: Iterable[int] = (), limit: int = PREVIEW_ROWS) -> Preview:
    """What an import of ``path`` would do, without writing: headers, the suggested
    mapping, the first rows with their fate, every row's errors and the counts."""
    _spec(import_target)
    table = read_table(Path(path))  # before the transaction: parsing holds no lock
    with ctx.db.session() as s:
        suggested, used, plan = _prepare(ctx, s, table, import_target, mapping, exclude_rows)
        s.rollback()
    rows = [PreviewRow(n, dict(zip(table.headers, cells, strict=False)),
                       plan.actions.get(n, "error" if plan.errors else "create"))
            for n, cells in table.rows[:limit]]
    counts = {"created": len(plan.creates), "updated": len(plan.updates),
              "unchanged": plan.unchanged, "excluded": plan.excluded,
              "errors": len(plan.errors)}
    return Preview(import_target, table.headers, suggested, used, rows, len(table.rows),
                   plan.errors, counts)


def import_file(ctx: AppContext, path: Path, import_target: str,
                mapping: dict[str, str | None] | None = None,
                exclude_rows: Iterable[int] = ()) -> ImportResult:
    """Import every row of ``path`` in one transaction, or nothing (``ImportRejected``)."""
    path = Path(path)
    _spec(import_target)
    table = read_table(path)
    with ctx.db.session() as s:
        _suggested, _used, plan = _prepare(ctx, s, table, import_target, mapping, exclude_rows)
        if plan.errors:
            raise ImportRejected(path, plan.errors)
        apply = {"companies": rs.apply_company, "equipment": rs.apply_equipment,
                 "instruments": rs.apply_instrument}[import_target]
        for row, values in plan.creates:
            _write(apply, ctx, s, path, row, values, None)
        for row, record_id, changes in plan.updates:
            _write(apply, ctx, s, path, row, changes, record_id)
        ignored = tuple(h for h in table.headers if h and not _used.get(h))
        result = ImportResult(len(plan.creates), len(plan.updates), plan.unchanged,
                              plan.excluded, ignored)
    log.info("import %s from %s: %s", import_target, path.name, result)
    return result


def template_headers(import_target: str) -> list[str]:
    """The headers of an empty import workbook: each field's label, required ones first."""
    spec = _spec(import_target)
    names = [*spec.required, *(n for n in spec.fields if n not in spec.required)]
    if import_target == "equipment":  # company_id is for files exported from k3desk
        names = [n for n in names if n != "company_id"]
        names.insert(0, "company_name")
        names.insert(1, "company_address")
    return [spec.fields[n] for n in dict.fromkeys(names)]


def write_template(import_target: str, path: Path) -> list[str]:
    """Write an empty .xlsx with the headers ``import_target`` maps by itself; returns them."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    headers = template_headers(import_target)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = {"companies": "Perusahaan", "equipment": "Peralatan",
                   "instruments": "Alat ukur"}[import_target]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i, header in enumerate(headers):
        sheet.column_dimensions[chr(ord("A") + i)].width = max(14, len(header) + 2)
    try:
        book.save(Path(path))
    except OSError as exc:
        raise ValidationError(f"tidak dapat menulis {path}: {exc.strerror}") from exc
    return headers


def _write(apply: Any, ctx: AppContext, s: Session, path: Path, row: int,
           values: dict[str, Any], record_id: str | None) -> None:
    try:
        apply(ctx, s, values, record_id)
    except ValidationError as exc:  # the plan missed something: still nothing is kept
        raise ImportRejected(path, [RowError(row, exc.field, exc.message)]) from exc
