"""Offline login and logout on a demo folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from k3desk.domain.errors import PermissionDenied
from k3desk.services import auth_service
from k3desk.store.db import open_database


def test_login_then_logout_leaves_nobody_acting(demo_dir: Path) -> None:
    db = open_database(demo_dir)
    try:
        with pytest.raises(PermissionDenied):
            auth_service.login_offline(db, "inspektur", "salah")
        actor = auth_service.login_offline(db, "inspektur", "demo-inspektur")
        current = auth_service.current_actor(db)
        assert current is not None and current.id == actor.id
        auth_service.logout(db)
        assert auth_service.current_actor(db) is None
        auth_service.logout(db)  # nobody logged in: nothing to do, no error
        assert auth_service.current_actor(db) is None
    finally:
        db.dispose()
