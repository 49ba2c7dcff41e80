"""What guards the public pages: security headers, and a per-address throttle of the
public verification so certificate numbers cannot be enumerated at full speed.

FastAPI-free (plain ASGI), installed by ``create_app``. The throttle is a token bucket
per client address held in memory: one server process, one set of buckets. Behind a
reverse proxy every client has the proxy's address, so the proxy should throttle.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
from collections import OrderedDict
from typing import Any

from k3desk.server.verify_page import CSS

#: Paths a person or a phone reaches without a token.
VERIFY_PATHS = ("/verify", "/api/v1/certificates/verification")
_STYLE_HASH = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
#: No script at all; the page's one inline style by its hash; nothing framed or fetched.
CSP = (f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; img-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY")]
_MAX_CLIENTS = 10_000


class Throttle:
    """Token buckets by client address: ``per_minute`` refill, half of it as burst."""

    def __init__(self, per_minute: int) -> None:
        self.rate = per_minute / 60.0
        self.burst = max(1.0, per_minute / 2)
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def wait(self, client: str, now: float | None = None) -> int:
        """0 when ``client`` may go on (one token spent), else seconds to wait."""
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._buckets.pop(client, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[client] = (tokens - 1, now)
                wait = 0
            else:
                self._buckets[client] = (tokens, now)
                wait = max(1, int((1 - tokens) / self.rate) + 1) if self.rate else 60
            while len(self._buckets) > _MAX_CLIENTS:
                self._buckets.popitem(last=False)
            return wait


_THROTTLED_PAGE = ("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\">"
                   "<title>Terlalu banyak permintaan</title></head><body><p>Terlalu banyak "
                   "pemeriksaan dari alamat ini. Coba lagi sebentar lagi.</p></body></html>")


class PublicGuard:
    """ASGI middleware: headers on every answer, CSP and the throttle on public pages."""

    def __init__(self, app: Any, per_minute: int) -> None:
        self.app = app
        self.throttle = Throttle(per_minute)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        public = path in VERIFY_PATHS
        extra = list(SECURITY_HEADERS)
        if public or not path.startswith("/api/v1/docs"):
            extra.append((b"content-security-policy", CSP.encode()))
        if public:
            client = (scope.get("client") or ("unknown", 0))[0]
            wait = self.throttle.wait(str(client))
            if wait:
                await self._throttled(path, wait, extra, send)
                return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in extra if k not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _throttled(self, path: str, wait: int, extra: list[tuple[bytes, bytes]],
                         send: Any) -> None:
        if path == "/verify":
            body, content_type = _THROTTLED_PAGE.encode(), b"text/html; charset=utf-8"
        else:
            body = json.dumps({"error": {"code": "throttled", "retry_after": wait,
                                         "message": "too many verifications from this "
                                         "address; try again later"}}).encode()
            content_type = b"application/json"
        headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode()),
                   (b"retry-after", str(wait).encode()), *extra]
        await send({"type": "http.response.start", "status": 429, "headers": headers})
        await send({"type": "http.response.body", "body": body})
