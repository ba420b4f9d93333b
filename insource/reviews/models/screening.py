"""Provisional screenings of the register: the gateway outcome the policy would give each contract.

A screening is not a review and not a decision: it tells the pipeline which expiring contracts the
presumption of in-house delivery will bite on, so that reviews can be opened in time.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScreeningTrace(models.Model):
    """The explanation of a screening, stored once per distinct content (keyed by its SHA-256).

    It holds the facts that decided the gateway with the contract's value shown as a band between
    thresholds and its end date as a position relative to the screening date, so that every
    contract screened for the same reasons points at the same row.
    """

    sha256 = models.CharField(max_length=64, unique=True)
    trace = models.JSONField()

    def __str__(self) -> str:
        return f"screening trace {self.sha256[:12]}"


class Screening(models.Model):
    """One contract's provisional screening on a date under one policy version.

    Idempotent: one row per (contract, screened_on, policy_version); `facts_sha256` says whether
    the contract's facts changed since the row was written (the run's time and actor are in its
    audit event). `is_value_estimate` keeps the register's marker that the value incl. VAT was
    grossed up. `is_policy_adopted` records whether the reviewing authority had adopted the
    policy on `screened_on` (only adopters get reviews).
    """

    # No index of its own: the unique constraint below starts with the contract.
    contract = models.ForeignKey(
        "register.Contract", on_delete=models.CASCADE, related_name="screenings", db_index=False
    )
    # Indexed with the date below; traces are never deleted, so trace needs no index either.
    authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.PROTECT, related_name="screenings", db_index=False
    )
    screened_on = models.DateField()
    policy_version = models.CharField(max_length=80)
    outcome = models.CharField(max_length=60, blank=True)
    status = models.CharField(max_length=40)
    flags = models.JSONField(default=list, blank=True)
    is_provisional = models.BooleanField(default=True)
    is_policy_adopted = models.BooleanField(default=False)
    is_value_estimate = models.BooleanField(default=False)
    facts_sha256 = models.CharField(max_length=32)  # BLAKE2b-128, hex
    trace = models.ForeignKey(
        ScreeningTrace, on_delete=models.PROTECT, related_name="screenings", db_index=False
    )

    class Meta:
        ordering = ["-screened_on", "-id"]
        verbose_name = _("provisional screening")
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "screened_on", "policy_version"],
                name="screening_once_per_day_and_version",
            )
        ]
        indexes = [models.Index(fields=["authority", "screened_on"])]

    def __str__(self) -> str:
        return f"{self.contract_id} on {self.screened_on}: {self.outcome or self.status}"
