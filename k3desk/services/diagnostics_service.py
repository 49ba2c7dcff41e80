"""One zip a person can send to support: logs, versions, settings, sizes.

What goes out of the laptop is filtered twice: the log lines were masked when written
(``k3desk.logging_setup.redact``) and are masked again here, together with the names,
usernames and NIPs of this laptop's users and the names of its companies; settings
whose name suggests a secret or a person are replaced by ``[redacted]``; record
contents never leave, only counts.
"""

from __future__ import annotations

import json
import logging
import platform
import re
import shutil
import sqlite3
import sys
import zipfile
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from k3desk.logging_setup import log_dir, redact
from k3desk.store.db import DB_NAME, head_revision

log = logging.getLogger("k3desk.diagnostics")

PACKAGES = ("SQLAlchemy", "alembic", "reportlab", "openpyxl", "PySide6-Essentials",
            "cryptography", "httpx", "pydantic", "PyYAML", "argon2-cffi", "platformdirs",
            "keyring")
SECRET_KEY = re.compile(r"(?i)pass|token|secret|key|auth|cred|cookie|session|signature|"
                        r"user|name|email|nip|phone|contact|address")
REDACTED = "[redacted]"
COUNTED = ("company", "equipment", "instrument", "inspection", "attachment", "certificate",
           "user", "outbox", "conflict", "audit_event")


def _versions(data_dir: Path) -> dict[str, Any]:
    from k3desk import __version__

    packages: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            packages[name] = version(name)
        except PackageNotFoundError:
            packages[name] = None
    return {"k3desk": __version__, "python": sys.version.split()[0],
            "platform": platform.platform(), "machine": platform.machine(),
            "frozen": bool(getattr(sys, "frozen", False)), "schema_head": head_revision(),
            "packages": packages}


def _clean_value(key: str, value: Any) -> Any:
    if SECRET_KEY.search(key) and not key.endswith(("_id", "_at")):
        return REDACTED
    if isinstance(value, dict):
        return {k: _clean_value(str(k), v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_value(key, v) for v in value]
    if isinstance(value, str):
        if value.startswith(("http://", "https://")):
            parts = urlsplit(value)
            host = parts.hostname or ""
            netloc = host + (f":{parts.port}" if parts.port else "")
            return urlunsplit((parts.scheme, netloc, parts.path, "", ""))
        return redact(value)
    return value


def _database_facts(db_path: Path) -> tuple[dict[str, Any], list[str]]:
    """Settings (cleaned), counts and schema revision; plus the words to hide in logs."""
    if not db_path.is_file():
        return {"database": "missing"}, []
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        facts: dict[str, Any] = {"tables": len(tables)}
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            facts["schema_revision"] = row[0] if row else None
        facts["counts"] = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                           for t in COUNTED if t in tables}
        settings = {}
        if "sync_state" in tables:
            for key, raw in conn.execute("SELECT key, value FROM sync_state"):
                try:
                    value = json.loads(raw) if isinstance(raw, str) else raw
                except ValueError:
                    value = raw
                settings[key] = _clean_value(key, value)
        facts["settings"] = settings
        words: list[str] = []
        if "user" in tables:
            for row in conn.execute("SELECT username, full_name, nip FROM user"):
                words += [str(v) for v in row if v]
        if "company" in tables:
            words += [r[0] for r in conn.execute("SELECT name FROM company") if r[0]]
        return facts, sorted({w for w in words if len(w) >= 3}, key=len, reverse=True)
    except sqlite3.DatabaseError as exc:
        return {"database": f"unreadable: {exc}"}, []
    finally:
        conn.close()


def _folder_facts(data_dir: Path) -> dict[str, Any]:
    def size(p: Path) -> int:
        return sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) if p.is_dir() else 0

    blobs = data_dir / "blobs"
    facts: dict[str, Any] = {
        "database_bytes": (data_dir / DB_NAME).stat().st_size
        if (data_dir / DB_NAME).is_file() else None,
        "blob_files": sum(1 for f in blobs.rglob("*") if f.is_file()) if blobs.is_dir() else 0,
        "blob_bytes": size(blobs), "backups": sorted(
            p.name for p in (data_dir / "backups").rglob("*.zip")
        ) if (data_dir / "backups").is_dir() else [],
        "entries": sorted(p.name for p in data_dir.iterdir()) if data_dir.is_dir() else []}
    try:
        facts["free_bytes"] = shutil.disk_usage(data_dir).free
    except OSError:
        facts["free_bytes"] = None
    return facts


def scrub(text: str, words: list[str]) -> str:
    """Mask secrets, then every known person or company name (longest first)."""
    text = redact(text)
    for word in words:
        text = re.sub(re.escape(word), "[name]", text, flags=re.IGNORECASE)
    return text


def collect(data_dir: Path, dest: Path) -> Path:
    """Write the diagnostics zip to ``dest`` and return it."""
    data_dir, dest = Path(data_dir), Path(dest)
    facts, words = _database_facts(data_dir / DB_NAME)
    report = {"created_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
              "versions": _versions(data_dir), "database": facts,
              "data_folder": _folder_facts(data_dir)}
    dest.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("diagnostics.json", json.dumps(report, indent=2, default=str))
        logs = log_dir(data_dir)
        if logs.is_dir():
            for path in sorted(logs.iterdir()):
                if path.is_file():
                    text = path.read_text(encoding="utf-8", errors="replace")
                    zf.writestr(f"logs/{path.name}", scrub(text, words))
    log.info("diagnostics written: %s", dest.name)
    return dest
