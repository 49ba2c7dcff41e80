"""``k3desk sync``: one full sync with the server, then a summary.

Exit 0 after a sync, 1 when the server cannot be reached (nothing is lost: the queue
waits for the next try), 2 for anything a person must fix (no server set, login needed).
"""

from __future__ import annotations

import argparse
import logging
import sys

from k3desk.cli_support import add_data_dir, open_db, print_json
from k3desk.domain.errors import K3Error
from k3desk.domain.i18n import translate

log = logging.getLogger("k3desk.sync")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("sync", help="send local changes to the server and receive others'")
    p.add_argument("--server", default=None, help="server address (remembered)")
    p.add_argument("--username", default=None, help="log in first as this user")
    p.add_argument("--password-stdin", action="store_true",
                   help="with --username: read the password from standard input")
    p.add_argument("--timeout", type=float, default=None, help="seconds per request")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    add_data_dir(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from k3desk.commands.login import read_password
    from k3desk.services import auth_service, sync_service
    from k3desk.sync.client import AuthRequired, Unreachable

    if args.username and not args.password_stdin:
        raise K3Error(translate("cli", "--username perlu --password-stdin (kata sandi dari "
                                "masukan standar)"))
    with open_db(args) as db:
        if args.username:
            sync_service.login(db, args.username, read_password(), args.server)
        try:
            summary = sync_service.sync_now(db, args.server, timeout=args.timeout)
        except Unreachable as exc:
            log.info("sync: server unreachable: %s", exc)
            print("k3desk: " + translate("cli", "sinkronisasi gagal, server tidak dapat "
                                         "dihubungi; periksa alamat server dan jaringan, lalu "
                                         "coba lagi (perubahan tetap dalam antrean)"),
                  file=sys.stderr)
            return 1
        except AuthRequired as exc:
            raise K3Error(translate("cli", "{reason}; jalankan `{hint}`").format(
                reason=exc.message, hint=auth_service.login_hint(db))) from exc
    if args.json:
        print_json({**asdict(summary), "attention": summary.attention})
    else:
        print(translate("cli", "dikirim: {n}").format(n=summary.pushed))
        print(translate("cli", "diterima: {n}").format(n=summary.pulled))
        print(translate("cli", "konflik: {new} baru, {open} menunggu").format(
            new=summary.conflicts, open=summary.open_conflicts))
        print(translate("cli", "karantina: {new} baru, {open} menunggu").format(
            new=summary.quarantined, open=summary.open_quarantined))
        if summary.pending:
            print(translate("cli", "masih dalam antrean: {n}").format(n=summary.pending))
        for message in summary.messages:
            print(translate("cli", "catatan: {message}").format(message=message))
    return 0
