"""Authoring tools behind ``k3desk templates schema|lint|preview``.

``json_schema`` is the template format (the pydantic models of ``template_schema``) as
JSON Schema, with the file-only forms ``include`` and ``{use: ...}`` added, so an
ordinary editor completes and checks a template. ``lint_file`` gives every problem of a
file as ``FILE: path: reason`` (the loader's messages, plus the publishing checklist:
file name, the version against the shipped one, the example values). ``preview``
prints the form and its rules as an inspector and a Balai engineer read them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from k3desk.domain.errors import K3Error
from k3desk.domain.i18n import translate
from k3desk.domain.template_schema import FieldSpec, TemplateModel
from k3desk.domain.templates import Template

SCHEMA_ID = "https://k3desk.invalid/schema/template.json"


def json_schema() -> dict[str, Any]:
    schema = TemplateModel.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "k3desk equipment-test template"
    props = schema.setdefault("properties", {})
    props["include"] = {
        "type": "array", "items": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
        "description": "shared files (shared/NAME.yaml next to the template) whose "
                       "references, tables, rules and fields are merged in"}
    section = schema.get("$defs", {}).get("Section", {})
    fields = section.get("properties", {}).get("fields")
    if isinstance(fields, dict) and "items" in fields:
        fields["items"] = {"anyOf": [fields["items"], {
            "type": "object", "required": ["use"],
            "properties": {"use": {"type": "string",
                                   "description": "a field of an included shared file; "
                                                  "other keys override it"}}}]}
    return schema


def lint_file(path: Path) -> tuple[list[str], str]:
    """(problems as ``FILE: path: reason``, a one-line summary when there are none)."""
    from k3desk.domain.evaluation import evaluate, example_values
    from k3desk.domain.template_loader import TemplateError, load_template_file
    from k3desk.domain.templates import default_registry

    try:
        t = load_template_file(path)
    except TemplateError as exc:
        return [f"{exc.source}: {p}" for p in exc.problems], ""
    except K3Error as exc:
        return [str(exc)], ""
    problems: list[str] = []
    expected = f"{t.id}.v{t.version}.yaml"
    if path.name != expected:
        problems.append(translate("templates", "{path}: (nama berkas): beri nama berkas "
                                  "{expected} agar versi-versinya berdampingan").format(
            path=path, expected=expected))
    try:
        shipped = default_registry().get(t.id, t.version)
    except K3Error:
        shipped = None
    if shipped is not None:
        from k3desk.domain.canonical import canonical_json

        if canonical_json(shipped.definition) != canonical_json(t.definition):
            newest = max(x.version for x in default_registry().list() if x.id == t.id)
            problems.append(translate("templates", "{path}: version: {id} versi {version} "
                                      "sudah ada dengan isi yang berbeda; terbitkan sebagai "
                                      "versi {next}").format(
                path=path, id=t.id, version=t.version, next=newest + 1))
    good = evaluate(t, example_values(t))
    if good.verdict != "memenuhi":
        why = good.missing + good.invalid + [f.rule_id for f in good.failed if
                                            f.severity != "minor"]
        problems.append(translate("templates", "{path}: example: nilai contoh memberi "
                                  "'{verdict}', bukan 'memenuhi' ({why}); perbaiki 'example' "
                                  "isiannya").format(path=path, verdict=good.verdict.value,
                                                     why=", ".join(why[:5])))
    bad = evaluate(t, example_values(t, failing=True))
    if bad.verdict != "tidak_memenuhi":
        problems.append(translate("templates", "{path}: example_failing: contoh gagal "
                                  "memberi '{verdict}', bukan 'tidak_memenuhi'; beri sebuah "
                                  "isian 'example_failing'").format(
            path=path, verdict=bad.verdict.value))
    unverified = sum(1 for cr in t.rules if cr.reference.unverified)
    return problems, (f"{t.id} v{t.version}, {len(t.fields)} fields, {len(t.rules)} rules, "
                      f"{unverified} on unverified numbers")


_FIELD_TYPE_TITLES = {
    "number": ("angka", "number"), "integer": ("bilangan bulat", "whole number"),
    "text": ("teks", "text"), "choice": ("pilihan", "choice"),
    "checklist": ("butir periksa", "checklist item"), "yesno": ("ya / tidak", "yes / no"),
    "date": ("tanggal", "date"), "group": ("daftar", "list"),
    "computed": ("dihitung", "computed"), "photo": ("foto", "photo"),
}
_OP = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "==": "=", "!=": "≠", "in": "salah satu",
       "between": "antara"}


def _field(f: FieldSpec, lang: str, indent: str) -> list[str]:
    en = lang == "en"
    type_title = _FIELD_TYPE_TITLES[f.field_type][1 if en else 0]
    bits = [type_title]
    if f.unit:
        bits.append(" / ".join(f.allowed_units()))
    if f.min is not None or f.max is not None:
        bits.append(f"{'' if f.min is None else f'{f.min:g}'}–"
                    f"{'' if f.max is None else f'{f.max:g}'}")
    if f.field_type == "choice":
        bits.append(" / ".join(c.title.get(lang) for c in f.choices))
    if f.field_type == "checklist":
        bits.append("Baik / Buruk" if f.scale == "baik_buruk" else
                    "Layak / Layak dengan catatan / Tidak Layak")
    if f.field_type == "yesno" and f.expect is not None:
        bits.append(("expected: " if en else "harus: ") + (("yes" if en else "ya") if f.expect
                                                             else ("no" if en else "tidak")))
    if f.expr:
        bits.append(f"= {f.expr}")
    if f.field_type == "group" and f.min_items:
        bits.append(f"min. {f.min_items}")
    if f.required:
        bits.append("required" if en else "wajib")
    elif f.required_when:
        bits.append(("required when " if en else "wajib bila ") + f.required_when)
    lines = [f"{indent}- {f.title.get(lang)} ({'; '.join(bits)})"]
    if f.help:
        lines.append(f"{indent}    {f.help.get(lang)}")
    for sub in f.fields:
        lines.extend(_field(sub, lang, indent + "    "))
    return lines


def preview(t: Template, lang: str = "id") -> str:
    en = lang == "en"
    unv = " UNVERIFIED" if en else " BELUM TERVERIFIKASI"
    lines = [f"{t.title(lang)}  [{t.id} v{t.version}]",
             f"{'Regulation' if en else 'Dasar'}: {t.regulation_en if en else t.regulation}",
             f"{'Object type' if en else 'Jenis objek'}: {t.object_type}; "
             f"{'kinds' if en else 'jenis pemeriksaan'}: {', '.join(t.kinds)}"]
    ref = t.interval_reference
    valid = f"{'Valid for' if en else 'Berlaku'} {t.months_valid} " + ("months" if en else "bulan")
    if t.model.next_test_months:
        valid += f" ({t.model.next_test_months})"
    if ref is not None:
        valid += f"; {ref.label()}{unv if ref.unverified else ''}"
    lines.append(valid)
    if t.model.changes:
        lines.append(f"{'Changes' if en else 'Perubahan'}: {t.model.changes}")
    if t.model.included:
        lines.append(f"{'Shared parts' if en else 'Bagian bersama'}: "
                     f"{', '.join(t.model.included)}")
    for i, section in enumerate(t.sections, 1):
        lines += ["", f"{i}. {section.title.get(lang)}"]
        if section.help:
            lines.append(f"   {section.help.get(lang)}")
        for f in section.fields:
            lines.extend(_field(f, lang, "   "))
    lines += ["", "Rules" if en else "Aturan"]
    for cr in t.rules:
        r = cr.rule
        scope = ""
        if r.for_each:
            group = t.field(r.for_each)
            scope = (f" ({'for every' if en else 'untuk setiap'} "
                     f"{(group.item_title or group.title).get(lang)})")
        when = f" — {'when' if en else 'bila'} {r.when}" if r.when else ""
        test = r.check if r.check else f"{r.measured} {_OP[r.op or '==']} {r.required}" + (
            f" {r.unit}" if r.unit else "")
        effect = (("a failure only gives a recommendation" if en else
                   "gagal hanya memberi rekomendasi") if r.severity == "minor" else
                  ("a failure: does not meet" if en else "gagal: tidak memenuhi"))
        lines.append(f"  • {r.title.get(lang)}{scope}{when}")
        lines.append(f"      {test}; {effect}")
        lines.append(f"      {cr.reference.label()}{unv if cr.reference.unverified else ''}"
                     + (f" — {cr.reference.source}" if cr.reference.source else ""))
    items = [f for f in t.fields.values() if f.field_type in ("checklist", "yesno")]
    items += [s for f in t.fields.values() for s in f.fields
              if s.field_type in ("checklist", "yesno")]
    items = [f for f in items if f.field_type == "checklist" or f.expect is not None]
    if items:
        lines += ["", ("Checklist items (a 'Buruk' / 'Tidak Layak' fails unless minor): "
                       if en else "Butir periksa ('Buruk' / 'Tidak Layak' = tidak memenuhi, "
                       "kecuali minor): ") + str(len(items))]
    return "\n".join(lines)
