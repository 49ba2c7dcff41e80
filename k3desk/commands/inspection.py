"""``k3desk inspection create|set|show|submit|correct|attach``: the inspector's side,
without a screen."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from k3desk.cli_support import add_data_dir, open_db
from k3desk.domain.errors import ValidationError
from k3desk.domain.i18n import language, translate
from k3desk.domain.reasons import os_reason
from k3desk.domain.vocabulary import Verdict
from k3desk.domain.workflow import INSPECTION_KINDS


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("inspection", help="buat, isi dan ajukan pemeriksaan")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    c = actions.add_parser("create", help="new draft; prints its id")
    c.add_argument("--equipment", required=True, help="equipment id")
    c.add_argument("--template", help="template id (default: the latest for the object type)")
    c.add_argument("--kind", choices=INSPECTION_KINDS,
                   help="default: the form's own field, else berkala")
    c.add_argument("--values", type=Path, help="JSON file of values")
    c.add_argument("--date", help="inspection date YYYY-MM-DD (default: today)")
    c.add_argument("--instruments", help="comma-separated instrument ids")
    c.set_defaults(func=run_create)
    s = actions.add_parser("set", help="save values into a draft")
    s.add_argument("id")
    s.add_argument("--values", type=Path, required=True)
    s.add_argument("--replace", action="store_true", help="replace all values, not merge")
    s.add_argument("--instruments", help="comma-separated instrument ids")
    s.set_defaults(func=run_set)
    sh = actions.add_parser("show", help="isi, kesimpulan dan kekurangan satu pemeriksaan")
    sh.add_argument("id")
    sh.set_defaults(func=run_show)
    sb = actions.add_parser("submit", help="send to the supervisor")
    sb.add_argument("id")
    sb.set_defaults(func=run_submit)
    co = actions.add_parser("correct", help="new draft correcting a revoked certificate")
    co.add_argument("number", help="the revoked certificate's number")
    co.set_defaults(func=run_correct)
    at = actions.add_parser("attach", help="lampirkan foto ke draf; mencetak id lampirannya")
    at.add_argument("id")
    at.add_argument("--slot", required=True,
                    help="isian foto templat (mis. foto atau hidran[0].foto)")
    at.add_argument("--caption", help="keterangan untuk setiap foto")
    at.add_argument("files", nargs="+", type=Path, metavar="FILE")
    at.set_defaults(func=run_attach)
    for parser in (c, s, sh, sb, co, at):
        add_data_dir(parser)


def read_values(path: Path) -> dict[str, Any]:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValidationError(translate("cli", "tidak dapat membaca {path}: {reason}").format(
            path=path, reason=os_reason(exc))) from exc
    except UnicodeError as exc:
        raise ValidationError(translate("cli", "{path} bukan teks UTF-8; simpan ulang berkas "
                                        "itu sebagai UTF-8").format(path=path)) from exc
    except json.JSONDecodeError as exc:
        raise ValidationError(translate("cli", "{path} bukan JSON yang sah (baris {line}, "
                                        "kolom {column}); periksa tanda kutip, koma dan "
                                        "kurung").format(path=path, line=exc.lineno,
                                                         column=exc.colno)) from exc
    if not isinstance(value, dict):
        raise ValidationError(translate("cli", "{path} harus berisi objek JSON (nama isian -> "
                                        "nilai)").format(path=path))
    return value


def _ids(text: str | None) -> list[str] | None:
    return None if text is None else [t.strip() for t in text.split(",") if t.strip()]


def run_create(args: argparse.Namespace) -> int:
    from k3desk.services import auth_service, inspection_service

    with open_db(args) as db:
        ctx = auth_service.require_context(db)
        try:
            day = date.fromisoformat(args.date) if args.date else None
        except ValueError:
            raise ValidationError(translate("cli", "--date harus YYYY-MM-DD, bukan "
                                            "{value}").format(value=args.date)) from None
        change = inspection_service.create_draft(
            ctx, equipment_id=args.equipment, template_id=args.template, kind=args.kind,
            values=read_values(args.values) if args.values else None, inspected_on=day,
            instrument_ids=_ids(args.instruments))
        print(change.ids[0])
    return 0


def run_set(args: argparse.Namespace) -> int:
    from k3desk.services import auth_service, inspection_service

    with open_db(args) as db:
        ctx = auth_service.require_context(db)
        inspection_service.update_draft(ctx, args.id, values=read_values(args.values),
                                        merge=not args.replace,
                                        instrument_ids=_ids(args.instruments))
        inspection = inspection_service.get(ctx, args.id)
        verdict = Verdict.of(inspection.verdict)
        print(translate("cli", "Tersimpan. Kesimpulan sementara: {verdict}").format(
            verdict=verdict.title(language()) if verdict else "-"))
    return 0


def run_show(args: argparse.Namespace) -> int:
    from k3desk.services import auth_service, inspection_show

    with open_db(args) as db:
        view = inspection_show.show(auth_service.require_context(db), args.id)
    print(f"{view.title} — {view.id}")
    print(translate("cli", "status: {status}; tanggal pemeriksaan: {date}").format(
        status=view.status, date=view.inspected_on))
    for title, rows in view.sections:
        print(f"\n[{title}]")
        for label, value, unit in rows:
            print(f"  {label}: {value}{' ' + unit if unit and value != '-' else ''}")
    print("\n" + translate("cli", "Kesimpulan: {verdict}").format(verdict=view.verdict))
    for reason in view.reasons:
        print(f"  - {reason}")
    if view.missing:
        print(translate("cli", "Belum lengkap untuk diajukan:"))
        for item in view.missing:
            print(f"  - {item}")
    return 0


def run_submit(args: argparse.Namespace) -> int:
    from k3desk.services import auth_service, inspection_service

    with open_db(args) as db:
        inspection_service.submit(auth_service.require_context(db), args.id)
        print(translate("cli", "Pemeriksaan {id} diajukan ke penyelia.").format(id=args.id))
    return 0


def run_correct(args: argparse.Namespace) -> int:
    from k3desk.services import auth_service, review_service

    with open_db(args) as db:
        change = review_service.start_correction(auth_service.require_context(db), args.number)
        print(change.ids[0])
    return 0


def run_attach(args: argparse.Namespace) -> int:
    import sys

    from k3desk.services import attachment_service, auth_service, inspection_service

    with open_db(args) as db:
        ctx = auth_service.require_context(db)
        ids = attachment_service.attach_photos(
            ctx, args.id, args.slot, [(f, f.name) for f in args.files], caption=args.caption)
        if not attachment_service.photo_field(inspection_service.get(ctx, args.id), args.slot):
            print(translate("cli", "Catatan: {slot} bukan isian foto templat pemeriksaan ini; "
                            "foto disimpan sebagai lampiran tanpa dihitung untuk isian mana "
                            "pun.").format(slot=args.slot), file=sys.stderr)
        for attachment_id in ids:
            print(attachment_id)
    return 0
