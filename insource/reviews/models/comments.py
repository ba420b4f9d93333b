"""A say before the decision (issue 18; ADR 0036): a public comment window on a review's draft
recommendation, and the comments residents make in it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from insource.reviews.models.workflow import Review


class CommentWindow(models.Model):
    """The public comment window on one review's draft recommendation. The draft (the engine's
    result when the window opened) is kept, so the public reads what was put to them even as
    the review goes on. Comments count from `opens_on` to `closes_on`, both days included
    (`insource.reviews.comments.rules.is_open_for_comments`). `closed_at` is when its closing
    was announced (`comment_window_closed`); `how_considered` is the officer's account of how
    the comments were considered, required before signing when any were received."""

    review = models.OneToOneField(Review, on_delete=models.PROTECT, related_name="comment_window")
    authority = models.ForeignKey("authorities.Authority", on_delete=models.PROTECT)
    opens_on = models.DateField()
    closes_on = models.DateField()
    num_days = models.PositiveIntegerField()
    draft = models.JSONField()  # the engine's result put to the public
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    how_considered = models.TextField(blank=True)
    considered_by_name = models.CharField(max_length=200, blank=True)
    considered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["closes_on", "id"]
        indexes = [models.Index(fields=["opens_on", "closes_on"])]

    def __str__(self) -> str:
        return f"comment window on review {self.review_id}"


class Moderation(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    PUBLISHED = "published", _("Published")
    WITHHELD = "withheld", _("Withheld")


class WithheldReason(models.TextChoices):
    PERSONAL_DATA = "personal-data", _("It contains personal data")
    OFFENSIVE = "offensive", _("It is offensive or abusive")
    OFF_TOPIC = "off-topic", _("It is not about this decision")
    DUPLICATE = "duplicate", _("It repeats another comment by the same person")
    OTHER = "other", _("Another reason (given in the note)")


class Stance(models.TextChoices):
    SUPPORTS = "supports", _("Supports the draft")
    OPPOSES = "opposes", _("Opposes the draft")
    MIXED = "mixed", _("Mixed views")
    NEITHER = "neither", _("Neither: a question or information")


class PublicComment(models.Model):
    """One person's comment on a draft. It counts only once its email address is confirmed
    (`confirmed_at`); the name (optional) and email are never published, and are kept only so
    the person can confirm. An officer moderates it (published, or withheld with a reason) and
    records its stance and theme for the decision-maker's summary."""

    window = models.ForeignKey(CommentWindow, on_delete=models.PROTECT, related_name="comments")
    text = models.TextField()
    public_text = models.TextField()  # the text with the commenter's name and email removed
    name = models.CharField(max_length=200, blank=True)
    email = models.CharField(max_length=254)
    ip_hash = models.CharField(max_length=64, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    submitted_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    moderation = models.CharField(
        max_length=20, choices=Moderation.choices, default=Moderation.PENDING
    )
    withheld_reason = models.CharField(max_length=20, choices=WithheldReason.choices, blank=True)
    moderation_note = models.TextField(blank=True)
    moderated_by_name = models.CharField(max_length=200, blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    stance = models.CharField(max_length=20, choices=Stance.choices, blank=True)
    theme = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["submitted_at", "id"]
        indexes = [models.Index(fields=["window", "confirmed_at"])]

    def __str__(self) -> str:
        return f"comment {self.pk} on window {self.window_id}"

    @property
    def counts(self) -> bool:
        return self.confirmed_at is not None
