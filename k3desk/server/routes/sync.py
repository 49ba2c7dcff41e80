"""``/sync/push`` and ``/sync/pull`` (SYNC_PROTOCOL.md sections 4 and 5)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from k3desk.server.deps import CurrentUser, SessionDep, SessionsDep, SettingsDep
from k3desk.server.errors import ApiError
from k3desk.server.push import push_changes
from k3desk.server.rules import bad_text
from k3desk.server.store import envelope, pull_page
from k3desk.sync.protocol import API_PREFIX, ErrorBody, PullResponse, PushResponse

router = APIRouter(prefix=f"{API_PREFIX}/sync", tags=["sync"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 410, 413, 422)}


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "too_large", f"the body is over {limit} bytes", limit=limit)
    chunks: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise ApiError(413, "too_large", f"the body is over {limit} bytes", limit=limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json(body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8"), parse_constant=_no_constants)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ApiError(400, "malformed_json", "the request body is not valid JSON") from None


@router.post("/push", response_model=PushResponse, response_model_exclude_none=True,
             responses={**_ERRORS, 503: {"model": ErrorBody}}, openapi_extra={
    "requestBody": {"required": True, "content": {"application/json": {"schema": {
        "type": "object", "required": ["device_id", "changes"],
        "properties": {
            "device_id": {"type": "string", "minLength": 1, "maxLength": 200},
            # what the server accepts: any item, each answered by a result of its own
            # (a malformed one ``rejected``/``invalid``); a Change is what applies
            "changes": {"type": "array", "items": {
                "anyOf": [{"$ref": "#/components/schemas/Change"}, {}]}}}}}}}})
async def push(request: Request, actor: CurrentUser, settings: SettingsDep,
               sessions: SessionsDep) -> PushResponse:
    """Apply changes in order; one result per change. The body is read here, not by
    FastAPI, so that its size is checked first and one malformed change is rejected
    alone instead of failing the whole push."""
    body = parse_json(await read_body(request, settings.max_push_bytes))
    if not isinstance(body, dict):
        raise ApiError(422, "invalid", "the body must be a JSON object")
    device_id, changes = body.get("device_id"), body.get("changes")
    if not isinstance(device_id, str) or not 0 < len(device_id) <= 200 or bad_text(device_id):
        raise ApiError(422, "invalid", "device_id must be a text of 1-200 characters",
                       field="device_id")
    if not isinstance(changes, list):
        raise ApiError(422, "invalid", "changes must be a list", field="changes")
    if len(changes) > settings.max_push_changes:
        raise ApiError(413, "too_large", f"at most {settings.max_push_changes} changes per push",
                       limit=settings.max_push_changes)

    def work() -> PushResponse:
        with sessions() as session:
            return PushResponse(results=push_changes(session, actor, device_id, changes))

    return await run_in_threadpool(work)


@router.get("/pull", response_model=PullResponse, responses=_ERRORS)
def pull(actor: CurrentUser, session: SessionDep, settings: SettingsDep,
         since: Annotated[int, Query(ge=0, le=2**62)] = 0,
         limit: Annotated[int, Query(ge=1, le=1000)] = 1000) -> PullResponse:
    """Records visible to the user with seq above ``since``, in increasing seq."""
    limit = min(limit, settings.max_pull_limit)
    rows = pull_page(session, actor.balai_id, actor.is_admin, since, limit + 1)
    if rows is None:
        raise ApiError(410, "cursor_reset",
                       "this server does not know that cursor; pull again from 0")
    page = rows[:limit]
    return PullResponse(changes=[envelope(r) for r in page],
                        next=page[-1].seq if page else since, more=len(rows) > limit)
