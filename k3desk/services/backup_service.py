"""Backup and restore of everything a laptop holds, in one file.

A backup is a zip: ``manifest.json`` (format, versions, schema revision, counts, the
sha256 of every member), ``k3desk.db`` copied with SQLite's backup API (a consistent
snapshot even while the app writes), and the rest of the data folder (``blobs/``, keys,
settings) as it is. Logs and earlier backups are left out.

A restore trusts nothing before it has checked everything: the manifest, every hash, the
database's integrity and its schema revision (a backup from a newer k3desk is refused).
Only then is the current data backed up (``backups/pre-restore-*.zip``), the new data
unpacked beside it, and the two swapped by renames, undone if any rename fails.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from k3desk.domain.errors import DataFileError
from k3desk.domain.i18n import translate
from k3desk.domain.reasons import os_reason
from k3desk.store.db import DB_NAME, Database, alembic_config, backup_file

log = logging.getLogger("k3desk.backup")

FORMAT = "k3desk-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
# Not part of the data: rebuilt, or themselves backups, or SQLite's side files.
SKIPPED = {"logs", "backups", f"{DB_NAME}-wal", f"{DB_NAME}-shm", f"{DB_NAME}-journal"}
SKIPPED_PREFIXES = (".restore-", ".pre-restore-", ".backup-")
#: The signing key in clear an older k3desk kept (keys_service.PLAIN_KEY_FILE); the
#: encrypted ``keys/signing.key.enc`` is backed up, useless without the password.
PLAIN_SIGNING_KEY = "keys/signing.key"
COUNTED_TABLES = ("company", "equipment", "instrument", "inspection", "attachment",
                  "certificate", "user", "outbox", "audit_event")
DEFAULT_KEEP = 7
CHUNK = 1 << 20
MIB = 1 << 20
#: What a restore accepts, checked on the sizes the zip declares *and* on the bytes it
#: really unpacks: the database, any other member (a photo is at most a few MiB; the
#: server takes blobs up to 20 MiB), the whole, and how far a member may expand.
MAX_DB_BYTES = 4096 * MIB
MAX_MEMBER_BYTES = 256 * MIB
MAX_TOTAL_BYTES = 64 * 1024 * MIB
MAX_RATIO = 200  # a zip bomb expands 1,000 times and more; data about 2-10 times


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    manifest: dict[str, Any]


def app_version() -> str:
    from k3desk import __version__

    return __version__


def backups_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "backups"


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _counts(db_path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
                for t in COUNTED_TABLES if t in tables}
    finally:
        conn.close()


def _revision(db_path: Path) -> str | None:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


def _data_files(data_dir: Path) -> list[tuple[Path, str]]:
    """Every file of the data folder that belongs in a backup, with its name inside."""
    files = []
    for top in sorted(data_dir.iterdir()):
        if top.name == DB_NAME or top.name in SKIPPED or top.name.startswith(SKIPPED_PREFIXES):
            continue
        members = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in members:
            if path.relative_to(data_dir).as_posix() == PLAIN_SIGNING_KEY:
                continue  # an older k3desk's key in clear: never into a backup
            files.append((path, path.relative_to(data_dir).as_posix()))
    return files


def create_backup(data_dir: Path, dest: Path | None = None, *, label: str = "k3desk-backup"
                  ) -> BackupInfo:
    """Write a backup of ``data_dir`` to ``dest`` (default ``backups/<label>-<time>.zip``).

    Safe while the app runs: the database is snapshotted first, then the blobs are copied
    (a blob is stored before the row that refers to it is committed, so every blob the
    snapshot knows is already on disk).
    """
    data_dir = Path(data_dir)
    db_path = data_dir / DB_NAME
    if not db_path.is_file():
        raise DataFileError(translate("backup", "tidak ada basis data k3desk di "
                                      "{data_dir}; tidak ada yang dicadangkan").format(
                                data_dir=data_dir))
    dest = Path(dest) if dest else backups_dir(data_dir) / f"{label}-{_stamp()}.zip"
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".backup-", dir=dest.parent))
    except OSError as exc:
        log.warning("backup folder %s unusable: %r", dest.parent, exc)
        raise DataFileError(translate("backup", "cadangan tidak dapat ditulis ke "
                                      "{dest}: {reason}").format(
                                dest=dest, reason=os_reason(exc))) from exc
    partial = dest.with_name(dest.name + ".partial")
    try:
        snapshot = backup_file(db_path, work / DB_NAME)
        members: dict[str, str] = {DB_NAME: _sha256(snapshot)}
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
            zf.write(snapshot, DB_NAME)
            for path, name in _data_files(data_dir):
                try:
                    members[name] = _sha256(path)
                    # Photos are already compressed: store them, do not squeeze again.
                    zf.write(path, name, compress_type=zipfile.ZIP_STORED
                             if name.startswith("blobs/") else zipfile.ZIP_DEFLATED)
                except FileNotFoundError:  # removed while we copied: not in the snapshot
                    members.pop(name, None)
            manifest = {"format": FORMAT, "format_version": FORMAT_VERSION,
                        "app_version": app_version(), "schema_revision": _revision(snapshot),
                        "created_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                        "counts": _counts(snapshot), "members": members}
            zf.writestr(MANIFEST, json.dumps(manifest, indent=2, sort_keys=True))
        if os.name == "posix":  # it holds the signing key and personal data
            partial.chmod(0o600)
        partial.replace(dest)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        log.warning("writing backup %s failed: %r", dest, exc)
        raise DataFileError(translate("backup", "cadangan tidak dapat ditulis ke "
                                      "{dest}: {reason}").format(
                                dest=dest, reason=os_reason(exc))) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    log.info("backup written: %s (%s)", dest.name, manifest["counts"])
    return BackupInfo(dest, manifest)


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of a k3desk backup, or a clear refusal for anything else."""
    path = Path(path)
    not_backup = translate("backup", "{name} bukan berkas cadangan k3desk").format(
        name=path.name)
    if not path.is_file():
        raise DataFileError(translate("backup", "berkas cadangan {path} tidak ditemukan").format(
                                path=path))
    try:
        with zipfile.ZipFile(path) as zf:
            raw = zf.read(MANIFEST)
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise DataFileError(translate("backup", "{not_backup} (tidak ada manifest.json "
                                      "yang terbaca)").format(
                                not_backup=not_backup)) from exc
    try:
        manifest = json.loads(raw)
    except ValueError as exc:
        raise DataFileError(translate("backup", "{not_backup} (manifest rusak)").format(
                                not_backup=not_backup)) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise DataFileError(not_backup)
    version = manifest.get("format_version")
    if not isinstance(version, int) or not isinstance(manifest.get("members"), dict):
        raise DataFileError(translate("backup", "{not_backup} (manifest tidak lengkap)").format(
                                not_backup=not_backup))
    if version > FORMAT_VERSION:
        raise DataFileError(translate("backup", "{name} dibuat oleh k3desk {manifest} "
                                      "yang lebih baru (format {version}); pasang "
                                      "k3desk terbaru untuk memulihkannya. Data saat "
                                      "ini tidak diubah.").format(
                                name=path.name,
                                manifest=manifest.get('app_version'),
                                version=version))
    return manifest


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def verify_backup(path: Path, into: Path) -> dict[str, Any]:
    """Check ``path`` completely and unpack it into the empty folder ``into``."""
    manifest = read_manifest(path)
    members: dict[str, str] = manifest["members"]
    revision = manifest.get("schema_revision")
    if revision not in _known_revisions():
        raise DataFileError(translate("backup", "{name} berasal dari k3desk {manifest} "
                                      "yang lebih baru (skema {revision}); pasang "
                                      "k3desk terbaru untuk memulihkannya. Data saat "
                                      "ini tidak diubah.").format(
                                name=path.name,
                                manifest=manifest.get('app_version'),
                                revision=revision))
    if DB_NAME not in members:
        raise DataFileError(translate("backup", "{name} tidak berisi basis data; "
                                      "cadangan tidak lengkap").format(
                                name=path.name))
    into = into.resolve()
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist()) - {MANIFEST}
            if names != set(members):
                raise DataFileError(translate("backup", "{name}: isi cadangan tidak "
                                              "sesuai manifest; berkas rusak atau diubah").format(
                                        name=path.name))
            caps = _checked_sizes(zf, members, path.name)
            for name, expected in members.items():
                target = (into / name).resolve()
                if into not in target.parents:
                    raise DataFileError(translate("backup", "{name}: nama berkas tidak "
                                                  "sah di dalam cadangan: {name2}").format(
                                            name=path.name, name2=name))
                target.parent.mkdir(parents=True, exist_ok=True)
                h = hashlib.sha256()
                written = 0
                with zf.open(name) as src, target.open("wb") as out:
                    while chunk := src.read(CHUNK):
                        written += len(chunk)
                        if written > caps[name]:  # more than the zip declared
                            raise DataFileError(_too_big(path.name, name))
                        h.update(chunk)
                        out.write(chunk)
                if h.hexdigest() != expected:
                    raise DataFileError(translate("backup", "{name}: {name2} tidak "
                                                  "cocok dengan sidik sha256 di "
                                                  "manifest; cadangan rusak").format(
                                            name=path.name, name2=name))
                mode = (zf.getinfo(name).external_attr >> 16) & 0o777
                if mode and os.name == "posix":  # keys/ stays readable by its owner only
                    target.chmod(mode)
    except (zipfile.BadZipFile, OSError) as exc:
        log.warning("reading backup %s failed: %r", path, exc)
        reason = (os_reason(exc) if isinstance(exc, OSError) and exc.errno is not None else
                  translate("backup", "isi arsipnya rusak; pakai cadangan lain"))
        raise DataFileError(translate("backup", "{name} tidak dapat dibaca utuh: "
                                      "{reason}").format(
                                name=path.name, reason=reason)) from exc
    _check_database(into / DB_NAME, path)
    return manifest


