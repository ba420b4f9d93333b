"""Run the policy engine on a review: the register's facts, the answers, the evidence.

Called by every service that changes a review, in its transaction, so the page always shows
the current recommendation, status, missing evidence and standards. The options appraisal hands
its latest run's T4 figures in through `review_appraisal_record`; evaluation reads only what the
review stores.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.db.models import F

from insource.policy import PolicyError, evaluate
from insource.register.models import Contract
from insource.reviews.facts import contract_facts, counterparty_of, supplier_kind
from insource.reviews.models import Review
from insource.reviews.selectors.screening_bulk import public_names
from insource.reviews.workflow.prerequisites import (
    PrerequisiteCheck,
    planned_on_of,
    prerequisites_check,
)
from insource.reviews.workflow.review_facts import Answer, register_values, review_facts

CONTRACT_COLUMNS = ("main_cpv", "cpv_codes", "nature", "is_framework", "end_on", "value_inc_vat")
APPRAISAL_PATHS = "public_interest_test.appraisal."


def register_facts_of(contract: Contract, on: date, preset: str) -> dict[str, object]:
    """The register's facts about the contract, as flat fact paths."""
    row = {k: getattr(contract, k) for k in CONTRACT_COLUMNS}
    authority = contract.reviewing_authority
    names = public_names()
    suppliers = contract.suppliers.values("name", "is_vcse", "charity_number", "identifier_scheme")
    party = counterparty_of(supplier_kind(s, names) for s in suppliers) if suppliers else None
    doc = contract_facts(
        row,
        {"procurement_category": authority.procurement_category, "nation": authority.nation},
        on=on,
        preset=preset,
        counterparty=party,
    )
    flat = register_values(doc)
    for path, value in (
        ("contract.starts_on", contract.start_on),
        ("contract.max_ends_on", contract.max_end_on),
        ("contract.service", contract.title[:200] or None),
    ):
        if value:
            flat[path] = value.isoformat() if isinstance(value, date) else value
    return flat


def evidence_refs(review: Review) -> dict[str, list[str]]:
    """Fact path -> the references of the evidence attached to it."""
    refs: dict[str, list[str]] = {}
    for pk, path in review.evidence.values_list("pk", "path"):
        refs.setdefault(path, []).append(f"evidence:{pk}")
    return refs


def appraisal_answers_of(review: Review) -> list[Answer]:
    """The latest appraisal run's figures the review holds (criterion T4), in order; read from
    the database, so a review read before the run still takes them."""
    stored = Review.objects.filter(pk=review.pk).values_list("appraisal_answers", flat=True)
    return [Answer(path, value) for path, value in stored.first() or []]


@transaction.atomic
def review_appraisal_record(
    *, review: Review, answers: list[Answer], on: date, at: datetime
) -> dict:
    """Keep an appraisal run's figures on the review as its T4 answers, bump the review's
    version (a signature against the old figures is refused) and re-evaluate. Only facts of
    the appraisal (`public_interest_test.appraisal.*`) are taken. Not a separate write: the
    appraisal audits the run that caused it."""
    outside = [a.path for a in answers if not a.path.startswith(APPRAISAL_PATHS)]
    if outside:
        raise ValueError(f"not facts of the appraisal: {', '.join(outside)}")
    review.appraisal_answers = [[a.path, a.value] for a in answers]
    Review.objects.filter(pk=review.pk).update(
        appraisal_answers=review.appraisal_answers, version=F("version") + 1
    )
    return review_evaluate(review, on=on, at=at)


def facts_of(review: Review, *, on: date) -> dict:
    """The facts document of the review as it stands."""
    preset = review.authority.policy_preset or "labour-2019-local"
    answers = [Answer(a.path, a.value, a.is_disputed) for a in review.answers.all()]
    answers += appraisal_answers_of(review)  # the latest appraisal run's figures win (T4)
    maker = review.decision_maker
    return review_facts(
        register=register_facts_of(review.contract, on, preset),
        answers=answers,
        evidence=evidence_refs(review),
        decision_on=on,
        preset=preset,
        review_id=review.pk,
        decision_maker=(maker.get_full_name() or maker.get_username()) if maker else "",
    )


def review_evaluate(review: Review, *, on: date, at: datetime) -> dict:
    """Evaluate the review's facts and keep the result on the review (not a separate write:
    callers audit the change that caused it)."""
    facts = facts_of(review, on=on)
    try:
        result = evaluate(facts).to_dict()
    except PolicyError as error:
        result = {"error": str(error), "outcome": None, "status": "error"}
    review.evaluation, review.evaluated_at = {"facts": facts, "result": result}, at
    Review.objects.filter(pk=review.pk).update(evaluation=review.evaluation, evaluated_at=at)
    return result


def review_prerequisites(
    review: Review,
    *,
    on: date,
    signing: bool = False,
    decision_maker=None,
    facts: dict | None = None,
    result: dict | None = None,
) -> PrerequisiteCheck:
    """The one prerequisites check the review panel, "Send for decision" and signing all use:
    against the planned decision date before signing (today once it has passed), against the
    signing date at signing. `decision_maker` is the person it is being sent to; `facts` and
    `result` an evaluation already at hand (the panel's stored one, the signature's)."""
    facts = dict(facts if facts is not None else facts_of(review, on=on))
    if decision_maker is not None:
        facts["decision_maker"] = decision_maker.get_full_name() or decision_maker.get_username()
        result = None
    planned = planned_on_of(review.answers.all())
    return prerequisites_check(facts, on=on, planned_on=planned, signing=signing, result=result)
