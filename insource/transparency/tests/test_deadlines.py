"""The statutory clock (deadlines.py) and `insource requests due`, against worked cases.

Every expected date below was counted by hand from the rules (ADR 0009), not from the code: the
day after receipt is the first day counted; weekends and the regime's bank holidays are skipped.
"""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, date, datetime, timedelta, timezone
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from insource.transparency.deadlines import (
    REGIMES,
    add_working_days,
    due_on,
    govuk_bank_holidays,
    is_scottish,
    is_working_day,
    limits,
    received_on_of,
    statutory_holidays,
    working_days_late,
)

D = date.fromisoformat
SHARED_FILE = Path(__file__).parents[4] / "shared/data/uk-bank-holidays/bank-holidays.json"
# The one known difference between the sources (2012-2028): a Privy Council proclamation of
# February 2026 that gov.uk's file predates. The union rule makes it a holiday (ADR 0009).
ONLY_IN_HOLIDAYS_PACKAGE = {D("2026-06-15")}

WORKED_CASES = [
    # (regime, received_on, due); the comment above each case is its count, by hand.
    # Mon 1 Sep 2025, no holidays near: Tue 2-Fri 5 = 1-4, 8-26 = 5-19, Mon 29 = 20
    ("foia", "2025-09-01", "2025-09-29"),
    # Fri: Mon 8-Fri 12 = 1-5 ... Mon 29 Sep-Fri 3 Oct = 16-20
    ("foia", "2025-09-05", "2025-10-03"),
    # Sat: Sun 7 is not a working day, Mon 8 is day 1
    ("foia", "2025-09-06", "2025-10-03"),
    # Sun: as Saturday
    ("foia", "2025-09-07", "2025-10-03"),
    # Mon: Tue 9 = 1 ... Fri 3 Oct = 19, Mon 6 = 20
    ("foia", "2025-09-08", "2025-10-06"),
    # Easter: Thu 2 = 1; Good Friday 3 and Easter Monday 6 skipped; Tue 7-Fri 10 = 2-5, 13-17 =
    # 6-10, 20-24 = 11-15, Mon 27-Thu 30 = 16-19, Fri 1 May = 20
    ("foia", "2026-04-01", "2026-05-01"),
    # Easter Monday is no bank holiday in Scotland: Thu 2 = 1, Mon 6 = 2, Fri 10 = 6 ... Fri 24 =
    # 16, Thu 30 = 20
    ("foisa", "2026-04-01", "2026-04-30"),
    # EISR: FOISA's working day (EISR reg 2(1))
    ("eisr", "2026-04-01", "2026-04-30"),
    # Fri: Mon 3 Aug (Scotland) and Mon 31 Aug (England, Wales, NI) both skipped: Tue 4-Fri 7 = 1-4
    # ... Fri 28 = 19, Tue 1 Sep = 20
    ("foia", "2026-07-31", "2026-09-01"),
    # EIR: FOIA's working day (reg 2(1))
    ("eir", "2026-07-31", "2026-09-01"),
    # Scotland skips Mon 3 Aug only: Fri 28 = 19, Mon 31 = 20
    ("foisa", "2026-07-31", "2026-08-31"),
    # St Andrew's Day Mon 30 Nov (Scotland) skipped under FOIA: Fri 27 = 19, Tue 1 Dec = 20
    ("foia", "2026-11-02", "2026-12-01"),
    # and under FOISA
    ("foisa", "2026-11-02", "2026-12-01"),
    # St Patrick's Day Tue 17 Mar (NI) skipped: Mon 16 = 10, Wed 18 = 11, Fri 27 = 18, Mon 30 = 19,
    # Tue 31 = 20
    ("foia", "2026-03-02", "2026-03-31"),
    # Scotland works on 17 Mar: Mon 30 = 20
    ("foisa", "2026-03-02", "2026-03-30"),
    # 12 July Mon 2027 (NI) skipped: Tue 29 Jun-Fri 2 Jul = 1-4, 5-9 = 5-9, Tue 13-Fri 16 = 10-13,
    # 19-23 = 14-18, Mon 26 = 19, Tue 27 = 20
    ("foia", "2027-06-28", "2027-07-27"),
    # Scotland works on 12 July: Mon 12 = 10, Mon 26 = 20
    ("foisa", "2027-06-28", "2027-07-26"),
    # Christmas: Tue 16-Fri 19 = 1-4, Mon 22-Wed 24 = 5-7 (Christmas Eve is a working day), Thu 25
    # and Fri 26 skipped, Mon 29-Wed 31 = 8-10, Thu 1 Jan and Fri 2 Jan (Scotland) skipped, 5-9 =
    # 11-15, Fri 16 = 20
    ("foia", "2025-12-15", "2026-01-16"),
    # Scotland: the same days off
    ("foisa", "2025-12-15", "2026-01-16"),
    # Christmas Sat and Boxing Day Sun 2027: substitutes Mon 27, Tue 28 Dec; New Year Sat 1 Jan
    # 2028: Mon 3 (everywhere), and Scotland's 2 Jan (Sun) gives Tue 4. Thu 16, Fri 17 = 1-2, 20-24
    # = 3-7, Wed 29-Fri 31 = 8-10, Wed 5-Fri 7 = 11-13, 10-14 = 14-18, Mon 17 = 19, Tue 18 = 20
    ("foia", "2027-12-15", "2028-01-18"),
    # Scotland has the same four substitute days
    ("foisa", "2027-12-15", "2028-01-18"),
    # Leap year: Mon 28 Feb = 10, Tue 29 Feb = 11, Wed 1 Mar = 12, Fri 3 = 14, 6-10 = 15-19, Mon 13
    # = 20
    ("foia", "2028-02-14", "2028-03-13"),
    # Received on 29 Feb: Wed 1-Fri 3 Mar = 1-3, 6-10 = 4-8, Mon 13-Thu 16 = 9-12, St Patrick's Fri
    # 17 skipped, 20-24 = 13-17, Wed 29 = 20
    ("foia", "2028-02-29", "2028-03-29"),
    # Scotland works on 17 Mar: Fri 17 = 13, Tue 28 = 20
    ("foisa", "2028-02-29", "2028-03-28"),
    # Mon 15 Jun 2026 (Scotland, proclaimed; not in gov.uk's file) skipped by the union rule: Fri 12
    # = 9, Tue 16 = 10, Mon 29 = 19, Tue 30 = 20
    ("foia", "2026-06-01", "2026-06-30"),
    # and in Scotland itself
    ("foisa", "2026-06-01", "2026-06-30"),
]


