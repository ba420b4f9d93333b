"""Changing a review: answers, evidence, comments, submission for decision.

Every write states the review version it read (optimistic locking): a write against a newer
version is refused with `StaleReview`, nothing is saved, and the caller keeps the input. Each
write re-runs the policy engine and records one audit event with before and after.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.db.models import F

from insource.core.audit import Actor, audit_record
from insource.reviews.models import (
    Evidence,
    Review,
    ReviewAnswer,
    ReviewComment,
    ReviewState,
)
from insource.reviews.notify import notify_awaiting_signature
from insource.reviews.services.evaluation import (
    register_facts_of,
    review_evaluate,
    review_prerequisites,
)
from insource.reviews.services.states import edit_refusal, review_move
from insource.reviews.workflow.questions import Topic


class StaleReview(Exception):
    """Someone else saved the review since it was read."""


class ReviewClosed(Exception):
    """The review awaits a decision or has a signed one: its facts cannot change now."""


def _claim(review: Review, version: int) -> None:
    """Take the next version, or refuse: the compare-and-set is one UPDATE on both databases,
    and only matches an open, unsigned review (`edit_refusal` says why not)."""
    refusal = edit_refusal(review)
    if refusal:
        raise ReviewClosed(refusal)
    taken = Review.objects.filter(
        pk=review.pk, version=version, is_signed=False, state=ReviewState.OPEN
    ).update(version=F("version") + 1)
    if not taken:
        current = Review.objects.get(pk=review.pk)
        if edit_refusal(current):
            raise ReviewClosed(edit_refusal(current))
        raise StaleReview(
            "Someone else saved this review while you were editing it. Your answers have not "
            "been saved: check their changes, then save yours again."
        )
    review.version = version + 1


def _current(review: Review, paths) -> dict[str, dict]:
    rows = review.answers.filter(path__in=list(paths))
    return {
        a.path: {"value": a.value, "disputed": a.is_disputed, "note": a.dispute_note} for a in rows
    }


@transaction.atomic
def review_answer(
    *,
    review: Review,
    topic: Topic,
    values: dict,
    disputed: dict[str, str],
    version: int,
    on: date,
    by: Actor,
    user,
    at: datetime,
) -> dict:
    """Save one topic's answers; returns the engine's new result.

    Every question of the topic is stored as answered (a saved page is a confirmed page, so a
    later import no longer changes what the officer confirmed); the audit event lists the answers
    that differ from what was there before (an earlier answer, else the register's value)."""
    _claim(review, version)
    register = register_facts_of(review.contract, on, review.authority.policy_preset)
    before = _current(review, values)
    after = {}
    for path, value in values.items():
        state = {"value": value, "disputed": path in disputed, "note": disputed.get(path, "")}
        if before.get(path) == state:
            continue
        ReviewAnswer.objects.update_or_create(
            review=review,
            path=path,
            defaults={
                "value": value,
                "is_disputed": state["disputed"],
                "dispute_note": state["note"],
                "answered_by": user,
                "answered_at": at,
            },
        )
        if before.get(path, {"value": register.get(path), "disputed": False, "note": ""}) != state:
            after[path] = state
    result = review_evaluate(review, on=on, at=at)
    audit_record(
        by=by,
        at=at,
        action="reviews.answer",
        obj=review,
        authority=review.authority,
        before={p: before.get(p) for p in after},
        after=after,
        reason=f"topic {topic.slug}",
    )
    return result


@transaction.atomic
def evidence_add(
    *,
    review: Review,
    topic: Topic,
    path: str,
    title: str,
    version: int,
    on: date,
    by: Actor,
    user,
    at: datetime,
    url: str = "",
    stored=None,
) -> Evidence:
    """Attach a checked, stored file (`stored`: name and `CheckedFile`) or a link to an answer."""
    _claim(review, version)
    fields = {"url": url}
    if stored is not None:
        name, checked = stored
        fields = {
            "storage_name": name,
            "original_name": checked.original_name,
            "content_type": checked.content_type,
            "size": checked.size,
            "sha256": checked.sha256,
        }
    evidence = Evidence.objects.create(
        review=review,
        topic=topic.slug,
        path=path,
        title=title,
        added_by=user,
        added_at=at,
        kind=Evidence.Kind.FILE if stored is not None else Evidence.Kind.LINK,
        **fields,
    )
    review_evaluate(review, on=on, at=at)
    audit_record(
        by=by,
        at=at,
        action="reviews.evidence_add",
        obj=evidence,
        authority=review.authority,
        after={
            "review": review.pk,
            "path": path,
            "title": title,
            "url": url,
            "sha256": fields.get("sha256", ""),
        },
    )
    return evidence


@transaction.atomic
def review_comment(*, review: Review, text: str, by: Actor, user, at: datetime) -> ReviewComment:
    """A councillor's or officer's comment: kept, never edited."""
    comment = ReviewComment.objects.create(review=review, author=user, at=at, text=text)
    audit_record(
        by=by,
        at=at,
        action="reviews.comment",
        obj=comment,
        authority=review.authority,
        after={"review": review.pk, "text": text},
    )
    return comment


def drafters_of(review: Review) -> set[int]:
    """Everyone who drafted the review: its owner and whoever gave an answer or evidence."""
    ids = set(review.answers.values_list("answered_by_id", flat=True))
    ids |= set(review.evidence.values_list("added_by_id", flat=True))
    if review.owner_id:
        ids.add(review.owner_id)
    return {i for i in ids if i is not None}


@transaction.atomic
def review_submit(
    *, review: Review, decision_maker, version: int, on: date, by: Actor, at: datetime
) -> Review:
    """Send the review to a named decision-maker for signature (who must not have drafted it)."""
    if decision_maker.pk in drafters_of(review):
        raise PermissionError(
            "The decision-maker drafted this review: choose someone who did not draft it"
        )
    status = (review.evaluation.get("result") or {}).get("status")
    if status in ("incomplete", "error", None):
        raise PermissionError(
            "The review is not complete: answer what the recommendation panel lists as missing, "
            "then send it for decision"
        )
    check = review_prerequisites(review, on=on, decision_maker=decision_maker)
    if not check.ok:
        raise PermissionError(check.refusal())
    _claim(review, version)
    review.decision_maker, review.state = decision_maker, ReviewState.AWAITING_DECISION
    review_move(
        review.pk,
        review.state,
        by=by,
        at=at,
        decision_maker=decision_maker,
        submitted_by_id=by.user_id,
        note=f"for signature by {decision_maker.get_username()}",
    )
    review_evaluate(review, on=on, at=at)
    audit_record(
        by=by,
        at=at,
        action="reviews.submit",
        obj=review,
        authority=review.authority,
        after={
            "decision_maker": decision_maker.pk,
            "state": review.state,
            "prerequisites_checked_on": check.checked_on.isoformat(),
            "prerequisites_basis": check.basis,
        },
    )
    transaction.on_commit(lambda: notify_awaiting_signature(review))
    return review
