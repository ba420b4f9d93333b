"""The transition pages by role: every member reads the plan; only HR officers and authority
administrators see the liability rows (personal data) and the comparison by role, everyone
else the aggregates; a union representative reads the plan and comments but no review;
another authority's plan is 404; bad input is named and kept."""

from __future__ import annotations

import pytest
from django.urls import reverse

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.testing.transition import LIABILITY_SAMPLE as SAMPLE
from insource.testing.transition import NOW
from insource.testing.transition import url as _url

HR = {Role.HR_OFFICER, Role.AUTHORITY_ADMIN}
MANAGE = {Role.REVIEW_OFFICER, Role.CONTRACT_MANAGER, Role.HR_OFFICER, Role.AUTHORITY_ADMIN}
# Every member reads the plans but an independent audit committee member, who reads only the
# committee's pages (ADR 0042)
READERS = [r for r in Role if r != Role.AUDIT_COMMITTEE_MEMBER]


def test_an_audit_committee_member_reads_no_plan(client, officer_login, world):
    _a, people, _d, plan = world
    officer_login(client, people[Role.AUDIT_COMMITTEE_MEMBER])
    assert client.get(_url("plan", plan)).status_code == 403
    assert client.get(_url("workforce", plan)).status_code == 403


@pytest.mark.parametrize("role", READERS)
def test_liability_rows_by_role(client, officer_login, world, role):
    _a, people, _d, plan = world
    officer_login(client, people[role])
    page = client.get(_url("workforce", plan))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="headcount">20<' in html  # the aggregates: everyone
    assert ('id="rows"' in html) == (role in HR)
    assert ('id="comparison"' in html) == (role in HR)
    assert ("2011-06-13" in html or "13 Jun 2011" in html) == (role in HR)
    assert ('id="rows-hidden"' in html) == (role not in HR)


@pytest.mark.parametrize("role", READERS)
def test_plan_milestone_and_grades_pages_by_role(client, officer_login, world, role):
    _a, people, decision, plan = world
    officer_login(client, people[role])
    assert client.get(_url("plan", plan)).status_code == 200
    milestone = plan.milestones.get(key="notice-to-incumbent")
    edit = client.get(_url("milestone", plan, mid=milestone.pk))
    assert edit.status_code == (200 if role in MANAGE else 403)
    grades = client.get(reverse("transition:grades", kwargs={"code": plan.authority.code}))
    assert grades.status_code == (200 if role in HR else 403)
    review = client.get(
        reverse("reviews:review", kwargs={"code": plan.authority.code, "pk": decision.review_id})
    )
    assert review.status_code == (403 if role == Role.UNION_REPRESENTATIVE else 200)


def test_another_authoritys_plan_is_404_and_anonymous_signs_in(client, officer_login, world):
    from insource.testing.transition import decided_in_house as other

    _a2, people2, _d2, _p2 = other(code="OTH")
    _a, _people, _d, plan = world
    assert client.get(_url("plan", plan)).status_code == 302
    officer_login(client, people2[Role.AUTHORITY_ADMIN])
    assert client.get(_url("plan", plan)).status_code == 404
    assert client.get(_url("workforce", plan)).status_code == 404


def test_the_union_representative_comments_but_records_no_meeting(client, officer_login, world):
    _a, people, _d, plan = world
    officer_login(client, people[Role.UNION_REPRESENTATIVE])
    url = _url("consultation", plan)
    meeting = client.post(url, {"kind": "meeting", "occurred_on": "2026-11-20", "text": "Met"})
    assert meeting.status_code == 400 and plan.consultation.count() == 0
    issue = {
        "kind": "issue",
        "occurred_on": "2026-11-20",
        "text": "Will the 2008 starters keep LGPS?",
    }
    assert client.post(url, issue).status_code == 302
    entry = plan.consultation.get()
    assert entry.kind == "issue" and "union" in entry.author_role.lower()
    officer_login(client, people[Role.HR_OFFICER])
    reply = {
        "kind": "response",
        "occurred_on": "2026-11-21",
        "text": "Yes: all join the LGPS",
        "responds_to": entry.pk,
    }
    assert client.post(url, reply).status_code == 302
    assert plan.consultation.get(kind="response").responds_to == entry


def test_auditor_cannot_comment(client, officer_login, world):
    _a, people, _d, plan = world
    officer_login(client, people[Role.AUDITOR])
    page = client.post(_url("consultation", plan), {"kind": "comment", "text": "x"})
    assert page.status_code == 403


