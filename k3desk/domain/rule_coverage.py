"""A verdict must never rest on a rule that did not run: the load-time check.

A rule of severity ``critical`` or ``major`` (and a checklist or expected yes/no item
that can fail with such a severity) decides the verdict. When a field it reads is
left empty, the rule is not worked out (``not_evaluated``) or, behind ``present(x)``
or an empty group, simply does not apply, and the verdict could read *memenuhi*
without it. So every field such a rule reads must be filled whenever it matters:

- ``required: true`` (a group: ``required`` or ``min_items >= 1``), or
- ``required_when: W`` where every field ``W`` reads is itself filled that way, so the
  field is empty only because of a deliberate answer (``uji_statis_dilakukan: false``,
  ``konstruksi_tali == 'k6x19'``), never because the inspector left it blank.

A template that breaks this is refused at load with the rule and the field. The
shipped versions published before the check (listed by content hash) stay loadable
so that inspections pinned to them keep their verdict; newer versions fix them.
"""

from __future__ import annotations

import hashlib
from typing import Any

from k3desk.domain import expressions as ex
from k3desk.domain.canonical import canonical_json
from k3desk.domain.i18n import translate
from k3desk.domain.template_schema import FieldSpec
from k3desk.domain.templates import Template, checklist_fail_severity

BLOCKING = ("critical", "major")

#: sha256 of the canonical JSON of shipped template versions that predate the check
#: (their v2 fixes them).
LEGACY_DEFINITIONS = frozenset({
    "9c9b8e863db7f8f845fb9cce9c48713dc7bea419c531bd053f845f561a94fd43",  # apar v1
    "8bfdcac802bf096e9be34ab06e91ca02a102cb95890b2d9e87cdd745dd070d5c",  # bejana_tekan v1
    "b784e864c4b281a2b90c396951a7160e27860e44e0f13a0b8f7df920df295fa5",  # lingkungan_kerja v1
    "1db06b84acb96054d98f21dafdfb41ecbc440ed68b5d9e5698093cef0114899b",  # mobile_crane v1
    "63b390408ed64133134e62b0eb4d94679b81814b10b3070148cf441d18dfb9de",  # overhead_crane v1
})


def definition_hash(definition: Any) -> str:
    return hashlib.sha256(canonical_json(definition).encode()).hexdigest()


def is_legacy(t: Template) -> bool:
    return definition_hash(t.definition) in LEGACY_DEFINITIONS


def skippable(t: Template) -> list[tuple[list[Any], str]]:
    """(path in the definition, reason) for every verdict rule an empty field can skip."""
    out: list[tuple[list[Any], str]] = []
    for ri, cr in enumerate(t.rules):
        if cr.rule.severity not in BLOCKING:
            continue
        group = cr.rule.for_each
        paths: list[str] = [group] if group else []
        for node in (cr.when, cr.measured, cr.required, cr.check):
            if node is not None:
                _reads(t, node, group, paths)
        for path in paths:
            if not _filled(t, path, set()):
                out.append((["rules", ri],
                            translate("templates", "aturan kesimpulan {rule} ({severity}) "
                                      "dapat terlewati bila {path} dibiarkan kosong: jadikan "
                                      "{path} wajib, required_when jawaban yang wajib, atau "
                                      "aturan itu minor").format(
                                rule=repr(cr.rule.id), severity=cr.rule.severity,
                                path=repr(path))))
    for si, section in enumerate(t.model.sections):
        for fi, spec in enumerate(section.fields):
            items = [(spec, spec.id)] + [(sub, f"{spec.id}.{sub.id}") for sub in spec.fields]
            for item, path in items:
                group_ok = item is spec or _filled(t, spec.id, set())
                if _can_block(item) and not (group_ok and _filled(t, path, set())):
                    out.append((["sections", si, "fields", fi],
                                translate("templates", "butir {path} dapat menggagalkan "
                                          "kesimpulan tetapi dapat dibiarkan kosong: jadikan "
                                          "wajib (atau required_when jawaban yang "
                                          "wajib)").format(path=repr(path))))
    return out


def _can_block(spec: FieldSpec) -> bool:
    if spec.field_type == "checklist":
        return any(checklist_fail_severity(spec, a) in BLOCKING for a in spec.answers())
    if spec.field_type == "yesno" and spec.expect is not None:
        return (spec.severity or "major") in BLOCKING
    return False


def _reads(t: Template, node: ex.Node, local: str | None, out: list[str]) -> None:
    """The field paths (``F``, ``G``, ``G.sub``) an expression reads."""
    subs = t.group_subs
    tag = node[0]
    if tag == "name":
        parts = node[1]
        if len(parts) == 1 and local and parts[0] in subs.get(local, set()):
            found = [f"{local}.{parts[0]}"]
        elif len(parts) == 2:
            found = [parts[0], f"{parts[0]}.{parts[1]}"]
        else:
            found = [parts[0]]
        out.extend(p for p in found if p not in out)
        return
    if tag == "call":
        args = node[2]
        first = args[0] if args else None
        if (node[1] in ex.AGGREGATES and len(args) == 2 and first is not None
                and first[0] == "name" and len(first[1]) == 1 and first[1][0] in subs):
            _reads(t, first, local, out)
            _reads(t, args[1], first[1][0], out)
            return
    for part in node[1:]:
        if isinstance(part, tuple) and part and isinstance(part[0], str):
            _reads(t, part, local, out)
        elif isinstance(part, tuple):
            for sub in part:
                if isinstance(sub, tuple):
                    _reads(t, sub, local, out)


def _filled(t: Template, path: str, seen: set[str]) -> bool:
    """Whether ``path`` can only be empty because of a deliberate (required) answer."""
    if path in seen:
        return False
    seen = seen | {path}
    head, _, sub = path.partition(".")
    try:
        spec = t.field(path)
    except Exception:  # noqa: BLE001 - the loader already reported unknown names
        return True
    group = head if sub else None
    if spec.field_type == "computed":
        node = t.computed.get((group, spec.id))
        if node is None:
            return True
        reads: list[str] = []
        _reads(t, node, group, reads)
        return all(_filled(t, p, seen) for p in reads)
    if spec.required or (spec.field_type == "group" and spec.min_items >= 1):
        return True
    node = t.required_when.get((group, spec.id))
    if node is None:
        return False
    reads = []
    _reads(t, node, group, reads)
    return all(_filled(t, p, seen) for p in reads)
