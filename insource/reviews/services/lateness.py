"""Tell owners once when their reviews become late (unsigned at or after the decision point)."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from insource.core.audit import Actor, audit_record
from insource.reviews.models import Review
from insource.reviews.notify import notify_reviews_late
from insource.reviews.signals import reviews_late


@transaction.atomic
def reviews_notify_late(*, on: date, by: Actor, at: datetime) -> int:
    """Mark and notify every review that has become late since the last run; how many."""
    late = list(
        Review.objects.filter(
            is_signed=False, decision_point_on__lte=on, late_notified_on=None
        ).select_related("owner", "authority", "contract")
    )
    if not late:
        return 0
    Review.objects.filter(pk__in=[r.pk for r in late]).update(late_notified_on=on)
    audit_record(
        by=by,
        at=at,
        action="reviews.late",
        object_type="reviews.Review",
        after={"reviews": [r.pk for r in late], "on": str(on)},
    )
    reviews_late.send(sender=Review, reviews=late, on=on, at=at)  # alerts' news
    transaction.on_commit(lambda: notify_reviews_late(late))
    return len(late)
