"""Shared template parts: definitions several templates use, kept in one file.

A template file may say ``include: [tali_kawat_baja]``; the loader then reads
``shared/tali_kawat_baja.yaml`` next to the template (or, for a draft kept elsewhere,
the shipped one) and merges its ``references``,
``tables`` and ``rules`` into the template, and a section field written
``{use: tali_kawat}`` (optionally with keys that override, e.g. ``title`` or
``required_when``) becomes the shared field ``tali_kawat``. So the discard rules of
wire ropes and chains live once, for the cranes and for lifting accessories tested on
their own.

The expanded definition is what a template *is*: it is stored and published whole,
with ``included: [names]`` recording where parts came from, so a server never needs
the shared files. Changing a shared file changes every template that includes it;
publish a new version of each (the registry refuses a changed definition under an
old version).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from k3desk.domain.errors import ValidationError
from k3desk.domain.i18n import translate

SHARED_DIR = "shared"
_KEYS = {"shared", "description", "references", "tables", "fields", "rules"}


def shared_path(template_path: Path, name: str) -> Path:
    """``shared/NAME.yaml`` next to the template, else the shipped one (for drafts)."""
    local = template_path.parent / SHARED_DIR / f"{name}.yaml"
    if local.exists():
        return local
    from k3desk.domain.templates import templates_dir

    shipped = templates_dir() / SHARED_DIR / f"{name}.yaml"
    return shipped if shipped.exists() else local


def _load_shared(template_path: Path, name: Any, where: str) -> dict[str, Any]:
    from k3desk.domain.template_loader import _Loader

    if not isinstance(name, str) or not name.replace("_", "").isalnum():
        raise ValidationError(translate("templates", "{path}: {where}: bukan nama berkas "
                                        "bersama: {name}").format(
            path=template_path, where=where, name=repr(name)))
    path = shared_path(template_path, name)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    except OSError:
        raise ValidationError(translate("templates", "{path}: {where}: tidak ada berkas "
                                        "bersama {shared}").format(
            path=template_path, where=where, shared=path)) from None
    except yaml.YAMLError as exc:
        raise ValidationError(translate("templates", "{path}: kesalahan sintaks YAML: "
                                        "{error}").format(path=path, error=exc)) from None
    if not isinstance(data, dict):
        raise ValidationError(translate("templates", "{path}: (top): berkas bersama harus "
                                        "berupa mapping").format(path=path))
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ValidationError(translate("templates", "{path}: {key}: tidak diizinkan dalam "
                                        "berkas bersama (yang diizinkan: {allowed})").format(
            path=path, key=unknown[0], allowed=", ".join(sorted(_KEYS))))
    return data


def expand_includes(definition: dict[str, Any], template_path: Path) -> dict[str, Any]:
    """The definition with its ``include`` resolved (a new dict; ``included`` records it)."""
    names = definition.get("include")
    if not isinstance(names, list) or not names:
        raise ValidationError(translate("templates", "{path}: include: diharapkan daftar nama "
                                        "berkas bersama, mis. [alat_bantu_angkat]").format(
            path=template_path))
    out = {k: copy.deepcopy(v) for k, v in definition.items() if k != "include"}
    shared_fields: dict[str, dict[str, Any]] = {}
    shared_rules: list[Any] = []
    for i, name in enumerate(names):
        data = _load_shared(template_path, name, f"include[{i}]")
        for key in ("references", "tables"):
            own = out.setdefault(key, {})
            if not isinstance(own, dict):
                continue
            for ref_name, value in (data.get(key) or {}).items():
                if ref_name in own and own[ref_name] != value:
                    raise ValidationError(translate(
                        "templates", "{path}: {key}.{ref}: juga didefinisikan dalam berkas "
                        "bersama {name} dengan isi yang berbeda").format(
                        path=template_path, key=key, ref=ref_name, name=repr(name)))
                own[ref_name] = copy.deepcopy(value)
        for spec in data.get("fields") or []:
            if isinstance(spec, dict) and isinstance(spec.get("id"), str):
                shared_fields[spec["id"]] = spec
        shared_rules.extend(copy.deepcopy(data.get("rules") or []))
    for si, section in enumerate(out.get("sections") or []):
        fields = section.get("fields") if isinstance(section, dict) else None
        if not isinstance(fields, list):
            continue
        for fi, spec in enumerate(fields):
            if isinstance(spec, dict) and "use" in spec:
                base = shared_fields.get(spec["use"])
                if base is None:
                    raise ValidationError(
                        translate("templates", "{path}: sections[{si}].fields[{fi}].use: "
                                  "tidak ada isian bersama {use} di {names}").format(
                            path=template_path, si=si, fi=fi, use=repr(spec["use"]),
                            names=", ".join(map(str, names))))
                fields[fi] = {**copy.deepcopy(base),
                              **{k: v for k, v in spec.items() if k != "use"}}
    out["rules"] = shared_rules + list(out.get("rules") or [])
    out["included"] = list(names)
    return out
