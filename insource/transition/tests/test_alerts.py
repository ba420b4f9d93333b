"""Alerts: a late milestone emails its owner once per milestone and due date; the liability
information reminds before it is due; nothing for what is done; the CLI prints the plan in
the documented shape; the audit committee view lists late milestones."""

from __future__ import annotations

import json
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.oversight.selectors import audit_view
from insource.testing.transition import NOW, TODAY, decided_in_house
from insource.transition.services.alerts import transition_alerts_raise
from insource.transition.services.milestones import MilestoneChange, milestone_update

ACTOR = Actor.system("tests")


@pytest.mark.django_db
def test_late_alert_once_to_the_owner(django_capture_on_commit_callbacks):
    _a, people, _d, plan = decided_in_house()
    notice = plan.milestones.get(key="notice-to-incumbent")
    owner = people[Role.CONTRACT_MANAGER]
    change = MilestoneChange(status="in-progress", owner=owner, evidence="", notes="")
    milestone_update(milestone=notice, change=change, on=TODAY, by=ACTOR, at=NOW)
    day = notice.due_on + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        run = transition_alerts_raise(on=day, by=ACTOR, at=NOW)
    late = [a for a in run.raised if a.milestone_id == notice.pk]
    assert [a.kind for a in late] == ["late"] and late[0].num_notified == 1
    assert any(m.to == [owner.email] and "Late:" in m.subject for m in mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        again = transition_alerts_raise(on=day + timedelta(days=3), by=ACTOR, at=NOW)
    assert not [a for a in again.raised if a.milestone_id == notice.pk] and again.already >= 1


@pytest.mark.django_db
def test_eli_reminder_before_and_nothing_once_done(django_capture_on_commit_callbacks):
    _a, people, _d, plan = decided_in_house()
    eli = plan.milestones.get(key="employee-liability-information")
    with django_capture_on_commit_callbacks(execute=True):
        run = transition_alerts_raise(on=eli.due_on - timedelta(days=10), by=ACTOR, at=NOW)
    reminder = [a for a in run.raised if a.milestone_id == eli.pk]
    assert [a.kind for a in reminder] == ["reminder"]
    assert reminder[0].num_notified == 1  # no owner named: the HR officer (the role's member)
    done = MilestoneChange(status="done", owner=None, evidence="File received", notes="")
    milestone_update(milestone=eli, change=done, on=TODAY, by=ACTOR, at=NOW)
    after = transition_alerts_raise(on=eli.due_on + timedelta(days=5), by=ACTOR, at=NOW)
    assert not [a for a in after.raised if a.milestone_id == eli.pk]


@pytest.mark.django_db
def test_cli_plan_and_list_json():
    authority, _p, decision, plan = decided_in_house()
    out = StringIO()
    call_command(
        "transition", "plan", str(decision.review_id), "--json", "--on", "2027-04-10", stdout=out
    )
    data = json.loads(out.getvalue())
    assert {"review", "authority", "service", "transfer_on", "status", "milestones"} <= set(data)
    assert data["review"] == decision.review_id and data["transfer_on"] == "2027-09-30"
    assert data["service"] == plan.contract.title != ""
    assert data["status"] == "late"  # notice (3 January 2027) is past by then
    m = {x["key"]: x for x in data["milestones"]}
    assert set(m["go-live"]) >= {"key", "title", "due_on", "status", "owner", "citation"}
    assert m["notice-to-incumbent"]["status"] == "late"
    assert m["employee-liability-information"]["due_on"] <= "2027-09-02"
    listing = StringIO()
    call_command("transition", "list", "--authority", authority.code, "--json", stdout=listing)
    assert [p["review"] for p in json.loads(listing.getvalue())] == [decision.review_id]


@pytest.mark.django_db
def test_cli_alerts_is_idempotent():
    _a, _p, _d, plan = decided_in_house()
    first, second = StringIO(), StringIO()
    call_command("transition", "alerts", "--on", "2027-06-01", "--json", stdout=first)
    call_command("transition", "alerts", "--on", "2027-06-01", "--json", stdout=second)
    raised = json.loads(first.getvalue())["raised"]
    assert {r["milestone"] for r in raised} >= {"notice-to-incumbent", "exit-plan-activated"}
    assert json.loads(second.getvalue())["raised"] == []


@pytest.mark.django_db
def test_audit_committee_sees_late_milestones():
    authority, _p, _d, plan = decided_in_house()
    view = audit_view(authority=authority, on=date(2027, 6, 1))
    keys = [m.key for m in view.late_milestones]
    assert "notice-to-incumbent" in keys and "go-live" not in keys
    assert view.counts["late_milestones"] == len(keys)


@pytest.mark.django_db
def test_a_contract_published_without_a_title_still_names_its_service():
    _a, _p, decision, plan = decided_in_house()
    plan.contract.title, plan.contract.supplier_names = "", "Acme Waste Ltd"
    plan.contract.save()
    out = StringIO()
    call_command("transition", "plan", str(decision.review_id), "--json", stdout=out)
    service = json.loads(out.getvalue())["service"]
    authority = plan.contract.reviewing_authority.name
    assert service == f"Refuse collection services for {authority}, with Acme Waste Ltd"
    assert "ocds" not in service and plan.contract.source_key not in service
