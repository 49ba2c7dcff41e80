"""``/blobs/{sha256}``: upload (PUT), exists (HEAD), download (GET) (protocol section 6)."""

from __future__ import annotations

import errno
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from k3desk.server.blob_store import BlobStore
from k3desk.server.blobs import (
    SHA256_NAME,
    BlobTooLarge,
    BlobWriter,
    may_use_blob,
    store_blob,
)
from k3desk.server.deps import CurrentUser, SessionDep, SessionsDep, SettingsDep
from k3desk.server.errors import ApiError
from k3desk.server.models import Blob

router = APIRouter(prefix="/api/v1/blobs", tags=["blobs"])
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"description": "error"}
                                            for code in (401, 404, 413, 422)}
_PUT_ERRORS: dict[int | str, dict[str, Any]] = {
    **_ERRORS, 503: {"description": "the blob storage is full; retry after Retry-After",
                     "headers": {"Retry-After": {"schema": {"type": "integer"}}}}}
#: A blob is named by its SHA-256: documented, so a client never sends another name.
Sha256 = Annotated[str, Path(pattern=SHA256_NAME.pattern, min_length=64, max_length=64)]
ALLOWED = "GET, HEAD, PUT"


def _checked_name(sha256: str) -> str:
    if not SHA256_NAME.match(sha256):
        raise ApiError(422, "invalid", "a blob is named by 64 lowercase hex digits (SHA-256)",
                       field="sha256")
    return sha256


@router.put("/{sha256}", status_code=201, responses=_PUT_ERRORS)
async def put_blob(sha256: Sha256, request: Request, actor: CurrentUser, settings: SettingsDep,
                   sessions: SessionsDep) -> Response:
    _checked_name(sha256)
    limit = settings.max_blob_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "too_large", f"a blob may have at most {limit} bytes", limit=limit)
    try:
        writer = await run_in_threadpool(BlobWriter, _store(request).tmp_dir, limit)
    except OSError as exc:
        raise _storage_error(exc) from None
    try:
        async for chunk in request.stream():
            writer.write(chunk)
        digest = writer.finish()
    except OSError as exc:
        writer.discard()
        raise _storage_error(exc) from None
    except BlobTooLarge:
        writer.discard()
        raise ApiError(413, "too_large", f"a blob may have at most {limit} bytes",
                       limit=limit) from None
    except BaseException:
        writer.discard()
        raise
    if digest != sha256:
        writer.discard()
        raise ApiError(422, "blob_mismatch", "the bytes do not hash to the blob's name",
                       field="sha256", actual=digest)

    def save() -> bool:
        with sessions() as session:
            return store_blob(session, _store(request), sha256, writer,
                              None if actor.is_admin else actor.balai_id)

    try:
        created = await run_in_threadpool(save)
    except OSError as exc:
        writer.discard()
        raise _storage_error(exc) from None
    return Response(status_code=201 if created else 200)


#: A full disk, a quota or a file size limit: the storage is unwell, not the request.
_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def _storage_error(exc: OSError) -> Exception:
    if exc.errno in _FULL:
        return ApiError(503, "unavailable", "the server's blob storage is full; retry later",
                        headers={"Retry-After": "60"}, retry_after=60)
    return exc


@router.head("/{sha256}", responses=_ERRORS)
def head_blob(sha256: Sha256, actor: CurrentUser, session: SessionDep) -> Response:
    blob = session.get(Blob, _checked_name(sha256))
    if blob is None or not may_use_blob(session, None if actor.is_admin else actor.balai_id,
                                        sha256):
        return Response(status_code=404)  # another Balai's blob: upload your own copy
    return Response(status_code=200, headers={"Content-Length": str(blob.size)})


@router.get("/{sha256}", responses={**_ERRORS, 200: {
    "content": {"application/octet-stream": {}}, "description": "the blob's bytes"}},
    response_class=StreamingResponse)
def get_blob(sha256: Sha256, request: Request, actor: CurrentUser,
             session: SessionDep) -> StreamingResponse:
    """The bytes, to users of a Balai whose own upload or attachment brought them in."""
    _checked_name(sha256)
    blob = session.get(Blob, sha256)
    chunks = (_store(request).read(sha256)
              if blob is not None and may_use_blob(
                  session, None if actor.is_admin else actor.balai_id, sha256) else None)
    if blob is None or chunks is None:
        raise ApiError(404, "not_found", "no such blob for this Balai")
    return StreamingResponse(chunks, media_type="application/octet-stream",
                             headers={"Content-Length": str(blob.size)})


def _store(request: Request) -> BlobStore:
    store: BlobStore = request.app.state.blob_store
    return store


@router.api_route("/{sha256}", methods=["POST", "DELETE", "PATCH", "OPTIONS", "TRACE"],
                  include_in_schema=False)
def other_methods(sha256: str) -> Response:
    """A blob is put, checked and read; never changed or deleted by a client."""
    raise ApiError(405, "method_not_allowed", f"a blob allows {ALLOWED}",
                   headers={"Allow": ALLOWED})
