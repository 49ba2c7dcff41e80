"""Dependencies shared by the routes: settings, a database session, the acting user."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session, sessionmaker

from k3desk.server.auth import Actor, authenticate
from k3desk.server.errors import ApiError
from k3desk.server.settings import Settings
from k3desk.server.store import utcnow


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_sessions(request: Request) -> sessionmaker[Session]:
    sessions: sessionmaker[Session] = request.app.state.sessions
    return sessions


def get_session(request: Request) -> Iterator[Session]:
    with get_sessions(request)() as session:
        yield session


def current_user(request: Request,
                 authorization: Annotated[str | None, Header()] = None) -> Actor:
    """The user of the bearer token; 401 for a missing, unknown or expired one."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized", "a bearer token is required",
                       headers={"WWW-Authenticate": "Bearer"})
    with get_sessions(request)() as session:
        actor = authenticate(session, token.strip(), utcnow())
    if actor is None:
        raise ApiError(401, "unauthorized", "the token is unknown or expired",
                       headers={"WWW-Authenticate": "Bearer"})
    return actor


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionsDep = Annotated[sessionmaker[Session], Depends(get_sessions)]
SessionDep = Annotated[Session, Depends(get_session)]
CurrentUser = Annotated[Actor, Depends(current_user)]
