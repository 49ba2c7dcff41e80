"""``k3desk gui``: the desktop application (the default command)."""

from __future__ import annotations

import argparse

from k3desk.cli_support import add_data_dir, data_dir_of


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("gui", help="start the desktop application (default)")
    p.add_argument("--with-demo", action="store_true",
                   help="fill an empty data folder with demo data first")
    add_data_dir(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from k3desk.ui.app import run_app

    return run_app(data_dir_of(args), with_demo=getattr(args, "with_demo", False),
                   lang=getattr(args, "lang", None))
