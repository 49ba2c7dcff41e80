"""The HTTP side of sync: one small httpx client over SYNC_PROTOCOL.md.

It turns every answer into either a protocol DTO or one of a few exceptions the
engine acts on: ``Unreachable`` (network errors, timeouts, 5xx: retry later),
``AuthRequired`` (401: ask for a new login, leave the queue alone), ``CursorReset``
(410), ``TooLarge`` (413), ``Throttled`` (429) and ``ServerRefused`` (any other
refusal). Nothing here touches the database.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from k3desk.domain.errors import K3Error
from k3desk.sync.protocol import (
    API_PREFIX,
    BalaiUpdate,
    Change,
    Envelope,
    Info,
    LoginRequest,
    LoginResponse,
    NumberBlockCreate,
    PullResponse,
    PushRequest,
    PushResponse,
    SigningKeyCreate,
)

if TYPE_CHECKING:
    import httpx

# seconds: a whole request, and connecting (httpx is imported with the first client, not
# when the window starts)
DEFAULT_TIMEOUT = (30.0, 5.0)


log = logging.getLogger("k3desk.sync")

class SyncError(K3Error):
    """Base of what a sync request can end with, besides an answer."""


class Unreachable(SyncError):
    """The server could not be reached or failed (network, timeout, 5xx): retry later."""


class AuthRequired(SyncError):
    """The token is missing, unknown or expired (401): a person must log in again."""


class CursorReset(SyncError):
    """The server cannot serve our cursor any more (410): pull again from 0."""


class TooLarge(SyncError):
    """The server refused a body as too large (413)."""


class Throttled(SyncError):
    """Too many failed logins for this name (429); ``retry_after`` in seconds."""

    def __init__(self, message: str, retry_after: float | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ServerRefused(SyncError):
    """Any other refusal (4xx) the engine cannot fix by retrying."""

    def __init__(self, message: str, status: int, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def _error_of(response: httpx.Response) -> tuple[str | None, str]:
    try:
        body = response.json()
        err = body.get("error") if isinstance(body, dict) else None
        if isinstance(err, dict):
            return err.get("code"), str(err.get("message") or err.get("code") or "")
        if isinstance(err, str):
            return None, err
    except (ValueError, json.JSONDecodeError):
        pass
    return None, response.reason_phrase or f"HTTP {response.status_code}"


class SyncClient:
    """A connection to one server; ``token`` is set after a login."""

    def __init__(self, server_url: str, token: str | None = None, *,
                 timeout: httpx.Timeout | float | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        import httpx

        if timeout is None:
            timeout = httpx.Timeout(DEFAULT_TIMEOUT[0], connect=DEFAULT_TIMEOUT[1])
        self.server_url = server_url.rstrip("/")
        self.token = token
        # plain http (a LAN server) needs no CA bundle: loading one costs ~40 ms per client
        plain = self.server_url.startswith("http://")
        self._http = httpx.Client(base_url=self.server_url + API_PREFIX, timeout=timeout,
                                  transport=transport, follow_redirects=False,
                                  verify=not plain)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- plumbing -------------------------------------------------------------------------

    def _request(self, method: str, path: str, *, auth: bool = True,
                 ok: tuple[int, ...] = (200,), **kw: Any) -> httpx.Response:
        headers = dict(kw.pop("headers", {}) or {})
        if auth:
            if not self.token:
                raise AuthRequired("belum login ke server: login daring diperlukan")
            headers["Authorization"] = f"Bearer {self.token}"
        import httpx

        try:
            response = self._http.request(method, path, headers=headers, **kw)
        except httpx.TimeoutException as exc:
            raise Unreachable(f"server {self.server_url} tidak menjawab tepat waktu") from exc
        except httpx.TransportError as exc:
            log.info("request %s %s failed: %r", method, path, exc)
            raise Unreachable(f"server {self.server_url} tidak dapat dihubungi; periksa "
                              "alamat server dan jaringan") from exc
        status = response.status_code
        if status in ok:
            return response
        code, message = _error_of(response)
        if status >= 500:
            raise Unreachable(f"server {self.server_url} sedang bermasalah (HTTP {status})")
        if status == 401:
            raise AuthRequired("sesi login ke server berakhir: silakan login daring lagi")
        if status == 410 and code == "cursor_reset":
            raise CursorReset("server meminta tarik ulang dari awal")
        if status == 413:
            raise TooLarge(f"server menolak data yang terlalu besar: {message}")
        if status == 429:
            after = response.headers.get("Retry-After")
            raise Throttled(f"terlalu banyak percobaan login: {message}",
                            float(after) if after and after.isdigit() else None)
        raise ServerRefused(f"server menolak permintaan (HTTP {status}): {message}", status,
                            code)

    def _json(self, response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError as exc:  # a proxy's page, a cut-off body
            raise Unreachable(f"jawaban server {self.server_url} tidak utuh") from exc

    # -- the protocol -----------------------------------------------------------------------

    def health(self) -> bool:
        try:
            self._request("GET", "/health", auth=False)
            return True
        except SyncError:
            return False

    def info(self) -> Info:
        return Info.model_validate(self._json(self._request("GET", "/info", auth=False)))

    def login(self, username: str, password: str, device_id: str,
              device_name: str = "") -> LoginResponse:
        body = LoginRequest(username=username, password=password, device_id=device_id,
                            device_name=device_name[:200])
        try:
            response = self._request("POST", "/auth/login", auth=False,
                                     json=body.model_dump())
        except AuthRequired as exc:
            raise AuthRequired("nama pengguna atau kata sandi salah") from exc
        result = LoginResponse.model_validate(self._json(response))
        self.token = result.token
        return result

    def push(self, device_id: str, changes: list[Change]) -> PushResponse:
        body = PushRequest(device_id=device_id, changes=changes)
        response = self._request("POST", "/sync/push", content=push_body(body),
                                 headers={"Content-Type": "application/json"})
        result = PushResponse.model_validate(self._json(response))
        if len(result.results) != len(changes):
            raise Unreachable("jawaban push tidak lengkap")
        return result

    def pull(self, since: int, limit: int) -> PullResponse:
        response = self._request("GET", "/sync/pull", params={"since": since, "limit": limit})
        return PullResponse.model_validate(self._json(response))

    def register_key(self, device_id: str, public_key: str, csr: str | None = None
                     ) -> Envelope:
        """Register this device's Ed25519 public key (supervisors; not retried: a lost
        answer is learnt from the next pull), with the PDF key's certificate request."""
        body = SigningKeyCreate(device_id=device_id, public_key=public_key, csr=csr)
        response = self._request("POST", "/signing-keys", ok=(201,),
                                 json=body.model_dump(exclude_none=True))
        return Envelope.model_validate(self._json(response))

    def pki_file(self, name: str) -> bytes | None:
        """``ca.crt`` or ``crl`` of the server's authority (extension, section 10); None
        from a server without them."""
        response = self._request("GET", f"/pki/{name}", auth=False, ok=(200, 404))
        return response.content if response.status_code == 200 else None

    def lease_block(self, device_id: str, size: int) -> Envelope:
        """Lease a block of certificate numbers for offline approvals (supervisors)."""
        body = NumberBlockCreate(device_id=device_id, size=size)
        response = self._request("POST", "/number-blocks", ok=(201,), json=body.model_dump())
        return Envelope.model_validate(self._json(response))

    def put_balai(self, balai_id: str, body: BalaiUpdate) -> Envelope:
        """An admin's new document settings of a Balai ([k3desk] extension)."""
        response = self._request("PUT", f"/balai/{balai_id}",
                                 json=body.model_dump(exclude_none=True))
        return Envelope.model_validate(self._json(response))

    def blob_exists(self, sha256: str) -> bool:
        response = self._request("HEAD", f"/blobs/{sha256}", ok=(200, 404))
        return response.status_code == 200

    def put_blob(self, sha256: str, content: bytes) -> None:
        self._request("PUT", f"/blobs/{sha256}", ok=(200, 201), content=content,
                      headers={"Content-Type": "application/octet-stream"})

    def get_blob(self, sha256: str) -> bytes:
        return self._request("GET", f"/blobs/{sha256}").content


def push_body(body: PushRequest) -> bytes:
    """The exact bytes of a push (the engine measures batches with the same function)."""
    return json.dumps(body.model_dump(), ensure_ascii=False, separators=(",", ":")).encode()


def change_size(change: Change) -> int:
    return len(json.dumps(change.model_dump(), ensure_ascii=False,
                          separators=(",", ":")).encode()) + 1
