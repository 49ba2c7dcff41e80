"""Small helpers the command modules share."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from k3desk.paths import default_data_dir

if TYPE_CHECKING:
    from k3desk.store.db import Database


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    """Let ``--data-dir`` also come after the command (``k3desk demo --data-dir D``)."""
    parser.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                        help="data folder of this laptop (default: the user data folder)")


def data_dir_of(args: argparse.Namespace) -> Path:
    value = getattr(args, "data_dir", None)
    return Path(value) if value else default_data_dir()


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


@contextmanager
def open_db(args: argparse.Namespace) -> Iterator[Database]:
    """The data folder's database for one command, closed when the command ends."""
    from k3desk.store.db import open_database

    db = open_database(data_dir_of(args))
    try:
        yield db
    finally:
        db.dispose()
