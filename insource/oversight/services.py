"""The audit committee's writes: publishing a quarterly report (frozen), recording a
recommendation, and the owner's response and closure. Each audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from insource.authorities.models import Authority
from insource.core.audit import Actor, audit_record
from insource.oversight.models import AuditRecommendation, AuditReport, AuditReportDraft
from insource.oversight.reports import QuarterError, report_content

S = AuditRecommendation.Status


def _content_now(authority: Authority, quarter: str, *, on: date) -> dict:
    """The quarter's report as it stands on `on`; a quarter not yet begun is refused."""
    try:
        return report_content(authority, quarter, on=on)
    except QuarterError as exc:
        raise ValidationError({"quarter": str(exc)}) from None


@transaction.atomic
def audit_report_publish(
    *, authority: Authority, quarter: str, user, by: Actor, at: datetime, on: date
) -> AuditReport:
    """Publish the quarter's report as it stands now; a quarter is published once."""
    if AuditReport.objects.filter(authority=authority, quarter=quarter).exists():
        raise ValidationError({"quarter": _("The report for this quarter is already published")})
    content = _content_now(authority, quarter, on=on)
    report = AuditReport.objects.create(
        authority=authority, quarter=quarter, content=content, published_by=user, published_at=at
    )
    audit_record(
        by=by,
        at=at,
        action="audit_report.publish",
        obj=report,
        authority=authority,
        after={"quarter": quarter, "counts": content["counts"]},
    )
    return report


@transaction.atomic
def audit_report_draft_freeze(
    *, authority: Authority, quarter: str, user, by: Actor, at: datetime, on: date
) -> AuditReportDraft:
    """The quarter's report as it stands now, frozen for a PDF of the draft (the worker makes
    it: `tasks.audit_report_pdf_queue`)."""
    content = _content_now(authority, quarter, on=on)
    draft = AuditReportDraft.objects.create(
        authority=authority, quarter=quarter, content=content, asked_by=user, asked_at=at
    )
    audit_record(
        by=by,
        at=at,
        action="audit_report.draft",
        obj=draft,
        authority=authority,
        after={"quarter": quarter, "counts": content["counts"]},
    )
    return draft


@dataclass(frozen=True)
class RecommendationInput:
    text: str
    owner: str
    due_on: date


@transaction.atomic
def audit_recommendation_add(
    *, authority: Authority, entry: RecommendationInput, user, by: Actor, at: datetime, on: date
) -> AuditRecommendation:
    recommendation = AuditRecommendation.objects.create(
        authority=authority,
        made_on=on,
        text=entry.text.strip(),
        owner=entry.owner.strip(),
        due_on=entry.due_on,
        recorded_by=user,
        recorded_at=at,
    )
    audit_record(
        by=by,
        at=at,
        action="audit_recommendation.add",
        obj=recommendation,
        authority=authority,
        after={"owner": recommendation.owner, "due_on": entry.due_on.isoformat()},
    )
    return recommendation


@transaction.atomic
def audit_recommendation_respond(
    *,
    recommendation: AuditRecommendation,
    status: str,
    response: str,
    by: Actor,
    at: datetime,
    on: date,
) -> AuditRecommendation:
    """The owner's response: accepted (in progress), not accepted (with reasons) or done."""
    response = (response or "").strip()
    errors = {}
    if status not in {S.ACCEPTED, S.REJECTED, S.DONE}:
        errors["status"] = _("Select what has happened to the recommendation")
    if not response:
        errors["response"] = _("Enter the response")
    if errors:
        raise ValidationError(errors)
    before = {"status": recommendation.status}
    recommendation.status = status
    recommendation.response = response
    recommendation.responded_on = on
    recommendation.closed_on = on if status in {S.DONE, S.REJECTED} else None
    recommendation.save()
    audit_record(
        by=by,
        at=at,
        action="audit_recommendation.respond",
        obj=recommendation,
        authority=recommendation.authority,
        before=before,
        after={"status": status},
        reason=response,
    )
    return recommendation
