"""The appraisal hands its latest run's T4 figures to the review, which keeps them (reviews'
`review_appraisal_record`); the data migration fills them in for runs made before."""

from importlib import import_module

import pytest
from django.apps import apps

from insource.appraisal.selectors import appraisal_answers, run_answers
from insource.reviews.models import Review
from insource.reviews.services.evaluation import review_appraisal_record, review_evaluate
from insource.reviews.workflow.review_facts import Answer
from insource.testing import appraisal as b
from insource.testing.workflow import NOW, TODAY

pytestmark = pytest.mark.django_db
MIGRATION = import_module("insource.appraisal.migrations.0003_review_appraisal_answers")


def _pairs(answers):
    return [[a.path, a.value] for a in answers]


def test_the_review_keeps_the_latest_run_s_figures():
    _a, people, review = b.reviewed()
    officer = b.officer_of(people)
    appraisal = b.appraisal_with_sample(review, officer)
    b.run(appraisal, officer, seed=1, draws=2_000)
    latest = b.run(appraisal, officer, seed=2, draws=2_000)
    review.refresh_from_db()
    assert review.appraisal_answers == _pairs(run_answers(latest))
    assert review.appraisal_answers == _pairs(appraisal_answers(review))
    paths = [path for path, _ in review.appraisal_answers]
    assert paths[-2:] == [
        "public_interest_test.appraisal.run_id",
        "public_interest_test.appraisal.run_sha256",
    ]


def test_the_review_takes_only_facts_of_the_appraisal():
    _a, _people, review = b.reviewed()
    with pytest.raises(ValueError, match="not facts of the appraisal"):
        review_appraisal_record(
            review=review, answers=[Answer("contract.service", "Bins")], on=TODAY, at=NOW
        )
    review.refresh_from_db()
    assert review.appraisal_answers == []


def test_the_migration_fills_in_the_figures_of_runs_made_before():
    _a, people, review = b.reviewed()
    officer = b.officer_of(people)
    appraisal = b.appraisal_with_sample(review, officer)
    b.run(appraisal, officer, seed=1, draws=2_000)
    latest = b.run(appraisal, officer, seed=2, draws=2_000)
    _b, _people, without = b.reviewed(code="APS")
    review.refresh_from_db()
    evaluation = review.evaluation
    Review.objects.update(appraisal_answers=[])
    MIGRATION.forward(apps, None)
    review.refresh_from_db()
    assert review.appraisal_answers == _pairs(run_answers(latest))
    without.refresh_from_db()
    assert without.appraisal_answers == []
    review_evaluate(review, on=TODAY, at=NOW)  # from what the review stores
    assert review.evaluation["facts"] == evaluation["facts"]
    assert review.evaluation["result"] == evaluation["result"]
