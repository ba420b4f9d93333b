"""A finished example in the demo, so a newcomer sees the public side working at once: one
review of an adopting council (never Staffordshire's refuse contract, which the README's walk
uses, nor Warwickshire's) taken through the real services to a signed, published decision,
and one information request about it, answered. Idempotent: nothing is done once the demo has
a published decision."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from insource.core.audit import Actor
from insource.reviews.decisions.pack import pack_render
from insource.reviews.models import Publication, Review
from insource.reviews.services.decisions import decision_publish, decision_sign
from insource.reviews.services.editing import review_answer, review_submit
from insource.reviews.workflow.questions import BY_SLUG
from insource.transparency.requests.services import (
    form_token_sign,
    request_answer,
    request_confirm,
    request_submit,
)

SKIP_CODES = ("STS", "WAR")
FACTS = {
    "at-risk": {
        "at_risk.significant_contact": False,
        "at_risk.coercive_powers": False,
        "at_risk.rights_risk": False,
    },
    "contract": {"contract.counterparty": "private"},
    "prerequisites": {
        "consultation_done": True,
        "equality_impact_assessment_done": True,
        "is_key_decision": False,
    },
}


class _NotComplete(Exception):
    pass


def _candidates():
    rows = Review.objects.filter(is_signed=False).exclude(authority__code__in=SKIP_CODES)
    rows = rows.exclude(contract__main_cpv="")  # the register knows what the contract is for
    return rows.select_related("contract", "authority").order_by("decision_point_on", "id")[:20]


def answered(review, officer, *, on: date, at: datetime, facts=FACTS, outcome=None) -> bool:
    """Answer `facts` on the review; keep the answers only if the recommendation is complete
    (and is `outcome` when given), else roll them back."""
    try:
        with transaction.atomic():
            for slug, values in facts.items():
                review.refresh_from_db()
                result = review_answer(
                    review=review,
                    topic=BY_SLUG[slug],
                    values=values,
                    disputed={},
                    version=review.version,
                    on=on,
                    by=Actor.for_user(officer),
                    user=officer,
                    at=at,
                )
            if result["status"] != "decided" or outcome not in (None, result["outcome"]):
                raise _NotComplete
    except _NotComplete:
        return False
    return True


def demo_showcase(*, on: date, at: datetime) -> str | None:
    """Publish one decision and answer one request about it; the decision's outcome or None."""
    if Publication.objects.exists():
        return None
    people = {
        u.username: u
        for u in get_user_model().objects.filter(username__in=("officer", "decider", "legal"))
    }
    review = next((r for r in _candidates() if answered(r, people["officer"], on=on, at=at)), None)
    if review is None:
        return None
    decision = decide_and_publish(review, people, on=on, at=at)
    _answer_a_request(decision, on=on, at=at + timedelta(minutes=30))
    return decision.outcome


def decide_and_publish(review, people, *, on: date, at: datetime):
    """Submit, sign the recommendation and publish its pack, as the demo's people."""
    review.refresh_from_db()
    review_submit(
        review=review,
        decision_maker=people["decider"],
        version=review.version,
        on=on,
        by=Actor.for_user(people["officer"]),
        at=at,
    )
    review.refresh_from_db()
    decision = decision_sign(
        review=review,
        signer=people["decider"],
        outcome=review.evaluation["result"]["outcome"],
        reason="",
        version=review.version,
        on=on,
        by=Actor.for_user(people["decider"]),
        at=at,
    )
    name = people["legal"].get_full_name()
    html, pdf = pack_render(decision, publisher_name=name, published_on=on)
    decision_publish(
        decision=decision,
        user=people["legal"],
        redaction_note="No personal data in the pack (demonstration)",
        has_confidential_annex=False,
        pack_html=html,
        pack_pdf=pdf,
        on=on,
        by=Actor.for_user(people["legal"]),
        at=at,
    )
    return decision


def _answer_a_request(decision, *, on: date, at: datetime) -> None:
    made = request_submit(
        authority=decision.authority,
        decision=decision,
        at=at,
        title="The information behind this decision",
        text="Please send the information showing that this decision meets the policy's "
        "criteria, and the contract's value and end date.",
        name="A demonstration resident",
        email="resident@demo.insource.invalid",
        honeypot="",
        form_token=form_token_sign(at - timedelta(minutes=5)),
        ip="",
    )
    request_confirm(token=made.token, at=at)
    request_answer(
        request=made.request,
        in_full=True,
        public_text="The staffing numbers and the comparison are in the decision "
        "pack, sections 'The contract and its value' and 'Why'.",
        by=Actor.system("demo"),
        at=at + timedelta(hours=2),
    )
