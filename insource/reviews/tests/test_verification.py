"""Decisions anyone can reproduce (issue 15, ADR 0018): the policy version is kept when a
decision is signed; `insource policy verify`, the public "Check this decision" page and the
public API re-evaluate it and say whether it reproduced, and what differs."""

from __future__ import annotations

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import QuerySet
from django.urls import reverse

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.policy import evaluate
from insource.reviews.models import Decision, PolicyVersion
from insource.reviews.services.decisions import decision_publish
from insource.reviews.services.verification import decision_verify
from insource.testing.policy import new_release
from insource.testing.workflow import (
    NOW,
    TODAY,
    council,
    decided_review,
    refuse_contract,
    team,
)

pytestmark = pytest.mark.django_db
THRESHOLD = "thresholds/procurement_act_2023/uk/sub_central/supplies_services.yaml"


@pytest.fixture
def world():
    authority = council(code="VRF", name="Verifyshire County Council")
    people = team(authority)
    decision = decided_review(authority, people, refuse_contract(authority))
    return people, decision


def _publish(decision, people):
    decision_publish(
        decision=decision,
        user=people[Role.LEGAL_OFFICER],
        redaction_note="None needed",
        has_confidential_annex=False,
        pack_html="<p>pack</p>",
        pack_pdf=b"%PDF-1.7",
        on=TODAY,
        by=Actor.system("tests"),
        at=NOW + timedelta(minutes=1),
    )


def _tamper(decision, **changes):
    """Change a stored result behind the immutable manager's back (as an attacker would)."""
    QuerySet(Decision).filter(pk=decision.pk).update(result=decision.result | changes)
    return Decision.objects.get(pk=decision.pk)


def _verify(*args) -> tuple[list[dict], str]:
    out = StringIO()
    error = ""
    try:
        call_command("policy", "verify", *args, "--json", stdout=out)
    except CommandError as exc:
        error = str(exc)
    return [json.loads(line) for line in out.getvalue().splitlines()], error


def test_signing_keeps_the_policy_version(world):
    _, decision = world
    kept = PolicyVersion.objects.get(hash=decision.policy_version["hash"])
    assert kept.snapshot["hash"] == decision.policy_version["hash"]
    assert decision.policy_version["version"] == "insource-policy 2026.2"
    assert kept.snapshot["parameters"][THRESHOLD]


def test_verify_reproduces_a_signed_decision(world):
    _, decision = world
    rows, error = _verify(str(decision.pk))
    assert error == ""
    assert rows == [
        {"decision": decision.pk, "reproduced": True, "policy_version": decision.policy_version}
    ]


def test_a_new_release_changes_new_evaluations_but_old_decisions_still_reproduce(world, tmp_path):
    _, decision = world
    with new_release(tmp_path, THRESHOLD, 'value: "207720"', 'value: "999999999"'):
        now = evaluate(decision.facts).to_dict()
        assert now["policy_version"]["hash"] != decision.policy_version["hash"]
        assert "999999999" in [o["value"] for o in now["threshold"]["options"]]
        assert now["outcome"] == "EXEMPT_BELOW_THRESHOLD" != decision.outcome
        rows, error = _verify("--all")
    assert error == "" and [r["reproduced"] for r in rows] == [True]


def test_a_tampered_decision_is_not_reproduced_and_says_what_differs(world):
    _, decision = world
    tampered = _tamper(decision, outcome="OUTSOURCE_GOOD_REASON_CAPACITY", status="decided")
    rows, error = _verify("--all")
    assert error == "1 of 1 decisions did not reproduce."
    (row,) = rows
    assert row["reproduced"] is False
    assert row["differences"] == {
        "outcome": {
            "stored": "OUTSOURCE_GOOD_REASON_CAPACITY",
            "reproduced": "INSOURCE_STATUTORY_PRESUMPTION",
        }
    }
    assert decision_verify(tampered)["differences"] == row["differences"]


def test_an_unavailable_policy_version_is_not_reproduced(world):
    _, decision = world
    QuerySet(Decision).filter(pk=decision.pk).update(
        policy_version=decision.policy_version | {"hash": "sha256:" + "0" * 64}
    )
    found = decision_verify(Decision.objects.get(pk=decision.pk))
    assert found["reproduced"] is False
    assert found["differences"]["policy_version"]["reproduced"] is None


def test_verify_names_a_missing_decision():
    with pytest.raises(CommandError, match="There is no signed decision 999999"):
        call_command("policy", "verify", "999999")


def test_the_public_page_and_api_check_a_published_decision(client, world):
    people, decision = world
    page = reverse("public:decision-check", kwargs={"pk": decision.pk})
    api = reverse("api-public:decision-verification", kwargs={"pk": decision.pk})
    assert client.get(page).status_code == 404 and client.get(api).status_code == 404
    _publish(decision, people)
    published = client.get(reverse("public:decision", kwargs={"pk": decision.pk}))
    assert page in published.content.decode()
    html = client.get(page).content.decode()
    assert 'data-reproduced="true"' in html and "The decision reproduces" in html
    body = client.get(api).json()
    assert body["reproduced"] is True and body["differences"] == {}
    _tamper(decision, outcome="OUTSOURCE_GOOD_REASON_CAPACITY")
    html = client.get(page).content.decode()
    assert "The decision does not reproduce" in html
    assert "The service may stay outsourced for a limited time" in html  # recorded, in words
    assert "OUTSOURCE_GOOD_REASON_CAPACITY" not in html  # no internal codes for residents
    body = client.get(api).json()
    assert body["reproduced"] is False and set(body["differences"]) == {"outcome"}
