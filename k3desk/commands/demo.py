"""``k3desk demo``: fill a data folder with the demo dataset."""

from __future__ import annotations

import argparse

from k3desk.cli_support import add_data_dir, data_dir_of


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="isi folder data dengan data demo")
    add_data_dir(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from k3desk.services.demo_service import DEMO_USERS, create_demo
    data_dir = data_dir_of(args)
    summary = create_demo(data_dir)
    print(f"Data demo dibuat di {data_dir}: {summary.companies} perusahaan, "
          f"{summary.equipment} peralatan, {summary.inspections} pemeriksaan "
          f"({', '.join(f'{k} {v}' for k, v in sorted(summary.by_status.items()))}).")
    for username, password, name, _nip, role in DEMO_USERS:
        print(f"  {role:<10} {username:<11} kata sandi: {password}  ({name})")
    return 0
