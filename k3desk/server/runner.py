"""Running the application under uvicorn, announcing readiness on stdout.

``workers`` above 1 runs that many processes on one listening socket (uvicorn's
supervisor): the parent migrates the schema and binds the socket, each worker builds
its own application from the settings handed down in ``K3DESK_SERVER_SETTINGS``. The
processes share nothing but the database and the blob store.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import socket
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import uvicorn

from k3desk.domain.errors import K3Error
from k3desk.domain.i18n import translate
from k3desk.domain.reasons import database_reason
from k3desk.server.settings import Settings

log = logging.getLogger("k3desk.server")

SETTINGS_ENV = "K3DESK_SERVER_SETTINGS"


class _AnnouncingServer(uvicorn.Server):
    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.should_exit or sockets is not None:  # a worker: the parent announced
            return
        host, port = self.config.host, self.config.port
        for server in getattr(self, "servers", []):
            for sock in server.sockets:
                host, port = sock.getsockname()[:2]
                break
        announce(host, port)


def announce(host: str, port: int) -> None:
    print(f"k3desk server ready on http://{host}:{port}", flush=True)


def settings_to_env(settings: Settings) -> str:
    values: dict[str, Any] = {}
    for f in dataclasses.fields(settings):
        value = getattr(settings, f.name)
        if isinstance(value, Path):
            value = str(value)
        elif isinstance(value, timedelta):
            value = value.total_seconds()
        values[f.name] = value
    return json.dumps(values)


def settings_from_env() -> Settings:
    values = json.loads(os.environ[SETTINGS_ENV])
    defaults = Settings(db_url=values["db_url"], blob_dir=Path(values["blob_dir"]))
    for f in dataclasses.fields(defaults):
        if f.name in values:
            current = getattr(defaults, f.name)
            value = values[f.name]
            if isinstance(current, Path):
                value = Path(value)
            elif isinstance(current, timedelta):
                value = timedelta(seconds=value)
            setattr(defaults, f.name, value)
    return defaults


def worker_app() -> Any:
    """The application of one worker process (``workers`` > 1)."""
    from k3desk.server.app import create_app

    return create_app(settings_from_env())


def serve(settings: Settings, *, host: str, port: int, log_level: str = "info",
          proxy_headers: bool = False, forwarded_allow_ips: str = "127.0.0.1",
          workers: int = 1) -> int:
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
    if workers > 1:
        return _serve_workers(app, settings, workers, kwargs)
    server = _AnnouncingServer(uvicorn.Config(app, **kwargs))
    server.run()
    sys.stdout.flush()
    return 0 if server.started else 1


def _serve_workers(app: Any, settings: Settings, workers: int, kwargs: dict[str, Any]) -> int:
    from uvicorn.supervisors import Multiprocess

    app.state.engine.dispose()  # the parent only migrated; workers open their own
    os.environ[SETTINGS_ENV] = settings_to_env(dataclasses.replace(settings, migrate=False))
    config = uvicorn.Config("k3desk.server.runner:worker_app", factory=True, workers=workers,
                            **kwargs)
    sock = config.bind_socket()
    sock.listen(config.backlog)  # connections wait in the backlog until a worker is up
    host, port = sock.getsockname()[:2]
    announce(host, port)
    Multiprocess(config, sockets=[sock]).run()
    sys.stdout.flush()
    return 0
