"""``k3desk templates list|show|example|schema|lint|preview``: the equipment-test templates
this copy knows, and the tools a Balai engineer uses to author one."""

from __future__ import annotations

import argparse
from pathlib import Path

from k3desk.cli_support import print_json
from k3desk.domain.templates import Template, TemplateRegistry, default_registry


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("templates", help="daftar dan isi templat pemeriksaan / list templates")
    tsub = p.add_subparsers(dest="templates_command", metavar="ACTION", required=True)

    p_list = tsub.add_parser("list", help="every template version (id, version, titles, type)")
    p_list.add_argument("--json", action="store_true", help="print JSON")
    _add_dir(p_list)
    p_list.set_defaults(func=run_list)

    p_show = tsub.add_parser("show", help="a template's sections, fields and rules")
    p_show.add_argument("template_id", metavar="ID")
    p_show.add_argument("--version", type=int, default=None, help="version (default: latest)")
    p_show.add_argument("--json", action="store_true", help="print the raw definition as JSON")
    _add_dir(p_show)
    p_show.set_defaults(func=run_show)

    p_ex = tsub.add_parser("example", help="example values (JSON, as `check` reads them)")
    p_ex.add_argument("template_id", metavar="ID")
    p_ex.add_argument("--version", type=int, default=None, help="version (default: latest)")
    p_ex.add_argument("--failing", action="store_true", help="values that fail a rule")
    _add_dir(p_ex)
    p_ex.set_defaults(func=run_example)

    p_schema = tsub.add_parser("schema", help="the JSON Schema of the template format")
    p_schema.add_argument("--output", type=Path, default=None, help="write it to this file")
    p_schema.set_defaults(func=run_schema)

    p_lint = tsub.add_parser("lint", help="check template files; every problem, exit 2 if any")
    p_lint.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p_lint.set_defaults(func=run_lint)

    p_prev = tsub.add_parser("preview", help="a template file's form and rules, as read")
    p_prev.add_argument("file", type=Path, metavar="FILE")
    p_prev.set_defaults(func=run_preview)


def _add_dir(p: argparse.ArgumentParser) -> None:
    p.add_argument("--templates-dir", type=Path, default=None,
                   help="also load the templates of this folder (e.g. a version being drafted)")


def registry_of(args: argparse.Namespace) -> TemplateRegistry:
    """The shipped templates, plus those of ``--templates-dir``."""
    extra = getattr(args, "templates_dir", None)
    if extra is None:
        return default_registry()
    from k3desk.domain.errors import ValidationError

    if not Path(extra).is_dir():
        raise ValidationError(f"{extra}: not a folder")
    reg = TemplateRegistry(default_registry().list())
    reg.load_dir(Path(extra))
    return reg


def run_list(args: argparse.Namespace) -> int:
    templates = registry_of(args).list()
    if args.json:
        print_json([t.summary() for t in templates])
        return 0
    lang = getattr(args, "lang", None) or "id"
    width = max((len(t.id) for t in templates), default=2)
    print(f"{'ID':<{width}}  VER  {'OBJECT TYPE':<24}  TITLE")
    for t in templates:
        print(f"{t.id:<{width}}  {t.version:>3}  {t.object_type:<24}  {t.title(lang)}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    template = registry_of(args).get(args.template_id, args.version)
    if args.json:
        print_json(template.definition)
        return 0
    print(describe(template, getattr(args, "lang", None) or "id"))
    return 0


def run_example(args: argparse.Namespace) -> int:
    from k3desk.domain.evaluation import example_values

    template = registry_of(args).get(args.template_id, args.version)
    print_json(example_values(template, failing=args.failing))
    return 0


def run_schema(args: argparse.Namespace) -> int:
    import json

    from k3desk.commands.template_authoring import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output is None:
        print(text, end="")
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        from k3desk.domain.errors import ValidationError

        raise ValidationError(f"{args.output}: cannot write: {exc.strerror}") from None
    print(f"{args.output}: JSON Schema ditulis / written")
    return 0


def run_lint(args: argparse.Namespace) -> int:
    import sys

    from k3desk.commands.template_authoring import lint_file

    bad = 0
    for path in args.files:
        problems, summary = lint_file(path)
        for line in problems:
            print(line, file=sys.stderr)
        if problems:
            bad += 1
        else:
            print(f"{path}: ok ({summary})")
    return 2 if bad else 0


def run_preview(args: argparse.Namespace) -> int:
    from k3desk.commands.template_authoring import preview
    from k3desk.domain.templates import load_template_file

    print(preview(load_template_file(Path(args.file)), getattr(args, "lang", None) or "id"))
    return 0


def describe(t: Template, lang: str = "id") -> str:
    """A readable outline: sections and fields, then rules with their references."""
    en = lang == "en"
    lines = [f"{t.id} v{t.version}: {t.title(lang)}",
             f"  {'Object type' if en else 'Jenis objek'}: {t.object_type}",
             f"  {'Regulation' if en else 'Dasar'}: {t.regulation_en if en else t.regulation}",
             f"  {'Kinds' if en else 'Jenis pemeriksaan'}: {', '.join(t.kinds)}",
             f"  {'Months valid' if en else 'Masa berlaku (bulan)'}: {t.months_valid}"]
    ref = t.interval_reference
    if ref is not None:
        lines[-1] += f"  ({ref.label()}{' UNVERIFIED' if ref.unverified else ''})"
    for section in t.sections:
        lines.append("")
        lines.append(f"[{section.id}] {section.title.get(lang)}")
        for f in section.fields:
            lines.append("  " + _field_line(f, lang))
            for sub in f.fields:
                lines.append("      " + _field_line(sub, lang))
    lines.append("")
    lines.append("Rules:" if en else "Aturan:")
    for cr in t.rules:
        r = cr.rule
        expr = r.check if r.check else f"{r.measured} {r.op} {r.required}"
        scope = f" (per {r.for_each})" if r.for_each else ""
        when = f" when {r.when}" if r.when else ""
        flag = " UNVERIFIED" if cr.reference.unverified else ""
        lines.append(f"  {r.id}{scope}: {r.title.get(lang)}")
        lines.append(f"      {expr}{when}  [{r.severity}] {cr.reference.label()}{flag}")
    return "\n".join(lines)


def _field_line(f: object, lang: str) -> str:
    from k3desk.domain.template_schema import FieldSpec

    assert isinstance(f, FieldSpec)
    bits: list[str] = [f.field_type]
    if f.unit:
        bits.append(", ".join(f.allowed_units()))
    if f.min is not None or f.max is not None:
        lo = "" if f.min is None else f"{f.min:g}"
        hi = "" if f.max is None else f"{f.max:g}"
        bits.append(f"{lo}..{hi}")
    if f.answers():
        bits.append("|".join(f.answers()))
    if f.expr:
        bits.append(f"= {f.expr}")
    req = "*" if f.required else ("*?" if f.required_when else "")
    return f"{f.id}{req}: {f.title.get(lang)} ({'; '.join(bits)})"
