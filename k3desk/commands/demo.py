"""``k3desk demo``: fill a data folder with the demo dataset."""

from __future__ import annotations

import argparse

from k3desk.cli_support import add_data_dir, data_dir_of
from k3desk.domain.i18n import translate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="isi folder data dengan data demo")
    add_data_dir(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from k3desk.services.demo_service import DEMO_USERS, create_demo
    data_dir = data_dir_of(args)
    summary = create_demo(data_dir)
    from k3desk.services.listing_service import status_label

    statuses = ", ".join(f"{status_label(k)} {v}" for k, v in sorted(summary.by_status.items()))
    print(translate("cli", "Data demo dibuat di {folder}: {companies} perusahaan, {equipment} "
                    "peralatan, {inspections} pemeriksaan ({statuses}).").format(
                        folder=data_dir, companies=summary.companies,
                        equipment=summary.equipment, inspections=summary.inspections,
                        statuses=statuses))
    roles = {"inspector": translate("cli", "pemeriksa"),
             "supervisor": translate("cli", "penyelia"), "admin": translate("cli", "admin")}
    for username, password, name, _nip, role in DEMO_USERS:
        print(f"  {roles.get(role, role):<10} {username:<11} "
              + translate("cli", "kata sandi: {password}").format(password=password)
              + f"  ({name})")
    return 0
