"""Reads of sharing work. The library and a template's page are public and read only templates
still published; an authority's officers read its own templates (withdrawn too) and what it
started from others'. `reuse_counts` is what the national view counts (issue 20)."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.http import Http404

from insource.sharing.models import Kind, SharedTemplate, TemplateReuse

KINDS = {k.value for k in Kind}


def templates_published(*, kind: str | None = None) -> QuerySet[SharedTemplate]:
    """Every template still published, newest first, each with `num_reuses`; `kind` narrows
    them to appraisals or clauses (anything else is ignored)."""
    found = SharedTemplate.objects.filter(withdrawn_at__isnull=True)
    if kind in KINDS:
        found = found.filter(kind=kind)
    return found.select_related("authority").annotate(num_reuses=Count("reuses"))


def template_public_or_404(pk: int) -> SharedTemplate:
    """A template still published, with `num_reuses`, or 404."""
    template = templates_published().filter(pk=pk).first()
    if template is None:
        raise Http404("No such template")
    return template


def templates_of(*, authority) -> QuerySet[SharedTemplate]:
    """The authority's own templates, withdrawn ones too, each with `num_reuses`."""
    found = SharedTemplate.objects.filter(authority=authority)
    return found.annotate(num_reuses=Count("reuses"))


def template_of_or_404(*, authority, pk: int) -> SharedTemplate:
    """One of the authority's own templates, or 404 (another authority's is not revealed)."""
    template = SharedTemplate.objects.filter(authority=authority, pk=pk).first()
    if template is None:
        raise Http404("No such template")
    return template


def template_to_start_from(*, kind: str, pk) -> SharedTemplate | None:
    """A published template of the kind, by the id a form sent (None when there is none)."""
    if not str(pk).isdigit():
        return None
    return templates_published(kind=kind).filter(pk=int(pk)).first()


def reuses_by(*, authority) -> QuerySet[TemplateReuse]:
    """What the authority started from other templates, newest first."""
    found = TemplateReuse.objects.filter(authority=authority)
    return found.select_related("template__authority", "appraisal", "clause_version")


def reuse_of_appraisal(appraisal) -> TemplateReuse | None:
    """The template the appraisal started from, if it did."""
    if appraisal is None:
        return None
    found = TemplateReuse.objects.filter(appraisal=appraisal)
    return found.select_related("template__authority").first()


def reuse_of_clause(*, authority, key: str) -> TemplateReuse | None:
    """The latest template one of the authority's clauses started from, if any did."""
    found = TemplateReuse.objects.filter(
        authority=authority, clause_version__key=key, clause_version__authority=authority
    )
    return found.select_related("template__authority", "clause_version").first()


def reuse_of_review(review_id: int) -> TemplateReuse | None:
    """The template the review's appraisal started from, if it did (for its decision pack)."""
    found = TemplateReuse.objects.filter(appraisal__review_id=review_id)
    return found.select_related("template__authority").first()


def reuse_counts(*, by: str, kind: str | None = None) -> dict[str, int]:
    """How many times templates were reused: `by="template"` maps each template's id (as text)
    to its reuses, published or withdrawn, reused or not; `by="service"` maps each CPV
    division ("" for any service) to the reuses of its templates. `kind` ("appraisal" or
    "clause") narrows the count to one kind."""
    found = SharedTemplate.objects.all()
    if kind in KINDS:
        found = found.filter(kind=kind)
    if by == "template":
        rows = found.annotate(n=Count("reuses")).values_list("pk", "n")
        return {str(pk): n for pk, n in rows}
    if by == "service":
        rows = found.order_by().values("cpv_division").annotate(n=Count("reuses"))
        return {row["cpv_division"]: row["n"] for row in rows}
    raise ValueError(f"reuse_counts counts by 'template' or 'service', not {by!r}")


def shared_for_service(division: str) -> dict[str, int]:
    """For the national view of a service: how many templates of the service's CPV division are
    published now, and how many times that division's templates (withdrawn ones too) were
    reused (`reuse_counts(by="service")`'s figure for the division)."""
    return {
        "templates": templates_published().filter(cpv_division=division).count(),
        "reuses": reuse_counts(by="service").get(division, 0),
    }
