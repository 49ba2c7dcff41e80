"""``k3desk export recap|inspections|certificates --from DATE --to DATE -o FILE``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from k3desk.cli_support import add_data_dir, data_dir_of, open_db
from k3desk.domain.errors import ValidationError

WHAT = {"recap": ".xlsx", "inspections": ".csv", "certificates": ".csv"}


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"tanggal harus YYYY-MM-DD, bukan {text!r}") from exc


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="rekap bulanan (.xlsx) atau daftar pemeriksaan/"
                                      "sertifikat (.csv) untuk satu periode")
    p.add_argument("what", choices=list(WHAT))
    p.add_argument("--from", dest="start", type=_date, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", type=_date, required=True, metavar="YYYY-MM-DD")
    p.add_argument("-o", "--output", type=Path, required=True)
    add_data_dir(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from k3desk.logging_setup import setup_logging
    from k3desk.services import auth_service, export_service

    if args.output.suffix.lower() != WHAT[args.what]:
        raise ValidationError(f"berkas keluaran {args.what} harus berakhiran {WHAT[args.what]}")
    data_dir = data_dir_of(args)
    setup_logging(data_dir)
    with open_db(args) as db:
        ctx = auth_service.require_context(db)
        period = f"{args.start.isoformat()} s.d. {args.end.isoformat()}"
        if args.what == "recap":
            recap = export_service.write_recap(ctx, args.start, args.end, args.output)
            t = recap.totals
            print(f"rekap {period} ditulis ke {args.output}: {t['total']} pemeriksaan "
                  f"({t['passed']} memenuhi, {t['failed']} tidak memenuhi, {t['pending']} "
                  f"belum selesai, {t['rejected']} ditolak), {t['issued']} sertifikat terbit, "
                  f"{t['revoked']} dicabut, {t['retest_due']} uji ulang jatuh tempo")
        elif args.what == "inspections":
            n = export_service.export_inspections_csv(ctx, args.start, args.end, args.output)
            print(f"{n} pemeriksaan {period} ditulis ke {args.output}")
        else:
            n = export_service.export_certificates_csv(ctx, args.start, args.end, args.output)
            print(f"{n} sertifikat {period} ditulis ke {args.output}")
        return 0
