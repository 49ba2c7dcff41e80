"""Issue 13, a lost laptop: the signing key is kept encrypted under the supervisor's
password, unlocked at login for this process only, never in a backup or diagnostics."""

from __future__ import annotations

import base64
import json
import zipfile
from pathlib import Path

import pytest

from k3desk.domain import signing
from k3desk.domain.errors import K3Error
from k3desk.services import (
    auth_service,
    backup_service,
    diagnostics_service,
    inspection_service,
    keys_service,
    review_service,
)
from k3desk.services.context import AppContext
from k3desk.store.db import open_database
from tests.services.test_workflow import _ctx, _filled
from tests.support.cli import run_cli


def _secrets(pair: signing.KeyPair) -> list[bytes]:
    raw = pair.private_raw
    return [raw, base64.b64encode(raw), base64.urlsafe_b64encode(raw).rstrip(b"="),
            raw.hex().encode()]


def test_the_key_file_is_encrypted_and_signing_needs_the_unlock(demo_dir: Path) -> None:
    supervisor = _ctx(demo_dir, "penyelia")
    pair = keys_service.unlocked_keypair(supervisor.db)
    body = keys_service.key_path(supervisor.db).read_bytes()
    assert not any(secret in body for secret in _secrets(pair))
    stored = json.loads(body)
    assert stored["kdf"]["name"] == "argon2id" and stored["public_key"] == pair.public_b64
    assert not (demo_dir / keys_service.PLAIN_KEY_FILE).exists()
    inspector = _ctx(demo_dir, "inspektur")
    inspection_id = _filled(inspector)
    inspection_service.submit(inspector, inspection_id)
    keys_service.lock(supervisor.db)  # as a new process: nothing in memory
    with pytest.raises(K3Error, match="terkunci"):
        review_service.approve(supervisor, inspection_id)
    with pytest.raises(Exception, match="salah"):
        auth_service.unlock_for_cli(supervisor.db, supervisor.actor, "bukan-sandinya")
    assert not keys_service.is_unlocked(supervisor.db)
    again = _ctx(demo_dir, "penyelia")  # the login unlocks it
    assert keys_service.unlocked_keypair(again.db) == pair
    assert review_service.approve(again, inspection_id).number


def test_a_plain_key_is_migrated_at_the_next_login(demo_dir: Path) -> None:
    db = open_database(demo_dir)
    pair = signing.generate_keypair()
    keys_service.key_path(db).unlink()
    plain = demo_dir / keys_service.PLAIN_KEY_FILE
    plain.write_bytes(pair.private_raw)
    keys_service.lock(db)
    ctx = AppContext(db=db, actor=auth_service.login_offline(db, "penyelia", "demo-penyelia"))
    assert not plain.exists()
    assert keys_service.unlocked_keypair(ctx.db).private_raw == pair.private_raw
    assert keys_service.public_key(db) == pair.public_b64
    db.dispose()


def test_backups_and_diagnostics_never_carry_the_key_in_clear(demo_dir: Path,
                                                              tmp_path: Path) -> None:
    supervisor = _ctx(demo_dir, "penyelia")
    pair = keys_service.unlocked_keypair(supervisor.db)
    (demo_dir / keys_service.PLAIN_KEY_FILE).write_bytes(pair.private_raw)  # a stale copy
    backup = backup_service.create_backup(demo_dir, tmp_path / "b.zip").path
    diagnostics = diagnostics_service.collect(demo_dir, tmp_path / "d.zip")
    for archive in (backup, diagnostics):
        with zipfile.ZipFile(archive) as zf:
            assert "keys/signing.key" not in zf.namelist()
            for name in zf.namelist():
                data = zf.read(name)
                assert not any(secret in data for secret in _secrets(pair)), (archive, name)


@pytest.mark.slow  # four k3desk processes: the key in memory is per process
def test_cli_approve_reads_the_password_to_unlock(demo_dir: Path) -> None:
    inspector = _ctx(demo_dir, "inspektur")
    inspection_id = _filled(inspector)
    inspection_service.submit(inspector, inspection_id)
    inspector.db.dispose()
    done = run_cli("login", "--username", "penyelia", "--password-stdin", data_dir=demo_dir,
                   stdin="demo-penyelia\n")
    assert done.returncode == 0, done.stderr
    refused = run_cli("review", "approve", inspection_id, "--no-render", data_dir=demo_dir)
    assert refused.returncode != 0 and "--password-stdin" in refused.stderr
    assert "Traceback" not in refused.stderr
    wrong = run_cli("review", "approve", inspection_id, "--no-render", "--password-stdin",
                    data_dir=demo_dir, stdin="salah\n")
    assert wrong.returncode != 0 and "kata sandi salah" in wrong.stderr
    done = run_cli("review", "approve", inspection_id, "--no-render", "--password-stdin",
                   data_dir=demo_dir, stdin="demo-penyelia\n")
    assert done.returncode == 0, done.stderr
    assert "/" in done.stdout.splitlines()[0]
