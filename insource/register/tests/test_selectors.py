"""Register selectors: the pipeline window and order, planned procurements, summary counts."""

from __future__ import annotations

from datetime import date

import pytest

from insource.register.selectors import contracts as contract_selectors
from insource.register.selectors import pipeline as selectors
from insource.register.timeline import nice_step, timeline_svg
from insource.testing.factories import (
    AuthorityFactory,
    ContractFactory,
    PlannedProcurementFactory,
    empty_register,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _only_this_tests_rows(db):
    """The test sees only the rows it makes, whatever register the session loaded."""
    empty_register()


ON = date(2026, 1, 31)


def titles(queryset) -> list[str]:
    return [item.title for item in queryset]


@pytest.mark.parametrize(
    ("on", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 11, 15), 18, date(2028, 5, 15)),
        (date(2026, 12, 1), 0, date(2026, 12, 1)),
    ],
)
def test_add_months_clamps_to_month_end(on, months, expected):
    assert selectors.add_months(on, months) == expected


def test_contracts_expiring_uses_the_decision_point_and_window_edges():
    ContractFactory(title="On the day", end_on=ON)
    ContractFactory(title="Last day", end_on=date(2027, 7, 31))
    ContractFactory(title="Day after window", end_on=date(2027, 8, 1))
    ContractFactory(title="Yesterday", end_on=date(2026, 1, 30))
    ContractFactory(
        title="Extended past window", end_on=date(2026, 3, 1), max_end_on=date(2029, 1, 1)
    )
    ContractFactory(
        title="Extended into window", end_on=date(2025, 3, 1), max_end_on=date(2026, 5, 1)
    )
    ContractFactory(title="No dates", end_on=None)
    ContractFactory(title="Terminated", end_on=date(2026, 6, 1), is_terminated=True)
    expiring = selectors.contracts_expiring(on=ON, within_months=18)
    assert titles(expiring) == ["On the day", "Extended into window", "Last day"]
    assert [c.decision_on for c in expiring][1] == date(2026, 5, 1)


def test_contracts_expiring_by_reviewing_authority():
    camden = AuthorityFactory()
    ContractFactory(title="Camden", reviewing_authority=camden, end_on=date(2026, 6, 1))
    ContractFactory(title="Other", end_on=date(2026, 6, 1))
    expiring = selectors.contracts_expiring(on=ON, within_months=12, authority=camden)
    assert titles(expiring) == ["Camden"]


def test_planned_procurements_in_window_including_predecessor_buyers():
    old = AuthorityFactory()
    new = AuthorityFactory()
    old.successors.add(new)
    PlannedProcurementFactory(title="By start", buyer=new, start_on=date(2026, 4, 1))
    PlannedProcurementFactory(
        title="By tender close", buyer=old, start_on=None, tender_ends_on=date(2026, 3, 1)
    )
    PlannedProcurementFactory(title="Too late", buyer=new, start_on=date(2030, 1, 1))
    PlannedProcurementFactory(title="Elsewhere", start_on=date(2026, 4, 1))
    planned = selectors.planned_procurements(on=ON, within_months=12, authority=new)
    assert titles(planned) == ["By tender close", "By start"]


def test_pipeline_counts_by_month():
    ContractFactory(end_on=date(2026, 2, 3))
    ContractFactory(end_on=date(2026, 2, 27))
    ContractFactory(end_on=date(2026, 4, 1))
    PlannedProcurementFactory(start_on=date(2026, 2, 10))
    result = selectors.pipeline(on=ON, within_months=6)
    assert result.until == date(2026, 7, 31)
    assert [m.month for m in result.months][:3] == [
        date(2026, 1, 1),
        date(2026, 2, 1),
        date(2026, 3, 1),
    ]
    assert len(result.months) == 7
    counts = {m.month: (m.contracts, m.planned) for m in result.months}
    assert counts[date(2026, 2, 1)] == (2, 1)
    assert counts[date(2026, 4, 1)] == (1, 0)
    assert counts[date(2026, 3, 1)] == (0, 0)


def test_register_summary_counts_and_needs_on_for_ending_soon():
    authority = AuthorityFactory()
    ContractFactory(reviewing_authority=authority, buyer=authority, end_on=date(2026, 6, 1))
    ContractFactory(reviewing_authority=authority, buyer=authority, end_on=date(2035, 6, 1))
    PlannedProcurementFactory()
    AuthorityFactory()  # no contracts
    summary = selectors.register_summary(on=ON)
    assert summary["num_contracts"] == 2
    assert summary["num_authorities"] == 1
    assert summary["num_ending"] == 1
    assert summary["num_planned"] == 1
    assert selectors.register_summary()["num_ending"] is None


def test_contract_list_selector_costs_two_queries_for_a_page(django_assert_num_queries):
    ContractFactory.create_batch(30)
    with django_assert_num_queries(1):
        rows = list(contract_selectors.contract_list()[:50])
    with django_assert_num_queries(0):
        [(r.title, r.reviewing_authority.display_name) for r in rows]


@pytest.mark.parametrize(("largest", "step"), [(0, 1), (3, 1), (9, 5), (40, 10), (130, 50)])
def test_nice_step(largest, step):
    assert nice_step(largest) == step


def test_timeline_svg_is_accessible_and_escapes_text():
    result = selectors.MonthCount(date(2026, 1, 1), contracts=3, planned=2)
    svg = timeline_svg(
        [result, selectors.MonthCount(date(2026, 2, 1))],
        title="Bins & <cleaning>",
        description="Two months",
    )
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert 'role="img"' in svg and 'aria-label="Bins &amp; &lt;cleaning&gt;"' in svg
    assert "<title" in svg and "<desc" in svg
    assert "style=" not in svg
    assert svg.count("<rect") == 2
    assert ">5</text>" in svg
