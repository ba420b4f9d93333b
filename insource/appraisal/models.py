"""An options appraisal attached to a review: its header and cost lines (the working draft an
officer edits) and its runs (immutable: the document as run, the seed, the draws, the results
and their SHA-256). The review's facts take the latest run's figures; a signed decision names
the run it relied on."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Option(models.TextChoices):
    INHOUSE = "inhouse", _("In-house")
    OUTSOURCED = "outsourced", _("Outsourced (re-procured)")
    SHARED = "shared", _("Shared service")
    COMPANY = "company", _("Council-owned company")
    COMMUNITY = "community", _("Community or co-operative provider")


class Appraisal(models.Model):
    """The appraisal of one review: the appraisal period (the proposed term), the price base,
    general inflation and the options' cost lines. `version` is its optimistic lock."""

    review = models.OneToOneField(
        "reviews.Review", on_delete=models.PROTECT, related_name="appraisal"
    )
    authority = models.ForeignKey("authorities.Authority", on_delete=models.PROTECT)
    title = models.CharField(max_length=300)
    term_years = models.PositiveSmallIntegerField(default=5)
    price_base = models.CharField(max_length=200, blank=True)
    gdp_deflator_pct = models.JSONField(null=True, blank=True)  # a number or a range
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"appraisal of review {self.review_id}"


class CostLine(models.Model):
    """One cost line of one option: `spec` is the line object of the published JSON Schema
    (amount or percentage, ranges, timing, optimism bias, source note)."""

    appraisal = models.ForeignKey(Appraisal, on_delete=models.CASCADE, related_name="lines")
    option = models.CharField(max_length=20, choices=Option.choices)
    position = models.PositiveIntegerField()
    key = models.SlugField(max_length=60)
    category = models.CharField(max_length=40)
    label = models.CharField(max_length=200)
    spec = models.JSONField()

    class Meta:
        ordering = ["option", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["appraisal", "option", "key"], name="cost_line_key_unique_per_option"
            )
        ]

    def __str__(self) -> str:
        return f"{self.option}: {self.label}"


class ImmutableError(Exception):
    """An appraisal run never changes: run the appraisal again."""


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableError("Appraisal runs cannot be changed: run the appraisal again")

    def delete(self):
        raise ImmutableError("Appraisal runs cannot be deleted")


class AppraisalRun(models.Model):
    """One run of the appraisal, immutable: the document exactly as run, the seed and number
    of draws, the engine's results, and a SHA-256 over all of them (canonical JSON)."""

    appraisal = models.ForeignKey(Appraisal, on_delete=models.PROTECT, related_name="runs")
    authority = models.ForeignKey("authorities.Authority", on_delete=models.PROTECT)
    number = models.PositiveIntegerField()
    document = models.JSONField()
    seed = models.BigIntegerField()
    draws = models.PositiveIntegerField()
    results = models.JSONField()
    sha256 = models.CharField(max_length=64)
    run_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    run_by_name = models.CharField(max_length=200)
    run_at = models.DateTimeField()

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["appraisal", "number"], name="appraisal_run_number")
        ]

    def __str__(self) -> str:
        return f"appraisal run {self.pk}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableError("Appraisal runs cannot be changed: run the appraisal again")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError("Appraisal runs cannot be deleted")
