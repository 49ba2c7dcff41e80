"""``k3desk list companies|equipment|inspections``: print records."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from k3desk.cli import add_data_dir
from k3desk.cli_support import open_db, print_json
from k3desk.domain.errors import ValidationError
from k3desk.domain.workflow import Status

if TYPE_CHECKING:
    from k3desk.store.models import SyncedRecord


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("list", help="tampilkan perusahaan, peralatan atau pemeriksaan")
    p.add_argument("what", choices=["companies", "equipment", "inspections"])
    p.add_argument("--json", action="store_true", help="JSON: a list of records with id and "
                   "the protocol fields")
    p.add_argument("--status", choices=[s.value for s in Status])
    p.add_argument("--object-type")
    p.add_argument("--company", help="company id")
    p.add_argument("--from", dest="date_from", help="inspected on or after YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", help="inspected on or before YYYY-MM-DD")
    p.add_argument("--search", help="free text")
    add_data_dir(p)
    p.set_defaults(func=run)


def _record(r: SyncedRecord) -> dict[str, Any]:
    return {"id": r.id, "type": r.sync_type, "version": r.version, **r.to_data()}


def _date(text: str | None, name: str) -> Any:
    from k3desk.store.base import parse_date
    try:
        return parse_date(text)
    except ValueError:
        raise ValidationError(f"{name} harus berformat YYYY-MM-DD, bukan {text!r}") from None


def run(args: argparse.Namespace) -> int:
    from k3desk.services import inspection_service, records_service
    from k3desk.services.inspection_service import InspectionQuery
    from k3desk.services.records_service import RecordQuery
    if args.status and args.what != "inspections":
        raise ValidationError("--status hanya untuk daftar pemeriksaan")
    with open_db(args) as db:
        with db.session() as s:
            rows: list[tuple[SyncedRecord, str]]
            if args.what == "companies":
                rows = [(c, f"{c.name} | {c.address}") for c in records_service.list_companies(
                    s, None, RecordQuery(text=args.search))]
            elif args.what == "equipment":
                rows = [(e, f"{e.object_type:<24} {e.serial_number:<18} {e.model or ''}")
                        for e in records_service.list_equipment(s, None, RecordQuery(
                            text=args.search, company_id=args.company,
                            object_type=args.object_type))]
            else:
                q = InspectionQuery(status=args.status, object_type=args.object_type,
                                    company_id=args.company, text=args.search,
                                    date_from=_date(args.date_from, "--from"),
                                    date_to=_date(args.date_to, "--to"))
                rows = [(r.inspection, f"{r.inspection.inspected_on} {r.inspection.status:<18} "
                         f"{(r.inspection.verdict or ''):<15} {r.object_type:<24} "
                         f"{r.serial_number:<18} {r.company_name}")
                        for r in inspection_service.search(s, None, q)]
            if args.json:
                print_json([_record(r) for r, _ in rows])
            else:
                for record, line in rows:
                    print(f"{record.id}  {line}")
    return 0
