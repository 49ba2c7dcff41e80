"""Diagnostics and the log file: useful facts out, secrets and personal data never."""

from __future__ import annotations

import json
import logging
import zipfile
from pathlib import Path

from k3desk import logging_setup
from k3desk.cli import main
from k3desk.services import diagnostics_service, settings_service
from k3desk.store.db import open_database
from k3desk.store.models import Balai, Company, User

SECRETS = ["hunter2-pass", "eyJhbGciOiJIUzI1NiJ9.tok", "sk-very-secret", "budi@example.go.id",
           "198703152010011003", "Budi Santoso", "PT Rahasia Klien", "ghostuser",
           "-----BEGIN PRIVATE KEY-----"]


def make_folder(data_dir: Path) -> None:
    db = open_database(data_dir)
    with db.session(remote=True) as s:
        balai = Balai(code="B", name="Balai", address="x", version=1)
        s.add(balai)
        s.flush()
        s.add(User(username="ghostuser", full_name="Budi Santoso", nip="198703152010011003",
                   role="inspector", balai_id=balai.id, version=1,
                   password_hash="$argon2id$v=19$m=65536$abc$def"))
        s.add(Company(balai_id=balai.id, name="PT Rahasia Klien", address="Jl. Rahasia"))
        for key, value in (  # known keys and some an older or hand-edited file may hold
                ("server_url", "https://ghostuser:hunter2-pass@k3.example/api"),
                ("access_token", "eyJhbGciOiJIUzI1NiJ9.tok"), ("last_username", "ghostuser"),
                ("sync", {"api_key": "sk-very-secret", "cursor": 1812}),
                ("device_id", "dev-42")):
            settings_service.put(s, settings_service.Setting(key, (object,), None), value)
    db.dispose()


def test_log_file_rotates_and_masks_secrets(tmp_path, monkeypatch):
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 3000)
    path = logging_setup.setup_logging(tmp_path)
    try:
        assert logging_setup.setup_logging(tmp_path) == path  # no second handler
        log = logging.getLogger("k3desk.test")
        log.warning("login failed password=hunter2-pass for budi@example.go.id")
        log.warning("sent Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.tok")
        log.warning("nip 198703152010011003 key -----BEGIN PRIVATE KEY-----\nAAAA\n"
                    "-----END PRIVATE KEY----- done")
        first = path.read_text()
        for i in range(100):
            log.info("line %d %s", i, "x" * 80)
    finally:
        logging_setup.close_logging()
    assert "login failed password=***" in first and "sent Authorization: ***" in first
    assert "[nip]" in first and "[private key] done" in first
    for secret in ("hunter2-pass", "eyJhbGciOiJIUzI1NiJ9.tok", "budi@example.go.id",
                   "198703152010011003", "AAAA"):
        assert secret not in first
    rotated = sorted(p.name for p in path.parent.iterdir())
    assert rotated[:2] == ["k3desk.log", "k3desk.log.1"] and len(rotated) <= 6


def test_diagnostics_zip_has_facts_and_no_secrets(tmp_path, capsys):
    data = tmp_path / "data"
    make_folder(data)
    (data / "logs").mkdir()
    # A log written before masking existed (or by a careless line): scrubbed at collection.
    (data / "logs" / "k3desk.log").write_text(
        "INFO sync user ghostuser (Budi Santoso) token=eyJhbGciOiJIUzI1NiJ9.tok\n"
        "INFO imported PT Rahasia Klien api_key: sk-very-secret budi@example.go.id\n")
    out = tmp_path / "diag.zip"
    assert main(["diagnostics", "-o", str(out), "--data-dir", str(data)]) == 0
    assert "diagnostik ditulis" in capsys.readouterr().out
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        everything = "\n".join(zf.read(n).decode() for n in names)
        report = json.loads(zf.read("diagnostics.json"))
    assert names == ["diagnostics.json", "logs/k3desk.log"]
    for secret in SECRETS + ["$argon2id"]:
        assert secret.lower() not in everything.lower(), secret
    assert report["versions"]["k3desk"] and report["versions"]["python"]
    assert report["database"]["counts"]["company"] == 1
    assert report["database"]["schema_revision"] == report["versions"]["schema_head"]
    settings = report["database"]["settings"]
    assert settings["server_url"] == "https://k3.example/api"
    assert settings["access_token"] == "[redacted]" and settings["last_username"] == "[redacted]"
    assert settings["sync"] == {"api_key": "[redacted]", "cursor": 1812}
    assert settings["device_id"] == "dev-42"
    assert "INFO sync user [name] ([name]) token=***" in everything


def test_redact_patterns():
    r = logging_setup.redact
    assert r("GET /pull with Bearer abc.DEF-123") == "GET /pull with Bearer ***"
    assert r('{"password": "s3cret", "user": "x"}') == '{"password": "***", "user": "x"}'
    assert r("hash $argon2id$v=19$m=65536,t=3$c2FsdA$aGFzaA ok") == "hash [password hash] ok"
    assert r("company 0812-555 seq 1812") == "company 0812-555 seq 1812"  # not over-eager


def test_diagnostics_of_an_empty_folder_still_works(tmp_path):
    out = diagnostics_service.collect(tmp_path / "nothing-here", tmp_path / "d.zip")
    with zipfile.ZipFile(out) as zf:
        report = json.loads(zf.read("diagnostics.json"))
    assert report["database"] == {"database": "missing"}
    assert report["data_folder"]["blob_files"] == 0
