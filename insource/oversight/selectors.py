"""The audit committee's view of an authority (POLICY.md §7, CCIN): overdue reviews, blocked
standards, breaches of continuing contracts, overdue monitoring, late information requests and late
milestones of transition plans, on one page. Reads only; every query takes the authority."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from insource.authorities.models import Authority
from insource.legal.selectors import referrals_late
from insource.oversight.models import AuditRecommendation, AuditReport, AuditReportDraft
from insource.reviews.selectors.reviews import (
    decisions_departing,
    departure_counts,
    reviews_blocked,
    reviews_late,
)
from insource.standards.monitoring.selectors import Monitoring, alerts_of, authority_monitoring
from insource.transition.selectors import milestones_late
from insource.transparency.requests.contractors.selectors import forwards_late
from insource.transparency.requests.selectors import requests_queue


@dataclass
class AuditView:
    """What the audit committee sees, each list ready to show."""

    on: date
    late_reviews: list
    blocked_reviews: list
    continuing: list[Monitoring]
    late_requests: list
    late_milestones: list = field(default_factory=list)  # transition plans (issue 16)
    departures: list = field(default_factory=list)  # departures from the recommendation
    departure_counts: dict = field(default_factory=dict)  # ADR 0019
    alerts: list = field(default_factory=list)  # standards alerts raised (ADR 0039)
    late_contractors: list = field(default_factory=list)  # contractors' late replies (ADR 0039)
    late_referrals: list = field(default_factory=list)  # legal support referrals (ADR 0039)

    @property
    def blocked_standards(self) -> list[tuple[Monitoring, object]]:
        return [(m, row) for m in self.continuing for row in m.blocked]

    @property
    def breaches(self) -> list[tuple[Monitoring, object]]:
        return [(m, row) for m in self.continuing for row in m.breaches]

    @property
    def counts(self) -> dict[str, int]:
        return {
            "late_reviews": len(self.late_reviews),
            "blocked": len(self.blocked_reviews)
            + len(self.blocked_standards)
            + len(self.blocked_departures),
            "breaches": len(self.breaches),
            "overdue_items": len(self.overdue_items),
            "late_requests": len(self.late_requests),
            "late_milestones": len(self.late_milestones),
            "departures": self.departure_counts.get("all", 0),
            "alerts": len(self.alerts),
            "late_contractors": len(self.late_contractors),
            "late_referrals": len(self.late_referrals),
        }

    @property
    def blocked_departures(self) -> list:
        """Departures towards outsourcing blocked until the standards are met (ADR 0019)."""
        return [d for d in self.departures if d.status == "blocked_until_standards_met"]

    @property
    def overdue_items(self) -> list[tuple[Monitoring, object]]:
        return [(m, item) for m in self.continuing for item in m.alerts]


def audit_view(*, authority: Authority, on: date) -> AuditView:
    """The audit committee's page for the authority on `on`."""
    departing = decisions_departing(authority=authority).select_related("advice")
    late = reviews_late(authority=authority, on=on).select_related("contract")
    blocked = reviews_blocked(authority=authority).select_related("contract")
    requests = requests_queue(authority=authority, on=on, show="overdue")
    return AuditView(
        on=on,
        late_reviews=list(late.order_by("decision_point_on")[:200]),
        blocked_reviews=list(blocked[:200]),
        continuing=authority_monitoring(authority=authority, on=on),
        late_requests=list(requests[:200]),
        late_milestones=milestones_late(authority=authority, on=on)[:200],
        departures=list(departing[:200]),
        departure_counts=departure_counts(departing),
        alerts=list(alerts_of(authority=authority).order_by("-raised_at", "-id")[:200]),
        late_contractors=forwards_late(authority=authority, on=on),
        late_referrals=referrals_late(authority=authority, on=on),
    )


# The committee's own records: its published reports and its recommendations.


def reports_published(*, authority: Authority) -> QuerySet[AuditReport]:
    return AuditReport.objects.filter(authority=authority)


def report_published(*, authority: Authority, quarter: str) -> AuditReport | None:
    return AuditReport.objects.filter(authority=authority, quarter=quarter).first()


def draft_latest(*, authority: Authority, quarter: str) -> AuditReportDraft | None:
    """The latest draft of the quarter's report someone asked a PDF of."""
    return AuditReportDraft.objects.filter(authority=authority, quarter=quarter).first()


def report_public_get(pk: int) -> AuditReport | None:
    return AuditReport.objects.select_related("authority").filter(pk=pk).first()


def recommendations_of(*, authority: Authority) -> QuerySet[AuditRecommendation]:
    return AuditRecommendation.objects.filter(authority=authority)


def recommendation_get(*, authority: Authority, pk: int) -> AuditRecommendation | None:
    return recommendations_of(authority=authority).filter(pk=pk).first()
