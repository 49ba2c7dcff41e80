"""``/number-blocks`` and ``/signing-keys`` for supervisors' devices (protocol section 7)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from k3desk.server.deps import CurrentUser, SessionDep
from k3desk.server.leases import lease_block, register_key
from k3desk.server.store import envelope, utcnow
from k3desk.sync.protocol import (
    API_PREFIX,
    Envelope,
    ErrorBody,
    NumberBlockCreate,
    SigningKeyCreate,
)

router = APIRouter(prefix=API_PREFIX, tags=["certificates"])
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody}
                                            for code in (401, 403, 422)}


@router.post("/number-blocks", status_code=201, response_model=Envelope, responses=_ERRORS)
def create_number_block(body: NumberBlockCreate, actor: CurrentUser,
                        session: SessionDep) -> Envelope:
    return envelope(lease_block(session, actor, body.device_id, body.size, utcnow()))


@router.post("/signing-keys", status_code=201, response_model=Envelope, responses=_ERRORS)
def create_signing_key(body: SigningKeyCreate, actor: CurrentUser, session: SessionDep,
                       request: Request) -> Envelope:
    crl_url = str(request.base_url).rstrip("/") + API_PREFIX + "/pki/crl"
    return envelope(register_key(session, actor, body.device_id, body.public_key, utcnow(),
                                 csr=body.csr, crl_url=crl_url))
