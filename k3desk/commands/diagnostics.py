"""``k3desk diagnostics -o FILE.zip``: logs, versions and settings for support, with no
passwords, tokens, keys or personal data."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from k3desk.cli_support import add_data_dir, data_dir_of
from k3desk.domain.i18n import translate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("diagnostics", help="kumpulkan log dan informasi versi untuk dukungan")
    p.add_argument("-o", "--output", type=Path, default=None,
                   help="zip file (default: k3desk-diagnostics-<time>.zip here)")
    add_data_dir(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from k3desk.services import diagnostics_service

    out = args.output or Path(f"k3desk-diagnostics-{datetime.now():%Y%m%d-%H%M%S}.zip")
    path = diagnostics_service.collect(data_dir_of(args), out)
    print(translate("cli", "diagnostik ditulis ke {path} ({size} kB); periksa isinya sebelum "
                    "dikirim bila perlu").format(path=path,
                                                 size=f"{path.stat().st_size / 1e3:.0f}"))
    return 0
