"""`insource authorities adopt` and `insource reviews open-due`, and the late notices."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from insource.core.audit import Actor
from insource.core.models import AuditEvent
from insource.reviews.models import Review
from insource.reviews.services.lateness import reviews_notify_late
from insource.reviews.services.opening import reviews_open_due
from insource.testing.workflow import NOW, TODAY, council, refuse_contract, team

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_adopt_by_code_and_by_gss():
    authority = council(code="ZQA", gss_code="E09999991", policy_preset="", policy_adopted_on=None)
    data = json.loads(
        run(
            "authorities",
            "adopt",
            "ZQA",
            "--preset",
            "labour-2019-local",
            "--from",
            "2026-04-01",
            "--json",
        )
    )
    assert data["adopted_on"] == "2026-04-01" and data["preset"] == "labour-2019-local"
    run(
        "authorities",
        "adopt",
        "E09999991",
        "--preset",
        "ppn-024-consider",
        "--from",
        "2027-04-01",
        "--reason",
        "Cabinet 12 March 2027",
    )
    authority.refresh_from_db()
    assert (authority.policy_preset, authority.policy_adopted_on) == (
        "ppn-024-consider",
        date(2027, 4, 1),
    )
    assert (
        AuditEvent.objects.filter(
            action="authorities.adopt_policy", object_id=str(authority.pk)
        ).count()
        == 2
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ZZZ", "--preset", "labour-2019-local", "--from", "2026-04-01"), "No local authority"),
        (("ZQA", "--preset", "nonsense", "--from", "2026-04-01"), "is not known"),
        (("ZQA", "--preset", "labour-2019-local", "--from", "1 April"), "is not a date"),
    ],
)
def test_adopt_refuses_bad_input(args, message):
    council(code="ZQA", policy_preset="", policy_adopted_on=None)
    with pytest.raises(CommandError, match=message):
        run("authorities", "adopt", *args)


def test_open_due_json_summary_and_idempotence():
    authority = council(code="OPD")
    team(authority)
    refuse_contract(authority)
    refuse_contract(authority, end_on=None, max_end_on=None)
    first = json.loads(
        run("reviews", "open-due", "--on", "2026-11-23", "--authority", "OPD", "--json")
    )
    assert (first["opened"], first["already_open"], first["skipped_no_end_date"]) == (1, 0, 1)
    second = json.loads(
        run("reviews", "open-due", "--on", "2026-11-23", "--authority", "OPD", "--json")
    )
    assert (second["opened"], second["already_open"]) == (0, 1)


def test_late_reviews_are_notified_once(django_capture_on_commit_callbacks):
    authority = council(code="LAT")
    team(authority)
    refuse_contract(authority, end_on=date(2026, 12, 31), max_end_on=date(2026, 12, 31))
    reviews_open_due(on=TODAY, by=Actor.system("tests"), at=NOW, authority=authority)
    review = Review.objects.get(authority=authority)
    mail.outbox.clear()
    assert reviews_notify_late(on=date(2026, 12, 30), by=Actor.system("tests"), at=NOW) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert reviews_notify_late(on=date(2026, 12, 31), by=Actor.system("tests"), at=NOW) >= 1
    review.refresh_from_db()
    assert review.late_notified_on == date(2026, 12, 31)
    assert any("now late" in m.subject for m in mail.outbox)
    assert reviews_notify_late(on=date(2027, 1, 5), by=Actor.system("tests"), at=NOW) == 0
