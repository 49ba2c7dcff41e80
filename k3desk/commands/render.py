"""``k3desk render certificate|report INSPECTION_ID`` and ``k3desk render --sample``."""

from __future__ import annotations

import argparse
from pathlib import Path

from k3desk.cli_support import add_data_dir, open_db
from k3desk.domain.errors import K3Error, ValidationError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("render", help="buat PDF sertifikat atau laporan pemeriksaan")
    p.add_argument("kind", nargs="?", choices=["certificate", "report"])
    p.add_argument("inspection_id", nargs="?")
    p.add_argument("--sample", action="store_true",
                   help="the signed certificate of the first approved demo inspection")
    p.add_argument("-o", "--output", type=Path, help="PDF file to write")
    add_data_dir(p)
    p.set_defaults(func=run)


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as exc:
        raise K3Error(f"tidak dapat menulis {path}: {exc.strerror}") from exc


def run(args: argparse.Namespace) -> int:
    from k3desk.services import document_service

    with open_db(args) as db:
        if args.sample:
            if args.kind or args.inspection_id:
                raise ValidationError("--sample tidak memakai jenis atau id pemeriksaan")
            sample = document_service.sample_inspection_id(db)
            if sample is None:
                raise K3Error("folder data ini belum punya sertifikat; buat dulu dengan "
                              "`k3desk demo`")
            inspection_id, document_type = sample, "certificate"
        else:
            if not args.kind or not args.inspection_id:
                raise ValidationError("sebutkan certificate|report dan id pemeriksaan, "
                                      "atau --sample")
            inspection_id, document_type = args.inspection_id, args.kind
        data, name = document_service.render(db, inspection_id, document_type)
        out = args.output or Path.cwd() / name
        _write(out, data)
        print(out)
    return 0
