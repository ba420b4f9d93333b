"""News and who follows it (ADR 0037).

`NewsItem` is the one record of what happened that residents can follow: each is made once
(its `key` is unique) by a receiver of a lower app's signal, and names the authority, the
contract and the service (CPV division) it is about, so one query finds the news of anything
followed. `Subscription` is one email address following one thing; it sends nothing until the
address is confirmed, and the address is never shown. `Delivery` records each item sent to each
subscription, so no item is ever sent twice.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class NewsKind(models.TextChoices):
    REVIEW_OPENED = "review-opened", _("Review opened")
    COMMENT_WINDOW_OPENED = "comment-window-opened", _("Comments invited")
    DECISION_PUBLISHED = "decision-published", _("Decision published")
    REQUEST_ANSWERED = "request-answered", _("Information request answered")
    REVIEW_LATE = "review-late", _("Review late")


class NewsItem(models.Model):
    """One public event: append-only, made once per `key` (e.g. `decision-published:12`)."""

    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=30, choices=NewsKind.choices)
    at = models.DateTimeField(db_index=True)
    authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.CASCADE, related_name="news"
    )
    contract = models.ForeignKey(
        "register.Contract", null=True, blank=True, on_delete=models.CASCADE, related_name="news"
    )
    division = models.CharField(max_length=2, blank=True, db_index=True)  # CPV division
    review = models.ForeignKey(
        "reviews.Review", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    decision = models.ForeignKey(
        "reviews.Decision", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    request = models.ForeignKey(
        "transparency.InformationRequest",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    path = models.CharField(max_length=300)  # the public page it links to
    on = models.DateField(null=True, blank=True)  # the date it is about (a decision point…)

    class Meta:
        ordering = ("-at", "-id")
        indexes = [models.Index(fields=["authority", "-at"])]

    def __str__(self) -> str:
        return self.key


class TargetKind(models.TextChoices):
    AUTHORITY = "authority", _("An authority")
    SERVICE = "service", _("A service")
    CONTRACT = "contract", _("A contract")


class Frequency(models.TextChoices):
    DAILY = "daily", _("Once a day, a summary (a daily digest)")
    IMMEDIATE = "immediate", _("As soon as something happens")


class Subscription(models.Model):
    """An email address following one authority, service or contract. Unconfirmed it sends
    nothing and expires; unsubscribing erases the address."""

    ref = models.CharField(max_length=32, unique=True)  # names it in the unsubscribe link
    email = models.EmailField(max_length=254, blank=True)  # never shown; erased on unsubscribe
    target_kind = models.CharField(max_length=20, choices=TargetKind.choices)
    authority = models.ForeignKey(
        "authorities.Authority", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    contract = models.ForeignKey(
        "register.Contract", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    division = models.CharField(max_length=2, blank=True)
    frequency = models.CharField(max_length=20, choices=Frequency.choices)
    language = models.CharField(max_length=10, default="en-gb")
    token_hash = models.CharField(max_length=64, unique=True)  # the confirmation link's secret
    ip_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(db_index=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"subscription {self.ref}"


class Delivery(models.Model):
    """An item sent to a subscription (in a digest or at once): never sent again."""

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    item = models.ForeignKey(NewsItem, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "item"], name="alerts_delivery_once")
        ]

    def __str__(self) -> str:
        return f"item {self.item_id} to subscription {self.subscription_id}"
