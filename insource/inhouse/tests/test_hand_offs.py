"""A plan's go-live starts the in-house service by signal (ADR 0027), in the milestone's
transaction, so a failure in inhouse rolls go-live back."""

from datetime import date

import pytest

from insource.core.models import AuditEvent
from insource.inhouse import receivers
from insource.inhouse.models import InhouseService
from insource.testing.inhouse import NOW, SYSTEM, decided_inhouse
from insource.transition.models import Milestone, TransitionPlan
from insource.transition.services.milestones import MilestoneChange, milestone_update
from insource.transition.signals import plan_went_live

pytestmark = pytest.mark.django_db


def _fail(**kwargs):
    raise RuntimeError("the service failed")


def test_inhouse_listens_to_go_live():
    assert plan_went_live.has_listeners()


def test_go_live_starts_the_service_and_a_failing_start_rolls_go_live_back(monkeypatch):
    _authority, _people, contract, decision = decided_inhouse()
    go_live = TransitionPlan.objects.get(review=decision.review).milestones.get(key="go-live")
    change = MilestoneChange(status="done", owner=None, evidence="Day one report", notes="")
    monkeypatch.setattr(receivers, "inhouse_service_go_live", _fail)
    with pytest.raises(RuntimeError, match="the service failed"):
        milestone_update(milestone=go_live, change=change, on=date(2027, 10, 5), by=SYSTEM, at=NOW)
    assert Milestone.objects.get(pk=go_live.pk).status != "done"
    assert not AuditEvent.objects.filter(action="transition.milestone_update").exists()
    assert not InhouseService.objects.filter(contract=contract).exists()
    monkeypatch.undo()
    milestone_update(milestone=go_live, change=change, on=date(2027, 10, 5), by=SYSTEM, at=NOW)
    assert InhouseService.objects.get(contract=contract).started_on == date(2027, 9, 30)
