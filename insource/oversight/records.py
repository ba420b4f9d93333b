"""The committee's own records, read: its published reports and its recommendations."""

from __future__ import annotations

from django.db.models import QuerySet

from insource.authorities.models import Authority
from insource.oversight.models import AuditRecommendation, AuditReport


def reports_published(*, authority: Authority) -> QuerySet[AuditReport]:
    return AuditReport.objects.filter(authority=authority)


def report_published(*, authority: Authority, quarter: str) -> AuditReport | None:
    return AuditReport.objects.filter(authority=authority, quarter=quarter).first()


def report_public_get(pk: int) -> AuditReport | None:
    return AuditReport.objects.select_related("authority").filter(pk=pk).first()


def recommendations_of(*, authority: Authority) -> QuerySet[AuditRecommendation]:
    return AuditRecommendation.objects.filter(authority=authority)


def recommendation_get(*, authority: Authority, pk: int) -> AuditRecommendation | None:
    return recommendations_of(authority=authority).filter(pk=pk).first()