@pytest.mark.parametrize(("regime", "received", "due"), WORKED_CASES)
def test_worked_cases(regime, received, due):
    assert due_on(D(received), regime=regime) == D(due)


def test_clarification_restarts_the_clock():
    # Received Mon 1 Sep 2025 (due 29 Sep); clarification received Thu 11 Sep: a fresh 20 from
    # Fri 12 (= 1), 15-19 = 2-6, 22-26 = 7-11, 29 Sep-3 Oct = 12-16, Thu 9 Oct = 20. The
    # eight working days already used are not credited: the clock restarts, it does not pause.
    assert due_on(D("2025-09-11")) == D("2025-10-09")


def test_public_interest_extension_and_eir_40():
    # Rule: the extension is 20 more working days counted after the original due date (FOIA
    # s.10(3), ICO: at most 20 more), i.e. the 40th working day after receipt. From Mon 29 Sep
    # 2025: Tue 30-Fri 3 Oct = 1-4, 6-10 = 5-9, 13-17 = 10-14, 20-24 = 15-19, Mon 27 Oct = 20.
    due = due_on(D("2025-09-01"))
    extended = add_working_days(due, limits("foia")["public_interest_extension"], set())
    assert extended == D("2025-10-27")
    assert due_on(D("2025-09-01"), working_days=40) == extended
    # EIR reg 7(1): complex and voluminous, 40 working days from receipt: the same day here.
    assert due_on(D("2025-09-01"), regime="eir", working_days=limits("eir")["eir_complex"]) == (
        D("2025-10-27")
    )


def test_a_given_calendar_replaces_the_statutory_one():
    # No holidays at all: St Patrick's Day counts, so 2 Mar 2026 gives Mon 30 Mar (as FOISA).
    assert due_on(D("2026-03-02"), holidays=()) == D("2026-03-30")
    # A what-if day off on Tue 2 Sep 2025 moves Mon 29 Sep to Tue 30 Sep.
    assert due_on(D("2025-09-01"), holidays={D("2025-09-02")}) == D("2025-09-30")
    # England and Wales alone would not skip Scotland's Fri 2 Jan 2026: Thu 15 Jan, not Fri 16.
    england = govuk_bank_holidays()["england-and-wales"]
    assert due_on(D("2025-12-15"), holidays=england) == D("2026-01-15")