def test_milestone_form_names_errors_and_keeps_input(client, officer_login, world):
    _a, people, _d, plan = world
    officer_login(client, people[Role.HR_OFFICER])
    eli = plan.milestones.get(key="employee-liability-information")
    page = client.post(
        _url("milestone", plan, mid=eli.pk),
        {"status": "done", "due_on": "2027-09-20", "evidence": "", "notes": "Chased twice"},
    )
    html = page.content.decode()
    assert page.status_code == 400
    assert "Enter the evidence that it is done" in html
    assert "at least 28 days before the transfer" in html
    assert "Chased twice" in html
    ok = client.post(
        _url("milestone", plan, mid=eli.pk),
        {"status": "done", "due_on": "2027-08-01", "evidence": "ELI file received", "notes": ""},
    )
    assert ok.status_code == 302
    eli.refresh_from_db()
    assert eli.status == "done" and str(eli.due_on) == "2027-08-01"


def test_plan_page_shows_timeline_table_and_link_from_review(client, officer_login, world):
    _a, people, decision, plan = world
    officer_login(client, people[Role.COUNCILLOR])
    html = client.get(_url("plan", plan)).content.decode()
    assert 'role="img"' in html and "<desc" in html and 'id="milestones"' in html
    assert "30 September 2027" in html and "milestone-employee-liability-information" in html
    review = client.get(
        reverse("reviews:review", kwargs={"code": plan.authority.code, "pk": decision.review_id})
    ).content.decode()
    assert _url("plan", plan) in review


def test_liability_file_errors_name_row_and_column(client, officer_login, world):
    _a, people, _d, plan = world
    officer_login(client, people[Role.HR_OFFICER])
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SAMPLE.read_text().replace("2015-03-02", "2015-13-02").replace("37,13.10", "37,abc", 1)
    upload = SimpleUploadedFile("eli.csv", bad.encode(), content_type="text/csv")
    page = client.post(_url("workforce", plan), {"file": upload})
    html = page.content.decode()
    assert page.status_code == 400
    assert "Row 3, continuous_service_start" in html and "Row 4, pay" in html
    assert plan.imports.filter(is_current=True).get().num_rows == 20  # nothing changed


def test_grade_form_errors_in_govuk_words(client, officer_login, world):
    _a, people, _d, plan = world
    officer_login(client, people[Role.HR_OFFICER])
    url = reverse("transition:grades", kwargs={"code": plan.authority.code})
    page = client.post(
        url,
        {"name": "Grade 3", "roles": "Refuse loader", "hourly_min": "13.45", "hourly_max": "abc"},
    )
    html = page.content.decode()
    assert page.status_code == 400
    assert "Enter an amount, like 12.60" in html and "govuk-error-summary" in html
    assert "Refuse loader" in html
    low = client.post(
        url, {"name": "Grade 3", "roles": "Refuse loader", "hourly_min": "14", "hourly_max": "13"}
    )
    assert "The highest pay must be at least the lowest" in low.content.decode()


def test_public_sees_the_plan_and_aggregates_once_published(client, world):
    from insource.reviews.services.decisions import decision_publish
    from insource.testing.transition import TODAY

    _a, people, decision, plan = world
    url = reverse("portal:contract", kwargs={"pk": plan.contract_id})
    assert 'id="coming-home"' not in client.get(url).content.decode()
    decision_publish(
        decision=decision,
        user=people[Role.LEGAL_OFFICER],
        redaction_note="None",
        has_confidential_annex=False,
        pack_html="<p>pack</p>",
        pack_pdf=b"%PDF",
        on=TODAY,
        by=Actor.system("t"),
        at=NOW,
    )
    html = client.get(url).content.decode()
    assert 'id="coming-home"' in html and "30 September 2027" in html
    assert "20 people (19.7 full-time equivalent)" in html
    assert "13 Jun 2011" not in html and "Depot, Enderby" not in html  # never the rows


def test_a_transfer_date_past_is_flagged_until_the_service_is_live(world):
    from datetime import timedelta

    from insource.authorities.selectors import Access
    from insource.transition.presenters import plan_page
    from insource.transition.selectors import plan_view
    from insource.transition.services.milestones import MilestoneChange, milestone_update

    authority, people, _d, plan = world
    access = Access(authority, frozenset({Role.AUTHORITY_ADMIN}))
    after = plan.transfer_on + timedelta(days=1)
    assert plan_page(access, plan_view(plan, on=after))["is_transfer_past"] is True
    go_live = plan.milestones.get(key="go-live")
    done = MilestoneChange(status="done", owner=None, evidence="Day one report", notes="")
    actor = Actor.for_user(people[Role.AUTHORITY_ADMIN])
    milestone_update(milestone=go_live, change=done, on=plan.transfer_on, by=actor, at=NOW)
    assert plan_page(access, plan_view(plan, on=after))["is_transfer_past"] is False
