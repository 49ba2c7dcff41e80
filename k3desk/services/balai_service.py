"""The Balai's document settings (letterhead, logo, number format) on this laptop.

The Balai record is written by the server only: a laptop never pushes it (a pushed
``balai`` change is ``forbidden``, SYNC_PROTOCOL.md section 3). Everyone sees the
settings and may try a number format; an admin changes them with
``send_document_settings``, which checks them here with the server's own rules
(``k3desk.domain.balai_documents``), sends them (``PUT /api/v1/balai/{id}``, an online
call) and stores the server's new record at once; the Balai's other laptops get it with
their next pull.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from k3desk.domain.balai_documents import check_logo, clean_fields, logo_bytes
from k3desk.domain.errors import K3Error, NotFoundError, PermissionDenied, ValidationError
from k3desk.domain.i18n import translate
from k3desk.domain.numbering import DEFAULT_NUMBER_FORMAT, format_number
from k3desk.services import auth_service, keys_service, settings_service, sync_service
from k3desk.store.db import Database
from k3desk.store.models import Balai
from k3desk.sync.apply import ApplyStats, apply_remote
from k3desk.sync.client import ServerRefused, SyncClient
from k3desk.sync.protocol import BalaiUpdate
from k3desk.sync.token_store import TokenStore

EXAMPLE_SEQ = 42
EXAMPLE_OBJECT_CODE = "PAA"


@dataclass(frozen=True)
class DocumentSettings:
    code: str
    name: str
    address: str
    city: str
    phone: str
    email: str
    website: str
    head_name: str
    head_nip: str
    number_format: str
    balai_id: str = ""
    version: int = 0
    number_prefix: str = ""
    logo_png: bytes | None = None  # the Balai's logo (PNG or JPEG bytes); None: the emblem

    @property
    def letterhead(self) -> str:
        """The letterhead lines as the documents print them."""
        contact = " · ".join(x for x in (self.phone, self.email, self.website) if x)
        return "\n".join(x for x in (self.name, self.address, contact) if x)


def _settings(balai: Balai) -> DocumentSettings:
    return DocumentSettings(balai.code, balai.name, balai.address, balai.city or "",
                            balai.phone or "", balai.email or "", balai.website or "",
                            balai.head_name or "", balai.head_nip or "",
                            balai.number_format or DEFAULT_NUMBER_FORMAT, balai.id,
                            balai.version, balai.number_prefix or "",
                            logo_bytes((balai.extra or {}).get("logo")))


def document_settings(db: Database, balai_id: str | None) -> DocumentSettings | None:
    with db.session() as s:
        balai = s.get(Balai, balai_id) if balai_id else \
            s.scalars(select(Balai).where(Balai.deleted.is_(False))
                      .order_by(Balai.code).limit(1)).first()
        return _settings(balai) if balai is not None else None


def balai_choices(db: Database) -> list[tuple[str, str]]:
    """(id, "CODE — name") of every Balai this laptop has (an admin's may hold several)."""
    with db.session() as s:
        return [(b.id, f"{b.code} — {b.name}") for b in s.scalars(
            select(Balai).where(Balai.deleted.is_(False)).order_by(Balai.code))]


def next_seq(db: Database, balai_id: str, on: date | None = None) -> int | None:
    """The sequence the next certificate of this laptop gets (None: no number left)."""
    year = (on or date.today()).year
    with db.session() as s:
        try:
            return keys_service.allocate_number(s, settings_service.device_id(db), balai_id,
                                                year).seq
        except K3Error:
            return None
        finally:
            s.rollback()


def number_example(fmt: str, balai_code: str, on: date | None = None,
                   seq: int | None = None) -> str:
    """The number a format gives (sequence ``seq``, else 42, for an APAR), or a
    ValidationError saying what is wrong with the format."""
    return format_number(fmt, seq or EXAMPLE_SEQ, EXAMPLE_OBJECT_CODE, balai_code,
                         on or date.today())


def check_document_settings(fields: Mapping[str, str | None],
                            logo: bytes | None = None) -> dict[str, str]:
    """The fields as the server will store them, or the first problem (a
    ValidationError naming its ``field``), with the server's own rules."""
    cleaned = clean_fields(fields)
    if logo is not None:
        check_logo(logo)
    return cleaned


def read_logo(path: Path) -> bytes:
    """An image file's bytes once it passed the logo rules (a ValidationError otherwise)."""
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise ValidationError(translate("balai", "berkas {name} tidak dapat dibaca: {why}")
                              .format(name=path.name, why=exc.strerror or exc),
                              field="logo") from None
    check_logo(content)
    return content


def send_document_settings(db: Database, balai_id: str, fields: Mapping[str, str | None], *,
                           logo: bytes | None = None, clear_logo: bool = False,
                           base_version: int | None = None) -> DocumentSettings:
    """An admin's new settings, checked here, sent to the server and stored as it
    answered. Needs a connection and an online login; refusals come back in words."""
    actor = auth_service.current_actor(db)
    if actor is None or actor.role != "admin":
        raise PermissionDenied(translate("balai", "hanya admin yang dapat mengubah pengaturan "
                                         "dokumen Balai"))
    cleaned = check_document_settings(fields, logo)
    url = sync_service.server_url(db)
    if not url:
        raise sync_service.NoServer(translate("balai", "alamat server belum diatur: pengaturan "
                                              "Balai disimpan di server"))
    token = TokenStore(db.data_dir, url).load()
    body = BalaiUpdate(**cleaned, clear_logo=clear_logo, base_version=base_version,
                       logo=_b64(logo) if logo is not None else None)
    with SyncClient(url, token) as client:
        try:
            env = client.put_balai(balai_id, body)
        except ServerRefused as exc:
            raise _refusal(exc) from None
    with db.session(remote=True) as s:
        apply_remote(s, env.model_dump(), ApplyStats())
    settings = document_settings(db, balai_id)
    if settings is None:
        raise NotFoundError(translate("balai", "Balai ini tidak ada di laptop ini"))
    return settings


def _b64(content: bytes) -> str:
    import base64

    return base64.b64encode(content).decode("ascii")


def _refusal(exc: ServerRefused) -> K3Error:
    if exc.status == 409:
        return ValidationError(translate("balai", "pengaturan Balai sudah diubah di server "
                                         "sejak dibuka di sini; sinkronkan, periksa, lalu "
                                         "simpan lagi"))
    if exc.status == 403:
        return PermissionDenied(translate("balai", "server menolak: hanya admin Balai ini yang "
                                          "dapat mengubah pengaturan dokumennya"))
    if exc.status == 404:
        return NotFoundError(translate("balai", "server tidak mengenal Balai ini"))
    return exc
