"""Equipment-test templates: loading, checking and looking them up.

A template is a versioned YAML file per object type (``resources/templates/``) that
lists what an inspector records and the rules that decide *memenuhi / tidak memenuhi
persyaratan K3*. Every threshold lives in the template with its regulation, article
and grade, so a Balai corrects a number by publishing a new version; an inspection
keeps the id and version it was filled with (see ``TemplateRegistry.get``).

A broken template is refused with the file, the path inside it and the reason, e.g.
``bejana_tekan.v1.yaml: rules[3](uji_hidrostatik).required: unknown name 'tekanan'``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import pydantic
import yaml

from k3desk.domain import expressions as ex
from k3desk.domain.canonical import canonical_json
from k3desk.domain.errors import NotFoundError, ValidationError
from k3desk.domain.object_types import OBJECT_TYPES
from k3desk.domain.template_schema import (
    SCALES,
    FieldSpec,
    Reference,
    Rule,
    Section,
    Table,
    TemplateModel,
)
from k3desk.domain.units import get_unit, same_dimension


@dataclass(frozen=True)
class CompiledRule:
    """A rule with its expressions parsed once, at load time."""

    rule: Rule
    reference: Reference
    when: ex.Node | None
    measured: ex.Node | None
    required: ex.Node | None
    check: ex.Node | None
    names: list[tuple[str, ...]]


@dataclass(eq=False)
class Template:
    """One version of one template. ``definition`` is the raw dict, as servers store it."""

    model: TemplateModel
    definition: dict[str, Any]
    source: str
    rules: list[CompiledRule] = field(default_factory=list)
    tables: dict[str, Callable[[list[Any]], Any]] = field(default_factory=dict)
    computed: dict[tuple[str | None, str], ex.Node] = field(default_factory=dict)
    required_when: dict[tuple[str | None, str], ex.Node] = field(default_factory=dict)
    next_test_months: ex.Node | None = None

    @property
    def id(self) -> str:
        return self.model.id

    @property
    def version(self) -> int:
        return self.model.version

    @property
    def object_type(self) -> str:
        return self.model.object_type

    @property
    def title_id(self) -> str:
        return self.model.title.id

    @property
    def title_en(self) -> str:
        return self.model.title.en

    def title(self, lang: str = "id") -> str:
        return self.model.title.get(lang)

    @property
    def regulation(self) -> str:
        return self.model.regulation.id

    @property
    def regulation_en(self) -> str:
        return self.model.regulation.en

    @property
    def kinds(self) -> list[str]:
        return list(self.model.kinds)

    @property
    def months_valid(self) -> int:
        return self.model.months_valid

    @property
    def interval_reference(self) -> Reference | None:
        """Where the months until the next test come from (and how sure that is)."""
        return self.resolve_reference(self.model.interval_reference)

    @property
    def sections(self) -> list[Section]:
        return list(self.model.sections)

    @functools.cached_property
    def fields(self) -> dict[str, FieldSpec]:
        """Top-level fields by id, in form order (group sub-fields stay in their group)."""
        return {f.id: f for s in self.model.sections for f in s.fields}

    @functools.cached_property
    def group_subs(self) -> dict[str, set[str]]:
        return {f.id: {s.id for s in f.fields} for f in self.fields.values()
                if f.kind == "group"}

    def field(self, path: str) -> FieldSpec:
        """A field by id, or a group's sub-field by ``group.sub``."""
        head, _, sub = path.partition(".")
        spec = self.fields.get(head)
        if spec is not None and sub:
            spec = next((s for s in spec.fields if s.id == sub), None)
        if spec is None:
            raise NotFoundError(f"template {self.id} v{self.version} has no field {path!r}")
        return spec

    def resolve_reference(self, ref: str | Reference | None) -> Reference | None:
        if ref is None or isinstance(ref, Reference):
            return ref
        return self.model.references[ref]

    def summary(self) -> dict[str, Any]:
        return {"id": self.id, "version": self.version, "title_id": self.title_id,
                "title_en": self.title_en, "object_type": self.object_type,
                "regulation": self.regulation, "kinds": self.kinds,
                "months_valid": self.months_valid}

    def __repr__(self) -> str:
        return f"<Template {self.id} v{self.version}>"


