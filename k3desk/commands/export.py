"""``k3desk export recap|inspections|certificates --from DATE --to DATE -o FILE``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from k3desk.cli_support import add_data_dir, data_dir_of, open_db
from k3desk.domain.errors import ValidationError
from k3desk.domain.i18n import translate

WHAT = {"recap": ".xlsx", "inspections": ".csv", "certificates": ".csv"}


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(translate("cli", "tanggal harus YYYY-MM-DD, bukan "
                                                   "{value}").format(value=text)) from exc


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
        raise ValidationError(translate("cli", "berkas keluaran {what} harus berakhiran "
                                        "{suffix}").format(what=args.what,
                                                           suffix=WHAT[args.what]))
    data_dir = data_dir_of(args)
    setup_logging(data_dir)
    with open_db(args) as db:
        ctx = auth_service.require_context(db)
        period = translate("cli", "{start} s.d. {end}").format(start=args.start.isoformat(),
                                                                end=args.end.isoformat())
        if args.what == "recap":
            recap = export_service.write_recap(ctx, args.start, args.end, args.output)
            t = recap.totals
            print(translate("cli", "rekap {period} ditulis ke {path}: {total} pemeriksaan "
                            "({passed} memenuhi, {failed} tidak memenuhi, {pending} belum "
                            "selesai, {rejected} ditolak), {issued} sertifikat terbit, "
                            "{revoked} dicabut, {retest_due} uji ulang jatuh tempo").format(
                                period=period, path=args.output, **t))
        elif args.what == "inspections":
            n = export_service.export_inspections_csv(ctx, args.start, args.end, args.output)
            print(translate("cli", "{n} pemeriksaan {period} ditulis ke {path}").format(
                n=n, period=period, path=args.output))
        else:
            n = export_service.export_certificates_csv(ctx, args.start, args.end, args.output)
            print(translate("cli", "{n} sertifikat {period} ditulis ke {path}").format(
                n=n, period=period, path=args.output))
        return 0
