"""Builders for the appraisal's Django tests: a review of a refuse contract, its appraisal
loaded from the shipped sample, and a run."""

from __future__ import annotations

import json
from pathlib import Path

import factory

from insource.appraisal.models import Appraisal
from insource.appraisal.services import appraisal_load, appraisal_run, appraisal_start
from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.reviews.models import Review
from insource.reviews.services.editing import review_answer
from insource.reviews.services.opening import reviews_open_due
from insource.reviews.workflow.questions import BY_SLUG
from insource.testing.workflow import (
    DECIDED_FACTS,
    NOW,
    TODAY,
    ReviewFactory,
    council,
    refuse_contract,
    team,
)

SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "samples" / "appraisal-sample.json"
PIT_CLAIMED = {"public_interest_test.claimed": True} | {
    f"public_interest_test.T{n}": True for n in range(1, 11) if n != 4
}


def sample() -> dict:
    return json.loads(SAMPLE.read_text())


def reviewed(code="APR", *, decided_facts=True):
    """(authority, people, review) for an open review of a refuse contract, its officer having
    answered the facts that make it complete (not at risk, private, procedure done)."""
    authority = council(code=code, name=f"{code} County Council")
    people = team(authority)
    contract = refuse_contract(authority)
    reviews_open_due(on=TODAY, by=Actor.system("tests"), at=NOW, authority=authority)
    review = Review.objects.get(contract=contract)
    for slug, values in DECIDED_FACTS.items() if decided_facts else ():
        answer(review, slug, values, people[Role.REVIEW_OFFICER])
    review.refresh_from_db()
    return authority, people, review


def answer(review, slug: str, values: dict, user) -> dict:
    review.refresh_from_db()
    return review_answer(
        review=review,
        topic=BY_SLUG[slug],
        values=values,
        disputed={},
        version=review.version,
        on=TODAY,
        by=Actor.for_user(user),
        user=user,
        at=NOW,
    )


def appraisal_with_sample(review, user, document=None):
    appraisal = appraisal_start(review=review, term_years=5, by=Actor.for_user(user), at=NOW)
    appraisal_load(
        appraisal=appraisal,
        document=document or sample(),
        version=appraisal.version,
        on=TODAY,
        by=Actor.for_user(user),
        at=NOW,
    )
    appraisal.refresh_from_db()
    return appraisal


def run(appraisal, user, draws=20_000, seed=5):
    return appraisal_run(
        appraisal=appraisal,
        draws=draws,
        seed=seed,
        user=user,
        on=TODAY,
        by=Actor.for_user(user),
        at=NOW,
    )


def officer_of(people):
    return people[Role.REVIEW_OFFICER]


class AppraisalFactory(factory.django.DjangoModelFactory):
    """An appraisal started through `appraisal_start` on a review (by default a new one) over
    `term_years`, empty: `appraisal_with_sample` loads the shipped sample."""

    class Meta:
        model = Appraisal

    review = factory.SubFactory(ReviewFactory)
    term_years = 5

    @classmethod
    def _create(cls, model_class, *, review, term_years):
        return appraisal_start(
            review=review, term_years=term_years, by=Actor.system("tests"), at=NOW
        )
