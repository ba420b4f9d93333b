"""Go-live from a signed in-house decision (idempotent, KPIs carried over, audited), a KPI's
ratings (derived, recorded with a reason, refused by field), a service year's outturn against
the forecast band and the contract's price, staff figures against the fair wage, and MS9
reading the contract's KPI ratings."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from insource.core.models import AuditEvent
from insource.inhouse import measures
from insource.inhouse.models import InhouseService, KpiRating
from insource.inhouse.services import (
    RatingInput,
    YearInput,
    inhouse_service_go_live,
    kpi_rating_record,
    service_year_record,
)
from insource.testing.inhouse import (
    LATER,
    NOW,
    SYSTEM,
    TODAY,
    decided_inhouse,
    kpi,
    live_service,
    rating,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    return decided_inhouse()


def test_go_live_makes_the_service_once_and_carries_the_contracts_kpis(setting):
    authority, _, contract, decision = setting
    before = kpi(authority, contract=contract)
    rating(before, date(2026, 4, 1), "91")
    service = live_service(decision)
    again = live_service(decision, started_on=date(2027, 1, 20))
    assert again == service and InhouseService.objects.count() == 1
    assert service.started_on == date(2026, 12, 1)
    before.refresh_from_db()
    assert before.service == service and before.contract == contract
    assert before.ratings.get().delivered_by == KpiRating.DeliveredBy.CONTRACTOR
    after = rating(before, date(2026, 12, 1), "97")
    assert after.delivered_by == KpiRating.DeliveredBy.INHOUSE
    event = AuditEvent.objects.get(action="inhouse.go_live")
    assert event.after["kpis_carried"] == 1
    # £12m over 1 April 2020 to 30 September 2027: about £1.6m a year
    assert D("1590000") < service.contract_price_per_year_gbp < D("1610000")


def test_marking_the_plans_go_live_done_starts_the_service(setting):
    from insource.transition.models import TransitionPlan
    from insource.transition.services.milestones import MilestoneChange, milestone_update

    _, _, contract, decision = setting
    plan = TransitionPlan.objects.get(review=decision.review)
    go_live = plan.milestones.get(key="go-live")
    change = MilestoneChange(status="done", owner=None, evidence="Day one report", notes="")
    # marked done five days after the transfer date (30 September 2027): live since the transfer
    milestone_update(milestone=go_live, change=change, on=date(2027, 10, 5), by=SYSTEM, at=NOW)
    service = InhouseService.objects.get(contract=contract)
    assert (service.decision, service.started_on, service.route) == (
        decision,
        plan.transfer_on,
        "in-house",
    )
    assert plan.transfer_on == date(2027, 9, 30)
    again = inhouse_service_go_live(plan=plan, started_on=date(2027, 10, 5), by=SYSTEM, at=NOW)
    assert again == service and again.started_on == date(2027, 9, 30)


def test_go_live_refuses_a_date_before_the_decision(setting):
    _, _, _, decision = setting
    with pytest.raises(ValidationError) as error:
        live_service(decision, started_on=date(2020, 1, 1))
    assert "started_on" in error.value.message_dict


def test_an_officer_may_record_another_rating_only_with_a_reason(setting):
    authority, people, contract, decision = setting
    k = kpi(authority, contract=contract)
    with pytest.raises(ValidationError) as error:
        rating(k, date(2026, 4, 1), "80", rating="approaching_target")
    assert "Give the reason for a rating other than Inadequate" in str(error.value)
    r = rating(k, date(2026, 4, 1), "80", rating="approaching_target", reason="Snow week")
    assert (r.derived_rating, r.rating, r.reason) == (
        "inadequate",
        "approaching_target",
        "Snow week",
    )
    replaced = rating(k, date(2026, 4, 1), "96")  # same period: replaced, audited with before
    assert replaced.pk == r.pk and replaced.rating == "good" and replaced.reason == ""
    events = AuditEvent.objects.filter(action="inhouse.kpi_rating").order_by("id")
    assert D(events.last().before["value"]) == 80 and events.first().before is None


def test_a_rating_is_refused_field_by_field(setting):
    authority, _, contract, _ = setting
    k = kpi(authority, contract=contract)
    entry = RatingInput(period_start=date(2028, 2, 1), value=None, evidence=" ", rating="other")
    with pytest.raises(ValidationError) as error:
        kpi_rating_record(kpi=k, entry=entry, user=None, by=SYSTEM, at=NOW, on=LATER)
    assert set(error.value.message_dict) == {"period_start", "value", "evidence", "reason"}


def test_a_measure_added_after_go_live_takes_a_baseline_under_the_contract(setting):
    authority, _, _, decision = setting
    service = live_service(decision)
    own = kpi(authority, service=service, name="Residents satisfied", kind="social_outcome")
    assert own.contract == decision.contract  # a service's KPI is its contract's too
    baseline = rating(own, date(2026, 9, 1), "50")
    assert baseline.delivered_by == KpiRating.DeliveredBy.CONTRACTOR


def _year(service, number=1, outturn="1500000", **staff):
    entry = YearInput(number=number, outturn_gbp=D(outturn), evidence="Outturn report", **staff)
    return service_year_record(service=service, entry=entry, user=None, by=SYSTEM, at=NOW, on=LATER)


def test_a_year_is_compared_with_the_forecast_band_and_the_contract_price(setting):
    _, _, _, decision = setting
    service = live_service(decision, started_on=date(2026, 12, 1))
    service.forecast = {
        "years": [{"year": 1, "p10": "1400000", "p50": "1480000", "p90": "1600000"}]
    }
    service.save()
    year = _year(service)
    assert (year.starts_on, year.ends_on) == (date(2026, 12, 1), date(2027, 11, 30))
    assert year.forecast_p50_gbp == D("1480000") and year.contract_price_gbp is not None
    assert (
        measures.band_position(year.outturn_gbp, year.forecast_p10_gbp, year.forecast_p90_gbp)
        == "within"
    )
    assert measures.band_position(D("1700000"), D("1400000"), D("1600000")) == "above"
    assert measures.band_position(D("1399999"), D("1400000"), D("1600000")) == "below"
    assert measures.band_position(D("1"), None, None) is None


def test_a_year_that_has_not_started_is_refused(setting):
    _, _, _, decision = setting
    service = live_service(decision)
    with pytest.raises(ValidationError) as error:
        _year(service, number=3)
    assert error.value.message_dict["number"] == ["That service year has not started yet"]


def test_staff_figures_must_agree_with_the_fair_wage_in_force(setting):
    _, _, _, decision = setting
    service = live_service(decision, started_on=date(2026, 12, 1))
    staff = {"headcount": 90, "num_living_locally": 70, "pay_uplift_pct": D("6.5")}
    with pytest.raises(ValidationError) as error:  # RLW £13.45 from 1 May 2026
        _year(service, lowest_hourly_pay_gbp=D("13.00"), num_below_fair_wage=0, **staff)
    assert "fair wage of £13.45" in str(error.value)
    with pytest.raises(ValidationError) as error:
        _year(service, lowest_hourly_pay_gbp=D("13.45"), num_below_fair_wage=2, **staff)
    assert "No one is paid below" in str(error.value)
    with pytest.raises(ValidationError) as error:
        _year(service, headcount=10, num_living_locally=11)
    assert set(error.value.message_dict) >= {"num_below_fair_wage", "num_living_locally"}
    year = _year(service, lowest_hourly_pay_gbp=D("13.45"), num_below_fair_wage=0, **staff)
    assert (year.fair_wage_gbp, year.fair_wage_basis) == (D("13.45"), "Real Living Wage (UK)")


def test_ms9_reads_the_contracts_kpi_ratings():
    from insource.standards.monitoring.selectors import contract_monitoring
    from insource.testing.monitoring import continuing

    authority, _, contract, decision = continuing()
    kpis = [kpi(authority, contract=contract, name=f"KPI {n}") for n in range(3)]
    for k in kpis:
        rating(k, date(2026, 11, 1), "96", on=TODAY)
    m = contract_monitoring(authority=authority, contract=contract, on=date(2027, 2, 15))
    ms9 = next(r for r in m.rows if r.id == "MS9")
    assert ms9.status == "met" and "3 KPIs assessed, 3 met" in ms9.evidence[0].reason
    item = next(i for i in m.items if i.key == "kpi-assessment")
    assert "last assessed 31 January 2027" in item.detail and item.due_on == date(2028, 1, 31)
