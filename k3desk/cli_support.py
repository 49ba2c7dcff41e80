"""Small helpers the command modules share."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from k3desk.paths import default_data_dir


def data_dir_of(args: argparse.Namespace) -> Path:
    value = getattr(args, "data_dir", None)
    return Path(value) if value else default_data_dir()


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
