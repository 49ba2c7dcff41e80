"""``k3desk list companies|equipment|inspections``: print records."""

from __future__ import annotations

import argparse
from datetime import date

from k3desk.cli_support import add_data_dir, open_db, print_json
from k3desk.domain.errors import ValidationError
from k3desk.domain.i18n import translate
from k3desk.domain.workflow import Status


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


def _date(text: str | None, name: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(translate("cli", "{name} harus berformat YYYY-MM-DD, bukan "
                                        "{value}").format(name=name, value=text)) from None


def run(args: argparse.Namespace) -> int:
    from k3desk.services import listing_service
    from k3desk.services.inspection_service import InspectionQuery
    from k3desk.services.records_service import RecordQuery
    if args.status and args.what != "inspections":
        raise ValidationError(translate("cli", "--status hanya untuk daftar pemeriksaan"))
    with open_db(args) as db:
        if args.what == "companies":
            rows = [(r, f"{r.columns[0]} | {r.columns[1]}") for r in listing_service.companies(
                db, RecordQuery(text=args.search))]
        elif args.what == "equipment":
            rows = [(r, "{:<24} {:<18} {}".format(*r.columns))
                    for r in listing_service.equipment(db, RecordQuery(
                        text=args.search, company_id=args.company,
                        object_type=args.object_type))]
        else:
            q = InspectionQuery(status=args.status, object_type=args.object_type,
                                company_id=args.company, text=args.search,
                                date_from=_date(args.date_from, "--from"),
                                date_to=_date(args.date_to, "--to"))
            rows = [(r, "{} {:<18} {:<15} {:<24} {:<18} {}".format(*r.columns))
                    for r in listing_service.inspections(db, q)]
    if args.json:
        print_json([r.record for r, _ in rows])
    else:
        for r, line in rows:
            print(f"{r.id}  {line}")
    return 0
