"""Information requests (POLICY.md §5): the request, its append-only history, its attachments
and every redaction of its published text.

The requester's name, email address and address hash are private: no public selector returns
them and no public page shows them. The request's own text is kept as submitted for the
officers; what the public reads is `public_title`/`public_text`, with personal data redacted.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

REDACTED = "[redacted: personal data]"


class Regime(models.TextChoices):
    FOIA = "foia", _("Freedom of Information Act 2000")
    EIR = "eir", _("Environmental Information Regulations 2004")
    FOISA = "foisa", _("Freedom of Information (Scotland) Act 2002")
    EISR = "eisr", _("Environmental Information (Scotland) Regulations 2004")


class RequestState(models.TextChoices):
    """Stored states (Alaveteli's, in plain English). Overdue and very overdue are not stored:
    they follow from the due date in force and the date (`request_status`)."""

    AWAITING_CONFIRMATION = "awaiting-confirmation", _("Awaiting confirmation")
    AWAITING_RESPONSE = "awaiting-response", _("Awaiting response")
    CLARIFICATION_REQUESTED = "clarification-requested", _("Clarification requested")
    EXTENDED = "extended", _("Extended")
    ANSWERED_FULL = "answered-full", _("Answered in full")
    ANSWERED_PART = "answered-part", _("Answered in part")
    REFUSED = "refused", _("Refused")
    NOT_HELD = "not-held", _("Information not held")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    INTERNAL_REVIEW = "internal-review", _("Internal review requested")
    REFERRED = "referred", _("Referred to the Information Commissioner")


class InformationRequest(models.Model):
    """A request for information to an authority, about a contract, a decision, or in general.

    `received_on` is the date of receipt the statutory clock counts from: the Europe/London date
    of submission when the portal is the authority's own (`INSOURCE_PORTAL_IS_AUTHORITY_OWN`),
    else of the email confirmation; both moments are kept. `clock_started_on` is the day the
    response clock runs from (the receipt, or the receipt of a clarification); `due_on` is the
    due date in force (None while waiting for a clarification and once closed).
    """

    reference = models.CharField(max_length=20, unique=True)
    authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.PROTECT, related_name="information_requests"
    )
    contract = models.ForeignKey(
        "register.Contract",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="information_requests",
    )
    decision = models.ForeignKey(
        "reviews.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="information_requests",
    )
    title = models.CharField(max_length=200)
    text = models.TextField()
    public_title = models.CharField(max_length=400)
    public_text = models.TextField()
    regime = models.CharField(max_length=10, choices=Regime.choices, default=Regime.FOIA)
    state = models.CharField(max_length=30, choices=RequestState.choices, db_index=True)
    requester_name = models.CharField(max_length=200)
    requester_email = models.EmailField(max_length=254)
    ip_hash = models.CharField(max_length=64, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    submitted_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    received_on = models.DateField(null=True, blank=True)
    clock_started_on = models.DateField(null=True, blank=True)
    due_on = models.DateField(null=True, blank=True, db_index=True)
    review_requested_on = models.DateField(null=True, blank=True)
    first_response_on = models.DateField(null=True, blank=True)
    is_first_response_late = models.BooleanField(null=True, blank=True)
    has_advice = models.BooleanField(default=False)
    is_vexatious = models.BooleanField(default=False)
    is_repeated = models.BooleanField(default=False)
    exceeds_cost_limit = models.BooleanField(default=False)
    is_published = models.BooleanField(default=False, db_index=True)
    reminded_on = models.DateField(null=True, blank=True)
    last_event_at = models.DateTimeField()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["authority", "state", "due_on"]),
            models.Index(fields=["requester_email", "submitted_at"]),
            models.Index(fields=["ip_hash", "submitted_at"]),
            models.Index(fields=["is_published", "last_event_at"]),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_scottish(self) -> bool:
        return self.regime in (Regime.FOISA, Regime.EISR)


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Request made")
    CONFIRMED = "confirmed", _("Email address confirmed; request published")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    CLARIFICATION_REQUESTED = "clarification-requested", _("Clarification requested")
    CLARIFICATION_RECEIVED = "clarification-received", _("Clarification received")
    EXTENDED = "extended", _("Time extended")
    ANSWERED_FULL = "answered-full", _("Answered in full")
    ANSWERED_PART = "answered-part", _("Answered in part")
    REFUSED = "refused", _("Refused")
    NOT_HELD = "not-held", _("Information not held")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REVIEW_REQUESTED = "review-requested", _("Internal review requested")
    REVIEW_DECIDED = "review-decided", _("Internal review outcome")
    REFERRED = "referred", _("Referred to the Commissioner")
    ADVICE = "advice", _("Advice and assistance")
    REGIME_CHANGED = "regime-changed", _("Law changed")
    ATTACHMENT = "attachment", _("Document added")
    REDACTED = "redacted", _("Text redacted")
    CONTRACTOR_ASKED = "contractor-asked", _("Forwarded to the contractor")
    CONTRACTOR_REPLIED = "contractor-replied", _("The contractor's reply")


class Party(models.TextChoices):
    REQUESTER = "requester", _("The requester")
    AUTHORITY = "authority", _("The authority")
    SYSTEM = "system", _("Insource")


class EventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Request events are append-only: record a new event")

    def delete(self):
        raise PermissionError("Request events are append-only: record a new event")


class RequestEvent(models.Model):
    """One step in a request's history: append-only. The public sees `public_text` (never
    `private_note`); the only change ever made to a stored event is a redaction of its public
    text, itself recorded as a `Redaction`. `due_on_after` is the due date in force after it."""

    request = models.ForeignKey(InformationRequest, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    at = models.DateTimeField()
    party = models.CharField(max_length=20, choices=Party.choices)
    by_label = models.CharField(max_length=200)
    public_text = models.TextField(blank=True)
    private_note = models.TextField(blank=True)
    exemptions = models.JSONField(default=list, blank=True)
    public_interest = models.TextField(blank=True)
    statutory_basis = models.CharField(max_length=300, blank=True)
    state_after = models.CharField(max_length=30, choices=RequestState.choices)
    due_on_after = models.DateField(null=True, blank=True)
    is_public = models.BooleanField(default=True)
    details = models.JSONField(default=dict, blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.request_id} {self.kind} {self.at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Request events are append-only: record a new event")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Request events are append-only: record a new event")


class RequestAttachment(models.Model):
    """A document sent with a response: checked and stored like evidence (reviews/uploads.py,
    outside the web root). Only `is_public` attachments of published requests are served."""

    request = models.ForeignKey(
        InformationRequest, on_delete=models.PROTECT, related_name="attachments"
    )
    event = models.ForeignKey(
        RequestEvent, null=True, blank=True, on_delete=models.PROTECT, related_name="attachments"
    )
    title = models.CharField(max_length=300)
    storage_name = models.CharField(max_length=120)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    is_public = models.BooleanField(default=True)
    added_at = models.DateTimeField()
    added_by_label = models.CharField(max_length=200)

    class Meta:
        ordering = ["added_at", "id"]

    def __str__(self) -> str:
        return self.title


class RedactionTarget(models.TextChoices):
    TITLE = "title", _("The request's title")
    TEXT = "text", _("The request's text")
    EVENT = "event", _("The public text of an event")


class Redaction(models.Model):
    """Who redacted what, why and when, on which text. The removed words are not kept (that is
    the point of redacting personal data): only their SHA-256 and how often they occurred."""

    request = models.ForeignKey(
        InformationRequest, on_delete=models.PROTECT, related_name="redactions"
    )
    target = models.CharField(max_length=10, choices=RedactionTarget.choices)
    event = models.ForeignKey(
        RequestEvent, null=True, blank=True, on_delete=models.PROTECT, related_name="redactions"
    )
    what = models.CharField(max_length=300)
    why = models.TextField()
    removed_sha256 = models.CharField(max_length=64)
    num_replaced = models.PositiveIntegerField()
    by_label = models.CharField(max_length=200)
    by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"redaction on {self.request_id}: {self.what}"


# The parts of requests forwarded to contractors (issue 19) live with their area.
from insource.transparency.requests.contractors.models import (  # noqa: E402, F401
    ContractorOutcome,
    ContractorRequest,
)