def test_calendar_membership():
    foia = statutory_holidays("foia", [2026, 2027])
    scotland = statutory_holidays("foisa", [2026, 2027])
    assert D("2026-04-06") in foia and D("2026-04-06") not in scotland  # Easter Monday
    assert {D("2026-08-03"), D("2026-08-31")} <= foia  # both August bank holidays
    assert D("2026-08-03") in scotland and D("2026-08-31") not in scotland
    assert D("2026-07-13") in foia  # 12 July 2026 is a Sunday: NI's substitute Monday
    assert {D("2027-03-17"), D("2027-07-12")} <= foia - scotland
    assert not any(day.weekday() > 4 for day in foia | scotland)  # weekdays only
    assert statutory_holidays("eir", [2026]) == statutory_holidays("foia", [2026])
    assert statutory_holidays("eisr", [2026]) == statutory_holidays("foisa", [2026])
    assert statutory_holidays("foia", []) == frozenset()


def test_is_working_day_and_add_working_days():
    assert is_working_day(D("2026-04-02"), set()) and not is_working_day(D("2026-04-04"), set())
    assert not is_working_day(D("2026-04-02"), {D("2026-04-02")})
    assert add_working_days(D("2026-04-03"), 1, set()) == D("2026-04-06")  # Fri -> Mon
    with pytest.raises(ValueError, match="at least 1"):
        add_working_days(D("2026-04-03"), 0, set())


def test_working_days_late():
    due = D("2025-09-29")  # Mon
    assert working_days_late(due, D("2025-09-01"), regime="foia") == 0
    assert working_days_late(due, due, regime="foia") == 0
    assert working_days_late(due, D("2025-09-30"), regime="foia") == 1
    assert working_days_late(due, D("2025-10-04"), regime="foia") == 4  # Sat: Tue-Fri
    assert working_days_late(due, D("2025-10-27"), regime="foia") == 20  # not yet very overdue
    assert working_days_late(due, D("2025-10-28"), regime="foia") == 21  # very overdue
    # Across St Andrew's Day 2026 (Mon 30 Nov): Fri 27 due, Tue 1 Dec is 1 day late.
    assert working_days_late(D("2026-11-27"), D("2026-12-01"), regime="foisa") == 1
    assert working_days_late(D("2026-11-27"), D("2026-12-01"), regime="foia", holidays=()) == 2


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        # BST (UTC+1): 23:30 UTC on a summer day is 00:30 the next day in London.
        (datetime(2026, 7, 15, 23, 30, tzinfo=UTC), "2026-07-16"),
        # GMT (UTC+0) in winter: the same day.
        (datetime(2026, 1, 15, 23, 30, tzinfo=UTC), "2026-01-15"),
        # BST starts 01:00 UTC Sun 29 Mar 2026: Sat night is still GMT, Sun night is BST.
        (datetime(2026, 3, 28, 23, 30, tzinfo=UTC), "2026-03-28"),
        (datetime(2026, 3, 29, 23, 30, tzinfo=UTC), "2026-03-30"),
        # BST ends 01:00 UTC Sun 25 Oct 2026: Sat night is BST, Sun night is GMT.
        (datetime(2026, 10, 24, 23, 30, tzinfo=UTC), "2026-10-25"),
        (datetime(2026, 10, 25, 23, 30, tzinfo=UTC), "2026-10-25"),
        # A Friday-evening email from New York (18:30 EDT = 23:30 BST) is received on Friday.
        (datetime(2025, 9, 5, 18, 30, tzinfo=timezone(timedelta(hours=-4))), "2025-09-05"),
    ],
)
def test_received_on_of(at, expected):
    assert received_on_of(at) == D(expected)


def test_received_on_of_refuses_naive_datetimes():
    with pytest.raises(ValueError, match="no time zone"):
        received_on_of(datetime(2026, 7, 15, 23, 30))
    with pytest.raises(TypeError, match="use received_on_of"):
        due_on(datetime(2026, 7, 15, 23, 30, tzinfo=UTC))


def test_regimes_and_limits():
    assert [is_scottish(regime) for regime in REGIMES] == [False, False, True, True]
    with pytest.raises(ValueError, match="unknown regime 'fois'"):
        due_on(D("2026-01-05"), regime="fois")
    assert limits("foia") == {
        "response": 20, "public_interest_extension": 20, "eir_complex": None,
        "internal_review": 20, "eir_reconsideration": None, "review": 20,
    }  # fmt: skip
    assert limits("eir")["eir_complex"] == 40 and limits("eir")["review"] == 40
    assert limits("eir")["eir_reconsideration"] == 40
    assert limits("eir")["public_interest_extension"] is None  # the EIR have no such extension
    for regime in ("foisa", "eisr"):
        assert limits(regime)["public_interest_extension"] is None
        assert limits(regime)["internal_review"] == limits(regime)["review"] == 20
    assert limits("eisr")["eir_complex"] == 40 and limits("foisa")["eir_complex"] is None


