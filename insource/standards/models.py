"""A supplier's payroll return for a continuing contract, as uploaded, with what was found."""

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
    fair_wage = models.JSONField()
    gender_pay = models.JSONField()

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"payroll return {self.pk} for contract {self.contract_id}"
