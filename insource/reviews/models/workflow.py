"""The review of a contract: its state, answers, evidence and comments."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewState(models.TextChoices):
    OPEN = "open", _("Open")
    AWAITING_DECISION = "awaiting-decision", _("Awaiting decision")
    DECIDED = "decided", _("Decided, not yet published")
    PUBLISHED = "published", _("Published")


class Trigger(models.TextChoices):
    EXTENSION = "extension-option", _("An extension option falls to be exercised")
    EXPIRY = "expiry", _("The contract expires")
    TERMINATION = "termination", _("The contract was terminated")
    MANUAL = "manual", _("Opened by an officer")


class Review(models.Model):
    """The review of one contract at one decision point, under the presumption of in-house
    delivery (POLICY.md §1). Opened by `reviews_open_due` or by an officer; its answers are
    the facts, its latest engine evaluation is kept, and it ends with a signed `Decision`.

    `version` is the optimistic lock: every write states the version it read, and a write
    against a newer version is refused (two people editing the same review).
    """

    contract = models.ForeignKey(
        "register.Contract", on_delete=models.PROTECT, related_name="reviews"
    )
    authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.PROTECT, related_name="reviews"
    )
    decision_point_on = models.DateField()
    trigger = models.CharField(max_length=30, choices=Trigger.choices)
    state = models.CharField(max_length=30, choices=ReviewState.choices, default=ReviewState.OPEN)
    is_signed = models.BooleanField(default=False)
    opened_on = models.DateField()
    opened_at = models.DateTimeField()
    opened_by = models.CharField(max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision_maker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    evaluation = models.JSONField(default=dict, blank=True)
    evaluated_at = models.DateTimeField(null=True, blank=True)
    # The latest options appraisal run's figures for criterion T4, as [path, value] pairs in
    # order (the run's id and SHA-256 among them): the appraisal records them through
    # `review_appraisal_record`, and they replace anything typed for the same facts.
    appraisal_answers = models.JSONField(default=list, blank=True)
    late_notified_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["decision_point_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "decision_point_on"], name="review_once_per_decision_point"
            )
        ]
        indexes = [models.Index(fields=["authority", "is_signed", "decision_point_on"])]

    def __str__(self) -> str:
        return f"Review {self.pk} of contract {self.contract_id} ({self.decision_point_on})"


class ReviewStatus(models.Model):
    """Append-only history of a review's state: who moved it, when and why."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="statuses")
    state = models.CharField(max_length=30, choices=ReviewState.choices)
    at = models.DateTimeField()
    by = models.CharField(max_length=200)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"review {self.review_id}: {self.state}"


class ReviewAnswer(models.Model):
    """One fact of the review as an officer gave it (a path of the facts document, or a
    workflow detail such as `workforce.headcount`), with who gave it and whether it is disputed.
    A disputed fact counts as unknown for the engine (POLICY.md §2)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="answers")
    path = models.CharField(max_length=120)
    value = models.JSONField(null=True, blank=True)
    is_disputed = models.BooleanField(default=False)
    dispute_note = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField()

    class Meta:
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(fields=["review", "path"], name="answer_once_per_path")
        ]

    def __str__(self) -> str:
        return f"review {self.review_id}: {self.path}"


class Evidence(models.Model):
    """A file or link supporting one answer (or a topic) of a review.

    Files live outside the web root (`insource.reviews.uploads`), named by their SHA-256, and
    are served only to members of the review's authority.
    """

    class Kind(models.TextChoices):
        FILE = "file", _("File")
        LINK = "link", _("Link")

    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="evidence")
    topic = models.CharField(max_length=60)
    path = models.CharField(max_length=120, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(max_length=300)
    url = models.URLField(max_length=1000, blank=True)
    storage_name = models.CharField(max_length=300, blank=True)
    original_name = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["added_at", "id"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.title

    @property
    def ref(self) -> str:
        """The reference the facts document and the decision carry."""
        return f"evidence:{self.pk}"


class ReviewComment(models.Model):
    """A comment on a review (councillors, scrutiny and officers); never edited."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    text = models.TextField()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"comment on review {self.review_id}"
