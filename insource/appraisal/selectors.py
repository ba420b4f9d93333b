"""Reads of appraisals. Officers' reads take the authority (through the review they reach by
membership); the public reads only the run a published decision relied on."""

from __future__ import annotations

from decimal import Decimal

from django.http import Http404

from insource.appraisal.models import Appraisal, AppraisalRun, CostLine
from insource.reviews.selectors.reviews import publication_get_public
from insource.reviews.workflow.review_facts import Answer

PIT = "public_interest_test.appraisal."


def appraisal_of(*, authority, review) -> Appraisal | None:
    """The review's appraisal, if it has one (and the review is the authority's)."""
    return Appraisal.objects.filter(review=review, authority=authority).first()


def appraisal_or_404(*, authority, review) -> Appraisal:
    """The review's appraisal, or 404 when it has none yet."""
    appraisal = appraisal_of(authority=authority, review=review)
    if appraisal is None:
        raise Http404("This review has no appraisal yet")
    return appraisal


def lines_of(appraisal: Appraisal) -> list[CostLine]:
    """The appraisal's cost lines, by option and position."""
    return list(appraisal.lines.all())


def line_get(*, appraisal: Appraisal, pk: int) -> CostLine | None:
    """One of the appraisal's cost lines."""
    return appraisal.lines.filter(pk=pk).first()


def line_or_404(*, appraisal: Appraisal, pk: int) -> CostLine:
    """One of the appraisal's cost lines, or 404."""
    line = line_get(appraisal=appraisal, pk=pk)
    if line is None:
        raise Http404("No such cost line")
    return line


def runs_of(appraisal: Appraisal) -> list[AppraisalRun]:
    """Every run of the appraisal, latest first (without their results: see run_get)."""
    return list(appraisal.runs.defer("results", "document"))


def run_latest(appraisal: Appraisal | None) -> AppraisalRun | None:
    """The latest run: the one the review's facts take."""
    return appraisal.runs.first() if appraisal is not None else None


def run_get(*, appraisal: Appraisal, pk: int) -> AppraisalRun | None:
    """One run of the appraisal."""
    return appraisal.runs.filter(pk=pk).first()


def run_or_404(*, appraisal: Appraisal, pk: int) -> AppraisalRun:
    """One run of the appraisal, or 404."""
    run = run_get(appraisal=appraisal, pk=pk)
    if run is None:
        raise Http404("No such run")
    return run


def _money(value: float) -> str | None:
    return f"{Decimal(str(value)):.2f}" if value >= 0 else None


def appraisal_answers(review) -> list[Answer]:
    """The latest run's figures as answers for the review's facts (criterion T4). None when
    the review has no run."""
    run = AppraisalRun.objects.filter(appraisal__review=review).order_by("-number").first()
    return run_answers(run) if run is not None else []


def run_answers(run: AppraisalRun) -> list[Answer]:
    """A run's figures as answers for the review's facts (criterion T4), which the review keeps
    (`review_appraisal_record`): they replace anything typed for the same facts."""
    r = run.results
    values = {
        "p_inhouse_cheaper": f"{Decimal(str(r['p_inhouse_cheaper'])):.4f}",
        "inhouse_cost_gbp": _money(r["options"]["inhouse"]),
        "outsourced_cost_gbp": _money(r["options"]["outsourced"]),
        "run_id": run.pk,
        "run_sha256": run.sha256,
    }
    return [Answer(PIT + k, v) for k, v in values.items()]


def run_for_decision(decision) -> AppraisalRun | None:
    """The run a signed decision relied on (named in its facts), if its hash still matches."""
    appraisal = ((decision.facts or {}).get("public_interest_test") or {}).get("appraisal") or {}
    pk, sha = appraisal.get("run_id"), appraisal.get("run_sha256")
    if not pk or not sha:
        return None
    return AppraisalRun.objects.filter(
        pk=pk, sha256=sha, appraisal__review_id=decision.review_id
    ).first()


def run_published(decision_pk: int) -> AppraisalRun | None:
    """Public: the run behind a published decision, else None."""
    publication = publication_get_public(decision_pk)
    return run_for_decision(publication.decision) if publication is not None else None


def proposed_term_years(review, default_months: int = 60) -> int:
    """The appraisal period to start from: the proposed term's maximum (months, rounded up to
    years) when the review records it, else the policy's five-year maximum term."""
    months = review.answers.filter(path="proposed_terms.max_term_months").first()
    value = months.value if months is not None and isinstance(months.value, int) else None
    return max(1, -(-(value or default_months) // 12))


def run_is_current(appraisal: Appraisal, lines, run: AppraisalRun) -> bool:
    """Whether the run was made from the appraisal as it stands now."""
    from datetime import date

    from insource.appraisal.document import document_of

    on = date.fromisoformat(run.document["appraisal_on"])
    return document_of(appraisal, lines, on=on) == run.document
