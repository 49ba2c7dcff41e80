"""``k3desk import companies|equipment|instruments FILE``: records from .xlsx or CSV.

Exit 0 with the counts; exit 2 with every row's problem (and nothing imported).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from k3desk.cli_support import add_data_dir, data_dir_of, open_db
from k3desk.domain.errors import ValidationError
from k3desk.domain.i18n import translate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import", help="impor perusahaan, peralatan atau alat ukur dari .xlsx/.csv",
        usage="k3desk import companies|equipment|instruments FILE [--map KOLOM=ISIAN] "
              "[--exclude-rows 3,7] [--preview] [--data-dir DIR]\n"
              "       k3desk import template companies|equipment|instruments -o FILE.xlsx")
    p.add_argument("kind", choices=["companies", "equipment", "instruments", "template"],
                   help="what the file holds; `import template companies|equipment|"
                        "instruments -o FILE.xlsx` writes an empty workbook with the headers "
                        "that map by themselves")
    p.add_argument("file", metavar="FILE", help="the .xlsx/.csv file; after `template`: "
                   "companies, equipment or instruments")
    p.add_argument("-o", "--output", type=Path, metavar="FILE.xlsx",
                   help="with template: the .xlsx to write")
    p.add_argument("--map", action="append", default=[], metavar="KOLOM=ISIAN",
                   help="map a column header to a field (e.g. 'No. Seri=serial_number'); "
                        "headers equal to field names map by themselves")
    p.add_argument("--exclude-rows", default="", metavar="3,7,12",
                   help="file row numbers to leave out")
    p.add_argument("--preview", action="store_true",
                   help="show what would happen without writing anything")
    add_data_dir(p)
    p.set_defaults(func=run)


def _mapping(pairs: list[str], headers: list[str], suggested: dict[str, str | None]
             ) -> dict[str, str | None] | None:
    if not pairs:
        return None
    mapping = dict(suggested)
    for pair in pairs:
        header, sep, target = pair.partition("=")
        if not sep:
            raise ValidationError(translate("import", "--map harus berbentuk KOLOM=ISIAN, bukan "
                                            "{value}").format(value=pair))
        mapping[header.strip()] = target.strip() or None
    return mapping


def _rows(text: str) -> list[int]:
    try:
        return [int(x) for x in text.replace(" ", "").split(",") if x]
    except ValueError as exc:
        raise ValidationError(translate("import", "--exclude-rows harus berupa nomor baris, "
                                        "mis. 3,7: {value}").format(value=text)) from exc


def run(args: argparse.Namespace) -> int:
    from k3desk.logging_setup import setup_logging
    from k3desk.services import auth_service, import_service
    from k3desk.services.import_tables import read_table

    if args.kind == "template":
        return run_template(args)
    if args.output is not None:
        raise ValidationError(translate("import", "-o hanya untuk menulis templat: "
                                        "`k3desk import template {kind} -o "
                                        "{kind}.xlsx`").format(kind=args.kind))
    args.file = Path(args.file)
    data_dir = data_dir_of(args)
    setup_logging(data_dir)
    with open_db(args) as db:
        ctx = auth_service.require_context(db)
        exclude = _rows(args.exclude_rows)
        mapping = None
        if args.map:
            headers = read_table(args.file).headers
            mapping = _mapping(args.map, headers,
                               import_service.suggest_mapping(args.kind, headers))
        if args.preview:
            p = import_service.preview(ctx, args.file, args.kind, mapping, exclude_rows=exclude)
            for header in p.headers:
                target = p.mapping.get(header) or translate("import", "(diabaikan)")
                print(f"  {header!r} -> {target}")
            c = p.counts
            print(translate("import", "{rows} baris: {created} baru, {updated} diperbarui, "
                            "{unchanged} tetap, {excluded} dikecualikan, {errors} "
                            "masalah").format(rows=p.total_rows, **c))
            for error in p.errors:
                print(f"  {error}")
            return 2 if p.errors else 0
        result = import_service.import_file(ctx, args.file, args.kind, mapping, exclude)
        excluded = (translate("import", ", {n} dikecualikan").format(n=result.excluded)
                    if result.excluded else "")
        print(translate("import", "{name}: {total} baris diimpor ({created} dibuat, {updated} "
                        "diperbarui, {unchanged} tidak berubah{excluded})").format(
                            name=args.file.name, total=result.total, created=result.created,
                            updated=result.updated, unchanged=result.unchanged,
                            excluded=excluded))
        if result.ignored:
            print(translate("import", "kolom diabaikan (tidak dikenali): {columns}; petakan "
                            "dengan --map KOLOM=ISIAN bila perlu").format(
                                columns=", ".join(repr(h) for h in result.ignored)))
        return 0


def run_template(args: argparse.Namespace) -> int:
    from k3desk.services import import_service

    import_target = str(args.file)
    if import_target not in import_service.IMPORT_TARGETS:
        raise ValidationError(translate("import", "import template perlu jenisnya "
                                        "({kinds}), bukan {kind}: mis. `k3desk import "
                                        "template companies -o perusahaan.xlsx`").format(
                                            kinds=", ".join(import_service.IMPORT_TARGETS),
                                            kind=import_target))
    if args.map or args.exclude_rows or args.preview:
        raise ValidationError(translate("import", "--map, --exclude-rows dan --preview "
                                        "dipakai saat mengimpor, bukan untuk import "
                                        "template"))
    if args.output is None or args.output.suffix.lower() != ".xlsx":
        raise ValidationError(translate("import", "import template perlu -o FILE.xlsx, mis. "
                                        "`k3desk import template {kind} -o "
                                        "{kind}.xlsx`").format(kind=import_target))
    headers = import_service.write_template(import_target, args.output)
    print(translate("import", "{path}: templat kosong dengan kolom {headers}").format(
        path=args.output, headers=", ".join(headers)))
    return 0
