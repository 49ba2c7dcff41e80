"""Login, tokens and throttling (protocol section 2)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from k3desk.server import admin
from k3desk.server.models import Credential, Token
from tests.server.helpers import PASSWORD, World, login


def _login(world: World, username: str,
           password: str) -> tuple[int, dict[str, Any], dict[str, str]]:
    r = world.client.post("/api/v1/auth/login", json={
        "username": username, "password": password, "device_id": "d1", "device_name": "x"})
    return r.status_code, r.json(), dict(r.headers)


def test_login_answers_token_expiry_and_user(world: World) -> None:
    status, body, _ = _login(world, "insp", PASSWORD)
    assert status == 200
    user = body["user"]
    assert isinstance(user, dict)
    assert user["username"] == "insp" and user["role"] == "inspector"
    assert user["balai_id"] == world.balai_a.id
    assert set(user) == {"id", "username", "full_name", "nip", "role", "balai_id"}
    expires = dt.datetime.fromisoformat(str(body["expires_at"]).replace("Z", "+00:00"))
    assert expires > dt.datetime.now(dt.UTC) + dt.timedelta(days=1)


def test_wrong_password_and_unknown_user_get_the_same_401(world: World) -> None:
    s1, b1, _ = _login(world, "insp", "wrong password!")
    s2, b2, _ = _login(world, "nobody", "wrong password!")
    assert (s1, s2) == (401, 401)
    assert b1 == b2 == {"error": {"code": "unauthorized",
                                  "message": "wrong username or password"}}


def test_throttled_after_ten_failures_even_with_the_right_password(world: World) -> None:
    for _ in range(10):
        assert _login(world, "insp", "nope nope nope")[0] == 401
    status, body, headers = _login(world, "insp", PASSWORD)
    assert status == 429
    assert body["error"]["code"] == "throttled"  # type: ignore[index]
    assert 0 < int(headers["retry-after"]) <= 15 * 60 + 1
    # other usernames are not affected
    assert _login(world, "sup", PASSWORD)[0] == 200


def test_throttle_window_passes(world: World) -> None:
    from k3desk.server.models import LoginFailure

    for _ in range(10):
        _login(world, "insp", "nope nope nope")
    assert _login(world, "insp", PASSWORD)[0] == 429
    with world.sessions() as s, s.begin():
        for row in s.scalars(select(LoginFailure)):
            row.at = row.at - dt.timedelta(minutes=16)
    assert _login(world, "insp", PASSWORD)[0] == 200


def test_tokens_and_passwords_are_stored_only_as_hashes(world: World) -> None:
    with world.sessions() as s:
        tokens = s.scalars(select(Token)).all()
        creds = s.scalars(select(Credential)).all()
    assert world.inspector.token not in {t.token_hash for t in tokens}
    assert all(len(t.token_hash) == 64 for t in tokens)
    assert all(c.password_hash.startswith("$argon2id$") for c in creds)
    assert all(PASSWORD not in c.password_hash for c in creds)


def test_missing_unknown_and_expired_tokens_get_401(world: World) -> None:
    url = "/api/v1/sync/pull"
    assert world.client.get(url).status_code == 401
    r = world.client.get(url, headers={"Authorization": "Bearer not-a-token"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    assert world.client.get(url, headers={"Authorization": "Basic abc"}).status_code == 401
    assert world.client.get(url, headers=world.inspector.headers).status_code == 200
    with world.sessions() as s, s.begin():
        for t in s.scalars(select(Token)):
            t.expires_at = dt.datetime(2020, 1, 1)
    assert world.client.get(url, headers=world.inspector.headers).status_code == 401


def test_disabled_user_loses_tokens_and_cannot_log_in(world: World) -> None:
    with world.sessions() as s:
        admin.disable_user(s, "insp")
    assert world.client.get("/api/v1/sync/pull",
                            headers=world.inspector.headers).status_code == 401
    assert _login(world, "insp", PASSWORD)[0] == 401


def test_password_reset_revokes_tokens(world: World) -> None:
    with world.sessions() as s:
        admin.reset_password(s, "insp", "a brand new passphrase")
    assert world.client.get("/api/v1/sync/pull",
                            headers=world.inspector.headers).status_code == 401
    assert _login(world, "insp", PASSWORD)[0] == 401
    assert login(world.client, "insp", "a brand new passphrase").user["username"] == "insp"


def test_me_and_logout(world: World) -> None:
    r = world.client.get("/api/v1/auth/me", headers=world.inspector.headers)
    assert r.json()["username"] == "insp"
    assert world.client.post("/api/v1/auth/logout",
                             headers=world.inspector.headers).status_code == 204
    assert world.client.get("/api/v1/auth/me",
                            headers=world.inspector.headers).status_code == 401
