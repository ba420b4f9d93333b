"""The plan's in-house budget starts from the options appraisal's central in-house estimate
(the run the decision relied on, else the review's latest run)."""

from __future__ import annotations

from decimal import Decimal

import pytest


@pytest.mark.django_db
def test_budget_from_the_appraisal_run():
    from insource.authorities.models import Role
    from insource.core.audit import Actor
    from insource.reviews.services.decisions import decision_sign
    from insource.reviews.services.editing import review_submit
    from insource.testing import appraisal as builders
    from insource.testing.workflow import NOW, TODAY
    from insource.transition.selectors import transition_plan_for_review

    _authority, people, review = builders.reviewed("BGT")
    officer, maker = people[Role.REVIEW_OFFICER], people[Role.DECISION_MAKER]
    run = builders.run(builders.appraisal_with_sample(review, officer), officer, draws=200)
    review.refresh_from_db()
    review_submit(
        review=review,
        decision_maker=maker,
        version=review.version,
        on=TODAY,
        by=Actor.system("t"),
        at=NOW,
    )
    review.refresh_from_db()
    outcome = review.evaluation["result"]["outcome"]
    assert outcome.startswith("INSOURCE_")
    decision = decision_sign(
        review=review,
        signer=maker,
        outcome=outcome,
        reason="",
        version=review.version,
        on=TODAY,
        by=Actor.for_user(maker),
        at=NOW,
    )
    plan = transition_plan_for_review(decision.review)
    expected = Decimal(str(run.results["options"]["inhouse"])).quantize(Decimal("0.01"))
    assert plan.budget_inhouse_gbp == expected > 0
    assert f"run {run.number}" in plan.budget_source
