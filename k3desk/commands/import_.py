"""``k3desk import companies|equipment|instruments FILE``: records from .xlsx or CSV.

Exit 0 with the counts; exit 2 with every row's problem (and nothing imported).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from k3desk.cli_support import add_data_dir, data_dir_of, open_db
from k3desk.domain.errors import ValidationError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import", help="impor perusahaan, peralatan atau alat ukur dari .xlsx/.csv")
    p.add_argument("kind", choices=["companies", "equipment", "instruments", "template"],
                   help="what the file holds; `import template KIND -o FILE.xlsx` writes an "
                        "empty workbook with the headers that map by themselves")
    p.add_argument("file", type=Path, help="the .xlsx/.csv file (after template: the KIND)")
    p.add_argument("-o", "--output", type=Path, help="with template: the .xlsx to write")
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
            raise ValidationError(f"--map harus berbentuk KOLOM=ISIAN, bukan {pair!r}")
        mapping[header.strip()] = target.strip() or None
    return mapping


def _rows(text: str) -> list[int]:
    try:
        return [int(x) for x in text.replace(" ", "").split(",") if x]
    except ValueError as exc:
        raise ValidationError(f"--exclude-rows harus berupa nomor baris, mis. 3,7: {text}"
                              ) from exc


def run(args: argparse.Namespace) -> int:
    from k3desk.logging_setup import setup_logging
    from k3desk.services import auth_service, import_service
    from k3desk.services.import_tables import read_table

    if args.kind == "template":
        return run_template(args)
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
                print(f"  {header!r} -> {p.mapping.get(header) or '(diabaikan)'}")
            c = p.counts
            print(f"{p.total_rows} baris: {c['created']} baru, {c['updated']} diperbarui, "
                  f"{c['unchanged']} tetap, {c['excluded']} dikecualikan, "
                  f"{c['errors']} masalah")
            for error in p.errors:
                print(f"  {error}")
            return 2 if p.errors else 0
        result = import_service.import_file(ctx, args.file, args.kind, mapping, exclude)
        print(f"{args.file.name}: {result.total} baris diimpor ({result.created} dibuat, "
              f"{result.updated} diperbarui, {result.unchanged} tidak berubah"
              + (f", {result.excluded} dikecualikan" if result.excluded else "") + ")")
        if result.ignored:
            print("kolom diabaikan (tidak dikenali): "
                  + ", ".join(repr(h) for h in result.ignored)
                  + "; petakan dengan --map KOLOM=ISIAN bila perlu")
        return 0


def run_template(args: argparse.Namespace) -> int:
    from k3desk.services import import_service

    import_target = str(args.file)
    if import_target not in import_service.IMPORT_TARGETS:
        targets = ", ".join(import_service.IMPORT_TARGETS)
        raise ValidationError(f"import template perlu jenisnya: {targets}, "
                              f"bukan {import_target!r}")
    if args.output is None:
        raise ValidationError(f"import template perlu -o FILE.xlsx, mis. "
                              f"`k3desk import template {import_target} -o "
                              f"{import_target}.xlsx`")
    headers = import_service.write_template(import_target, args.output)
    print(f"{args.output}: {', '.join(headers)}")
    return 0
