"""The monitoring calendar, by date: what falls due when, and what is overdue or breached."""

from __future__ import annotations

from datetime import date

import pytest

from insource.policy.params import Parameters
from insource.standards.monitoring.calendar import (
    CAPACITY,
    Monitored,
    PayrollSeen,
    calendar,
    term_limit,
)

DECIDED = date(2026, 6, 1)
FACTS = {
    "proposed_terms": {"max_term_months": 30},
    "good_reasons": {"capacity": {"re_review_on": "2028-09-30"}},
}


def monitored(**kwargs) -> Monitored:
    fields = {
        "decided_on": DECIDED,
        "grounds": ["OUTSOURCE_PUBLIC_INTEREST_TEST_MET"],
        "facts": {"proposed_terms": {"max_term_months": 48}},
        "contract_end_on": date(2027, 3, 31),
        "is_london": False,
    }
    return Monitored(**(fields | kwargs))


def by_key(items) -> dict:
    return {i.key: i for i in items}


def test_the_first_gender_pay_audit_falls_a_year_after_the_decision():
    items = by_key(calendar(monitored(), on=date(2027, 5, 2)))  # 30 days before
    audit = items["gender-pay-audit"]
    assert (audit.due_on, audit.status, audit.standard) == (date(2027, 6, 1), "due-soon", "MS4")
    assert by_key(calendar(monitored(), on=date(2027, 6, 1)))["gender-pay-audit"].status == (
        "due-soon"
    )
    late = by_key(calendar(monitored(), on=date(2027, 6, 2)))["gender-pay-audit"]
    assert late.status == "overdue" and late.is_alert


def test_a_payroll_return_moves_the_audit_on_a_year_from_its_pay_date():
    m = monitored(payroll=[PayrollSeen(date(2027, 4, 30), 0, 7)])
    audit = by_key(calendar(m, on=date(2027, 7, 1)))["gender-pay-audit"]
    assert (audit.due_on, audit.status) == (date(2028, 4, 30), "upcoming")
    # a return dated after the day being looked at is not yet known
    early = by_key(calendar(m, on=date(2027, 4, 1)))["gender-pay-audit"]
    assert early.due_on == date(2027, 6, 1)


def test_kpi_assessment_every_twelve_months_from_the_last():
    m = monitored(kpi_assessed_on=[date(2026, 12, 15)])
    kpi = by_key(calendar(m, on=date(2027, 12, 16)))["kpi-assessment"]
    assert (kpi.due_on, kpi.status, kpi.standard) == (date(2027, 12, 15), "overdue", "MS9")


def test_wage_uplift_after_an_announcement_is_due_by_its_required_from_date():
    # decided 2025-06-01: the 2025-10-22 announcement (£13.45 UK) must be paid by 2026-05-01
    m = monitored(decided_on=date(2025, 6, 1))
    before = calendar(m, on=date(2025, 10, 1))
    assert not [i for i in before if i.key.startswith("wage-uplift")]  # not yet announced
    items = by_key(calendar(m, on=date(2026, 5, 2)))
    uplift = items["wage-uplift-uk-2026-05-01"]
    assert (uplift.due_on, uplift.status, uplift.standard) == (date(2026, 5, 1), "overdue", "MS1")
    assert "£13.45" in uplift.label


def test_a_return_after_the_uplift_date_with_nobody_short_clears_it_and_one_short_breaches():
    paid = monitored(decided_on=date(2025, 6, 1), payroll=[PayrollSeen(date(2026, 5, 31), 0, 3)])
    done = by_key(calendar(paid, on=date(2026, 7, 1)))["wage-uplift-uk-2026-05-01"]
    assert (done.status, done.done_on, done.evidence) == (
        "done",
        date(2026, 5, 31),
        {"payroll_return": 3},
    )
    short = monitored(decided_on=date(2025, 6, 1), payroll=[PayrollSeen(date(2026, 5, 31), 4, 9)])
    breach = by_key(calendar(short, on=date(2026, 7, 1)))["wage-uplift-uk-2026-05-01"]
    assert breach.status == "breach" and breach.is_alert
    assert "4 workers below the rate" in breach.detail


def test_london_work_follows_the_london_rate():
    m = monitored(decided_on=date(2025, 6, 1), is_london=True)
    keys = [i.key for i in calendar(m, on=date(2026, 1, 1))]
    assert "wage-uplift-london-2026-05-01" in keys and "wage-uplift-uk-2026-05-01" not in keys
    uplift = by_key(calendar(m, on=date(2026, 1, 1)))["wage-uplift-london-2026-05-01"]
    assert "£14.80" in uplift.label


def test_an_announcement_already_required_at_the_decision_is_not_an_uplift():
    keys = [i.key for i in calendar(monitored(), on=date(2026, 11, 1))]
    assert not [k for k in keys if k.startswith("wage-uplift")]


def test_capacity_ground_brings_progress_reports_and_the_re_review():
    m = monitored(grounds=[CAPACITY], facts=FACTS, capacity_reported_on=[date(2027, 5, 20)])
    items = by_key(calendar(m, on=date(2028, 6, 5)))
    assert items["capacity-progress-1"].due_on == date(2027, 6, 1)
    assert items["capacity-progress-1"].status == "done"
    assert (items["capacity-progress-2"].due_on, items["capacity-progress-2"].status) == (
        date(2028, 6, 1),
        "overdue",
    )
    assert items["capacity-re-review"].due_on == date(2028, 9, 30)
    assert "capacity-progress-3" not in items  # 2029-06-01 is after the re-review


def test_term_limit_from_the_day_after_the_current_contract_ends():
    params = Parameters()
    end, months = term_limit(monitored(), date(2026, 7, 1), params)
    assert (end, months) == (date(2031, 3, 31), 48)
    # a proposed term over the cap is held to it; capacity caps at 36 months
    capped = monitored(facts={"proposed_terms": {"max_term_months": 84}})
    assert term_limit(capped, date(2026, 7, 1), params)[1] == 60
    capacity = monitored(grounds=[CAPACITY], facts={"proposed_terms": {"max_term_months": 48}})
    assert term_limit(capacity, date(2026, 7, 1), params) == (date(2030, 3, 31), 36)


def test_the_next_review_opens_eighteen_months_before_the_term_limit():
    items = by_key(calendar(monitored(), on=date(2029, 10, 1)))
    opens = items["next-review-opens"]
    assert (opens.due_on, opens.status) == (date(2029, 9, 30), "overdue")
    opened = monitored(next_review_opened_on=date(2029, 9, 1))
    assert by_key(calendar(opened, on=date(2029, 10, 1)))["next-review-opens"].status == "done"


@pytest.mark.parametrize(
    ("on", "status"),
    [
        (date(2027, 4, 30), "upcoming"),
        (date(2027, 5, 2), "due-soon"),
        (date(2027, 6, 2), "overdue"),
    ],
)
def test_status_by_date(on, status):
    assert by_key(calendar(monitored(), on=on))["gender-pay-audit"].status == status


def test_items_are_listed_soonest_first():
    dues = [i.due_on for i in calendar(monitored(grounds=[CAPACITY], facts=FACTS), on=DECIDED)]
    assert dues == sorted(dues)
