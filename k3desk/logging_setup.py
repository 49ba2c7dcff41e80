"""The log file: ``<data folder>/logs/k3desk.log``, rotated, with secrets masked.

When an inspector's laptop misbehaves in the field, the log is what support gets (through
``k3desk diagnostics``), so it must never hold a password, a token or a private key:
``redact`` masks them before a line is written, and again when the logs are collected.
"""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "k3desk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"

_SECRET_WORDS = r"password|passwd|kata_?sandi|secret|token|api_?key|private_?key|authorization"
_PATTERNS = [
    (re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|\Z)",
                re.S), "[private key]"),
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+"), r"\1 ***"),
    # key=value, key: value, "key": "value"
    (re.compile(rf"(?i)(\"?(?:{_SECRET_WORDS})\"?\s*[:=]\s*\"?)([^\s\",;&*]+)"), r"\1***"),
    (re.compile(r"\$argon2[a-z]*\$[^\s\"']+"), "[password hash]"),
    # Personal data: e-mail addresses and Indonesian NIP (18 digits) / NIK (16 digits).
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "[email]"),
    (re.compile(r"(?<!\d)\d{16}(?:\d{2})?(?!\d)"), "[nip]"),
]


def redact(text: str) -> str:
    """``text`` with passwords, tokens, keys, e-mail addresses and NIPs masked."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "logs"


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path | None:
    """Send the ``k3desk`` logger to the data folder's rotating log (once per folder).

    Returns the log file, or None when the folder cannot be written (logging must never
    stop the app).
    """
    path = log_dir(data_dir) / LOG_NAME
    logger = logging.getLogger("k3desk")
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                      encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(RedactingFormatter(FORMAT))
    logger.addHandler(handler)
    logger.setLevel(min(level, logger.level or level))
    return path


def close_logging() -> None:
    """Detach the file handlers (before a restore swaps the data folder, and in tests)."""
    logger = logging.getLogger("k3desk")
    for handler in list(logger.handlers):
        if isinstance(handler, RotatingFileHandler):
            logger.removeHandler(handler)
            handler.close()
