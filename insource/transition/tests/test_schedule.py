"""The schedule: milestones counted back from the transfer date by the cited parameters, per
service type and nation; the employee liability information at least 28 days before the
transfer on every path (made, moved later, moved earlier, edited, templated)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from insource.core.audit import Actor
from insource.core.models import AuditEvent
from insource.testing.transition import NOW, TODAY, decided_in_house
from insource.transition import schedule
from insource.transition.models import Milestone
from insource.transition.services.milestones import (
    MilestoneChange,
    milestone_template_save,
    milestone_update,
)
from insource.transition.services.plans import plan_route, plan_transfer_move

ACTOR = Actor.system("tests")
END = date(2027, 9, 30)


def test_service_types_from_cpv():
    assert schedule.service_type_for_cpv("90511000") == "refuse"
    assert schedule.service_type_for_cpv("90911200") == "cleaning"
    assert schedule.service_type_for_cpv("85311000") == "care"
    assert schedule.service_type_for_cpv("72000000") == "default"
    assert schedule.service_type_for_cpv("") == "default"


def test_refuse_fleets_take_longer_than_cleaning():
    refuse = schedule.lead_for("assets-transfer", service_type="refuse", nation="England", on=END)
    cleaning = schedule.lead_for(
        "assets-transfer", service_type="cleaning", nation="England", on=END
    )
    assert (refuse.days, cleaning.days) == (180, 60)
    assert "Operators" in refuse.citation


def test_pension_citation_follows_the_nation():
    wales = schedule.lead_for("pension-admission", service_type="default", nation="Wales", on=END)
    scot = schedule.lead_for("pension-admission", service_type="default", nation="Scotland", on=END)
    assert "2013/2356" in wales.href and "reg. 64" in wales.citation
    assert "(Scotland) Regulations 2018" in scot.citation


def test_eli_minimum_is_28_days_from_may_2014_and_14_before():
    assert schedule.eli_minimum_days(date(2014, 5, 1)) == 28
    assert schedule.eli_minimum_days(date(2014, 4, 30)) == 14
    due = schedule.due_on(key=schedule.ELI, lead_days=7, transfer_on=END)
    assert due == END - timedelta(days=28)


def _eli(plan) -> Milestone:
    return plan.milestones.get(key=schedule.ELI)


def _check_eli(plan) -> None:
    plan.refresh_from_db()
    assert _eli(plan).due_on <= plan.transfer_on - timedelta(days=28)


@pytest.mark.django_db
def test_signing_in_house_makes_the_plan_on_the_decision_point():
    authority, _people, decision, plan = decided_in_house()
    assert plan is not None and plan.route == "in-house" and plan.service_type == "refuse"
    assert plan.transfer_on == decision.review.decision_point_on == END
    keys = set(plan.milestones.values_list("key", flat=True))
    assert keys == set(schedule.KEYS)
    assert plan.milestones.get(key="go-live").due_on == END
    assert plan.milestones.get(key="notice-to-incumbent").due_on == END - timedelta(days=270)
    _check_eli(plan)
    assert (
        AuditEvent.objects.filter(action="transition.plan_open", authority=authority).count() == 1
    )


@pytest.mark.django_db
@pytest.mark.parametrize("shift", [-200, -60, 0, 45, 400])
def test_eli_holds_when_the_transfer_date_moves(shift):
    _a, _p, _d, plan = decided_in_house()
    new = END + timedelta(days=shift)
    plan_transfer_move(plan=plan, transfer_on=new, reason="Contract extended", by=ACTOR, at=NOW)
    _check_eli(plan)
    assert plan.transfer_on == new
    assert plan.milestones.get(key="go-live").due_on == new


@pytest.mark.django_db
def test_done_milestones_keep_their_dates_when_the_transfer_moves():
    _a, people, _d, plan = decided_in_house()
    notice = plan.milestones.get(key="notice-to-incumbent")
    change = MilestoneChange(status="done", owner=None, evidence="Letter ref N/1", notes="")
    milestone_update(milestone=notice, change=change, on=TODAY, by=ACTOR, at=NOW)
    before = Milestone.objects.get(pk=notice.pk).due_on
    plan_transfer_move(
        plan=plan, transfer_on=END + timedelta(days=90), reason="Later", by=ACTOR, at=NOW
    )
    assert Milestone.objects.get(pk=notice.pk).due_on == before


@pytest.mark.django_db
def test_eli_due_date_cannot_be_edited_later_than_28_days_before():
    _a, _p, _d, plan = decided_in_house()
    eli = _eli(plan)
    late = END - timedelta(days=27)
    change = MilestoneChange(status="not-started", owner=None, evidence="", notes="", due_on=late)
    with pytest.raises(ValidationError) as refused:
        milestone_update(milestone=eli, change=change, on=TODAY, by=ACTOR, at=NOW)
    assert "28 days" in refused.value.message_dict["due_on"][0]
    earlier = END - timedelta(days=56)
    ok = MilestoneChange(status="not-started", owner=None, evidence="", notes="", due_on=earlier)
    milestone_update(milestone=eli, change=ok, on=TODAY, by=ACTOR, at=NOW)
    plan_transfer_move(
        plan=plan, transfer_on=END - timedelta(days=100), reason="Early", by=ACTOR, at=NOW
    )
    plan.refresh_from_db()
    assert _eli(plan).due_on == plan.transfer_on - timedelta(days=56)


@pytest.mark.django_db
def test_a_template_cannot_ask_for_the_liability_information_late():
    authority, _p, _d, _plan = decided_in_house()
    items = schedule.template_default(service_type="refuse", nation="England", on=END)
    for item in items:
        if item["key"] == schedule.ELI:
            item["lead_days"] = 20
    with pytest.raises(ValidationError) as refused:
        milestone_template_save(
            authority=authority,
            service_type="refuse",
            items=items,
            reason="Shorter",
            on=TODAY,
            by=ACTOR,
            at=NOW,
        )
    assert schedule.ELI in str(refused.value)
    without = [i for i in items if i["key"] != schedule.ELI]
    with pytest.raises(ValidationError):
        milestone_template_save(
            authority=authority,
            service_type="refuse",
            items=without,
            reason="No ELI",
            on=TODAY,
            by=ACTOR,
            at=NOW,
        )


def test_public_public_is_a_route_only_when_the_counterparty_was_not_public():
    class D:
        def __init__(self, outcome, party):
            self.outcome, self.facts = outcome, {"contract": {"counterparty": party}}

    assert plan_route(D("INSOURCE_STATUTORY_PRESUMPTION", "private")) == "in-house"
    assert plan_route(D("EXEMPT_PUBLIC_PUBLIC", "private")) == "public-public"
    assert plan_route(D("EXEMPT_PUBLIC_PUBLIC", "public-authority")) is None
    assert plan_route(D("OUTSOURCE_GOOD_REASON_CAPACITY", "private")) is None
