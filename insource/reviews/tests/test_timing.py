"""Decision points and lateness (POLICY.md §1): pure functions, hand-worked dates."""

from datetime import date

import pytest

from insource.reviews.workflow.timing import decision_point, lateness, opens_from

ON = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("end_on", "max_end_on", "terminated", "expected"),
    [
        (date(2027, 3, 31), date(2027, 3, 31), False, (date(2027, 3, 31), "expiry")),
        (date(2027, 3, 31), date(2029, 3, 31), False, (date(2027, 3, 31), "extension-option")),
        (date(2026, 3, 31), date(2029, 3, 31), False, (date(2029, 3, 31), "expiry")),
        (None, date(2028, 1, 1), False, (date(2028, 1, 1), "expiry")),
        (date(2028, 1, 1), None, False, (date(2028, 1, 1), "expiry")),
        (date(2025, 1, 1), date(2025, 6, 1), False, (date(2025, 6, 1), "expiry")),
        (date(2030, 1, 1), date(2030, 1, 1), True, (ON, "termination")),
        (date(2026, 10, 1), None, True, (date(2026, 10, 1), "termination")),
    ],
)
def test_next_decision_point(end_on, max_end_on, terminated, expected):
    point = decision_point(end_on=end_on, max_end_on=max_end_on, is_terminated=terminated, on=ON)
    assert (point.on, point.trigger) == expected


def test_no_end_date_has_no_decision_point():
    assert decision_point(end_on=None, max_end_on=None, is_terminated=False, on=ON) is None


def test_lead_time_is_eighteen_months():
    assert opens_from(date(2028, 5, 23), ON) == ON
    assert opens_from(date(2028, 5, 24), ON) > ON


@pytest.mark.parametrize(
    ("point_on", "signed", "expected"),
    [
        (date(2028, 1, 1), False, None),
        (date(2027, 11, 24), False, None),
        (date(2027, 11, 23), False, "at-risk"),
        (date(2026, 11, 24), False, "at-risk"),
        (date(2026, 11, 23), False, "late"),
        (date(2026, 1, 1), False, "late"),
        (date(2026, 1, 1), True, None),
    ],
)
def test_lateness(point_on, signed, expected):
    assert lateness(point_on=point_on, is_signed=signed, on=ON) == expected
