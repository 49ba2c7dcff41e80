"""Read back what a k3desk PDF carries: the signed payload and the printed text.

``k3desk verify FILE.pdf`` uses this: the payload, signature and key id come from the
PDF's document information (written by ``layout.stamp_info``); the text lets verification
check that what is printed is what was signed, so that editing the visible text of a
validly signed PDF does not pass.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from k3desk.domain.errors import ValidationError
from k3desk.domain.i18n import translate
from k3desk.domain.signing import b64url_decode
from k3desk.reports.layout import INFO_KEY_ID, INFO_PAYLOAD, INFO_SIGNATURE, INFO_VERIFY_URL

log = logging.getLogger("k3desk.reports")


@dataclass(frozen=True)
class EmbeddedStamp:
    payload: str
    signature: str
    key_id: str
    verify_url: str


def _reader(source: bytes | Path):  # type: ignore[no-untyped-def]
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    try:
        return PdfReader(io.BytesIO(data))
    except (PdfReadError, ValueError, OSError) as exc:
        log.info("not a readable PDF: %r", exc)
        raise ValidationError(translate("verify", "berkas ini bukan PDF yang dapat dibaca "
                                        "(rusak atau bukan PDF)")) from exc


def read_embedded_stamp(source: bytes | Path) -> EmbeddedStamp:
    """The signed payload in a k3desk PDF; a ValidationError when the PDF carries none."""
    reader = _reader(source)
    try:
        info = reader.metadata or {}
    except Exception as exc:  # noqa: BLE001 - any damage in the info dict means "unreadable"
        log.info("PDF document information damaged: %r", exc)
        raise ValidationError(translate("verify", "keterangan dokumen PDF ini rusak")) from exc
    values = {k: info.get("/" + k) for k in (INFO_PAYLOAD, INFO_SIGNATURE, INFO_KEY_ID,
                                             INFO_VERIFY_URL)}
    if not values[INFO_PAYLOAD] or not values[INFO_SIGNATURE] or not values[INFO_KEY_ID]:
        raise ValidationError(translate("verify", "PDF ini tidak membawa tanda tangan k3desk "
                                        "(tidak ada data bertanda tangan di dalamnya)"))
    return EmbeddedStamp(payload=b64url_decode(str(values[INFO_PAYLOAD])),
                         signature=str(values[INFO_SIGNATURE]), key_id=str(values[INFO_KEY_ID]),
                         verify_url=str(values[INFO_VERIFY_URL] or ""))


def extract_text(source: bytes | Path) -> str:
    """All pages' text, as pypdf extracts it."""
    reader = _reader(source)
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def printed_mismatches(text: str, fields: dict[str, object]) -> list[str]:
    """The signed fields (number, company, serial) the printed text does not show.

    Whitespace is ignored because line breaking moves it."""
    squashed = _squash(text)
    missing = []
    for name in ("number", "company", "equipment_serial"):
        value = fields.get(name)
        if isinstance(value, str) and value and _squash(value) not in squashed:
            missing.append(name)
    return missing
