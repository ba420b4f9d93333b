"""Following something by email, with double opt-in (ADR 0037): a subscription is made
unconfirmed and the confirmation link goes by email; until the link is followed it sends
nothing, and after `INSOURCE_ALERTS_CONFIRM_DAYS` it is deleted. Unsubscribing erases the
address. The audit records what is followed, never the address."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from insource.alerts import notify
from insource.alerts.models import Frequency, Subscription
from insource.alerts.selectors import Target, subscription_by_token_hash
from insource.alerts.tokens import token_hash
from insource.core.audit import Actor, audit_record
from insource.transparency.requests.services.spam import ip_hash

FOLLOWER = Actor(label="follower")
EMAIL_MAX = 254
RATE_WINDOW = timedelta(hours=1)


@dataclass(frozen=True)
class Made:
    subscription: Subscription
    token: str  # the confirmation link's secret; only its hash is stored


class SubscriptionInvalid(Exception):
    """Fields to correct: `errors` maps a field name to its message (GOV.UK style)."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


class SubscribeRefused(Exception):
    """The link or the request cannot be taken; the message says why and what to do."""


def _clean(email: str, frequency: str) -> tuple[str, str]:
    email = (email or "").strip().lower()
    errors = {}
    if not email:
        errors["email"] = _("Enter your email address")
    elif len(email) > EMAIL_MAX:
        errors["email"] = _("Your email address must be %(max)s characters or fewer") % {
            "max": EMAIL_MAX
        }
    else:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = _(
                "Enter an email address in the correct format, like name@example.com"
            )
    if frequency not in Frequency.values:
        errors["frequency"] = _("Choose how often you want emails")
    if errors:
        raise SubscriptionInvalid(errors)
    return email, frequency


def _check_rate(email: str, digest: str, at: datetime) -> None:
    """Nobody can flood an address with confirmation emails: a limit per address and per
    client in any hour (`INSOURCE_ALERTS_PER_HOUR`)."""
    recent = Subscription.objects.filter(created_at__gt=at - RATE_WINDOW, created_at__lte=at)
    limit = settings.INSOURCE_ALERTS_PER_HOUR
    by_email = recent.filter(email=email).count()
    by_ip = recent.filter(ip_hash=digest).count() if digest else 0
    if max(by_email, by_ip) >= limit:
        raise SubscribeRefused(
            _(
                "You have asked to follow %(limit)s things in the last hour, the most we accept. "
                "Nothing was sent: try again in an hour"
            )
            % {"limit": limit}
        )


def _target_fields(target: Target) -> dict:
    return {
        "target_kind": target.kind,
        "authority": target.authority,
        "contract": target.contract,
        "division": target.division,
    }


def _audit_target(target: Target) -> dict:
    return {
        "target": target.kind,
        "authority": target.authority.pk if target.authority else None,
        "contract": target.contract.pk if target.contract else None,
        "division": target.division,
    }


def subscription_create(
    *,
    target: Target,
    email: str,
    frequency: str,
    language: str,
    ip: str,
    at: datetime,
    by: Actor = FOLLOWER,
) -> Made:
    """Make an unconfirmed subscription and email its confirmation link after commit. Raises
    `SubscriptionInvalid` (the fields to correct), then `SubscribeRefused` (too many)."""
    email, frequency = _clean(email, frequency)
    digest = ip_hash(ip) if ip else ""
    with transaction.atomic():
        _check_rate(email, digest, at)
        token = secrets.token_urlsafe(32)
        subscription = Subscription.objects.create(
            ref=secrets.token_urlsafe(16)[:22],
            email=email,
            frequency=frequency,
            language=(language or "en-gb")[:10],
            token_hash=token_hash(token),
            ip_hash=digest,
            created_at=at,
            **_target_fields(target),
        )
        audit_record(
            by=by,
            at=at,
            action="alerts.subscribe",
            obj=subscription,
            authority=target.authority,
            after=_audit_target(target) | {"frequency": frequency},
        )
        transaction.on_commit(lambda: notify.email_confirm(subscription, target, token))
    return Made(subscription, token)


def confirm_expired(subscription: Subscription, at: datetime) -> bool:
    """Whether an unconfirmed subscription's link has expired (the one rule the confirmation
    page and the clean-up share)."""
    days = timedelta(days=settings.INSOURCE_ALERTS_CONFIRM_DAYS)
    return subscription.confirmed_at is None and subscription.created_at + days < at


@transaction.atomic
def subscription_confirm(*, token: str, at: datetime, by: Actor = FOLLOWER) -> Subscription:
    """Confirm the address: the subscription starts sending news from now. Idempotent. If the
    address already follows the same thing, that subscription is kept (with the frequency just
    chosen) and this one erased, so nobody gets the same news twice."""
    found = subscription_by_token_hash(token_hash(token))
    if found is None or found.unsubscribed_at is not None:
        raise SubscribeRefused(
            _("This link is not valid. Check that you copied the whole link from the email")
        )
    subscription = Subscription.objects.select_for_update().get(pk=found.pk)
    if subscription.confirmed_at is not None:
        return subscription
    if confirm_expired(subscription, at):
        raise SubscribeRefused(
            _("This link has expired. Ask to follow it again and we will send a new link")
        )
    same = (
        Subscription.objects.filter(
            Q(email=subscription.email),
            target_kind=subscription.target_kind,
            authority=subscription.authority,
            contract=subscription.contract,
            division=subscription.division,
            confirmed_at__isnull=False,
            unsubscribed_at__isnull=True,
        )
        .exclude(pk=subscription.pk)
        .first()
    )
    kept = same or subscription
    if same is not None:
        same.frequency = subscription.frequency
        same.save(update_fields=["frequency"])
        _erase(subscription, at)
    else:
        subscription.confirmed_at = at
        subscription.save(update_fields=["confirmed_at"])
    audit_record(
        by=by,
        at=at,
        action="alerts.confirm",
        obj=kept,
        authority=kept.authority,
        after={"frequency": kept.frequency, "merged": subscription.pk if same else None},
    )
    return kept


def _erase(subscription: Subscription, at: datetime) -> None:
    subscription.email = ""
    subscription.unsubscribed_at = at
    subscription.save(update_fields=["email", "unsubscribed_at"])


@transaction.atomic
def subscription_stop(
    *, subscription: Subscription, at: datetime, by: Actor = FOLLOWER
) -> Subscription:
    """Unsubscribe: nothing more is sent and the address is erased. Idempotent."""
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.unsubscribed_at is not None:
        return subscription
    _erase(subscription, at)
    audit_record(
        by=by, at=at, action="alerts.unsubscribe", obj=subscription, authority=None, after={}
    )
    return subscription


@transaction.atomic
def subscriptions_expire(*, at: datetime, by: Actor) -> int:
    """Delete every unconfirmed subscription whose link has expired; how many."""
    days = timedelta(days=settings.INSOURCE_ALERTS_CONFIRM_DAYS)
    expired = Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=at - days)
    expired = expired.filter(unsubscribed_at__isnull=True)
    pks = list(expired.values_list("pk", flat=True))
    if not pks:
        return 0
    Subscription.objects.filter(pk__in=pks).delete()
    audit_record(
        by=by,
        at=at,
        action="alerts.expire",
        object_type="alerts.Subscription",
        after={"subscriptions": pks},
    )
    return len(pks)
