"""``k3desk audit verify``: check the audit trail's hash chain."""

from __future__ import annotations

import argparse
import sys

from k3desk.cli_support import add_data_dir, open_db
from k3desk.domain.i18n import translate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("audit", help="periksa jejak audit")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    v = actions.add_parser("verify", help="check that no audit event was changed or removed")
    add_data_dir(v)
    v.set_defaults(func=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    from k3desk.services import audit_service

    with open_db(args) as db:
        report = audit_service.verify_chain(db)
    if report.ok:
        print(translate("cli", "Jejak audit utuh: {n} peristiwa.").format(n=report.count))
        return 0
    print(translate("cli", "Jejak audit RUSAK pada peristiwa {id}: {reason}").format(
        id=report.broken_id, reason=report.reason), file=sys.stderr)
    return 1