# The cross-check against gov.uk's file (the copy shipped in the package).
YEARS = range(2012, 2029)
DIVISIONS = {
    "england-and-wales": ["foia", "eir"],
    "scotland": ["foia", "eir", "foisa", "eisr"],
    "northern-ireland": ["foia", "eir"],
}


@pytest.mark.parametrize("division", DIVISIONS)
def test_every_govuk_weekday_is_a_statutory_holiday(division):
    weekdays = {day for day in govuk_bank_holidays()[division] if day.weekday() < 5}
    for regime in DIVISIONS[division]:
        assert weekdays <= statutory_holidays(regime, YEARS), regime


def test_the_differences_between_the_sources_are_known_and_included():
    # The union rule: each regime's calendar is exactly gov.uk's weekdays plus the known extra.
    files = govuk_bank_holidays()
    uk = {day for days in files.values() for day in days if day.weekday() < 5}
    scotland = {day for day in files["scotland"] if day.weekday() < 5}
    assert statutory_holidays("foia", YEARS) - uk == ONLY_IN_HOLIDAYS_PACKAGE
    assert statutory_holidays("foisa", YEARS) - scotland == ONLY_IN_HOLIDAYS_PACKAGE


@pytest.mark.skipif(not SHARED_FILE.exists(), reason="the shared data folder is not beside us")
def test_the_shipped_copy_matches_the_shared_file():
    packaged = Path(__file__).parents[1] / "data" / "bank-holidays.json"
    assert json.loads(packaged.read_text()) == json.loads(SHARED_FILE.read_text())


EXAMPLES = int(os.environ.get("INSOURCE_PROPERTY_EXAMPLES", "100"))
dates = st.dates(min_value=date(2012, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dates, dates, st.sampled_from(REGIMES), st.integers(min_value=1, max_value=60))
def test_due_date_properties(first, second, regime, working_days):
    early, late = sorted((first, second))
    due = due_on(early, regime=regime, working_days=working_days)
    calendar = statutory_holidays(regime, range(early.year, due.year + 1))
    assert due > early and is_working_day(due, calendar)
    assert due_on(late, regime=regime, working_days=working_days) >= due
    assert working_days_late(early, due, regime=regime) == working_days


# `insource requests due`
def run(*args) -> str:
    out = StringIO()
    call_command("requests", "due", *args, stdout=out)
    return out.getvalue()


def test_command_prints_the_due_date():
    assert run("2025-09-01") == "2025-09-29\n"
    assert run("2026-04-01", "--regime", "foisa") == "2026-04-30\n"
    assert run("2025-09-01", "--working-days", "40", "--regime", "eir") == "2025-10-27\n"


def test_command_json():
    assert json.loads(run("2026-07-31", "--regime", "foisa", "--json")) == {
        "received_on": "2026-07-31",
        "regime": "foisa",
        "working_days": 20,
        "due_on": "2026-08-31",
        "calendar": "statutory",
    }


def test_command_holidays_file(tmp_path):
    path = tmp_path / "days.txt"
    path.write_text("# what if Tue 2 Sep were a day off?\n\n2025-09-02\n")
    assert run("2025-09-01", "--holidays", str(path)) == "2025-09-30\n"
    data = json.loads(run("2025-09-01", "--holidays", str(path), "--json"))
    assert data["calendar"] == f"file:{path}" and data["due_on"] == "2025-09-30"
    path.write_text("")  # an empty file: no holidays at all, St Patrick's Day counts
    assert run("2026-03-02", "--holidays", str(path)) == "2026-03-30\n"


def test_command_refuses_bad_input(tmp_path):
    with pytest.raises(CommandError, match=r"RECEIVED_ON '2026-13-01' is not a date: use YYYY"):
        run("2026-13-01")
    with pytest.raises(CommandError, match="--working-days 0 must be 1 or more"):
        run("2026-01-05", "--working-days", "0")
    with pytest.raises(CommandError, match="invalid choice: 'scotland'"):
        run("2026-01-05", "--regime", "scotland")
    path = tmp_path / "days.txt"
    path.write_text("2026-01-01\n2026-02-30\n")
    with pytest.raises(
        CommandError, match=re.escape(f"{path}, line 2: '2026-02-30' is not a date")
    ):
        run("2026-01-05", "--holidays", str(path))
    with pytest.raises(CommandError, match="cannot be read"):
        run("2026-01-05", "--holidays", str(tmp_path / "missing.txt"))
