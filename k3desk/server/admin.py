"""What an administrator does to a server's data (``k3desk admin ...`` calls these).

Each function is one transaction under the seq lock, so its records reach devices
through pull like any other change. Problems a person must fix raise K3Error.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.orm import Session

from k3desk.domain.canonical import canonical_json
from k3desk.domain.errors import K3Error, NotFoundError, PermissionDenied, ValidationError
from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.workflow import Role
from k3desk.server.db import begin_write
from k3desk.server.models import Credential, Record
from k3desk.server.rules import is_uuid
from k3desk.server.security import hash_password, password_problem, revoke_tokens
from k3desk.server.store import claim_key, key_holder, lock_seq, new_id, utcnow, write_record
from k3desk.server.template_store import template_key


class VersionConflict(K3Error):
    """The record changed since the caller read it (HTTP 409)."""


_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")
BALAI_EXTRA = ("city", "phone", "website", "number_prefix", "number_format")


def create_balai(session: Session, code: str, name: str, address: str,
                 **extra: str | None) -> Record:
    """A new Balai; ``code`` is unique (letterhead fields go in ``extra``)."""
    code = code.strip()
    if not _CODE.match(code):
        raise ValidationError(f"invalid Balai code {code!r} (letters, digits, . _ -)")
    if not name.strip():
        raise ValidationError("the Balai's name is empty")
    if not (extra.get("city") or "").strip():
        raise ValidationError("the Balai's city is required: its documents print "
                              "'Ditetapkan di <city>' and 'KEPALA BALAI K3 <CITY>'")
    data: dict[str, Any] = {"code": code, "name": name.strip(), "address": address.strip()}
    for key in BALAI_EXTRA:
        value = extra.get(key)
        if value:
            data[key] = value.strip()
    if "number_format" in data:
        from k3desk.domain.numbering import validate_number_format

        validate_number_format(data["number_format"])
    with session.begin():
        lock_seq(session)
        if key_holder(session, "balai.code", code.upper()) is not None:
            raise ValidationError(f"a Balai with code {code} exists already")
        balai_id = new_id()
        record = write_record(session, type_="balai", id_=balai_id, data=data,
                              balai_id=balai_id, by=None)
        claim_key(session, "balai.code", code.upper(), balai_id)
        return record


def find_balai(session: Session, code: str) -> Record:
    record_id = key_holder(session, "balai.code", code.strip().upper())
    record = session.get(Record, record_id) if record_id else None
    if record is None:
        raise NotFoundError(f"no Balai with code {code!r}")
    return record


def update_balai(session: Session, balai: str, fields: Mapping[str, str | None], *,
                 logo: bytes | None = None, clear_logo: bool = False,
                 base_version: int | None = None, by: str | None = None,
                 only_balai: str | None = None) -> Record:
    """Change a Balai's document settings (``balai`` is its code or id).

    ``fields`` maps document fields to their new text (None: unchanged, '': cleared when
    optional); ``logo`` is an image file's bytes. Everything is checked first (the same
    rules as the laptop's settings page); the new record reaches the laptops by pull.
    ``base_version`` refuses the change when the record changed since it was read;
    ``only_balai`` (an admin of one Balai) refuses every other Balai.
    """
    from k3desk.domain.balai_documents import check_logo, clean_fields

    cleaned = clean_fields(fields)
    if logo is not None and clear_logo:
        raise ValidationError("give a logo or clear it, not both", field="logo")
    logo_entry = check_logo(logo) if logo is not None else None
    if not cleaned and logo_entry is None and not clear_logo:
        raise ValidationError("nothing to change: name at least one document setting")
    with session.begin():
        lock_seq(session)
        record = _balai_record(session, balai)
        if only_balai is not None and record.id != only_balai:
            raise PermissionDenied("an admin of one Balai changes only that Balai")
        if base_version is not None and base_version != record.version:
            raise VersionConflict(f"the Balai's settings changed on the server (version "
                                  f"{record.version}, not {base_version}); load them again")
        data = dict(record.data)
        for name, value in cleaned.items():
            if value:
                data[name] = value
            else:
                data.pop(name, None)
        if logo_entry is not None:
            data["logo"] = logo_entry
        elif clear_logo:
            data.pop("logo", None)
        if data == record.data:
            return record
        return write_record(session, type_="balai", id_=record.id, data=data,
                            balai_id=record.balai_id, by=by, existing=record)


def _balai_record(session: Session, balai: str) -> Record:
    text = balai.strip()
    record = session.get(Record, text) if is_uuid(text) else None
    if record is None or record.type != "balai" or record.deleted:
        return find_balai(session, text)
    return record


def _user(session: Session, username: str) -> tuple[Credential, Record]:
    cred = session.scalar(select(Credential).where(Credential.username == username.lower()))
    record = session.get(Record, cred.user_id) if cred else None
    if cred is None or record is None:
        raise NotFoundError(f"no user {username!r}")
    return cred, record


def create_user(session: Session, username: str, full_name: str, nip: str, role: str,
                balai_code: str | None, password: str,
                hasher: PasswordHasher | None = None) -> Record:
    name = username.strip().lower()
    if not _USERNAME.match(name):
        raise ValidationError(f"invalid username {username!r} (2-64 of a-z 0-9 . _ -)")
    if role not in {r.value for r in Role}:
        raise ValidationError(f"role must be inspector, supervisor or admin, not {role!r}")
    if not full_name.strip():
        raise ValidationError("the full name is empty")
    problem = password_problem(password, name)
    if problem:
        raise ValidationError(problem)
    password_hash = hash_password(password, hasher)
    with session.begin():
        lock_seq(session)
        balai_id: str | None = None
        if balai_code:
            balai_id = find_balai(session, balai_code).id
        elif role != Role.ADMIN:
            raise ValidationError("an inspector or supervisor needs --balai")
        if session.scalar(select(Credential).where(Credential.username == name)):
            raise ValidationError(f"the username {name} is taken")
        user_id = new_id()
        data: dict[str, Any] = {"username": name, "full_name": full_name.strip(),
                                "nip": nip.strip(),
                "role": role, "balai_id": balai_id, "qualifications": [], "disabled": False}
        record = write_record(session, type_="user", id_=user_id, data=data,
                              balai_id=balai_id, by=None)
        session.add(Credential(user_id=user_id, username=name, password_hash=password_hash,
                               disabled=False, updated_at=utcnow()))
        return record


def grant_qualification(session: Session, username: str, object_types: list[str],
                        licence_number: str, valid_until: str) -> Record:
    types = [t.strip() for t in object_types if t.strip()]
    unknown = [t for t in types if t not in OBJECT_TYPES]
    if not types or unknown:
        raise ValidationError(f"unknown object types: {', '.join(unknown) or '(none given)'} "
                              f"(known: {', '.join(sorted(OBJECT_TYPES))})")
    try:
        until = date.fromisoformat(valid_until)
    except ValueError:
        raise ValidationError(f"--valid-until must be YYYY-MM-DD, not {valid_until!r}") from None
    if not licence_number.strip():
        raise ValidationError("the licence number is empty")
    with session.begin():
        lock_seq(session)
        _cred, record = _user(session, username)
        data = dict(record.data)
        quals = [q for q in data.get("qualifications", [])
                 if q.get("licence_number") != licence_number.strip()]
        quals.append({"object_types": types, "licence_number": licence_number.strip(),
                      "valid_until": until.isoformat()})
        data["qualifications"] = quals
        return write_record(session, type_="user", id_=record.id, data=data,
                            balai_id=record.balai_id, by=None)


def disable_user(session: Session, username: str) -> Record:
    with session.begin():
        lock_seq(session)
        cred, record = _user(session, username)
        cred.disabled = True
        cred.updated_at = utcnow()
        revoke_tokens(session, cred.user_id)
        data = dict(record.data, disabled=True)
        return write_record(session, type_="user", id_=record.id, data=data,
                            balai_id=record.balai_id, by=None)


def revoke_key(session: Session, key_id: str, reason: str = "") -> Record:
    """Revoke a signing key (a lost or stolen laptop): it signs no new certificate.

    Certificates it signed before stay as they are; the published key list shows it
    revoked, so offline checkers can tell.
    """
    with session.begin():
        lock_seq(session)
        record_id = key_holder(session, "signing_key", key_id.strip())
        record = session.get(Record, record_id) if record_id else None
        if record is None:
            raise NotFoundError(f"no signing key {key_id!r}")
        if record.data.get("revoked"):
            raise ValidationError(f"signing key {key_id} is revoked already")
        data = dict(record.data, revoked=True, revoked_at=utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"))
        if reason.strip():
            data["revoked_reason"] = reason.strip()
        return write_record(session, type_="signing_key", id_=record.id, data=data,
                            balai_id=record.balai_id, by=None, existing=record)


def reset_password(session: Session, username: str, password: str,
                   hasher: PasswordHasher | None = None) -> None:
    problem = password_problem(password, username.strip().lower())
    if problem:
        raise ValidationError(problem)
    new_hash = hash_password(password, hasher)
    with session.begin():
        begin_write(session)
        cred, _record = _user(session, username)
        cred.password_hash = new_hash
        cred.updated_at = utcnow()
        revoke_tokens(session, cred.user_id)


def list_users(session: Session) -> list[dict[str, Any]]:
    with session.begin():
        rows = session.execute(select(Credential, Record).join(
            Record, Record.id == Credential.user_id).order_by(Credential.username)).all()
        codes = {r.id: r.data.get("code") for r in
                 session.scalars(select(Record).where(Record.type == "balai"))}
        return [{"id": rec.id, "username": cred.username, "full_name": rec.data.get("full_name"),
                 "nip": rec.data.get("nip"), "role": rec.data.get("role"),
                 "balai": codes.get(rec.balai_id or ""), "disabled": cred.disabled,
                 "qualifications": rec.data.get("qualifications", [])}
                for cred, rec in rows]


def read_template_file(path: Path) -> dict[str, Any]:
    try:
        definition = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise K3Error(f"cannot read {path}: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise ValidationError(f"{path} is not valid YAML: {exc}") from exc
    if not isinstance(definition, dict):
        raise ValidationError(f"{path} does not hold a template (a YAML mapping)")
    return definition


def publish_template(session: Session, path: Path) -> tuple[Record, bool]:
    """Validate and publish a template file; (record, False) when it was published already.

    A version, once published, never changes: the same id and version with another
    definition is refused, and so is one that differs from a built-in template.
    """
    from k3desk.domain.templates import default_registry, load_template_definition

    definition = read_template_file(path)
    template = load_template_definition(definition, str(path))
    try:
        builtin = default_registry().get(template.id, template.version)
    except K3Error:
        builtin = None
    if builtin is not None and canonical_json(builtin.definition) != canonical_json(definition):
        raise ValidationError(f"template {template.id} version {template.version} is built in "
                              "with another content; publish a new version")
    key = template_key(template.id, template.version)
    with session.begin():
        lock_seq(session)
        held = key_holder(session, "template", key)
        if held is not None:
            record = session.get(Record, held)
            assert record is not None
            if canonical_json(record.data["definition"]) != canonical_json(definition):
                raise ValidationError(f"template {template.id} version {template.version} is "
                                      "published with another content; publish a new version")
            return record, False
        data = {"template_id": template.id, "template_version": template.version,
                "definition": definition}
        record = write_record(session, type_="template", id_=new_id(), data=data,
                              balai_id=None, by=None)
        claim_key(session, "template", key, record.id)
        return record, True
