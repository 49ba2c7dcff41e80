"""Equipment-test templates: loading, checking and looking them up.

A template is a versioned YAML file per object type (``resources/templates/``) that
lists what an inspector records and the rules that decide *memenuhi / tidak memenuhi
persyaratan K3*. Every threshold lives in the template with its regulation, article
and grade, so a Balai corrects a number by publishing a new version; an inspection
keeps the id and version it was filled with (see ``TemplateRegistry.get``).

A broken template is refused with the file, the path inside it and the reason (see
``template_loader``).
"""

from __future__ import annotations

import builtins
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from k3desk.domain import expressions as ex
from k3desk.domain.canonical import canonical_json
from k3desk.domain.errors import NotFoundError, ValidationError
from k3desk.domain.i18n import translate
from k3desk.domain.template_schema import (
    SCALES,
    FieldSpec,
    Reference,
    Rule,
    Section,
    TemplateModel,
)


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
                if f.field_type == "group"}

    def field(self, path: str) -> FieldSpec:
        """A field by id, or a group's sub-field by ``group.sub``."""
        head, _, sub = path.partition(".")
        spec = self.fields.get(head)
        if spec is not None and sub:
            spec = next((s for s in spec.fields if s.id == sub), None)
        if spec is None:
            raise NotFoundError(translate("templates", "templat {id} v{version} tidak memiliki "
                                          "isian {path}").format(
                id=self.id, version=self.version, path=repr(path)))
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


# --- loading (the work is in template_loader) -------------------------------------------


def load_template_file(path: Path) -> Template:
    """Read and check one YAML template file."""
    from k3desk.domain.template_loader import load_template_file as load

    return load(path)


def load_template_definition(definition: Any, source: str = "<definition>") -> Template:
    """Check a template definition (a dict from YAML or a server ``template`` record).

    Raises ValidationError naming ``source``, the path inside it and the reason.
    """
    from k3desk.domain.template_loader import load_template_definition as load

    return load(definition, source)


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
                translate("templates", "{source}: templat {id} versi {version} sudah ada "
                          "({old}) dengan isi yang berbeda; terbitkan versi baru").format(
                    source=template.source, id=template.id, version=template.version,
                    old=old.source))
        self._by_key[key] = template

    def get(self, template_id: str, version: int | None = None) -> Template:
        versions = sorted(v for (i, v) in self._by_key if i == template_id)
        if not versions:
            known = ", ".join(sorted({i for i, _ in self._by_key})) or "none"
            raise NotFoundError(translate("templates", "templat {id} tidak dikenal (yang "
                                          "dikenal: {known})").format(id=template_id,
                                                                      known=known))
        if version is None:
            version = versions[-1]
        template = self._by_key.get((template_id, version))
        if template is None:
            raise NotFoundError(translate("templates", "templat {id} versi {version} tidak ada "
                                          "(yang ada: {versions})").format(
                                              id=template_id, version=version,
                                              versions=", ".join(map(str, versions))))
        return template

    def list(self) -> builtins.list[Template]:
        """Every version of every template, by id then version."""
        return [self._by_key[k] for k in sorted(self._by_key)]

    def __iter__(self) -> Iterator[Template]:
        return iter(self.list())

    def __len__(self) -> int:
        return len(self._by_key)

    def latest(self) -> builtins.list[Template]:
        """The newest version of each template."""
        newest: dict[str, Template] = {}
        for t in self.list():
            newest[t.id] = t
        return list(newest.values())

    def latest_for_object_type(self, object_type: str) -> Template:
        """The newest template for ``object_type`` (the one named like it, if several)."""
        candidates = [t for t in self.latest() if t.object_type == object_type]
        if not candidates:
            raise NotFoundError(translate("templates", "belum ada templat untuk jenis objek "
                                          "{type}").format(type=object_type))
        candidates.sort(key=lambda t: (t.id != object_type, t.id))
        return candidates[0]


def templates_dir() -> Path:
    from k3desk.paths import resources_dir

    return resources_dir() / "templates"


@functools.lru_cache(maxsize=1)
def default_registry() -> TemplateRegistry:
    """The templates shipped in ``resources/templates`` (loaded once per process).

    A missing or empty folder is refused: an empty registry would make every inspection
    a ``missing_reference`` without saying why.
    """
    folder = templates_dir()
    registry = TemplateRegistry.from_dir(folder) if folder.is_dir() else TemplateRegistry()
    if not len(registry):
        raise ValidationError(
            translate("templates", "folder templat tidak ditemukan atau kosong: {folder}; "
                      "k3desk terpasang tidak lengkap (pasang ulang paket k3desk, atau "
                      "arahkan K3DESK_RESOURCES ke folder resources/ yang berisi "
                      "templates/)").format(folder=folder))
    return registry


def checklist_fail_severity(spec: FieldSpec, answer: str) -> str | None:
    """The severity with which a checklist answer fails (None: it passes)."""
    scale = SCALES.get(spec.scale or "", {})
    sev = scale.get(answer)
    if sev is None:
        return None
    return spec.severity if (spec.severity and sev != "minor") else sev
