"""Shared by the photo, signature and instrument widget tests: a window-less UI session
on a demo data folder, logged in as a demo user (import the fixture where used)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from k3desk.services.context import Actor
from k3desk.store.db import open_database
from k3desk.store.models import User
from k3desk.ui.session import UiSession
from tests.support.drafts import new_draft


@pytest.fixture
def ui_session(demo_dir: Path) -> Iterator[Callable[[str], UiSession]]:
    made: list[UiSession] = []

    def make(username: str = "inspektur") -> UiSession:
        db = open_database(demo_dir)
        session = UiSession(db)
        with db.session() as s:
            session.set_actor(Actor.of(s.scalars(select(User).where(
                User.username == username)).one()))
        made.append(session)
        return session

    yield make
    for session in made:
        session.close()
        session.db.dispose()


def draft_of(session: UiSession, object_type: str = "mobile_crane") -> str:
    """A new draft of the session's user (made through the services, no photo yet)."""
    return new_draft(session.context(), object_type)
