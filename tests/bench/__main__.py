"""The benchmark runner: ``python -m tests.bench [--quick] [--only NAME ...]``.

Runs every part listed in ``PARTS`` on generated data (``--quick``: a tenth of the sizes)
and prints one line per figure (see ``tests/bench/figures.py``). It exits 0 whatever the
figures say; a part that breaks prints its error on standard error and the others go on.

A part is a module ``tests/bench/<part>.py`` with ``def figures(quick: bool) ->
Iterable[Figure]``; it yields each figure as soon as it is measured.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback

# The order figures print in; each part is a module of this package.
PARTS: list[str] = ["startup", "table", "editor", "memory", "certificate", "outbox",
                    "sync_parts", "server_parts"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench")
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes (CI-sized)")
    parser.add_argument("--only", nargs="*", default=None, metavar="PART",
                        help=f"run only these parts ({', '.join(PARTS)})")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("K3DESK_KEYRING", "0")  # never the developer's keyring
    for part in PARTS if not args.only else [p for p in PARTS if p in args.only]:
        try:
            module = importlib.import_module(f"tests.bench.{part}")
            for figure in module.figures(args.quick):
                print(figure.line(), flush=True)
        except Exception:  # noqa: BLE001 - a broken part must not stop the others
            print(f"[{part}] failed:", file=sys.stderr)
            traceback.print_exc()
    return 0


if __name__ == "__main__":
    sys.exit(main())
