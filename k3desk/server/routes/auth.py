"""``/auth``: log in (password to token), who am I, log out."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from k3desk.server import auth
from k3desk.server.db import begin_write
from k3desk.server.deps import CurrentUser, SessionDep, SettingsDep
from k3desk.server.errors import ApiError
from k3desk.server.models import Token
from k3desk.server.security import token_hash
from k3desk.server.store import utcnow
from k3desk.sync.protocol import (
    API_PREFIX,
    ErrorBody,
    LoginRequest,
    LoginResponse,
    UserPublic,
    utc_text,
)

router = APIRouter(prefix=f"{API_PREFIX}/auth", tags=["auth"])


@router.post("/login", response_model=LoginResponse,
             responses={401: {"model": ErrorBody}, 429: {"model": ErrorBody}})
def login(body: LoginRequest, session: SessionDep, settings: SettingsDep) -> LoginResponse:
    try:
        token, expires, actor = auth.login(session, settings, body.username, body.password,
                                           body.device_id, body.device_name, utcnow())
    except auth.LoginRefused as refused:
        if refused.retry_after:
            raise ApiError(429, "throttled", "too many failed logins; try again later",
                           headers={"Retry-After": str(refused.retry_after)},
                           retry_after=refused.retry_after) from None
        raise ApiError(401, "unauthorized", "wrong username or password") from None
    return LoginResponse(token=token, expires_at=utc_text(expires), user=actor.public())


@router.get("/me", response_model=UserPublic, responses={401: {"model": ErrorBody}})
def me(actor: CurrentUser) -> UserPublic:
    """Extension: the token's user, so a client can check a stored token."""
    return actor.public()


@router.post("/logout", status_code=204, responses={401: {"model": ErrorBody}})
async def logout(request: Request, actor: CurrentUser, session: SessionDep) -> None:
    """Extension: forget the token this request carries."""
    token = request.headers.get("authorization", "").partition(" ")[2].strip()

    def drop() -> None:
        with session.begin():
            begin_write(session)
            row = session.get(Token, token_hash(token))
            if row is not None and row.user_id == actor.id:
                session.delete(row)

    await run_in_threadpool(drop)
