"""``k3desk login``: log in on this laptop, online when the server answers, else offline."""

from __future__ import annotations

import argparse
import sys

from k3desk.cli_support import add_data_dir, open_db
from k3desk.domain.errors import ValidationError
from k3desk.domain.i18n import translate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("login", help="log in (online against the server, else offline)")
    p.add_argument("--username", required=True)
    p.add_argument("--password-stdin", action="store_true", required=True,
                   help="read the password from standard input")
    p.add_argument("--server", default=None,
                   help="server address, e.g. https://k3.example.go.id (remembered)")
    add_data_dir(p)
    p.set_defaults(func=run)


def read_password() -> str:
    line = sys.stdin.readline()
    password = line[:-1] if line.endswith("\n") else line
    if not password:
        raise ValidationError(translate("cli", "kata sandi kosong: berikan kata sandi di "
                                        "masukan standar"))
    return password


def run(args: argparse.Namespace) -> int:
    from k3desk.services import sync_service

    with open_db(args) as db:
        actor, online = sync_service.login(db, args.username, read_password(), args.server)
    text = (translate("cli", "login daring sebagai {username} ({name}, {role})") if online
            else translate("cli", "login luring (server tidak terhubung) sebagai {username} "
                           "({name}, {role})"))
    print(text.format(username=actor.username, name=actor.full_name, role=actor.role))
    return 0
