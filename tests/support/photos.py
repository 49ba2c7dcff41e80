"""Real photos for tests: a photo counts only when its image is stored."""

from __future__ import annotations

from typing import Any

from k3desk.domain.evaluation import example_values
from k3desk.domain.templates import Template, default_registry
from k3desk.reports.sample import sample_photo
from k3desk.services import inspection_service
from k3desk.services.context import AppContext


def attach_example_photos(ctx: AppContext, inspection_id: str) -> dict[str, list[str]]:
    """Store a small photo in every photo field of a draft; ``{field: [sha256, ...]}``."""
    inspection = inspection_service.get(ctx, inspection_id)
    template = default_registry().get(inspection.template_id, inspection.template_version)
    out: dict[str, list[str]] = {}
    for n, spec in enumerate(f for f in template.fields.values() if f.field_type == "photo"):
        out[spec.id] = [inspection_service.attach_photo(
            ctx, inspection_id, spec.id, sample_photo(n + i + 1, 64, 48), f"{spec.id}-{i}.jpg")
            for i in range(max(spec.min_count, 1))]
    return out


def example_values_with(template: Template, photos: dict[str, list[str]],
                        failing: bool = False) -> dict[str, Any]:
    """The template's example values naming the stored ``photos``."""
    return {**example_values(template, failing=failing), **photos}
