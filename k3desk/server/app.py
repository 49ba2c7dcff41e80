"""The application factory: ``create_app(Settings(...))`` on SQLite or PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from k3desk.server.blob_store import make_blob_store
from k3desk.server.db import make_engine, migrate, session_factory
from k3desk.server.errors import install_error_handlers
from k3desk.server.public_guard import PublicGuard
from k3desk.server.settings import Settings
from k3desk.sync.protocol import API_PREFIX, ErrorBody, PushRequest, PushResponse

__all__ = ["Settings", "create_app"]


def create_app(settings: Settings | None = None) -> FastAPI:
    """A server over ``settings.db_url``, its schema migrated unless told otherwise."""
    from k3desk.server.routes import auth, balai, blobs, leases, public, sync

    settings = settings or Settings()
    engine = make_engine(settings.db_url, pool_size=settings.pool_size)
    if settings.migrate:
        migrate(engine)
    settings.blob_dir.mkdir(parents=True, exist_ok=True)
    blob_store = make_blob_store(settings)
    if settings.migrate:
        from k3desk.server import authority

        with session_factory(engine)() as session:
            authority.ensure(session)  # the Balai's CA: made on first start

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(title="k3desk server", version="1", docs_url=f"{API_PREFIX}/docs",
                  redoc_url=None, openapi_url=f"{API_PREFIX}/openapi.json", lifespan=lifespan)
    app.state.settings = settings
    app.state.engine = engine
    app.state.blob_store = blob_store
    app.state.sessions = session_factory(engine)
    install_error_handlers(app)
    for module in (public, auth, sync, blobs, leases, balai):
        app.include_router(module.router)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.add_middleware(PublicGuard, per_minute=settings.verify_per_minute)
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The generated document, plus the schemas of bodies that routes read themselves."""
    if app.openapi_schema:
        return app.openapi_schema
    doc = get_openapi(title=app.title, version=app.version, routes=app.routes,
                      description="k3desk sync protocol v1 (docs/SYNC_PROTOCOL.md)")
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for model in (PushRequest, PushResponse, ErrorBody):
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, sub in schema.pop("$defs", {}).items():
            schemas.setdefault(name, sub)
        schemas.setdefault(model.__name__, schema)
    app.openapi_schema = doc
    return doc
