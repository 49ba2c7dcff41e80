"""``k3desk backup [-o FILE]`` and ``k3desk restore FILE``: all local data in one file."""

from __future__ import annotations

import argparse
from pathlib import Path

from k3desk.cli_support import add_data_dir, data_dir_of
from k3desk.domain.i18n import translate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help="cadangkan semua data laptop ini ke satu berkas")
    p.add_argument("-o", "--output", type=Path, default=None,
                   help="backup file (default: <data folder>/backups/k3desk-backup-<time>.zip)")
    add_data_dir(p)
    p.set_defaults(func=run_backup)

    r = sub.add_parser("restore", help="pulihkan data dari berkas cadangan k3desk")
    r.add_argument("file", type=Path)
    add_data_dir(r)
    r.set_defaults(func=run_restore)


def _counts(manifest: dict[str, object]) -> str:
    counts = manifest.get("counts") or {}
    assert isinstance(counts, dict)
    names = {"company": translate("cli", "perusahaan"), "equipment": translate("cli", "peralatan"),
             "inspection": translate("cli", "pemeriksaan"),
             "certificate": translate("cli", "sertifikat"),
             "attachment": translate("cli", "lampiran")}
    return ", ".join(f"{v} {names[k]}" for k, v in counts.items() if k in names)


def run_backup(args: argparse.Namespace) -> int:
    from k3desk.logging_setup import setup_logging
    from k3desk.services import backup_service

    data_dir = data_dir_of(args)
    setup_logging(data_dir)
    info = backup_service.create_backup(data_dir, args.output)
    size = info.path.stat().st_size
    print(translate("cli", "cadangan ditulis: {path} ({size} MB; {counts})").format(
        path=info.path, size=f"{size / 1e6:.1f}", counts=_counts(info.manifest)))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from k3desk.logging_setup import close_logging, setup_logging
    from k3desk.services import backup_service

    data_dir = data_dir_of(args)
    setup_logging(data_dir)
    try:
        info = backup_service.restore_backup(data_dir, args.file)
    finally:
        close_logging()
    pre = info.manifest.get("pre_restore_backup")
    print(translate("cli", "data dipulihkan dari {name} (dibuat {created}, k3desk {version}; "
                    "{counts})").format(name=args.file.name,
                                        created=info.manifest.get("created_at"),
                                        version=info.manifest.get("app_version"),
                                        counts=_counts(info.manifest)))
    if pre:
        print(translate("cli", "data sebelumnya disimpan di {path}").format(path=pre))
    return 0