# --- loading ---------------------------------------------------------------------------

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


class _Problems:
    def __init__(self, source: str, definition: Any) -> None:
        self.source = source
        self.definition = definition
        self.items: list[str] = []

    def add(self, loc: Iterable[Any], reason: str) -> None:
        self.items.append(f"{_path(loc, self.definition)}: {reason}")

    def raise_if_any(self) -> None:
        if self.items:
            more = f" (and {len(self.items) - 1} more: " + "; ".join(self.items[1:4]) + ")" \
                if len(self.items) > 1 else ""
            raise ValidationError(f"{self.source}: {self.items[0]}{more}")


def load_template_file(path: Path) -> Template:
    """Read and check one YAML template file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"{path}: cannot read template: {exc}") from None
    try:
        definition = yaml.load(text, Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(file)"
        reason = getattr(exc, "problem", None) or str(exc)
        raise ValidationError(f"{path}: {where}: YAML syntax error: {reason}") from None
    return load_template_definition(definition, str(path))


def load_template_definition(definition: Any, source: str = "<definition>") -> Template:
    """Check a template definition (a dict from YAML or a server ``template`` record).

    Raises ValidationError naming ``source``, the path inside it and the reason.
    """
    if not isinstance(definition, dict):
        raise ValidationError(f"{source}: (top): a template must be a mapping, got "
                              f"{type(definition).__name__}")
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
        raise ValidationError(f"{source}: (top): not plain JSON data: {exc}") from None
    template = Template(model=model, definition=definition, source=source)
    _compile(template, _Problems(source, definition))
    return template


def _compile(t: Template, problems: _Problems) -> None:
    m = t.model
    if m.object_type not in OBJECT_TYPES:
        problems.add(["object_type"], f"unknown object type {m.object_type!r}")
    seen: dict[str, list[Any]] = {}
    top_names = {f.id for s in m.sections for f in s.fields}
    groups = {f.id: {s.id for s in f.fields} for s in m.sections for f in s.fields
              if f.kind == "group"}
    for si, section in enumerate(m.sections):
        for fi, spec in enumerate(section.fields):
            loc: list[Any] = ["sections", si, "fields", fi]
            if spec.id in seen:
                problems.add(loc + ["id"], f"field id {spec.id!r} is used twice")
            seen[spec.id] = loc
            _check_field(t, spec, loc, problems, None, top_names, groups)
    _check_tables(t, problems)
    ids: set[str] = set()
    for ri, rule in enumerate(m.rules):
        loc = ["rules", ri]
        if rule.id in ids:
            problems.add(loc + ["id"], f"rule id {rule.id!r} is used twice")
        ids.add(rule.id)
        compiled = _compile_rule(t, rule, loc, problems, top_names, groups)
        if compiled is not None:
            t.rules.append(compiled)
    _check_reference(t, m.interval_reference, ["interval_reference"], problems)
    if m.next_test_months:
        t.next_test_months = _expr(t, m.next_test_months, ["next_test_months"], problems,
                                   top_names, groups, None)
    problems.raise_if_any()


def _check_reference(t: Template, ref: str | Reference | None, loc: list[Any],
                     problems: _Problems) -> Reference | None:
    if isinstance(ref, str) and ref not in t.model.references:
        problems.add(loc, f"unknown reference {ref!r} (define it under 'references')")
        return None
    return t.resolve_reference(ref)


def _expr(t: Template, text: str, loc: list[Any], problems: _Problems, top: set[str],
          groups: dict[str, set[str]], item_group: str | None) -> ex.Node | None:
    try:
        node = ex.parse(text)
    except ex.ExpressionError as exc:
        problems.add(loc, f"cannot parse {text!r}: {exc}")
        return None
    _check_names(node, loc, problems, top, groups, groups.get(item_group or "", set()))
    for table in ex.tables_in(node):
        if table not in t.model.tables:
            problems.add(loc, f"unknown table {table!r}")
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
            problems.add(loc, f"unknown name {'.'.join(parts)!r}")
        elif len(parts) == 2 and parts[1] not in groups.get(head, set()):
            problems.add(loc, f"{'.'.join(parts)!r}: {head!r} is not a group with a "
                              f"sub-field {parts[1]!r}")
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
    kind = spec.kind
    for u in spec.allowed_units():
        try:
            get_unit(u)
        except ValidationError as exc:
            problems.add(loc + ["unit" if u == spec.unit else "units"], str(exc))
            return
        if u != spec.unit and not same_dimension(u, spec.unit or u):
            problems.add(loc + ["units"], f"{u!r} cannot be converted to {spec.unit!r}")
    if spec.units and spec.unit is None:
        problems.add(loc + ["unit"], "alternative units need a canonical 'unit'")
    if spec.min is not None and spec.max is not None and spec.min > spec.max:
        problems.add(loc + ["min"], "min is greater than max")
    if kind == "choice" and not spec.choices:
        problems.add(loc + ["choices"], "a choice field needs choices")
    if kind == "checklist" and spec.scale is None:
        problems.add(loc + ["scale"], "a checklist item needs a scale (baik_buruk or layak)")
    if kind == "computed":
        if not spec.expr:
            problems.add(loc + ["expr"], "a computed field needs 'expr'")
        else:
            node = _expr(t, spec.expr, loc + ["expr"], problems, top, groups, group)
            if node is not None:
                t.computed[(group, spec.id)] = node
    elif spec.expr:
        problems.add(loc + ["expr"], f"only computed fields have 'expr' (this is {kind})")
    if spec.required_when:
        node = _expr(t, spec.required_when, loc + ["required_when"], problems, top, groups,
                     group)
        if node is not None:
            t.required_when[(group, spec.id)] = node
    if kind == "group":
        if not spec.fields:
            problems.add(loc + ["fields"], "a group needs sub-fields")
        names: set[str] = set()
        for i, sub in enumerate(spec.fields):
            if sub.kind == "group":
                problems.add(loc + ["fields", i, "kind"], "groups cannot be nested")
                continue
            if sub.id in names:
                problems.add(loc + ["fields", i, "id"], f"sub-field id {sub.id!r} is used twice")
            names.add(sub.id)
            _check_field(t, sub, loc + ["fields", i], problems, spec.id, top, groups)
    elif spec.fields:
        problems.add(loc + ["fields"], "only groups have sub-fields")
    if kind in ("checklist", "yesno"):
        _check_reference(t, spec.reference, loc + ["reference"], problems)
    if kind == "yesno" and spec.expect is None and spec.severity is not None:
        problems.add(loc + ["expect"], "a yes/no item with a severity needs 'expect'")


def _check_tables(t: Template, problems: _Problems) -> None:
    for name, table in t.model.tables.items():
        loc: list[Any] = ["tables", name]
        _check_reference(t, table.reference, loc + ["reference"], problems)
        if table.kind == "range":
            if not isinstance(table.rows, list) or table.keys != 1:
                problems.add(loc + ["rows"], "a range table has one key and a list of rows")
                continue
            t.tables[name] = functools.partial(_range_lookup, table)
        else:
            if not isinstance(table.rows, dict):
                problems.add(loc + ["rows"], "a map table has a mapping of rows")
                continue
            if not _map_ok(table.rows, table.keys):
                problems.add(loc + ["rows"], f"every entry needs {table.keys} level(s) of "
                                             "keys ending in a number or null")
                continue
            t.tables[name] = functools.partial(_map_lookup, table)


def _map_ok(rows: Any, depth: int) -> bool:
    if depth == 0:
        return rows is None or (isinstance(rows, (int, float)) and not isinstance(rows, bool))
    return isinstance(rows, dict) and all(_map_ok(v, depth - 1) for v in rows.values())


def _range_lookup(table: Table, keys: list[Any]) -> Any:
    if len(keys) != 1:
        raise ex.EvalError(f"table {table.title.en!r} takes one key")
    x = keys[0]
    if isinstance(x, bool) or not isinstance(x, (Fraction, int)):
        raise ex.EvalError(f"table {table.title.en!r} needs a number, got {x!r}")
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
        raise ex.EvalError(f"table {table.title.en!r} takes {table.keys} key(s)")
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
        problems.add(loc + ["for_each"], f"{group!r} is not a group field")
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


# --- the registry ----------------------------------------------------------------------

class TemplateRegistry:
    """Every version of every template this laptop or server knows."""

    def __init__(self, templates: Iterable[Template] = ()) -> None:
        self._by_key: dict[tuple[str, int], Template] = {}
        for template in templates:
            self.add(template)

    @classmethod
    def from_dir(cls, directory: Path) -> TemplateRegistry:
        reg = cls()
        reg.load_dir(directory)
        return reg

    def load_dir(self, directory: Path) -> None:
        """Load every ``*.yaml`` / ``*.yml`` file of ``directory``; a broken one is refused."""
        files = sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
        for path in files:
            self.add(load_template_file(path))

    def add(self, template: Template) -> None:
        """Add one template version. A published version never changes: the same id and
        version with a different definition is refused."""
        key = (template.id, template.version)
        old = self._by_key.get(key)
        if old is not None and canonical_json(old.definition) != canonical_json(
                template.definition):
            raise ValidationError(
                f"{template.source}: template {template.id} version {template.version} "
                f"already exists ({old.source}) with a different content; publish a new "
                "version instead")
        self._by_key[key] = template

    def get(self, template_id: str, version: int | None = None) -> Template:
        versions = sorted(v for (i, v) in self._by_key if i == template_id)
        if not versions:
            known = ", ".join(sorted({i for i, _ in self._by_key})) or "none"
            raise NotFoundError(f"template {template_id!r} tidak dikenal / unknown "
                                f"(known: {known})")
        if version is None:
            version = versions[-1]
        template = self._by_key.get((template_id, version))
        if template is None:
            raise NotFoundError(f"template {template_id!r} versi {version} tidak ada / no "
                                f"version {version} (available: "
                                f"{', '.join(map(str, versions))})")
        return template

    def list(self) -> list[Template]:
        return [self._by_key[k] for k in sorted(self._by_key)]

    def __iter__(self) -> Iterator[Template]:
        return iter(self.list())

    def __len__(self) -> int:
        return len(self._by_key)

    def latest(self) -> list[Template]:
        """The newest version of each template."""
        newest: dict[str, Template] = {}
        for t in self.list():
            newest[t.id] = t
        return list(newest.values())

    def latest_for_object_type(self, object_type: str) -> Template:
        """The newest template for ``object_type`` (the one named like it, if several)."""
        candidates = [t for t in self.latest() if t.object_type == object_type]
        if not candidates:
            raise NotFoundError(f"no template for object type {object_type!r}")
        candidates.sort(key=lambda t: (t.id != object_type, t.id))
        return candidates[0]


def templates_dir() -> Path:
    from k3desk.paths import resources_dir

    return resources_dir() / "templates"


@functools.lru_cache(maxsize=1)
def default_registry() -> TemplateRegistry:
    """The templates shipped in ``resources/templates`` (loaded once per process)."""
    return TemplateRegistry.from_dir(templates_dir())


def checklist_fail_severity(spec: FieldSpec, answer: str) -> str | None:
    """The severity with which a checklist answer fails (None: it passes)."""
    scale = SCALES.get(spec.scale or "", {})
    sev = scale.get(answer)
    if sev is None:
        return None
    return spec.severity if (spec.severity and sev != "minor") else sev
