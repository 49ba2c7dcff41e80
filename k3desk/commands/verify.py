"""``k3desk verify FILE.pdf | --qr TEXT``: check a certificate offline.

Prints VALID, INVALID or REVOKED and the details; exits 0 only for VALID. The check
itself, and where the keys and revoked numbers come from, is
``k3desk.services.verification_service``.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from k3desk.cli_support import add_data_dir, data_dir_of
from k3desk.domain.errors import K3Error
from k3desk.domain.verification import VerificationStatus

if TYPE_CHECKING:
    from k3desk.services.verification_service import Verification

_LABELS = (
    ("number", "Nomor"),
    ("replaces", "Menggantikan nomor"),
    ("company", "Perusahaan"),
    ("equipment_serial", "Nomor seri objek"),
    ("verdict_label", "Hasil"),
    ("issued_on", "Tanggal terbit"),
    ("valid_until", "Berlaku sampai"),
    ("key_id", "Kunci penandatangan"),
    ("signer_user_id", "Pemilik kunci"),
    ("revoked_reason", "Alasan pencabutan"),
    ("pdf_signature", "Tanda tangan PDF"),
    ("pdf_signer", "Penanda tangan PDF"),
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("verify", help="periksa keaslian sertifikat (PDF atau teks kode QR) "
                       "tanpa jaringan")
    p.add_argument("file", nargs="?", type=Path, help="the certificate or report PDF")
    p.add_argument("--qr", metavar="TEXT", help="the text of the QR code (a /verify link)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    add_data_dir(p)
    p.set_defaults(func=run)


def _format_value(name: str, value: Any) -> str:
    if value is None or (name == "valid_until" and value == "-"):
        return "- (tidak diberikan)" if name == "valid_until" else "-"
    if name in ("issued_on", "valid_until"):
        from k3desk.domain.dates import format_date_id

        try:
            return format_date_id(date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    return str(value)


def _print(result: Verification, as_json: bool) -> None:
    source = result.source
    if as_json:
        print(json.dumps({"status": result.status.value, "reason": result.reason,
                          "source": source, "details": result.details},
                         ensure_ascii=False, indent=2, default=str))
        return
    print(result.status.value)
    print(f"  {'Keterangan':<20}: {result.reason}")
    if result.status is VerificationStatus.INVALID and result.details:
        print("  (data berikut tidak terbukti asli)")
    for name, label in _LABELS:
        if name in result.details and result.details[name] not in (None, ""):
            print(f"  {label:<20}: {_format_value(name, result.details[name])}")
    if result.details.get("expired"):
        print(f"  {'Catatan':<20}: masa berlaku telah habis")
    for note in result.details.get("pdf_notes", []):
        print(f"  {'Catatan':<20}: {note}")
    print(f"  {'Sumber':<20}: {source}")


def run(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.qr is None):
        raise K3Error("give either a PDF file or --qr TEXT (one of them)")
    from k3desk.services import verification_service

    target = args.qr if args.qr is not None else Path(args.file)
    result = verification_service.verify(target, data_dir_of(args))
    _print(result, args.json)
    return result.exit_code
