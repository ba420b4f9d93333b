"""A part of an information request forwarded to the contractor that holds the information for
the council (FOIA s.3(2)(b)); its reply, or its failure to reply, is recorded on it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContractorOutcome(models.TextChoices):
    AWAITING = "", _("Awaiting the contractor's reply")
    REPLIED = "replied", _("The contractor replied")
    NO_REPLY = "no-reply", _("The contractor did not reply")


class ContractorRequest(models.Model):
    """What the council asked the contractor for (private: the officer's words), by when (10
    working days, the request's own working-day calendar), and what came back. `is_late` is set
    once the contractual due date passes without a reply (by the daily run or the reply itself)
    and never unset; `breach_recorded` says the MS6 finding was handed to the standards."""

    request = models.ForeignKey(
        "transparency.InformationRequest",
        on_delete=models.PROTECT,
        related_name="contractor_requests",
    )
    contract = models.ForeignKey(
        "register.Contract", on_delete=models.PROTECT, related_name="contractor_requests"
    )
    supplier = models.ForeignKey(
        "register.Supplier",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contractor_requests",
    )
    authority = models.ForeignKey("authorities.Authority", on_delete=models.PROTECT)
    contractor_email = models.EmailField(max_length=254)
    asked = models.TextField()
    forwarded_on = models.DateField()
    forwarded_at = models.DateTimeField()
    forwarded_by_label = models.CharField(max_length=200)
    due_on = models.DateField(db_index=True)
    outcome = models.CharField(
        max_length=20, choices=ContractorOutcome.choices, blank=True, default=""
    )
    replied_on = models.DateField(null=True, blank=True)
    reply = models.TextField(blank=True)
    is_late = models.BooleanField(default=False)
    late_flagged_on = models.DateField(null=True, blank=True)
    reminded_on = models.DateField(null=True, blank=True)
    breach_recorded = models.BooleanField(default=False)

    class Meta:
        ordering = ["forwarded_at", "id"]
        indexes = [models.Index(fields=["outcome", "due_on"])]

    def __str__(self) -> str:
        return f"contractor request {self.pk} on {self.request_id}"
