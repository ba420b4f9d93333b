"""The demo's service coming home, on the real register: a real refuse contract decided in
house through the services, its plan part-way (some milestones done, one late), the sample
liability file imported, grades and consultation entered, all marked illustrative."""

from __future__ import annotations

import pytest

from conftest import TEST_NOW, TEST_TODAY


@pytest.mark.django_db
def test_demo_plan_in_progress(real_register, client, officer_login):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from insource.core.audit import Actor
    from insource.demo.services import demo_people
    from insource.demo.transition import demo_transition
    from insource.reviews.services.opening import reviews_open_due
    from insource.transition.models import TransitionPlan
    from insource.transition.selectors import plan_view

    system = Actor.system("tests")
    demo_people(by=system, at=TEST_NOW)
    reviews_open_due(on=TEST_TODAY, by=system, at=TEST_NOW)
    pk = demo_transition(on=TEST_TODAY, at=TEST_NOW)
    assert pk is not None
    assert demo_transition(on=TEST_TODAY, at=TEST_NOW) is None  # idempotent
    plan = TransitionPlan.objects.get(pk=pk)
    view = plan_view(plan, on=TEST_TODAY)
    assert plan.is_illustrative
    assert len(view.late) == 1
    assert sum(r.status == "done" for r in view.rows) >= 2
    assert plan.imports.get(is_current=True).num_rows == 7
    assert plan.consultation.count() == 3
    hr = get_user_model().objects.get(username="hr")
    officer_login(client, hr)
    kwargs = {"code": plan.authority.code, "pk": plan.pk}
    for name in ("workforce", "consultation"):
        html = client.get(reverse(f"transition:{name}", kwargs=kwargs)).content.decode()
        assert 'id="illustrative"' in html
