"""Loading and checking template files: the schema, then every name, unit and reference.

A broken template is refused with the file, the path inside it and the reason, e.g.
``bejana_tekan.v1.yaml: rules[3](uji_hidrostatik).required: unknown name 'tekanan'``.
Expressions are parsed once here; lookup tables become small functions.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path
from typing import Any

import pydantic
import yaml

from k3desk.domain import expressions as ex
from k3desk.domain.canonical import canonical_json
from k3desk.domain.errors import ValidationError
from k3desk.domain.i18n import translate
from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.rule_coverage import is_legacy, skippable
from k3desk.domain.template_schema import FieldSpec, Reference, Rule, Table, TemplateModel
from k3desk.domain.templates import CompiledRule, Template
from k3desk.domain.units import get_unit, same_dimension

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe loader (libyaml when present: 5× faster) that leaves ISO dates as text, so
    definitions stay JSON."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _path(loc: Iterable[Any], definition: Any) -> str:
    """``('sections', 0, 'fields', 2)`` -> ``sections[0].fields[2](tekanan_desain)``."""
    out = ""
    node = definition
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                out += f"({node['id']})"
        else:
            out += ("." if out else "") + str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out or "(top)"


class TemplateError(ValidationError):
    """A template refused at load; ``problems`` holds every ``path: reason`` found."""

    def __init__(self, message: str, source: str, problems: list[str]) -> None:
        super().__init__(message)
        self.source = source
        self.problems = problems


class _Problems:
    def __init__(self, source: str, definition: Any) -> None:
        self.source = source
        self.definition = definition
        self.items: list[str] = []

    def add(self, loc: Iterable[Any], reason: str) -> None:
        self.items.append(f"{_path(loc, self.definition)}: {reason}")

    def raise_if_any(self) -> None:
        if self.items:
            more = " " + translate("templates", "(dan {count} lagi: {items})").format(
                count=len(self.items) - 1, items="; ".join(self.items[1:4])) \
                if len(self.items) > 1 else ""
            raise TemplateError(f"{self.source}: {self.items[0]}{more}", self.source,
                                list(self.items))


def load_template_file(path: Path) -> Template:
    """Read and check one YAML template file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(translate("templates", "{path}: templat tidak dapat dibaca: "
                                        "{error}").format(path=path, error=exc)) from None
    try:
        definition = yaml.load(text, Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = translate("templates", "baris {line}").format(line=mark.line + 1) \
            if mark is not None else translate("templates", "(berkas)")
        reason = getattr(exc, "problem", None) or str(exc)
        raise ValidationError(translate("templates", "{path}: {where}: kesalahan sintaks YAML: "
                                        "{reason}").format(path=path, where=where,
                                                           reason=reason)) from None
    if isinstance(definition, dict) and "include" in definition:
        from k3desk.domain.template_shared import expand_includes

        definition = expand_includes(definition, path)
    return load_template_definition(definition, str(path))


def load_template_definition(definition: Any, source: str = "<definition>") -> Template:
    """Check a template definition (a dict from YAML or a server ``template`` record).

    Raises ValidationError naming ``source``, the path inside it and the reason.
    """
    if not isinstance(definition, dict):
        raise ValidationError(translate("templates", "{source}: (top): templat harus berupa "
                                        "mapping, didapat {kind}").format(
            source=source, kind=type(definition).__name__))
    if "include" in definition:
        raise ValidationError(translate("templates", "{source}: include: berkas bersama "
                                        "diuraikan saat berkas templat dibaca; definisi "
                                        "yang tersimpan harus sudah diuraikan").format(
            source=source))
    try:
        model = TemplateModel.model_validate(definition)
    except pydantic.ValidationError as exc:
        problems = _Problems(source, definition)
        for err in exc.errors():
            problems.add(err["loc"], err["msg"])
        problems.raise_if_any()
        raise AssertionError("unreachable") from None
    try:
        canonical_json(definition)
    except (TypeError, ValueError) as exc:
        raise ValidationError(translate("templates", "{source}: (top): bukan data JSON "
                                        "biasa: {error}").format(source=source,
                                                                 error=exc)) from None
    template = Template(model=model, definition=definition, source=source)
    _compile(template, _Problems(source, definition))
    return template


def _compile(t: Template, problems: _Problems) -> None:
    m = t.model
    if m.object_type not in OBJECT_TYPES:
        problems.add(["object_type"], translate(
            "templates", "jenis objek {name} tidak dikenal").format(name=repr(m.object_type)))
    seen: dict[str, list[Any]] = {}
    top_names = {f.id for s in m.sections for f in s.fields}
    groups = {f.id: {s.id for s in f.fields} for s in m.sections for f in s.fields
              if f.field_type == "group"}
    for si, section in enumerate(m.sections):
        for fi, spec in enumerate(section.fields):
            loc: list[Any] = ["sections", si, "fields", fi]
            if spec.id in seen:
                problems.add(loc + ["id"], translate(
                    "templates", "id isian {id} dipakai dua kali").format(id=repr(spec.id)))
            seen[spec.id] = loc
            _check_field(t, spec, loc, problems, None, top_names, groups)
    _check_tables(t, problems)
    ids: set[str] = set()
    for ri, rule in enumerate(m.rules):
        loc = ["rules", ri]
        if rule.id in ids:
            problems.add(loc + ["id"], translate(
                "templates", "id aturan {id} dipakai dua kali").format(id=repr(rule.id)))
        ids.add(rule.id)
        compiled = _compile_rule(t, rule, loc, problems, top_names, groups)
        if compiled is not None:
            t.rules.append(compiled)
    _check_reference(t, m.interval_reference, ["interval_reference"], problems)
    if m.next_test_months:
        t.next_test_months = _expr(t, m.next_test_months, ["next_test_months"], problems,
                                   top_names, groups, None)
    problems.raise_if_any()
    if not is_legacy(t):
        for loc, reason in skippable(t):
            problems.add(loc, reason)
    problems.raise_if_any()


def _check_reference(t: Template, ref: str | Reference | None, loc: list[Any],
                     problems: _Problems) -> Reference | None:
    if isinstance(ref, str) and ref not in t.model.references:
        problems.add(loc, translate("templates", "rujukan {name} tidak dikenal (definisikan di "
                                             "bawah 'references')").format(name=repr(ref)))
        return None
    return t.resolve_reference(ref)


def _expr(t: Template, text: str, loc: list[Any], problems: _Problems, top: set[str],
          groups: dict[str, set[str]], item_group: str | None) -> ex.Node | None:
    try:
        node = ex.parse(text)
    except ex.ExpressionError as exc:
        problems.add(loc, translate("templates", "{text} tidak dapat diurai: {error}").format(
            text=repr(text), error=exc))
        return None
    _check_names(node, loc, problems, top, groups, groups.get(item_group or "", set()))
    for table in ex.tables_in(node):
        if table not in t.model.tables:
            problems.add(loc, translate("templates", "tabel {name} tidak dikenal").format(
                name=repr(table)))
    return node


def _check_names(node: ex.Node, loc: list[Any], problems: _Problems, top: set[str],
                 groups: dict[str, set[str]], local: set[str]) -> None:
    """Every name must be a field; inside ``all(G, ...)`` etc. G's sub-fields are in scope."""
    tag = node[0]
    if tag == "name":
        parts = node[1]
        head = parts[0]
        if head in local and len(parts) == 1:
            return
        if head not in top and head not in local:
            problems.add(loc, translate("templates", "nama {name} tidak dikenal").format(
                name=repr(".".join(parts))))
        elif len(parts) == 2 and parts[1] not in groups.get(head, set()):
            problems.add(loc, translate("templates", "{name}: {head} bukan grup dengan sub-isian "
                                             "{sub}").format(name=repr(".".join(parts)),
                                                             head=repr(head),
                                                             sub=repr(parts[1])))
        return
    if tag == "call":
        args = node[2]
        first = args[0] if args else None
        if (node[1] in ex.AGGREGATES and len(args) == 2 and first is not None
                and first[0] == "name" and len(first[1]) == 1 and first[1][0] in groups):
            _check_names(first, loc, problems, top, groups, local)
            _check_names(args[1], loc, problems, top, groups, groups[first[1][0]])
            return
        for arg in args:
            _check_names(arg, loc, problems, top, groups, local)
        return
    for part in node[1:]:
        if isinstance(part, tuple) and part and isinstance(part[0], str):
            _check_names(part, loc, problems, top, groups, local)
        elif isinstance(part, tuple):
            for sub in part:
                if isinstance(sub, tuple):
                    _check_names(sub, loc, problems, top, groups, local)


def _check_field(t: Template, spec: FieldSpec, loc: list[Any], problems: _Problems,
                 group: str | None, top: set[str], groups: dict[str, set[str]]) -> None:
    field_type = spec.field_type
    for u in spec.allowed_units():
        try:
            get_unit(u)
        except ValidationError as exc:
            problems.add(loc + ["unit" if u == spec.unit else "units"], str(exc))
            return
        if u != spec.unit and not same_dimension(u, spec.unit or u):
            problems.add(loc + ["units"], translate("templates", "{unit} tidak dapat dikonversi ke "
                                                    "{canonical}").format(
                unit=repr(u), canonical=repr(spec.unit)))
    if spec.units and spec.unit is None:
        problems.add(loc + ["unit"], translate("templates", "satuan alternatif memerlukan 'unit' "
                                                  "kanonik"))
    if spec.min is not None and spec.max is not None and spec.min > spec.max:
        problems.add(loc + ["min"], translate("templates", "min lebih besar daripada max"))
    if field_type == "choice" and not spec.choices:
        problems.add(loc + ["choices"], translate("templates", "isian pilihan memerlukan "
                                                     "'choices'"))
    if field_type == "checklist" and spec.scale is None:
        problems.add(loc + ["scale"], translate("templates", "butir daftar periksa memerlukan "
                                                   "skala (baik_buruk atau layak)"))
    if field_type == "computed":
        if not spec.expr:
            problems.add(loc + ["expr"], translate("templates", "isian terhitung "
                                                      "memerlukan 'expr'"))
        else:
            node = _expr(t, spec.expr, loc + ["expr"], problems, top, groups, group)
            if node is not None:
                t.computed[(group, spec.id)] = node
    elif spec.expr:
        problems.add(loc + ["expr"], translate("templates", "hanya isian terhitung yang "
                                                  "memiliki 'expr' (ini {kind})").format(
            kind=field_type))
    if spec.required_when:
        node = _expr(t, spec.required_when, loc + ["required_when"], problems, top, groups,
                     group)
        if node is not None:
            t.required_when[(group, spec.id)] = node
    if field_type == "group":
        if not spec.fields:
            problems.add(loc + ["fields"], translate("templates", "grup memerlukan "
                                                       "sub-isian"))
        names: set[str] = set()
        for i, sub in enumerate(spec.fields):
            if sub.field_type == "group":
                problems.add(loc + ["fields", i, "kind"], translate("templates", "grup tidak dapat "
                                                                  "bersarang"))
                continue
            if sub.id in names:
                problems.add(loc + ["fields", i, "id"], translate(
                    "templates", "id sub-isian {id} dipakai dua kali").format(id=repr(sub.id)))
            names.add(sub.id)
            _check_field(t, sub, loc + ["fields", i], problems, spec.id, top, groups)
    elif spec.fields:
        problems.add(loc + ["fields"], translate("templates", "hanya grup yang "
                                                       "memiliki sub-isian"))
    if field_type in ("checklist", "yesno"):
        _check_reference(t, spec.reference, loc + ["reference"], problems)
    if field_type == "yesno" and spec.expect is None and spec.severity is not None:
        problems.add(loc + ["expect"], translate("templates", "butir ya/tidak dengan "
                                                   "'severity' memerlukan 'expect'"))


def _check_tables(t: Template, problems: _Problems) -> None:
    for name, table in t.model.tables.items():
        loc: list[Any] = ["tables", name]
        _check_reference(t, table.reference, loc + ["reference"], problems)
        if table.table_type == "range":
            if not isinstance(table.rows, list) or table.keys != 1:
                problems.add(loc + ["rows"], translate("templates", "tabel rentang memiliki satu "
                                                     "kunci dan daftar baris"))
                continue
            t.tables[name] = functools.partial(_range_lookup, table)
        else:
            if not isinstance(table.rows, dict):
                problems.add(loc + ["rows"], translate("templates", "tabel peta memiliki mapping "
                                                     "baris"))
                continue
            if not _map_ok(table.rows, table.keys):
                problems.add(loc + ["rows"], translate("templates", "setiap entri memerlukan "
                                                       "{levels} tingkat kunci yang berakhir "
                                                       "pada angka atau null").format(
                    levels=table.keys))
                continue
            t.tables[name] = functools.partial(_map_lookup, table)


def _map_ok(rows: Any, depth: int) -> bool:
    if depth == 0:
        return rows is None or (isinstance(rows, (int, float)) and not isinstance(rows, bool))
    return isinstance(rows, dict) and all(_map_ok(v, depth - 1) for v in rows.values())


def _range_lookup(table: Table, keys: list[Any]) -> Any:
    if len(keys) != 1:
        raise ex.EvalError(translate("templates", "tabel {name} memerlukan satu kunci").format(
            name=repr(table.title.en)))
    x = keys[0]
    if isinstance(x, bool) or not isinstance(x, (Fraction, int)):
        raise ex.EvalError(translate("templates", "tabel {name} memerlukan angka, didapat "
                                             "{value}").format(name=repr(table.title.en),
                                                               value=repr(x)))
    assert isinstance(table.rows, list)
    for row in table.rows:
        if ((row.above is None or x > Fraction(repr(row.above)))
                and (row.from_ is None or x >= Fraction(repr(row.from_)))
                and (row.upto is None or x <= Fraction(repr(row.upto)))
                and (row.below is None or x < Fraction(repr(row.below)))):
            return None if row.value is None else Fraction(repr(row.value))
    return None


def _map_lookup(table: Table, keys: list[Any]) -> Any:
    if len(keys) != table.keys:
        raise ex.EvalError(translate("templates", "tabel {name} memerlukan {count} "
                                             "kunci").format(name=repr(table.title.en),
                                                             count=table.keys))
    node: Any = table.rows
    for key in keys:
        if not isinstance(node, dict) or not isinstance(key, str):
            return None
        node = node.get(key)
    if node is None:
        return None
    return Fraction(repr(node)) if isinstance(node, float) else Fraction(node)


def _compile_rule(t: Template, rule: Rule, loc: list[Any], problems: _Problems,
                  top: set[str], groups: dict[str, set[str]]) -> CompiledRule | None:
    group = rule.for_each
    if group is not None and group not in groups:
        problems.add(loc + ["for_each"], translate("templates", "{name} bukan isian grup").format(
            name=repr(group)))
        return None
    ref = _check_reference(t, rule.reference, loc + ["reference"], problems)
    if rule.unit is not None:
        try:
            get_unit(rule.unit)
        except ValidationError as exc:
            problems.add(loc + ["unit"], str(exc))
    nodes: dict[str, ex.Node | None] = {}
    for part in ("when", "measured", "required", "check"):
        text = getattr(rule, part)
        nodes[part] = None if text is None else _expr(t, text, loc + [part], problems, top,
                                                      groups, group)
    if ref is None:
        return None
    names: list[tuple[str, ...]] = []
    for node in nodes.values():
        for n in ex.names_in(node) if node is not None else []:
            if n not in names:
                names.append(n)
    return CompiledRule(rule, ref, nodes["when"], nodes["measured"], nodes["required"],
                        nodes["check"], names)
