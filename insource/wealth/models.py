"""Community wealth: each authority's local area (versioned) and what officers record about a
contract's local jobs and local re-spend."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

SHARE = {
    "max_digits": 5,
    "decimal_places": 4,
    "null": True,
    "blank": True,
    "validators": [MinValueValidator(0), MaxValueValidator(1)],
}


class LocalAreaVersion(models.Model):
    """One version of an authority's local area: the postcode districts and areas (`ST16`,
    `LE`) it counts as local. Append-only; the latest version is in force. `is_seeded_by_hand`
    marks the demo's lists, typed from general knowledge of Royal Mail geography, for an
    officer to check."""

    authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.CASCADE, related_name="local_area_versions"
    )
    entries = models.JSONField(default=list)
    reason = models.TextField()
    is_seeded_by_hand = models.BooleanField(default=False)
    by = models.CharField(max_length=200)
    at = models.DateTimeField()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["authority", "-at"])]

    def __str__(self) -> str:
        return f"{self.authority} local area at {self.at}"


class ContractWealth(models.Model):
    """What an officer records about one contract: jobs on it and how many are held by people
    living locally, and the supplier's measured LM3 shares (round 2: the share of its income
    from the contract it spends in the area; round 3: the share of that re-spent there), which
    replace the defaults for this contract. Every field is optional."""

    contract = models.OneToOneField(
        "register.Contract", on_delete=models.CASCADE, related_name="community_wealth"
    )
    num_jobs = models.PositiveIntegerField(null=True, blank=True)
    num_local_jobs = models.PositiveIntegerField(null=True, blank=True)
    supplier_local_share = models.DecimalField(**SHARE)
    respend_local_share = models.DecimalField(**SHARE)
    source_note = models.TextField(blank=True)
    updated_by = models.CharField(max_length=200)
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("contract's community wealth")
        constraints = [
            models.CheckConstraint(
                condition=Q(num_jobs__isnull=True)
                | Q(num_local_jobs__isnull=True)
                | Q(num_local_jobs__lte=F("num_jobs")),
                name="wealth_local_jobs_within_jobs",
            ),
            models.CheckConstraint(
                condition=Q(supplier_local_share__isnull=True)
                | Q(supplier_local_share__gte=0, supplier_local_share__lte=1),
                name="wealth_supplier_share_0_1",
            ),
            models.CheckConstraint(
                condition=Q(respend_local_share__isnull=True)
                | Q(respend_local_share__gte=0, respend_local_share__lte=1),
                name="wealth_respend_share_0_1",
            ),
        ]

    def __str__(self) -> str:
        return f"community wealth of contract {self.contract_id}"

    def as_dict(self) -> dict:
        """The recorded figures, for the audit record."""
        return {
            "num_jobs": self.num_jobs,
            "num_local_jobs": self.num_local_jobs,
            "supplier_local_share": _text(self.supplier_local_share),
            "respend_local_share": _text(self.respend_local_share),
            "source_note": self.source_note,
        }


def _text(value) -> str | None:
    return None if value is None else str(value)
