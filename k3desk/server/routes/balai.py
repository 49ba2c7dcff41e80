"""``PUT /balai/{id}`` ([k3desk] extension): an admin changes a Balai's document settings.

The Balai record stays written by the server only (a pushed ``balai`` change is still
``forbidden``): this call checks the role and the tenancy, validates every field and the
logo with the same rules as ``k3desk admin update-balai``, writes a new version under the
seq lock, and laptops receive it with their next pull like any server write.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from fastapi import APIRouter

from k3desk.domain.balai_documents import DOCUMENT_FIELDS
from k3desk.domain.errors import PermissionDenied
from k3desk.domain.workflow import Role
from k3desk.server.admin import VersionConflict, update_balai
from k3desk.server.deps import CurrentUser, SessionDep
from k3desk.server.errors import ApiError
from k3desk.server.rules import is_uuid
from k3desk.server.store import envelope
from k3desk.sync.protocol import API_PREFIX, BalaiUpdate, Envelope, ErrorBody

router = APIRouter(prefix=API_PREFIX, tags=["balai"])
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody}
                                            for code in (401, 403, 404, 409, 422)}


@router.put("/balai/{balai_id}", response_model=Envelope, responses=_ERRORS)
def put_balai(balai_id: str, body: BalaiUpdate, actor: CurrentUser,
              session: SessionDep) -> Envelope:
    if actor.role != Role.ADMIN:
        raise PermissionDenied("only an admin changes a Balai's document settings")
    if not is_uuid(balai_id):
        raise ApiError(404, "not_found", "no Balai with this id")
    logo = None
    if body.logo is not None:
        try:
            logo = base64.b64decode(body.logo, validate=True)
        except (binascii.Error, ValueError):
            raise ApiError(422, "invalid", "logo must be base64", field="logo") from None
    fields = {name: getattr(body, name) for name in DOCUMENT_FIELDS}
    try:
        record = update_balai(session, balai_id, fields, logo=logo, clear_logo=body.clear_logo,
                              base_version=body.base_version, by=actor.id,
                              only_balai=actor.balai_id)
    except VersionConflict as exc:
        raise ApiError(409, "conflict", exc.message) from None
    return envelope(record)
