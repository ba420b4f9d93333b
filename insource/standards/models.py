"""Minimum standards of contracts that stay outsourced: payroll returns as uploaded, what
officers record while monitoring (standard checks, KPI assessments, capacity progress) and the
alerts raised."""

from django.conf import settings
from django.db import models


class PayrollReturn(models.Model):
    """One uploaded return: the file as received (with its SHA-256) and the results computed
    from it on upload (fair wage per worker, the six gender pay measures); never changed."""

    contract = models.ForeignKey(
        "register.Contract", on_delete=models.PROTECT, related_name="payroll_returns"
    )
    authority = models.ForeignKey("authorities.Authority", on_delete=models.PROTECT)
    file_name = models.CharField(max_length=200)
    file_bytes = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField()
    num_workers = models.PositiveIntegerField()
    pay_on = models.DateField(null=True, blank=True)  # the latest worker date in the return
    fair_wage = models.JSONField()
    gender_pay = models.JSONField()

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"payroll return {self.pk} for contract {self.contract_id}"


class MonitoringRecord(models.Model):
    """What an officer records while monitoring a continuing contract: a standard's status with
    its evidence, a KPI performance assessment, or a capacity plan progress report. Append-only:
    a later record supersedes an earlier one, which stays in the history."""

    class Kind(models.TextChoices):
        STANDARD_CHECK = "standard_check", "Standard checked"
        KPI_ASSESSMENT = "kpi_assessment", "KPI performance assessment"
        CAPACITY_PROGRESS = "capacity_progress", "Capacity plan progress report"

    contract = models.ForeignKey(
        "register.Contract", on_delete=models.PROTECT, related_name="monitoring_records"
    )
    authority = models.ForeignKey("authorities.Authority", on_delete=models.PROTECT)
    decision = models.ForeignKey("reviews.Decision", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    standard = models.CharField(max_length=5, blank=True)  # MS1..MS13 for a standard check
    status = models.CharField(max_length=20, blank=True)  # met / unmet / unknown / due_at_award
    checked_on = models.DateField()
    num_kpis = models.PositiveIntegerField(null=True, blank=True)
    num_kpis_met = models.PositiveIntegerField(null=True, blank=True)
    is_published = models.BooleanField(null=True, blank=True)
    evidence = models.TextField()
    evidence_url = models.URLField(max_length=500, blank=True)
    recorded_by = models.ForeignKey(  # None: found by the product itself (a late contractor)
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-checked_on", "-id"]
        indexes = [models.Index(fields=["contract", "kind", "checked_on"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.standard} for contract {self.contract_id} on {self.checked_on}"


class MonitoringAlert(models.Model):
    """An overdue or breached item of a contract's monitoring calendar, raised once per item and
    due date (`insource standards alerts`), with when its contract managers were told."""

    contract = models.ForeignKey(
        "register.Contract", on_delete=models.PROTECT, related_name="monitoring_alerts"
    )
    authority = models.ForeignKey("authorities.Authority", on_delete=models.PROTECT)
    item_key = models.CharField(max_length=80)
    standard = models.CharField(max_length=5)
    label = models.CharField(max_length=300)
    due_on = models.DateField()
    status = models.CharField(max_length=20)
    raised_on = models.DateField()
    raised_at = models.DateTimeField()
    num_notified = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "item_key", "due_on"], name="one_alert_per_item_and_due_date"
            )
        ]

    def __str__(self) -> str:
        return f"alert {self.item_key} for contract {self.contract_id}"


# The model contract's clause versions and generated documents live in their own package.
from insource.standards.model_contract.models import ClauseVersion, ModelContractDocument  # noqa: E402, F401
