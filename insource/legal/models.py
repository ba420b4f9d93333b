"""Legal support referrals: a matter about a continuing contract or a review referred by an
officer to the legal support team (a shared or national legal service: its members hold the
`legal-support` role for each authority they serve), with the question, the documents, the
advice, and the outcome the authority records."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferralKind(models.TextChoices):
    CONTRACT_MANAGEMENT = "contract-management", _("Contract management")
    MODIFICATION = "modification", _("Modification of the contract")
    DISPUTE = "dispute", _("Dispute with the contractor")
    TERMINATION = "termination", _("Termination")
    REVIEW = "review", _("The review of the contract")


class ReferralStatus(models.TextChoices):
    REFERRED = "referred", _("Referred")
    ACCEPTED = "accepted", _("With legal support")
    ADVISED = "advised", _("Advice given")
    CLOSED = "closed", _("Closed")


class Referral(models.Model):
    """One matter referred. `target_on` is the day advice is due (a dated working-day
    parameter from the day after referral); late is derived from it (`legal.clock`)."""

    authority = models.ForeignKey("authorities.Authority", on_delete=models.PROTECT)
    contract = models.ForeignKey(
        "register.Contract", on_delete=models.PROTECT, related_name="legal_referrals"
    )
    review = models.ForeignKey(
        "reviews.Review",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="legal_referrals",
    )
    kind = models.CharField(max_length=30, choices=ReferralKind.choices)
    question = models.TextField()
    status = models.CharField(
        max_length=20, choices=ReferralStatus.choices, default=ReferralStatus.REFERRED
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    referred_at = models.DateTimeField()
    referred_on = models.DateField()
    target_on = models.DateField(db_index=True)
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    advice = models.TextField(blank=True)
    advised_on = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["target_on", "id"]
        indexes = [models.Index(fields=["authority", "status", "target_on"])]

    def __str__(self) -> str:
        return f"referral {self.pk} ({self.kind}) on contract {self.contract_id}"


class ReferralDocument(models.Model):
    """A document sent with a referral or its advice: checked and stored like evidence
    (`reviews/uploads.py`, ADR 0007), outside the web root, never published."""

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="documents")
    title = models.CharField(max_length=300)
    storage_name = models.CharField(max_length=120)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    is_advice = models.BooleanField(default=False)
    added_at = models.DateTimeField()
    added_by_label = models.CharField(max_length=200)

    class Meta:
        ordering = ["added_at", "id"]

    def __str__(self) -> str:
        return self.title
