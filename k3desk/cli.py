"""The one entry point: ``k3desk [COMMAND] ...``; no command starts the GUI.

Each command group lives in a module of ``k3desk.commands`` with a
``register(subparsers)`` function that adds its parser and sets ``func`` (and may set
``needs_data_dir``). A command's ``func(args)`` returns the exit code. Errors meant for
a person (``K3Error``) print one line on stderr and exit 2; nothing prints a stack
trace.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path

import k3desk.commands
from k3desk import __version__
from k3desk.domain.errors import K3Error

log = logging.getLogger("k3desk")
SERVER_PACKAGES = {"fastapi", "starlette", "uvicorn", "psycopg"}


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with usage on bad input (its default) and never traces."""


def _starts_window(argv: Sequence[str]) -> bool:
    """True when ``argv`` only starts the window (no command, or ``gui``): then only the
    gui command is registered, so a start does not import every command's code."""
    words = list(argv)
    if any(w in ("-h", "--help", "--version") for w in words):
        return False
    while words and words[0].startswith("-"):
        option = words.pop(0)
        if option in ("--data-dir", "--lang") and words:
            words.pop(0)
    return not words or words[0] == "gui"


def build_parser(only_gui: bool = False) -> argparse.ArgumentParser:
    parser = _Parser(prog="k3desk", description="Pemeriksaan dan pengujian K3, luring dulu.")
    parser.add_argument("--version", action="version", version=f"k3desk {__version__}")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="data folder of this laptop (default: the user data folder)")
    parser.add_argument("--lang", choices=["id", "en"], default=None,
                        help="language of the interface (default: id)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for info in sorted(pkgutil.iter_modules(k3desk.commands.__path__), key=lambda m: m.name):
        if only_gui and info.name != "gui":
            continue
        module = importlib.import_module(f"k3desk.commands.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(only_gui=_starts_window(words))
    args = parser.parse_args(words)
    if args.command is None:
        args.command = "gui"
        gui = importlib.import_module("k3desk.commands.gui")
        args.func = gui.run
        args.with_demo = False
    data_dir = getattr(args, "data_dir", None)
    if getattr(args, "lang", None) is None:  # the language chosen in the window's settings
        from k3desk.paths import default_data_dir
        from k3desk.services.settings_service import language_of_folder

        args.lang = language_of_folder(Path(data_dir) if data_dir else default_data_dir())
    if args.command != "gui":  # the window installs Qt's translator itself
        from k3desk.domain.i18n import use_language
        from k3desk.paths import resources_dir

        use_language(args.lang, resources_dir())  # service messages in English too
    if data_dir is not None and Path(data_dir).is_dir():
        from k3desk.logging_setup import setup_logging

        setup_logging(Path(data_dir))  # a folder the person named; the default one is
        # set up by the commands that write to it
    try:
        return int(args.func(args) or 0)
    except K3Error as exc:
        print(f"k3desk: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: say so plainly, keep the details in the log
        name = getattr(exc, "name", None) or ""
        if isinstance(exc, ModuleNotFoundError) and (
                name.split(".")[0] in SERVER_PACKAGES or name.startswith("k3desk.server")):
            print("k3desk: perintah ini memerlukan paket server, yang tidak termasuk dalam "
                  "aplikasi desktop; pasang dengan: pip install 'k3desk[server]'",
                  file=sys.stderr)
            return 2
        log.exception("unexpected error in %s", args.command)
        if os.environ.get("K3DESK_DEBUG"):
            raise
        print("k3desk: terjadi kesalahan tak terduga; rinciannya tercatat di log "
              "(k3desk diagnostics -o diag.zip mengumpulkannya)", file=sys.stderr)
        return 1
