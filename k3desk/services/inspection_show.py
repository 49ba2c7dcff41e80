"""One inspection as a person reads it (``k3desk inspection show ID``): the values by
section with labels and units, the verdict and its reasons, what is still missing."""

from __future__ import annotations

from dataclasses import dataclass, field

from k3desk.domain.i18n import language
from k3desk.domain.vocabulary import Verdict
from k3desk.services import inspection_service, listing_service, presentation
from k3desk.services.context import AppContext


@dataclass(frozen=True)
class InspectionView:
    id: str
    title: str  # the template's title
    status: str
    inspected_on: str
    verdict: str  # the label ("Memenuhi persyaratan K3"), never the stored word
    sections: list[tuple[str, list[tuple[str, str, str]]]]  # title, [(label, value, unit)]
    reasons: list[str] = field(default_factory=list)  # failed rules, in words
    missing: list[str] = field(default_factory=list)  # what keeps it from being submitted


def show(ctx: AppContext, inspection_id: str) -> InspectionView:
    with ctx.db.session() as s:
        inspection = inspection_service.own_inspection(ctx, s, inspection_id)
        template = inspection_service._template(inspection.template_id,
                                                inspection.template_version)
        result = inspection_service.evaluate_inspection(inspection, s)
        problems = inspection_service.submission_problems(s, inspection,
                                                          ctx.actor.qualifications)
        s.rollback()  # showing changes nothing
        verdict = Verdict.of(str(result.verdict))
        reasons = [f"{f.title_id}: {f.message_id}".rstrip(": ") for f in result.failed]
        return InspectionView(
            id=inspection.id, title=template.title(language()),
            status=listing_service.status_label(str(inspection.status)),
            inspected_on=str(inspection.inspected_on),
            verdict=verdict.title(language()) if verdict else "-",
            sections=presentation.section_rows(template, dict(inspection.values or {})),
            reasons=reasons, missing=[p.message for p in problems])
