"""Running the application under uvicorn, announcing readiness on stdout."""

from __future__ import annotations

import logging
import socket
import sys
from typing import Any

import uvicorn

from k3desk.domain.errors import K3Error
from k3desk.domain.i18n import translate
from k3desk.domain.reasons import database_reason
from k3desk.server.settings import Settings

log = logging.getLogger("k3desk.server")


class _AnnouncingServer(uvicorn.Server):
    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.should_exit:
            return
        host, port = self.config.host, self.config.port
        for server in getattr(self, "servers", []):
            for sock in server.sockets:
                host, port = sock.getsockname()[:2]
                break
        print(f"k3desk server ready on http://{host}:{port}", flush=True)


def serve(settings: Settings, *, host: str, port: int, log_level: str = "info",
          proxy_headers: bool = False, forwarded_allow_ips: str = "127.0.0.1") -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from k3desk.server.app import create_app

    try:
        app = create_app(settings)
    except SQLAlchemyError as exc:
        log.warning("opening the server database failed: %s", exc)
        raise K3Error(translate("server", "basis data server tidak dapat dibuka: "
                                "{reason}").format(reason=database_reason(exc))) from exc
    kwargs: dict[str, Any] = {"host": host, "port": port, "log_level": log_level,
                              "proxy_headers": proxy_headers,
                              "forwarded_allow_ips": forwarded_allow_ips,
                              "limit_concurrency": 500, "timeout_keep_alive": 30}
    server = _AnnouncingServer(uvicorn.Config(app, **kwargs))
    server.run()
    sys.stdout.flush()
    return 0 if server.started else 1
