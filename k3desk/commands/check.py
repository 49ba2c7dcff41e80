"""``k3desk check TEMPLATE_ID VALUES.json``: evaluate values against a template (JSON out).

Exit 0 with the evaluation (whatever the verdict); exit 2 with a message on stderr for
an unknown template, unreadable JSON, or a value of the wrong type, range or unit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from k3desk.cli_support import print_json
from k3desk.domain.errors import ValidationError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("check", help="nilai hasil pemeriksaan terhadap templat / evaluate values")
    p.add_argument("template_id", metavar="TEMPLATE_ID")
    p.add_argument("values", metavar="VALUES.json", help="values file ('-' reads stdin)")
    p.add_argument("--version", type=int, default=None,
                   help="template version the values were filled with (default: latest)")
    p.add_argument("--inspected-on", type=_date, default=None, metavar="YYYY-MM-DD",
                   help="date of the inspection, for the next test due date (default: today)")
    p.add_argument("--templates-dir", type=Path, default=None,
                   help="also load the templates of this folder")
    p.set_defaults(func=run)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def read_values(name: str) -> Any:
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"{name}: cannot read: {exc}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"{name}: not valid JSON (line {exc.lineno}, column "
                              f"{exc.colno}: {exc.msg})") from None


def run(args: argparse.Namespace) -> int:
    from k3desk.commands.templates import registry_of
    from k3desk.domain.evaluation import evaluate, validate_values

    template = registry_of(args).get(args.template_id, args.version)
    values = read_values(args.values)
    errors = validate_values(template, values)
    if errors:
        shown = "\n".join(f"  {e.path or '(values)'}: {e.message}" for e in errors[:20])
        more = f"\n  ... and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise ValidationError(f"{args.values}: {len(errors)} invalid value(s) for "
                              f"{template.id} v{template.version}:\n{shown}{more}")
    result = evaluate(template, values, args.inspected_on or dt.date.today())
    print_json(result.to_json())
    return 0
