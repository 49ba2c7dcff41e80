"""``k3desk verify FILE.pdf | --qr TEXT``: check a certificate offline.

Prints VALID, INVALID or REVOKED and the details; exits 0 only for VALID. The keys and
the revoked numbers come from the laptop's data folder, so no connection is needed: the
local database's ``signing_key`` and ``certificate`` tables (filled by sync and by this
laptop's approvals) when the folder has one, plus ``known_keys.json`` /
``revoked_certificates.json`` (``k3desk.domain.verification``) for keys handed over by
hand. The database wins where both name a key.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from k3desk.cli_support import data_dir_of
from k3desk.domain.errors import K3Error, ValidationError
from k3desk.domain.verification import (
    KnownKey,
    VerificationResult,
    VerificationStatus,
    load_known_keys,
    load_revoked_numbers,
    verify_certificate,
)

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
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("verify", help="periksa keaslian sertifikat (PDF atau teks kode QR) "
                       "tanpa jaringan")
    p.add_argument("file", nargs="?", type=Path, help="the certificate or report PDF")
    p.add_argument("--qr", metavar="TEXT", help="the text of the QR code (a /verify link)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    from k3desk.cli import add_data_dir

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


def _print(result: VerificationResult, source: str, as_json: bool) -> None:
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
    print(f"  {'Sumber':<20}: {source}")


def load_sources(data_dir: Path) -> tuple[dict[str, KnownKey], dict[str, str]]:
    """Known keys and revoked certificate numbers of this laptop."""
    keys = load_known_keys(data_dir)
    revoked = load_revoked_numbers(data_dir)
    from k3desk.store.db import DB_NAME

    if not (Path(data_dir) / DB_NAME).is_file():
        return keys, revoked
    from sqlalchemy import select

    from k3desk.store.db import open_database
    from k3desk.store.models import Certificate, SigningKey, User

    db = open_database(data_dir)
    try:
        with db.session() as s:
            owners = {u.id: f"{u.full_name} (NIP {u.nip})" for u in s.scalars(select(User))}
            for key in s.scalars(select(SigningKey).where(SigningKey.deleted.is_(False))):
                keys[key.key_id] = KnownKey(public_key=key.public_key, revoked=bool(key.revoked),
                                            user_id=owners.get(key.user_id, key.user_id))
            for cert in s.scalars(select(Certificate).where(Certificate.revoked.is_(True))):
                revoked[cert.number] = cert.revoked_reason or ""
    finally:
        db.engine.dispose()
    return keys, revoked


def check_pdf(path: Path, data_dir: Path) -> VerificationResult:
    """Verify a PDF's embedded payload, then that its printed text shows what was signed."""
    from k3desk.reports.embedded import extract_text, printed_mismatches, read_embedded_stamp

    if not path.is_file():
        raise K3Error(f"file not found: {path}")
    try:
        stamp = read_embedded_stamp(path)
    except ValidationError as exc:
        return VerificationResult(VerificationStatus.INVALID, str(exc))
    keys, revoked = load_sources(data_dir)
    result = verify_certificate(stamp.payload, stamp.signature, stamp.key_id, keys,
                                revoked_numbers=revoked, today=date.today())
    if result.status is VerificationStatus.INVALID:
        return result
    missing = printed_mismatches(extract_text(path), result.details)
    if missing:
        return VerificationResult(
            VerificationStatus.INVALID, "isi dokumen yang tercetak tidak sesuai dengan data "
            f"yang ditandatangani ({', '.join(missing)})", result.details)
    return result


def check_qr(text: str, data_dir: Path) -> VerificationResult:
    from k3desk.domain.verify_url import parse_verify_url

    try:
        link = parse_verify_url(text)
    except ValidationError as exc:
        return VerificationResult(VerificationStatus.INVALID, f"teks QR tidak sah: {exc}")
    keys, revoked = load_sources(data_dir)
    return verify_certificate(link.payload, link.signature, link.key_id, keys,
                              revoked_numbers=revoked, claimed_number=link.number,
                              today=date.today())


def run(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.qr is None):
        raise K3Error("give either a PDF file or --qr TEXT (one of them)")
    data_dir = data_dir_of(args)
    if args.qr is not None:
        result = check_qr(args.qr, data_dir)
        source = "kode QR"
    else:
        result = check_pdf(Path(args.file), data_dir)
        source = str(args.file)
    _print(result, source, args.json)
    return result.exit_code
