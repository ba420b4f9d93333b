"""The demo's service brought home: a passenger transport contract of an adopting council,
decided in house (at risk), appraised, gone live through its transition plan on the transfer
date, with KPIs before and after and a first service year, every made-up figure illustrative;
published after; idempotent."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from insource.core.audit import Actor
from insource.inhouse.models import InhouseService, Kpi, KpiRating
from insource.testing.factories import ContractFactory, SupplierFactory
from insource.testing.workflow import council
from insource.transition.models import TransitionPlan

pytestmark = pytest.mark.django_db
ON = date(2026, 12, 7)
AT = datetime(2026, 12, 7, 9, tzinfo=UTC)


def test_the_demo_brings_one_service_home_and_labels_its_figures():
    from insource.demo.brought_home import demo_brought_home, demo_brought_home_publish
    from insource.demo.services import demo_people
    from insource.reviews.models import Publication

    authority = council(code="DMO", name="Demo County Council")
    ContractFactory(
        buyer=authority,
        buyer_name="Demo County Council Passenger Transport",
        title="",
        main_cpv="",
        value_amount=Decimal("385862.40"),
        start_on=date(2022, 4, 25),
        end_on=date(2026, 4, 26),
        max_end_on=date(2026, 4, 26),
        suppliers=[SupplierFactory(name="BorderBus Ltd")],
    )
    demo_people(by=Actor.system("tests"), at=AT)
    pk = demo_brought_home(on=ON, at=AT)
    service = InhouseService.objects.get(pk=pk)
    assert service.started_on == date(2026, 4, 26) and service.decision.decided_on == date(
        2026, 4, 8
    )
    assert service.decision.outcome == "INSOURCE_AT_RISK_GUIDANCE"
    assert service.forecast["years"][0]["year"] == 1  # from the appraisal run
    assert "BorderBus Ltd" in service.name
    assert Kpi.objects.filter(service=service).count() == 5
    ratings = KpiRating.objects.filter(kpi__service=service)
    assert ratings.filter(delivered_by="contractor").exists()
    assert ratings.filter(delivered_by="inhouse").exists()
    assert not ratings.filter(is_illustrative=False).exists()
    assert service.years.get().is_illustrative
    assert service.decision.review.transition_plan.milestones.exclude(status="done").count() == 0
    demo_brought_home_publish(pk)
    assert Publication.objects.filter(decision=service.decision).exists()
    assert TransitionPlan.objects.get(decision=service.decision).is_illustrative
    assert demo_brought_home(on=ON, at=AT) is None  # idempotent
