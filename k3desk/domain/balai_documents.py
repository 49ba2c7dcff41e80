"""The Balai's document settings: which fields there are and what each may hold.

Shared by the server (``k3desk admin update-balai``, ``PUT /api/v1/balai/{id}``) and the
laptop's settings page, so both refuse the same input with the same sentence. The logo
travels inside the ``balai`` record as base64 (``logo``: ``media_type``, ``sha256``,
``width``, ``height``, ``data``), small enough for a pull page, so every laptop of the
Balai has it after its next pull and prints it without a connection.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import re
from collections.abc import Mapping
from typing import Any

from k3desk.domain.errors import ValidationError
from k3desk.domain.i18n import translate
from k3desk.domain.numbering import validate_number_format
from k3desk.domain.text_rules import bidi_character

#: The fields an admin may change, with their longest allowed length.
DOCUMENT_FIELDS: dict[str, int] = {
    "name": 200, "address": 500, "city": 100, "phone": 50, "email": 100, "website": 100,
    "number_prefix": 32, "number_format": 200, "head_name": 200, "head_nip": 30,
}
#: Fields a document cannot do without: never cleared.
REQUIRED_FIELDS = ("name", "address", "city", "number_format")

MAX_LOGO_BYTES = 256 * 1024
LOGO_MIN_PX = 64
LOGO_MAX_PX = 2048
LOGO_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_WEBSITE = re.compile(r"^(https?://)?[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/\S*)?$")
_PREFIX = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")
_NIP = re.compile(r"^[0-9]{18}$")


def _refuse(field: str, text: str) -> ValidationError:
    return ValidationError(text, field=field)


def clean_field(field: str, value: str) -> str:
    """``value`` stripped and checked for ``field``; '' clears an optional field."""
    if field not in DOCUMENT_FIELDS:
        raise _refuse(field, translate("balai", "{field} bukan pengaturan dokumen Balai")
                      .format(field=field))
    if not isinstance(value, str):
        raise _refuse(field, translate("balai", "{field} harus berupa teks").format(field=field))
    text = value.strip()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise _refuse(field, translate("balai", "{field} memuat karakter yang tidak sah")
                      .format(field=field)) from None
    if any(ch in text for ch in "\x00\r") or (field != "address" and "\n" in text):
        raise _refuse(field, translate("balai", "{field} harus satu baris teks biasa")
                      .format(field=field))
    if not text:
        if field in REQUIRED_FIELDS:
            raise _refuse(field, translate("balai", "{field} wajib diisi: dokumen "
                                           "mencetaknya").format(field=field))
        return ""
    limit = DOCUMENT_FIELDS[field]
    if len(text) > limit:
        raise _refuse(field, translate("balai", "{field} paling panjang {limit} karakter")
                      .format(field=field, limit=limit))
    char = bidi_character(text)
    if char:
        raise _refuse(field, translate("balai", "{field} memuat karakter kendali arah "
                                       "{char} yang tidak diizinkan")
                      .format(field=field, char=char))
    if field == "email" and not _EMAIL.match(text):
        raise _refuse(field, translate("balai", "email {text} bukan alamat email "
                                       "(contoh: info@bk3.go.id)").format(text=text))
    if field == "website" and not _WEBSITE.match(text):
        raise _refuse(field, translate("balai", "website {text} bukan alamat situs "
                                       "(contoh: https://bk3jakarta.go.id)").format(text=text))
    if field == "number_prefix" and not _PREFIX.match(text):
        raise _refuse(field, translate("balai", "number_prefix hanya huruf, angka, . _ - "
                                       "(paling panjang 32)"))
    if field == "head_nip" and not _NIP.match(text.replace(" ", "")):
        raise _refuse(field, translate("balai", "head_nip harus 18 angka NIP"))
    if field == "head_nip":
        text = text.replace(" ", "")
    if field == "number_format":
        try:
            validate_number_format(text)
        except ValidationError as exc:
            raise _refuse(field, translate("balai", "format nomor tidak dapat dipakai: "
                                           "{why}").format(why=exc.message)) from None
    return text


def clean_fields(fields: Mapping[str, str | None]) -> dict[str, str]:
    """The given fields (None: not given) checked; the first problem is raised."""
    return {name: clean_field(name, value) for name, value in fields.items()
            if value is not None}


def check_logo(content: bytes) -> dict[str, Any]:
    """The ``logo`` entry of a Balai record for an image file's bytes, or a
    ValidationError saying what is wrong (not an image, too large, too small)."""
    if len(content) > MAX_LOGO_BYTES:
        raise _refuse("logo", translate("balai", "berkas logo {size} KB; paling besar {limit} "
                                        "KB").format(size=len(content) // 1024,
                                                     limit=MAX_LOGO_BYTES // 1024))
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(content)) as image:
            kind = image.format or ""
            width, height = image.size
            image.load()  # a truncated or damaged file fails here, not in a print
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise _refuse("logo", translate("balai", "berkas logo bukan gambar PNG atau JPEG yang "
                                        "utuh")) from None
    if kind not in LOGO_TYPES:
        raise _refuse("logo", translate("balai", "logo harus PNG atau JPEG, bukan {kind}")
                      .format(kind=kind or "?"))
    if min(width, height) < LOGO_MIN_PX or max(width, height) > LOGO_MAX_PX:
        raise _refuse("logo", translate("balai", "logo {width}x{height} piksel; harus antara "
                                        "{low} dan {high} piksel per sisi")
                      .format(width=width, height=height, low=LOGO_MIN_PX, high=LOGO_MAX_PX))
    return {"media_type": LOGO_TYPES[kind], "sha256": hashlib.sha256(content).hexdigest(),
            "width": width, "height": height,
            "data": base64.b64encode(content).decode("ascii")}


def logo_bytes(logo: Any) -> bytes | None:
    """The image bytes of a record's ``logo`` entry; None when there is none or it is not
    one this module made (a document then prints the placeholder emblem)."""
    if not isinstance(logo, Mapping) or not isinstance(logo.get("data"), str):
        return None
    try:
        content = base64.b64decode(logo["data"], validate=True)
    except (binascii.Error, ValueError):
        return None
    if hashlib.sha256(content).hexdigest() != logo.get("sha256"):
        return None
    return content
