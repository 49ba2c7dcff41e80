"""Where k3desk finds its resources and keeps its data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "k3desk"


def resources_dir() -> Path:
    """The ``resources/`` folder: templates, fonts, logos, translations.

    Looked up in this order: ``K3DESK_RESOURCES``; beside the frozen executable
    (PyInstaller); the source checkout (``k3desk/../resources``, also what an editable
    install uses); the package data of an installed wheel (``k3desk._resources``, the
    same folder shipped inside the package, see pyproject.toml).
    """
    env = os.environ.get("K3DESK_RESOURCES")
    if env:
        return Path(env)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if (checkout / "templates").is_dir():
        return checkout
    installed = _installed_resources()
    return installed if installed is not None else checkout


def _installed_resources() -> Path | None:
    """``k3desk._resources`` of an installed wheel as a folder on disk (None if absent)."""
    from importlib import resources

    path = Path(str(resources.files("k3desk") / "_resources"))
    return path if path.is_dir() else None


def default_data_dir() -> Path:
    """The laptop's data folder (database, blobs, keys, logs, backups)."""
    env = os.environ.get("K3DESK_DATA_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_server_dir() -> Path:
    """The server's data folder (its SQLite database and blobs by default)."""
    env = os.environ.get("K3DESK_SERVER_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME + "-server", appauthor=False))
