"""Where the server's bearer token is kept between runs.

In the OS keyring (Windows Credential Locker, macOS Keychain, Secret Service) when one
is available; otherwise in ``<data dir>/token.json``, created with mode 0600 so that
only the user can read it. A token is tied to one data folder and one server. Set
``K3DESK_KEYRING=0`` to never use the keyring (tests, shared machines).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

log = logging.getLogger("k3desk.sync")

SERVICE = "k3desk"
FILE_NAME = "token.json"


def _keyring_usable() -> bool:
    if os.environ.get("K3DESK_KEYRING", "1") == "0":
        return False
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        return not isinstance(backend, fail.Keyring) and float(backend.priority) > 0
    except Exception:  # a broken keyring setup is the same as none
        return False


class TokenStore:
    """Load, save and forget the token of (data folder, server)."""

    def __init__(self, data_dir: Path, server_url: str) -> None:
        self.data_dir = Path(data_dir)
        self.server_url = server_url.rstrip("/")
        digest = hashlib.sha256(f"{self.data_dir.resolve()}|{self.server_url}".encode())
        self.account = digest.hexdigest()[:32]
        self.path = self.data_dir / FILE_NAME

    @property
    def uses_keyring(self) -> bool:
        return _keyring_usable()

    def load(self) -> str | None:
        """The token, or None."""
        value = self._load_value()
        return value.split(" ", 1)[-1] if value else None

    def owner(self) -> str | None:
        """The id of the user the token was given to (None when not recorded)."""
        value = self._load_value()
        return value.split(" ", 1)[0] if value and " " in value else None

    def _load_value(self) -> str | None:
        if self.uses_keyring:
            try:
                import keyring

                value = keyring.get_password(SERVICE, self.account)
                if value:
                    return value
            except Exception as exc:
                log.warning("keyring could not be read (%s); using the token file", exc)
        return self._file().get(self.account)

    def save(self, token: str, user_id: str | None = None) -> None:
        """Keep ``token`` (given to ``user_id``: a token never acts for someone else)."""
        token = f"{user_id} {token}" if user_id else token
        if self.uses_keyring:
            try:
                import keyring

                keyring.set_password(SERVICE, self.account, token)
                self._write({k: v for k, v in self._file().items() if k != self.account})
                return
            except Exception as exc:
                log.warning("keyring could not be written (%s); using the token file", exc)
        tokens = self._file()
        tokens[self.account] = token
        self._write(tokens)

    def clear(self) -> None:
        if self.uses_keyring:
            try:
                import keyring

                keyring.delete_password(SERVICE, self.account)
            except Exception:  # not there, or no keyring after all
                pass
        tokens = self._file()
        if tokens.pop(self.account, None) is not None:
            self._write(tokens)

    def _file(self) -> dict[str, str]:
        try:
            value = json.loads(self.path.read_text(encoding="utf-8"))
            return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}
        except (OSError, ValueError):
            return {}

    def _write(self, tokens: dict[str, str]) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{FILE_NAME}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(tokens, fh)
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)
