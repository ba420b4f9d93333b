"""Signed decisions and their publication: immutable once written."""

from django.conf import settings
from django.db import models

from insource.reviews.models.workflow import Review


class ImmutableError(Exception):
    """A signed decision or its publication cannot be changed: make a correcting decision."""


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableError("Decisions cannot be changed: sign a correcting decision")

    def delete(self):
        raise ImmutableError("Decisions cannot be deleted: sign a correcting decision")


class Decision(models.Model):
    """The signed decision on a review: immutable. It stores the facts, the engine's result with
    its trace and policy version, the evidence references (with their SHA-256) and the signer.
    A correction is a new decision that points at the one it `replaces`.
    """

    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="decisions")
    authority = models.ForeignKey("authorities.Authority", on_delete=models.PROTECT)
    contract = models.ForeignKey("register.Contract", on_delete=models.PROTECT)
    replaces = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaced_by"
    )
    decided_on = models.DateField()
    outcome = models.CharField(max_length=60)
    recommended_outcome = models.CharField(max_length=60, blank=True)
    engine_status = models.CharField(max_length=40)
    departs = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    # A departure (POLICY.md §2): its kind ('' when none; see insource.policy.departure), the
    # decision-maker's reason against each condition the engine found unmet or unknown
    # ([{key, condition, status, reason}]), the minimum standards on the proposed terms for a
    # departure towards outsourcing, the decision's own status and a capacity re-review date.
    departure_kind = models.CharField(max_length=30, blank=True)
    departure_reasons = models.JSONField(default=list, blank=True)
    standards = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=40, blank=True)
    re_review_on = models.DateField(null=True, blank=True)
    facts = models.JSONField()
    result = models.JSONField()
    policy_version = models.JSONField()  # preset, rule-set version and parameters' hash
    evidence = models.JSONField(default=list)
    # A say before the decision (ADR 0036), as it stood when signed: the comment window's
    # dates, the comments received (counts by moderation, stance and theme) and how they were
    # considered; and the subsidiarity and openness test's answers.
    say = models.JSONField(default=dict, blank=True)
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(max_length=200)
    signed_at = models.DateTimeField()

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_at", "-id"]

    def __str__(self) -> str:
        return f"decision {self.pk}: {self.outcome}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableError("Decisions cannot be changed: sign a correcting decision")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError("Decisions cannot be deleted: sign a correcting decision")

    @property
    def is_departure_towards_outsourcing(self) -> bool:
        return self.departure_kind == "towards-outsourcing"

    @property
    def facts_applied(self) -> dict:
        """The facts as decided: for a capacity departure, with the re-review date it set
        (what the monitoring calendar reads)."""
        if self.re_review_on is None:
            return self.facts
        reasons = self.facts.get("good_reasons") or {}
        capacity = (reasons.get("capacity") or {}) | {"re_review_on": self.re_review_on.isoformat()}
        return self.facts | {"good_reasons": reasons | {"capacity": capacity}}

    @property
    def standards_applied(self) -> dict:
        """The minimum standards the decision holds the contract to: for a departure towards
        outsourcing, those evaluated on its proposed terms; otherwise the engine's."""
        return self.standards or self.result.get("standards") or {}


class Publication(models.Model):
    """Publishing a decision's pack: its own step, after a named officer confirms the redaction
    of personal data and of any confidential annex (LGA 1972 Sch. 12A). The pack as published
    (HTML and PDF) is kept, so what the public saw can always be shown again."""

    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="publication")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    published_by_name = models.CharField(max_length=200)
    published_at = models.DateTimeField()
    published_on = models.DateField()
    redaction_note = models.TextField()
    has_confidential_annex = models.BooleanField(default=False)
    pack_html = models.TextField()
    # The PDF is made by the worker after publication (ADR 0054): empty until then, and
    # written once (`publication_pdf_attach`).
    pack_pdf = models.BinaryField(default=b"", blank=True)
    pack_sha256 = models.CharField(max_length=64, blank=True)
    # An authority in Wales publishes in Welsh and English (ADR 0035): the officer's title and
    # summary of the decision in each language, required before it publishes; empty elsewhere.
    title_cy = models.CharField(max_length=300, blank=True)
    summary_cy = models.TextField(blank=True)
    title_en = models.CharField(max_length=300, blank=True)
    summary_en = models.TextField(blank=True)

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        # The published decisions, newest first (the public API's list; issue 21): the first
        # page is the index's first 50 entries, not a sort of every publication.
        indexes = [
            models.Index(
                models.F("published_at").desc(),
                models.F("decision").desc(),
                name="publication_newest",
            )
        ]

    def __str__(self) -> str:
        return f"publication of decision {self.decision_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableError("A published pack cannot be changed: publish a correction")
        super().save(*args, **kwargs)

    @property
    def is_bilingual(self) -> bool:
        return bool(self.title_cy)

    @property
    def has_pdf(self) -> bool:
        return bool(self.pack_sha256)


class DepartureAdvice(models.Model):
    """The monitoring officer's recorded advice on a decision that departs from the
    recommendation towards outsourcing: a prerequisite of its publication, not of signing
    (POLICY.md §2). Recorded once; immutable."""

    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="advice")
    advice = models.TextField()
    advised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    advised_by_name = models.CharField(max_length=200)
    advised_at = models.DateTimeField()

    objects = ImmutableQuerySet.as_manager()

    def __str__(self) -> str:
        return f"advice on decision {self.decision_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableError("Recorded advice cannot be changed")
        super().save(*args, **kwargs)
