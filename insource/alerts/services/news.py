"""Recording news: one `NewsItem` per event, made from what a lower app's signal carries. Each
has a unique key, so a signal received twice (or a job run twice) records nothing new."""

from __future__ import annotations

from datetime import date, datetime

from django.urls import reverse

from insource.alerts.models import NewsItem, NewsKind
from insource.alerts.selectors import division_of


def news_record(
    *,
    kind: str,
    key: str,
    at: datetime,
    authority,
    path: str,
    contract=None,
    review=None,
    decision=None,
    request=None,
    on: date | None = None,
) -> NewsItem | None:
    """Record one item; None when its key is already recorded."""
    if NewsItem.objects.filter(key=key).exists():
        return None
    return NewsItem.objects.create(
        key=key,
        kind=kind,
        at=at,
        authority=authority,
        contract=contract,
        division=division_of(contract),
        review=review,
        decision=decision,
        request=request,
        path=path[:300],
        on=on,
    )


def _contract_path(contract, anchor: str = "") -> str:
    return reverse("portal:contract", args=[contract.pk]) + anchor


def reviews_opened_record(reviews, *, at: datetime) -> list[NewsItem]:
    return _reviews(reviews, NewsKind.REVIEW_OPENED, at=at)


def reviews_late_record(reviews, *, at: datetime) -> list[NewsItem]:
    return _reviews(reviews, NewsKind.REVIEW_LATE, at=at)


def _reviews(reviews, kind: str, *, at: datetime) -> list[NewsItem]:
    """One item per review; many at once (the daily job opens hundreds) in one query each way."""
    keys = {f"{kind}:{r.pk}": r for r in reviews}
    known = set(NewsItem.objects.filter(key__in=list(keys)).values_list("key", flat=True))
    made = [
        NewsItem(
            key=key,
            kind=kind,
            at=at,
            authority_id=review.authority_id,
            contract=review.contract,
            division=division_of(review.contract),
            review=review,
            path=_contract_path(review.contract, "#review"),
            on=review.decision_point_on,
        )
        for key, review in keys.items()
        if key not in known
    ]
    return NewsItem.objects.bulk_create(made, batch_size=1000)


def decision_published_record(decision, *, at: datetime) -> NewsItem | None:
    return news_record(
        kind=NewsKind.DECISION_PUBLISHED,
        key=f"{NewsKind.DECISION_PUBLISHED}:{decision.pk}",
        at=at,
        authority=decision.authority,
        contract=decision.contract,
        decision=decision,
        path=reverse("public:decision", args=[decision.pk]),
    )


def request_answered_record(request, event, *, at: datetime) -> NewsItem | None:
    """A published request's response (a request not published is nobody's news)."""
    if not request.is_published:
        return None
    return news_record(
        kind=NewsKind.REQUEST_ANSWERED,
        key=f"{NewsKind.REQUEST_ANSWERED}:{event.pk}",
        at=at,
        authority=request.authority,
        contract=request.contract or (request.decision.contract if request.decision else None),
        request=request,
        path=reverse("requests:detail", kwargs={"reference": request.reference}),
    )


def comment_window_opened_record(window, *, at: datetime) -> NewsItem | None:
    """Comments invited on a review's draft recommendation, until the window's last day."""
    review = window.review
    return news_record(
        kind=NewsKind.COMMENT_WINDOW_OPENED,
        key=f"{NewsKind.COMMENT_WINDOW_OPENED}:{window.pk}",
        at=at,
        authority=window.authority,
        contract=review.contract,
        review=review,
        path=reverse("public:comments-draft", args=[window.pk]),
        on=window.closes_on,
    )
