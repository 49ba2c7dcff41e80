"""Public endpoints (no token): health, info, published keys, certificate verification."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from k3desk.server.deps import SessionDep, SettingsDep
from k3desk.server.errors import ApiError
from k3desk.server.models import Record
from k3desk.server.store import utcnow
from k3desk.server.verification import LinkCheck, check_link, find_certificate
from k3desk.server.verify_page import found_page, not_found_page
from k3desk.sync.protocol import (
    API_PREFIX,
    PROTOCOL_VERSION,
    ErrorBody,
    Health,
    Info,
    SigningKeyPublic,
    SigningKeysPublic,
    Verification,
    utc_text,
)

router = APIRouter(tags=["public"])
Text = Annotated[str, Query(max_length=4000)]


@router.get(f"{API_PREFIX}/health", response_model=Health)
def health() -> Health:
    return Health(status="ok")


@router.get(f"{API_PREFIX}/info", response_model=Info)
def info(settings: SettingsDep) -> Info:
    return Info(protocol=PROTOCOL_VERSION, server_time=utc_text(utcnow()),
                max_push_changes=settings.max_push_changes,
                max_push_bytes=settings.max_push_bytes, max_blob_bytes=settings.max_blob_bytes)


@router.get(f"{API_PREFIX}/signing-keys/public", response_model=SigningKeysPublic)
def public_keys(session: SessionDep) -> SigningKeysPublic:
    """Every signing key ever registered, revoked ones too (old certificates name them)."""
    keys = session.scalars(select(Record).where(Record.type == "signing_key")
                           .order_by(Record.seq)).all()
    balai_names = {r.id: r.data.get("name") for r in
                   session.scalars(select(Record).where(Record.type == "balai"))}
    return SigningKeysPublic(keys=[SigningKeyPublic(
        key_id=str(k.data["key_id"]), user_id=str(k.data["user_id"]),
        full_name=str(k.data.get("full_name", "")), balai_id=k.balai_id,
        balai=balai_names.get(k.balai_id or ""), public_key=str(k.data["public_key"]),
        revoked=bool(k.data.get("revoked")),
        created_at=str(k.data.get("created_at") or utc_text(k.modified_at))) for k in keys])



@router.get(f"{API_PREFIX}/pki/ca.crt", response_class=Response,
            responses={200: {"description": "the Balai's root certificate (DER)",
                             "content": {"application/pkix-cert": {}}}})
def ca_certificate(session: SessionDep, format: Annotated[str, Query(max_length=3)] = "der"
                   ) -> Response:
    """The root of the PDF signatures' certificates (extension, section 10): DER, or PEM
    with ``?format=pem``; what a Balai installs in PDF readers (docs/pades.md)."""
    from k3desk.domain import pki
    from k3desk.server import authority

    pem = authority.root_pem(session)
    if format == "pem":
        return Response(pem, media_type="application/x-pem-file")
    return Response(pki.der(pki.load_certificate(pem)), media_type="application/pkix-cert",
                    headers={"Content-Disposition": 'attachment; filename="balai-k3-root.crt"'})


@router.get(f"{API_PREFIX}/pki/crl", response_class=Response,
            responses={200: {"description": "the certificate revocation list (DER)",
                             "content": {"application/pkix-crl": {}}}})
def revocation_list(session: SessionDep) -> Response:
    """Every revoked signing key's certificate (extension, section 10); fresh a week."""
    from k3desk.server import authority

    return Response(authority.crl(session), media_type="application/pkix-crl",
                    headers={"Cache-Control": "max-age=300"})


def _check(session: SessionDep, number: str, p: str | None, s: str | None, k: str | None,
           view: object) -> LinkCheck | None:
    if not (p and s and k):
        return None
    return check_link(session, number, p, s, k, view)  # type: ignore[arg-type]


@router.get(f"{API_PREFIX}/certificates/verification", response_model=Verification,
            responses={404: {"model": ErrorBody}, 429: {"model": ErrorBody}})
def verification(session: SessionDep, number: Text, p: Text | None = None,
                 s: Text | None = None, k: Text | None = None) -> Verification:
    view = find_certificate(session, number.strip(), utcnow().date())
    if view is None:
        raise ApiError(404, "not_found", f"no certificate numbered {number}")
    return view.public(_check(session, view.number, p, s, k, view))


_PAGE_RESPONSES: dict[int | str, dict[str, object]] = {
    404: {"description": "no certificate with this number (an HTML page)",
          "content": {"text/html": {"schema": {"type": "string"}}}},
    429: {"description": "too many verifications from this address",
          "content": {"text/html": {"schema": {"type": "string"}}}}}


@router.get("/verify", response_class=HTMLResponse, responses=_PAGE_RESPONSES)
def verify_page(session: SessionDep, number: Text = "", p: Text | None = None,
                s: Text | None = None, k: Text | None = None) -> HTMLResponse:
    number = number.strip()
    view = find_certificate(session, number, utcnow().date()) if number else None
    check = _check(session, number, p, s, k, view)
    if view is None:
        return HTMLResponse(not_found_page(number, check), status_code=404 if number else 200)
    return HTMLResponse(found_page(view, check))


@router.get("/V/{code}", response_class=HTMLResponse, responses=_PAGE_RESPONSES)
@router.get("/v/{code}", response_class=HTMLResponse, include_in_schema=False)
def verify_compact_page(session: SessionDep,
                        code: Annotated[str, Path(max_length=2000)]) -> HTMLResponse:
    """The QR's compact (v2) link: the same signed fields as the v1 query, so the same
    page and the same checks (domain/compact_link.py)."""
    import base64
    import json

    from k3desk.domain.compact_link import parse_code
    from k3desk.domain.errors import ValidationError
    from k3desk.domain.signing import b64url_encode

    try:
        payload, signature, key_id = parse_code(code)
    except ValidationError:
        broken = LinkCheck(False, "Data pada kode QR rusak atau tidak lengkap.")
        return HTMLResponse(not_found_page("", broken), status_code=404)
    raw = base64.b64decode(signature)
    s = base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")
    number = str(json.loads(payload)["number"])
    return verify_page(session, number, b64url_encode(payload), s, key_id)
