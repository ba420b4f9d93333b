"""Opening reviews: one at a time by an officer, or every due one by the daily job.

A review opens for an adopting authority's contract when its next decision point falls within
the lead time and not before the adoption; terminated contracts are reviewed at once. A contract
with no end date is never opened automatically: it is counted and stays in the officers' queue.
Idempotent: a decision point has at most one review.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.db.models import F, Q

from insource.authorities.models import Authority, Role
from insource.authorities.selectors import members_with_role
from insource.core.audit import Actor, audit_record
from insource.register.models import Contract
from insource.reviews.models import Review, ReviewState, ReviewStatus
from insource.reviews.notify import notify_reviews_opened
from insource.reviews.services.evaluation import review_evaluate
from insource.reviews.signals import reviews_opened
from insource.reviews.workflow.timing import DecisionPoint, decision_point, opens_from


class ReviewNotDue(Exception):
    """The contract cannot be reviewed under the policy (not adopted, or ended before it)."""


def _owner_for(authority: Authority):
    officers = members_with_role(authority, Role.REVIEW_OFFICER)
    return officers[0] if officers else None


def _create(contract, authority, point: DecisionPoint, *, on, by: Actor, at, owner) -> Review:
    review = Review.objects.create(
        contract=contract,
        authority=authority,
        decision_point_on=point.on,
        trigger=point.trigger,
        opened_on=on,
        opened_at=at,
        opened_by=by.label,
        owner=owner,
    )
    ReviewStatus.objects.create(review=review, state=ReviewState.OPEN, at=at, by=by.label)
    review_evaluate(review, on=on, at=at)
    audit_record(
        by=by,
        at=at,
        action="reviews.open",
        obj=review,
        authority=authority,
        after={
            "contract": contract.pk,
            "decision_point_on": str(point.on),
            "trigger": point.trigger,
            "owner": owner.pk if owner else None,
        },
    )
    return review


@transaction.atomic
def review_open(*, contract: Contract, on: date, by: Actor, at: datetime) -> Review:
    """Open the review of one contract's next decision point (an officer's request)."""
    authority = contract.reviewing_authority
    if authority.policy_adopted_on is None or authority.policy_adopted_on > on:
        raise ReviewNotDue(f"{authority.name} has not adopted the policy on {on}")
    point = decision_point(
        end_on=contract.end_on,
        max_end_on=contract.max_end_on,
        is_terminated=contract.is_terminated,
        on=on,
    ) or DecisionPoint(on, "manual")
    if point.on < authority.policy_adopted_on and point.trigger != "termination":
        raise ReviewNotDue("The contract ended before the policy was adopted")
    existing = Review.objects.filter(contract=contract, decision_point_on=point.on).first()
    if existing is not None:
        return existing
    review = _create(contract, authority, point, on=on, by=by, at=at, owner=_owner_for(authority))
    reviews_opened.send(sender=Review, reviews=[review], on=on, at=at)  # alerts' news
    transaction.on_commit(lambda: notify_reviews_opened([review]))
    return review


def _candidates(on: date, authorities):
    horizon_filter = Q(is_terminated=True) | Q(end_on__isnull=False) | Q(max_end_on__isnull=False)
    return (
        Contract.objects.in_register()
        .filter(reviewing_authority__in=authorities)
        .filter(horizon_filter)
        .select_related("reviewing_authority")
        .order_by("id")
    )


def _due(contract: Contract, on: date) -> DecisionPoint | None:
    point = decision_point(
        end_on=contract.end_on,
        max_end_on=contract.max_end_on,
        is_terminated=contract.is_terminated,
        on=on,
    )
    adopted = contract.reviewing_authority.policy_adopted_on
    if point is None or (point.on < adopted and point.trigger != "termination"):
        return None
    if point.trigger != "termination" and opens_from(point.on, on) > on:
        return None
    return point


@transaction.atomic
def reviews_open_due(*, on: date, by: Actor, at: datetime, authority: Authority | None = None):
    """Open every review due on `on` for the adopting authorities; a summary of what happened."""
    adopted = Authority.objects.filter(policy_adopted_on__lte=on)
    if authority is not None:
        adopted = adopted.filter(pk=authority.pk)
    summary = {"opened": 0, "already_open": 0, "skipped_no_end_date": 0, "not_due": 0}
    summary["skipped_no_end_date"] = (
        Contract.objects.in_register()
        .filter(
            reviewing_authority__in=adopted,
            end_on__isnull=True,
            max_end_on__isnull=True,
            is_terminated=False,
        )
        .count()
    )
    existing = set(
        Review.objects.filter(authority__in=adopted).values_list("contract_id", "decision_point_on")
    )
    unsigned = set(
        Review.objects.filter(authority__in=adopted, is_signed=False).values_list(
            "contract_id", flat=True
        )
    )
    opened, owners = [], {}
    for contract in _candidates(on, adopted).iterator(chunk_size=2000):
        point = _due(contract, on)
        if point is None:
            summary["not_due"] += 1
        elif (contract.pk, point.on) in existing or contract.pk in unsigned:
            summary["already_open"] += 1
        else:
            authority_ = contract.reviewing_authority
            if authority_.pk not in owners:
                owners[authority_.pk] = _owner_for(authority_)
            opened.append(
                _create(
                    contract, authority_, point, on=on, by=by, at=at, owner=owners[authority_.pk]
                )
            )
    summary["opened"] = len(opened)
    if opened:
        reviews_opened.send(sender=Review, reviews=opened, on=on, at=at)  # alerts' news
    transaction.on_commit(lambda: notify_reviews_opened(opened))
    return summary


def _movable(review: Review, point: DecisionPoint) -> bool:
    """Whether the review moves to `point`: it is elsewhere, and no other review holds it."""
    if point.on == review.decision_point_on:
        return point.trigger != review.trigger
    return not Review.objects.filter(
        contract=review.contract_id, decision_point_on=point.on
    ).exists()


def review_reschedule(*, contract: Contract, on: date, by: Actor, at: datetime) -> Review | None:
    """After the register's dates of a contract changed (an officer's correction), move its
    open review to the contract's next decision point, as opening would place it, and evaluate
    it on the new facts (its version moves on: a signature against the old facts is refused).
    A signed review stays where it was; None when no review is open."""
    review = (
        Review.objects.select_for_update()
        .filter(contract=contract, is_signed=False)
        .order_by("-decision_point_on")
        .first()
    )
    if review is None:
        return None
    point = decision_point(
        end_on=contract.end_on,
        max_end_on=contract.max_end_on,
        is_terminated=contract.is_terminated,
        on=on,
    )
    if point is not None and _movable(review, point):
        before = {"decision_point_on": str(review.decision_point_on), "trigger": review.trigger}
        review.decision_point_on, review.trigger = point.on, point.trigger
        if review.late_notified_on is not None and point.on > on:
            review.late_notified_on = None  # no longer late: tell the owner again if it becomes so
        Review.objects.filter(pk=review.pk).update(
            decision_point_on=point.on,
            trigger=point.trigger,
            late_notified_on=review.late_notified_on,
        )
        audit_record(
            by=by,
            at=at,
            action="reviews.reschedule",
            obj=review,
            authority=review.authority,
            before=before,
            after={"decision_point_on": str(point.on), "trigger": point.trigger},
        )
    Review.objects.filter(pk=review.pk).update(version=F("version") + 1)
    review.refresh_from_db(fields=["version"])
    review_evaluate(review, on=on, at=at)
    return review