def _too_big(backup: str, name: str) -> str:
    return translate("backup", "{backup}: {name} terlalu besar untuk cadangan k3desk (berkas "
                     "rusak atau sengaja dibuat membengkak); pemulihan dibatalkan. Data saat "
                     "ini tidak diubah.").format(backup=backup, name=name)


def _checked_sizes(zf: zipfile.ZipFile, members: dict[str, str], backup: str
                   ) -> dict[str, int]:
    """Each member's declared size, after refusing a member or a whole that is too big or
    expands like a zip bomb; unpacking then stops at the declared size."""
    caps: dict[str, int] = {}
    total = 0
    for name in members:
        info = zf.getinfo(name)
        limit = MAX_DB_BYTES if name == DB_NAME else MAX_MEMBER_BYTES
        expands = info.file_size > MIB and info.file_size > MAX_RATIO * max(
            1, info.compress_size)
        if info.file_size > limit or expands:
            raise DataFileError(_too_big(backup, name))
        total += info.file_size
        caps[name] = info.file_size
    if total > MAX_TOTAL_BYTES:
        raise DataFileError(translate("backup", "{backup}: isi cadangan melebihi {mib} MiB; "
                                      "pemulihan dibatalkan. Data saat ini tidak "
                                      "diubah.").format(backup=backup,
                                                        mib=MAX_TOTAL_BYTES // MIB))
    return caps


def _check_database(db_path: Path, source: Path) -> None:
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        log.warning("backup %s: its database is unreadable: %s", source, exc)
        result = str(exc)
    if result != "ok":
        log.warning("backup %s: integrity_check says %s", source, result)
        raise DataFileError(translate("backup", "{name}: basis data di dalamnya rusak; "
                                      "pakai cadangan lain").format(name=source.name))


def _top_level(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir()
            if p.name not in ("logs", "backups") and not p.name.startswith(SKIPPED_PREFIXES)]


def restore_backup(data_dir: Path, path: Path) -> BackupInfo:
    """Replace the data in ``data_dir`` with the backup ``path``.

    Close every open database of ``data_dir`` first. Nothing changes unless the whole
    backup checked out; the current data is first saved as ``backups/pre-restore-*.zip``.
    """
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=data_dir))
    aside = data_dir / f".pre-restore-{_stamp()}"
    try:
        manifest = verify_backup(Path(path), staging)
        pre = None
        if (data_dir / DB_NAME).is_file():
            pre = create_backup(data_dir, label="pre-restore").path
        aside.mkdir()
        moved: list[Path] = []
        placed: list[Path] = []
        try:
            for item in _top_level(data_dir):
                if item.resolve() == aside.resolve():
                    continue
                item.rename(aside / item.name)
                moved.append(item)
            for item in _top_level(staging):
                item.rename(data_dir / item.name)
                placed.append(data_dir / item.name)
        except OSError as exc:
            for item in placed:
                if item.is_dir():
                    shutil.rmtree(item, ignore_errors=True)
                else:
                    item.unlink(missing_ok=True)
            for item in moved:
                (aside / item.name).rename(item)
            log.warning("restore aborted: %r", exc)
            raise DataFileError(translate("backup", "pemulihan dibatalkan, data lama "
                                          "dikembalikan: {reason}").format(
                                    reason=os_reason(exc))) from exc
        shutil.rmtree(aside, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log.info("restored %s (pre-restore copy: %s)", Path(path).name, pre and pre.name)
    return BackupInfo(Path(path), manifest | {"pre_restore_backup": str(pre) if pre else None})


def maybe_auto_backup(db: Database | Path, keep: int = DEFAULT_KEEP,
                      today: date | None = None) -> Path | None:
    """Once a day (called at start): a backup in ``backups/auto/``, keeping the ``keep``
    newest. Never raises: a failed automatic backup is logged, the app starts anyway."""
    data_dir = db.data_dir if isinstance(db, Database) else Path(db)
    keep = max(1, keep)
    folder = backups_dir(data_dir) / "auto"
    day = (today or date.today()).isoformat()
    dest = folder / f"k3desk-auto-{day}.zip"
    if dest.exists() or not (Path(data_dir) / DB_NAME).is_file():
        return None
    try:
        create_backup(data_dir, dest)
    except Exception:  # the app must start even if the backup fails
        log.exception("automatic backup failed")
        return None
    for old in sorted(folder.glob("k3desk-auto-*.zip"))[:-keep]:
        old.unlink(missing_ok=True)
    return dest
