"""What residents can follow and what there is to read about it (ADR 0037): the target a
public URL names, its news, its dates for the calendar, the subscriptions an item goes to.
Reads only; nothing here returns an email address to a page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Q, QuerySet

from insource.alerts.models import NewsItem, Subscription, TargetKind
from insource.authorities.models import Authority
from insource.authorities.selectors import authority_by_public_slug
from insource.register.cpv import cpv_description
from insource.register.models import Contract
from insource.reviews.models import CommentWindow, Review
from insource.transparency.models import InformationRequest
from insource.transparency.requests.states import AWAITING

FEED_ITEMS = 50


@dataclass(frozen=True)
class Target:
    """One thing a resident can follow: an authority, a service (CPV division) or a contract."""

    kind: str
    authority: Authority | None = None
    contract: Contract | None = None
    division: str = ""

    @property
    def ident(self) -> str:
        """What names it in a URL: the authority's slug, the contract's number, the division."""
        if self.kind == TargetKind.AUTHORITY:
            return self.authority.public_slug
        if self.kind == TargetKind.CONTRACT:
            return str(self.contract.pk)
        return self.division

    @property
    def welsh(self) -> bool:
        """Whether what it is about is published in Welsh too (an authority in Wales)."""
        owner = self.authority or (self.contract.reviewing_authority if self.contract else None)
        return bool(owner is not None and owner.publishes_in_welsh)


def division_name(division: str) -> str:
    """The CPV division's English name ('' when it is not a division of CPV 2008)."""
    if not re.fullmatch(r"\d\d", division or ""):
        return ""
    return cpv_description(f"{division}000000")


def division_of(contract: Contract | None) -> str:
    code = (contract.main_cpv or "") if contract is not None else ""
    return code[:2] if division_name(code[:2]) else ""


def target_find(kind: str, ident: str) -> Target | None:
    """The target a public URL names, or None (unknown kind, authority, contract or division)."""
    ident = (ident or "")[:100]
    if kind == TargetKind.AUTHORITY:
        found = authority_by_public_slug(ident)
        return Target(kind, authority=found) if found is not None else None
    if kind == TargetKind.CONTRACT:
        if not ident.isdigit() or len(ident) > 12:
            return None
        contract = (
            Contract.objects.select_related("reviewing_authority").filter(pk=int(ident)).first()
        )
        return Target(kind, contract=contract) if contract is not None else None
    if kind == TargetKind.SERVICE and division_name(ident):
        return Target(kind, division=ident)
    return None


def target_of(subscription: Subscription) -> Target:
    return Target(
        subscription.target_kind,
        authority=subscription.authority,
        contract=subscription.contract,
        division=subscription.division,
    )


def news_filter(target: Target) -> Q:
    """The news items about the target."""
    if target.kind == TargetKind.AUTHORITY:
        return Q(authority=target.authority)
    if target.kind == TargetKind.CONTRACT:
        return Q(contract=target.contract)
    return Q(division=target.division)


def news_of(target: Target, *, limit: int = FEED_ITEMS) -> list[NewsItem]:
    """The latest news about the target, newest first."""
    found = NewsItem.objects.filter(news_filter(target)).select_related(
        "authority", "contract", "request"
    )
    return list(found[:limit])


def subscriptions_for(item: NewsItem) -> QuerySet[Subscription]:
    """The confirmed, current subscriptions whose target the item is about."""
    about = Q(target_kind=TargetKind.AUTHORITY, authority_id=item.authority_id)
    if item.contract_id:
        about |= Q(target_kind=TargetKind.CONTRACT, contract_id=item.contract_id)
    if item.division:
        about |= Q(target_kind=TargetKind.SERVICE, division=item.division)
    return Subscription.objects.filter(about, **_ACTIVE)


_ACTIVE = {"confirmed_at__isnull": False, "unsubscribed_at__isnull": True}


def subscriptions_active() -> QuerySet[Subscription]:
    return Subscription.objects.filter(**_ACTIVE).select_related("authority", "contract")


def news_unsent(subscription: Subscription, *, until: datetime) -> list[NewsItem]:
    """The items about the subscription's target that happened after it was confirmed and up to
    `until`, not yet sent to it, oldest first."""
    found = (
        NewsItem.objects.filter(news_filter(target_of(subscription)))
        .filter(at__gte=subscription.confirmed_at, at__lte=until)
        .exclude(pk__in=subscription.deliveries.values("item_id"))
        .select_related("authority", "contract", "request")
        .order_by("at", "id")
    )
    return list(found)


def subscription_by_ref(ref: str) -> Subscription | None:
    return Subscription.objects.filter(ref=(ref or "")[:32]).first()


def subscription_by_token_hash(digest: str) -> Subscription | None:
    return (
        Subscription.objects.filter(token_hash=digest)
        .select_related("authority", "contract")
        .first()
    )


@dataclass(frozen=True)
class Dated:
    """A date for the calendar: what falls due, on which day, and the page about it."""

    uid: str
    kind: str  # "decision-point", "request-due" or "comment-window"
    on: date
    authority: Authority
    contract: Contract | None
    request: InformationRequest | None
    path_name: str
    path_args: tuple
    until: date | None = None  # a comment window's last day


def _dated_filter(target: Target, *, prefix: str = "") -> Q:
    if target.kind == TargetKind.AUTHORITY:
        return Q(**{f"{prefix}authority": target.authority})
    if target.kind == TargetKind.CONTRACT:
        return Q(**{f"{prefix}contract": target.contract})
    return Q(**{f"{prefix}contract__main_cpv__startswith": target.division})


def calendar_dates(target: Target, *, limit: int = 500) -> list[Dated]:
    """The target's coming and recent decision points (reviews not yet signed), the due dates
    of its published information requests still awaiting a response, and its public comment
    windows (from the day they open to their last day)."""
    reviews = (
        Review.objects.filter(_dated_filter(target), is_signed=False)
        .select_related("authority", "contract")
        .order_by("decision_point_on", "id")[:limit]
    )
    requests = (
        InformationRequest.objects.filter(
            _dated_filter(target), is_published=True, state__in=AWAITING, due_on__isnull=False
        )
        .select_related("authority", "contract")
        .order_by("due_on", "id")[:limit]
    )
    return (
        [
            Dated(
                f"review-{r.pk}-{r.decision_point_on}",
                "decision-point",
                r.decision_point_on,
                r.authority,
                r.contract,
                None,
                "portal:contract",
                (r.contract_id,),
            )
            for r in reviews
        ]
        + [
            Dated(
                f"request-{q.pk}-{q.due_on}",
                "request-due",
                q.due_on,
                q.authority,
                q.contract,
                q,
                "requests:detail",
                (q.reference,),
            )
            for q in requests
        ]
        + [
            Dated(
                f"comments-{w.pk}",
                "comment-window",
                w.opens_on,
                w.authority,
                w.review.contract,
                None,
                "public:comments-draft",
                (w.pk,),
                until=w.closes_on,
            )
            for w in _windows(target, limit)
        ]
    )


def _windows(target: Target, limit: int):
    return (
        CommentWindow.objects.filter(_dated_filter(target, prefix="review__"))
        .select_related("authority", "review__contract")
        .order_by("opens_on", "id")[:limit]
    )
