"""The authority's milestone template per service type: a new version from the page (titles,
lead days, a milestone removed, one added), refused with the reason when the liability
information would fall inside 28 days, used by the next plan and not by plans already made."""

from __future__ import annotations

import pytest
from django.urls import reverse

from insource.authorities.models import Role
from insource.core.models import AuditEvent
from insource.testing.transition import decided_in_house
from insource.transition import schedule


def _post(items, **extra):
    data = {"reason": "Our refuse timetable", **extra}
    for i in items:
        data[f"title_{i['key']}"] = i["title"]
        data[f"days_{i['key']}"] = str(i["lead_days"])
    return data


@pytest.mark.django_db
def test_template_versions_from_the_page(client, officer_login):
    authority, people, _d, plan = decided_in_house()
    url = reverse(
        "transition:template-edit", kwargs={"code": authority.code, "service_type": "refuse"}
    )
    officer_login(client, people[Role.COUNCILLOR])
    assert client.get(url).status_code == 403
    officer_login(client, people[Role.CONTRACT_MANAGER])
    items = schedule.template_default(service_type="refuse", nation="England", on=plan.transfer_on)
    short = [i | ({"lead_days": 21} if i["key"] == schedule.ELI else {}) for i in items]
    refused = client.post(url, _post(short))
    assert refused.status_code == 400 and "at least 28 days" in refused.content.decode()
    assert 'value="21"' in refused.content.decode()
    data = _post(
        items,
        **{"remove_recruitment": "on", "new_title": "Depot lease signed", "new_lead_days": "200"},
    )
    data["days_notice-to-incumbent"] = "300"
    assert client.post(url, data).status_code == 302
    event = AuditEvent.objects.get(action="transition.template_save", authority=authority)
    assert event.after["number"] == 1
    page = client.get(reverse("transition:templates", kwargs={"code": authority.code}))
    assert "Version 1" in page.content.decode()
    # Plans made before keep their milestones.
    assert plan.milestones.filter(key="recruitment").exists()
    from insource.transition.services.plans import template_in_force

    template = template_in_force(authority, "refuse")
    keys = [i["key"] for i in template.items]
    assert "recruitment" not in keys and "depot-lease-signed" in keys
    assert next(i for i in template.items if i["key"] == "notice-to-incumbent")["lead_days"] == 300


@pytest.mark.django_db
def test_the_next_plan_uses_the_template():
    from datetime import timedelta

    from insource.core.audit import Actor
    from insource.testing.workflow import NOW, TODAY, decided_review, refuse_contract
    from insource.transition.selectors import transition_plan_for_review
    from insource.transition.services.milestones import milestone_template_save

    authority, people, _d, _plan = decided_in_house()
    items = schedule.template_default(service_type="refuse", nation="England", on=TODAY)
    items = [i | {"lead_days": 300} if i["key"] == "notice-to-incumbent" else i for i in items]
    milestone_template_save(
        authority=authority,
        service_type="refuse",
        items=items,
        reason="Longer notice",
        on=TODAY,
        by=Actor.system("t"),
        at=NOW,
    )
    decision = decided_review(authority, people, refuse_contract(authority, title="Lot 2"))
    plan = transition_plan_for_review(decision.review)
    notice = plan.milestones.get(key="notice-to-incumbent")
    assert notice.due_on == plan.transfer_on - timedelta(days=300)
    assert plan.template_version.number == 1
