"""`insource policy verify --all` on the demo (issue 15): every signed decision reproduces, and
still does after a new release changes a parameter value that new evaluations then use."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from conftest import TEST_NOW, TEST_TODAY
from insource.core.audit import Actor
from insource.demo.services import demo_load
from insource.policy import evaluate
from insource.reviews.models import Decision, PolicyVersion
from insource.testing.policy import new_release

THRESHOLD = "thresholds/procurement_act_2023/uk/sub_central/supplies_services.yaml"


def _verify_all() -> list[dict]:
    out = StringIO()
    call_command("policy", "verify", "--all", "--json", stdout=out)  # raises if any differs
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.django_db
def test_every_demo_decision_reproduces_before_and_after_a_new_release(real_register, tmp_path):
    demo_load(by=Actor.system("tests"), at=TEST_NOW, on=TEST_TODAY, screen=False)
    decisions = list(Decision.objects.order_by("pk"))
    assert len(decisions) >= 2, "the demo signs decisions"
    assert PolicyVersion.objects.count() >= 1
    rows = _verify_all()
    assert [(r["decision"], r["reproduced"]) for r in rows] == [(d.pk, True) for d in decisions]
    with new_release(tmp_path, THRESHOLD, 'value: "207720"', 'value: "999999999"'):
        changed = [evaluate(d.facts).to_dict() for d in decisions]
        assert all(
            c["policy_version"]["hash"] != d.policy_version["hash"]
            for c, d in zip(changed, decisions, strict=True)
        )
        assert any("999999999" in json.dumps(c["trace"]) for c in changed)
        assert all(r["reproduced"] for r in _verify_all())
