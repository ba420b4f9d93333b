"""The KPI rating: every band in both directions, the boundaries, a zero target, and the
thresholds' citation (pure: no database)."""

from datetime import date
from decimal import Decimal as D

import pytest

from insource.inhouse.ratings import Bands, Rating, bands_on, rate, shortfall_pct

BANDS = Bands(D(5), D(15), "t", "h")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", Rating.GOOD),  # beats the target
        ("100", Rating.GOOD),  # meets it exactly
        ("99.99", Rating.APPROACHING_TARGET),
        ("95", Rating.APPROACHING_TARGET),  # 5% short: the boundary is approaching
        ("94.99", Rating.REQUIRES_IMPROVEMENT),
        ("85", Rating.REQUIRES_IMPROVEMENT),  # 15% short: the boundary is requires improvement
        ("84.99", Rating.INADEQUATE),
        ("0", Rating.INADEQUATE),
    ],
)
def test_higher_is_better(value, expected):
    assert rate(D(value), D(100), "higher", BANDS) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0", Rating.GOOD),
        ("40", Rating.GOOD),
        ("42", Rating.APPROACHING_TARGET),  # 5% over a target of 40
        ("42.01", Rating.REQUIRES_IMPROVEMENT),
        ("46", Rating.REQUIRES_IMPROVEMENT),  # 15% over
        ("46.01", Rating.INADEQUATE),
        ("400", Rating.INADEQUATE),
    ],
)
def test_lower_is_better(value, expected):
    assert rate(D(value), D(40), "lower", BANDS) == expected


def test_a_zero_target_met_is_good_and_missed_is_left_to_the_officer():
    assert rate(D(0), D(0), "lower", BANDS) == Rating.GOOD
    assert rate(D(1), D(0), "lower", BANDS) == Rating.REQUIRES_IMPROVEMENT
    assert shortfall_pct(D(1), D(0), "lower") is None
    assert rate(D(3), D(0), "higher", BANDS) == Rating.GOOD


def test_a_negative_target_is_measured_against_its_size():
    # e.g. a change in tonnes to landfill with a target of -10: -9.6 is 4% short
    assert rate(D("-9.6"), D(-10), "lower", BANDS) == Rating.APPROACHING_TARGET


def test_the_shipped_thresholds_are_cited_design_parameters():
    bands = bands_on(date(2026, 11, 23))
    assert (bands.approaching_pct, bands.improvement_pct) == (D(5), D(15))
    assert "reg. 39(5)" in bands.citation and bands.href.startswith("https://www.legislation")
    assert bands_on(date(2020, 1, 1)) == bands  # before the first date: the first entry
