"""Photo fields count only photos whose image is stored (on the laptop or the server).

A photo value is a list of attachment ids (sha256 hex of the image, or an attachment
record's uuid). The id alone proves nothing: the evaluation is given the values with
every id nobody holds an image for taken out, so a required photo slot filled with an
unknown id is *missing* and the verdict ``incomplete``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Collection
from typing import Any

from k3desk.domain.templates import Template


def _photo_paths(template: Template) -> list[tuple[str, str | None]]:
    """(field, sub-field) of every photo field: (id, None) top level, (group, sub)."""
    out: list[tuple[str, str | None]] = []
    for spec in template.fields.values():
        if spec.field_type == "photo":
            out.append((spec.id, None))
        out.extend((spec.id, sub.id) for sub in spec.fields if sub.field_type == "photo")
    return out


def _lists(template: Template, values: Any) -> list[tuple[dict[str, Any], str]]:
    """(container, key) of each photo list present in ``values``."""
    if not isinstance(values, dict):
        return []
    found: list[tuple[dict[str, Any], str]] = []
    for fid, sub in _photo_paths(template):
        if sub is None:
            found.append((values, fid))
            continue
        items = values.get(fid)
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                found.append((item, sub))
    return [(c, k) for c, k in found if isinstance(c.get(k), list)]


def photo_ids(template: Template, values: Any) -> set[str]:
    """Every attachment id the values' photo fields name."""
    return {x for c, k in _lists(template, values) for x in c[k] if isinstance(x, str)}


def with_stored_photos(template: Template, values: Any,
                       stored: Collection[str] | Callable[[set[str]], Collection[str]]
                       ) -> Any:
    """A copy of ``values`` whose photo fields keep only ids in ``stored`` (a collection,
    or a function from the ids named to those stored); other values are untouched."""
    ids = photo_ids(template, values)
    if not ids:
        return values
    known = set(stored(ids) if callable(stored) else stored)
    out = copy.deepcopy(values)
    for container, key in _lists(template, out):
        container[key] = [x for x in container[key] if x in known]
    return out
