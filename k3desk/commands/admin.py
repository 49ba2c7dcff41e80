"""``k3desk admin ...``: manage a server's Balai, users, qualifications and templates.

Works on the server's database directly (``--db``, default the server data folder's
SQLite file), also while the server runs. Every mistake a person can make (unknown
Balai, taken username, weak password) prints one line and exits 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from k3desk.domain.errors import K3Error, ValidationError
from k3desk.domain.workflow import Role

#: ``update-balai`` options, one per document field (k3desk.domain.balai_documents).
DOCUMENT_OPTIONS = ("name", "address", "city", "phone", "email", "website", "number_prefix",
                    "number_format", "head_name", "head_nip")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("admin", help="manage the server's Balai, users and templates")
    cmds = p.add_subparsers(dest="admin_command", metavar="ACTION", required=True)

    def action(name: str, help_: str) -> argparse.ArgumentParser:
        a = cmds.add_parser(name, help=help_)
        a.add_argument("--db", default=None,
                       help="database URL (default: the server data folder's SQLite file)")
        return a

    a = action("create-balai", "add a Balai K3")
    a.add_argument("--code", required=True, help="short unique code, e.g. BK3JKT")
    a.add_argument("--name", required=True)
    a.add_argument("--address", required=True)
    a.add_argument("--city", required=True,
                   help="the city on its documents (Ditetapkan di ...)")
    a.add_argument("--phone")
    a.add_argument("--website")
    a.add_argument("--number-prefix", help="prefix of certificate numbers (default: the code)")
    a.add_argument("--number-format",
                   help="certificate number format, e.g. {seq:04d}/{object_code}/"
                        "{balai_code}/{month_roman}/{year}")
    a.set_defaults(func=_create_balai)

    a = action("update-balai", "change a Balai's document settings (letterhead, logo, "
               "number format); laptops get them with their next sync")
    a.add_argument("--code", required=True, help="the Balai's code, e.g. BK3JKT")
    for name in DOCUMENT_OPTIONS:
        a.add_argument("--" + name.replace("_", "-"), dest=name,
                       help="'' clears an optional field")
    a.add_argument("--logo", type=Path, help="PNG or JPEG file, at most 256 KB, 64-2048 px")
    a.add_argument("--clear-logo", action="store_true",
                   help="print the placeholder emblem again")
    a.set_defaults(func=_update_balai)

    a = action("create-user", "add a user; the password is read from standard input")
    a.add_argument("--username", required=True)
    a.add_argument("--full-name", required=True)
    a.add_argument("--nip", required=True, help="NIP (civil servant number)")
    a.add_argument("--role", required=True, choices=[r.value for r in Role])
    a.add_argument("--balai", help="code of the user's Balai (not for an admin)")
    a.add_argument("--password-stdin", action="store_true", required=True,
                   help="read the password from standard input")
    a.set_defaults(func=_create_user)

    a = action("grant-qualification", "record an inspector's licence (object types, expiry)")
    a.add_argument("--username", required=True)
    a.add_argument("--object-types", required=True, help="comma-separated, e.g. apar,hydrant")
    a.add_argument("--licence-number", required=True)
    a.add_argument("--valid-until", required=True, help="YYYY-MM-DD")
    a.set_defaults(func=_grant)

    a = action("disable-user", "stop a user from logging in (their tokens end now)")
    a.add_argument("--username", required=True)
    a.set_defaults(func=_disable)

    a = action("reset-password", "set a new password, read from standard input")
    a.add_argument("--username", required=True)
    a.add_argument("--password-stdin", action="store_true", required=True)
    a.set_defaults(func=_reset)

    a = action("revoke-key", "revoke a supervisor's signing key (lost or stolen laptop)")
    a.add_argument("--key-id", required=True)
    a.add_argument("--reason", default="")
    a.set_defaults(func=_revoke_key)

    a = action("list-users", "list the users")
    a.add_argument("--json", action="store_true", help="print JSON")
    a.set_defaults(func=_list)

    a = action("mark-restored", "run once after restoring a backup: devices whose sync "
               "cursor came from after the backup pull everything again")
    a.set_defaults(func=_mark_restored)

    a = action("ca-certificate", "print (or write) the root certificate of the server's "
               "authority for PDF signatures, making the authority if it has none yet")
    a.add_argument("--out", type=Path, help="write it to this file (PEM) instead")
    a.add_argument("--organisation", default=None,
                   help="the organisation it names, when it is made now (default: "
                        "'Balai K3 (k3desk)')")
    a.set_defaults(func=_ca_certificate)

    a = action("publish-template", "validate a template YAML file and publish it")
    a.add_argument("file", type=Path)
    a.set_defaults(func=_publish)


def _sessions(args: argparse.Namespace) -> Any:
    from sqlalchemy.exc import SQLAlchemyError

    from k3desk.server.db import make_engine, migrate, session_factory
    from k3desk.server.settings import default_db_url

    engine = make_engine(args.db or default_db_url(), pool_size=2)
    try:
        migrate(engine)
    except SQLAlchemyError as exc:
        raise K3Error(f"cannot open the database: {str(exc).splitlines()[0]}") from exc
    return session_factory(engine)


def _password() -> str:
    text = sys.stdin.readline()
    password = text.rstrip("\r\n")
    if not password:
        raise ValidationError("no password on standard input")
    return password


def _ca_certificate(args: argparse.Namespace) -> int:
    from cryptography.hazmat.primitives import hashes

    from k3desk.domain import pki
    from k3desk.server import authority

    with _sessions(args)() as session:
        made = authority.ensure(session, args.organisation or authority.ORGANISATION)
    cert = pki.load_certificate(made.certificate_pem)
    if args.out is None:
        print(made.certificate_pem, end="")
        return 0
    args.out.write_text(made.certificate_pem, encoding="ascii")
    fingerprint = cert.fingerprint(hashes.SHA256()).hex(":").upper()
    print(f"{args.out}: {cert.subject.rfc4514_string()}\nSHA-256 {fingerprint}")
    return 0


def _create_balai(args: argparse.Namespace) -> int:
    from k3desk.server.admin import create_balai

    with _sessions(args)() as session:
        record = create_balai(session, args.code, args.name, args.address, city=args.city,
                              phone=args.phone, website=args.website,
                              number_prefix=args.number_prefix,
                              number_format=args.number_format)
    print(f"Balai {record.data['code']} created (id {record.id})")
    return 0


def _update_balai(args: argparse.Namespace) -> int:
    from datetime import date

    from k3desk.domain.numbering import DEFAULT_NUMBER_FORMAT, format_number
    from k3desk.server.admin import update_balai

    logo = None
    if args.logo is not None:
        try:
            logo = args.logo.read_bytes()
        except OSError as exc:
            raise K3Error(f"cannot read {args.logo}: {exc.strerror or exc}") from exc
    fields = {name: getattr(args, name) for name in DOCUMENT_OPTIONS}
    with _sessions(args)() as session:
        record = update_balai(session, args.code, fields, logo=logo,
                              clear_logo=args.clear_logo)
    d = record.data
    example = format_number(d.get("number_format") or DEFAULT_NUMBER_FORMAT, 1, "PAA",
                            d["code"], date.today())
    logo_text = f"logo {d['logo']['width']}x{d['logo']['height']}" if "logo" in d else \
        "placeholder emblem"
    print(f"Balai {d['code']} updated (version {record.version}); {logo_text}; "
          f"next number looks like {example}")
    return 0


def _create_user(args: argparse.Namespace) -> int:
    from k3desk.server.admin import create_user

    password = _password()
    with _sessions(args)() as session:
        record = create_user(session, args.username, args.full_name, args.nip, args.role,
                             args.balai, password)
    print(f"user {record.data['username']} ({record.data['role']}) created (id {record.id})")
    return 0


def _grant(args: argparse.Namespace) -> int:
    from k3desk.server.admin import grant_qualification

    with _sessions(args)() as session:
        record = grant_qualification(session, args.username, args.object_types.split(","),
                                     args.licence_number, args.valid_until)
    print(f"{record.data['username']}: {len(record.data['qualifications'])} qualification(s)")
    return 0


def _disable(args: argparse.Namespace) -> int:
    from k3desk.server.admin import disable_user

    with _sessions(args)() as session:
        record = disable_user(session, args.username)
    print(f"user {record.data['username']} disabled")
    return 0


def _reset(args: argparse.Namespace) -> int:
    from k3desk.server.admin import reset_password

    password = _password()
    with _sessions(args)() as session:
        reset_password(session, args.username, password)
    print(f"password of {args.username.lower()} changed; its tokens are revoked")
    return 0


def _revoke_key(args: argparse.Namespace) -> int:
    from k3desk.server.admin import revoke_key

    with _sessions(args)() as session:
        record = revoke_key(session, args.key_id, args.reason)
    print(f"signing key {record.data['key_id']} revoked")
    return 0


def _list(args: argparse.Namespace) -> int:
    from k3desk.cli_support import print_json
    from k3desk.server.admin import list_users

    with _sessions(args)() as session:
        users = list_users(session)
    if args.json:
        print_json(users)
        return 0
    print(f"{'USERNAME':<20} {'ROLE':<11} {'BALAI':<10} {'STATE':<9} FULL NAME")
    for u in users:
        state = "disabled" if u["disabled"] else "active"
        print(f"{u['username']:<20} {u['role']:<11} {u['balai'] or '-':<10} {state:<9} "
              f"{u['full_name']}")
    return 0


def _mark_restored(args: argparse.Namespace) -> int:
    from k3desk.server.store import mark_restored

    with _sessions(args)() as session:
        low, high = mark_restored(session)
    print(f"seq moved from {low} to {high}; cursors in between will be reset")
    return 0


def _publish(args: argparse.Namespace) -> int:
    from k3desk.server.admin import publish_template

    with _sessions(args)() as session:
        record, new = publish_template(session, args.file)
    d = record.data
    state = "published" if new else "was already published"
    print(f"template {d['template_id']} version {d['template_version']} {state}")
    return 0
