"""``k3desk review approve|request-revision|reject`` and ``k3desk certificate revoke``."""

from __future__ import annotations

import argparse
import sys

from k3desk.cli_support import add_data_dir, open_db


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("review", help="keputusan penyelia atas pemeriksaan")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("approve", help="approve, number, sign and render the certificate")
    a.add_argument("id")
    a.add_argument("--no-render", action="store_true", help="do not write the PDF")
    a.add_argument("--password-stdin", action="store_true",
                   help="read your password from standard input to unlock the signing key "
                        "(asked for on a terminal otherwise)")
    a.set_defaults(func=run_approve)
    r = actions.add_parser("request-revision", help="send back to the inspector")
    r.add_argument("id")
    r.add_argument("--comment", required=True)
    r.set_defaults(func=run_revision)
    j = actions.add_parser("reject", help="reject the inspection")
    j.add_argument("id")
    j.add_argument("--reason", required=True)
    j.set_defaults(func=run_reject)
    c = sub.add_parser("certificate", help="sertifikat yang sudah terbit")
    c_actions = c.add_subparsers(dest="action", required=True, metavar="ACTION")
    v = c_actions.add_parser("revoke", help="revoke a certificate with a reason")
    v.add_argument("number")
    v.add_argument("--reason", required=True)
    v.set_defaults(func=run_revoke)
    for parser in (a, r, j, v):
        add_data_dir(parser)


def run_approve(args: argparse.Namespace) -> int:
    from k3desk.services import auth_service, keys_service, review_service

    with open_db(args) as db:
        ctx = auth_service.require_context(db)
        if not keys_service.is_unlocked(db):  # a new process: the key needs the password
            auth_service.unlock_for_cli(db, ctx.actor, _password(args))
        issued = review_service.approve(ctx, args.id)
        print(issued.number)
        if not args.no_render:
            from k3desk.services import document_service

            path, note = document_service.write_certificate(db, issued.certificate_id)
            print(f"PDF: {path}", file=sys.stderr)
            print(note, file=sys.stderr)
        if issued.block_low:
            print(f"Peringatan: sisa nomor sertifikat di laptop ini tinggal "
                  f"{issued.numbers_left}; sinkronkan untuk meminta blok baru.", file=sys.stderr)
    return 0


def _password(args: argparse.Namespace) -> str:
    """The supervisor's password: from stdin (``--password-stdin``), else asked for."""
    from k3desk.commands.login import read_password
    from k3desk.domain.errors import ValidationError

    if args.password_stdin:
        return read_password()
    if not sys.stdin.isatty():
        raise ValidationError("kunci tanda tangan terkunci: berikan kata sandi Anda dengan "
                              "--password-stdin")
    import getpass

    return getpass.getpass("Kata sandi (membuka kunci tanda tangan): ")


def run_revision(args: argparse.Namespace) -> int:
    from k3desk.services import auth_service, review_service

    with open_db(args) as db:
        review_service.request_revision(auth_service.require_context(db), args.id,
                                        comment=args.comment)
        print(f"Pemeriksaan {args.id} dikembalikan untuk revisi.")
    return 0


def run_reject(args: argparse.Namespace) -> int:
    from k3desk.services import auth_service, review_service

    with open_db(args) as db:
        review_service.reject(auth_service.require_context(db), args.id, reason=args.reason)
        print(f"Pemeriksaan {args.id} ditolak.")
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    from k3desk.services import auth_service, review_service

    with open_db(args) as db:
        review_service.revoke(auth_service.require_context(db), args.number, reason=args.reason)
        print(f"Sertifikat {args.number} dicabut.")
    return 0
