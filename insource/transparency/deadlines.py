"""The statutory clock for information requests: pure (no Django, no clock), see ADR 0009.

The law, in the words this module counts with:

- FOIA 2000 s.10(1): comply "not later than the twentieth working day following the date of
  receipt"; s.10(6): the date of receipt is the day the request arrives or, if later, the day the
  further information asked for under s.1(3) (a clarification) arrives; a "working day" is any day
  other than a Saturday, a Sunday, Christmas Day, Good Friday or a bank holiday under the Banking
  and Financial Dealings Act 1971 in *any* part of the United Kingdom.
- EIR 2004 reg 2(1): the same working day; reg 5(2): 20 working days after receipt; reg 9(4): a
  clarification restarts the clock; reg 7(1): 40 if the request is complex and voluminous;
  reg 11(4): reconsideration within 40 working days. The EIR have no public-interest extension.
- FOISA 2002 s.10(1): 20 working days after receipt (or after the clarification, s.10(1)(b)), no
  public-interest extension; s.21(1): review within 20; s.73: a working day excludes Saturdays,
  Sundays, Christmas Day and *Scottish* bank holidays only.
- EISR 2004 reg 2(1): FOISA's working day; reg 5(2)(a): 20 working days; reg 7(1): up to 20 more
  (40 in all) where the volume and complexity make 20 impracticable; reg 16(4): review within 20.
  POLICY.md §3 gives Scotland 20 days and no public-interest extension; reg 7 is not one.

The calendar. The legal list of bank holidays is the 1971 Act's Schedule 1 plus royal
proclamations under its s.1(3); neither of our two sources *is* that list. gov.uk's
`bank-holidays.json` (a copy ships in `data/`, 2012-2028) is a snapshot that lags proclamations: it
lacks Monday 2026-06-15 in Scotland, proclaimed by the Privy Council in February 2026, which the
`holidays` package has. So a day is a bank holiday when **either** source lists it (the union),
weekdays only (a substitute day carries the weekend holiday). The tests pin the known differences,
so a new divergence fails the build and a person checks the proclamation.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from types import MappingProxyType
from zoneinfo import ZoneInfo

REGIMES = ("foia", "eir", "foisa", "eisr")
LONDON = ZoneInfo("Europe/London")
GOVUK_FILE = Path(__file__).with_name("data") / "bank-holidays.json"
# POLICY.md §5 (DESIGN): "very overdue" is more than this many working days past the due date.
VERY_OVERDUE_AFTER = 20

_ALL_PARTS = {
    "subdivisions": ("ENG", "WLS", "SCT", "NIR"),
    "divisions": ("england-and-wales", "scotland", "northern-ireland"),
}
_SCOTLAND = {"subdivisions": ("SCT",), "divisions": ("scotland",)}
_ONE_DAY = timedelta(days=1)


def _check(regime: str) -> str:
    if regime not in REGIMES:
        raise ValueError(f"unknown regime {regime!r}: use one of {', '.join(REGIMES)}")
    return regime


def is_scottish(regime: str) -> bool:
    """Whether the regime is Scottish law (FOISA 2002, EISR 2004), with Scotland's calendar."""
    return _check(regime) in ("foisa", "eisr")


@cache
def govuk_bank_holidays() -> Mapping[str, frozenset[date]]:
    """gov.uk's bank holidays per division, from the copy shipped in the package (no network)."""
    data = json.loads(GOVUK_FILE.read_text(encoding="utf-8"))
    return MappingProxyType(
        {
            division: frozenset(date.fromisoformat(event["date"]) for event in body["events"])
            for division, body in data.items()
        }
    )


@cache
def _holidays_in(scottish: bool, year: int) -> frozenset[date]:
    # Imported here, not at start-up: the package takes 0.15 s to import (its calendars), which
    # every command paid (`insource import` included) though only deadlines need it.
    import holidays as holidays_package  # noqa: PLC0415

    parts = _SCOTLAND if scottish else _ALL_PARTS
    days = {date(year, 12, 25)}  # Christmas Day: named in FOIA s.10(6) and FOISA s.73
    for subdivision in parts["subdivisions"]:
        days |= set(holidays_package.country_holidays("GB", subdiv=subdivision, years=year))
    for division in parts["divisions"]:
        days |= {day for day in govuk_bank_holidays()[division] if day.year == year}
    return frozenset(day for day in days if day.weekday() < 5)


def statutory_holidays(regime: str, years: Iterable[int]) -> frozenset[date]:
    """The weekday bank holidays that are not working days under the regime, in those years.

    FOIA s.10(6) and EIR reg 2(1): a bank holiday in any part of the UK (England, Wales, Scotland,
    Northern Ireland), Christmas Day and Good Friday (which every source lists). FOISA s.73 and
    EISR reg 2(1): Scottish bank holidays and Christmas Day only. A date either source lists
    counts (the union: see the module docstring).
    """
    scottish = is_scottish(regime)
    return frozenset().union(*(_holidays_in(scottish, year) for year in set(years)))


def is_working_day(day: date, holidays: Collection[date]) -> bool:
    """FOIA s.10(6), FOISA s.73: not a Saturday or Sunday, and not one of the given holidays."""
    return day.weekday() < 5 and day not in holidays


def add_working_days(start: date, n: int, holidays: Collection[date]) -> date:
    """The n-th working day after `start` (FOIA s.10(1): "the twentieth working day following").

    The day after `start` is the first day counted; when it is not a working day, the first
    working day after it is day 1.
    """
    if n < 1:
        raise ValueError(f"the number of working days must be at least 1, not {n}")
    day = start
    while n:
        day += _ONE_DAY
        if is_working_day(day, holidays):
            n -= 1
    return day


def _calendar(regime: str, first: date, last: date) -> frozenset[date]:
    return statutory_holidays(regime, range(first.year, last.year + 1))


def due_on(
    received_on: date,
    *,
    regime: str = "foia",
    working_days: int = 20,
    holidays: Collection[date] | None = None,
) -> date:
    """The date a response is due: the `working_days`-th working day after receipt.

    FOIA s.10(1), EIR reg 5(2), FOISA s.10(1), EISR reg 5(2)(a): 20; for a clarification, pass the
    date it was received (FOIA s.10(6)(b), EIR reg 9(4), FOISA s.10(1)(b)). `holidays=None` is the
    statutory calendar of the regime; a collection given replaces it entirely (what-if checks).
    """
    _check(regime)
    if isinstance(received_on, datetime):
        raise TypeError("received_on must be a date, not a datetime: use received_on_of(at)")
    if holidays is None:
        # n working days never span more than 2n + 30 calendar days (>= 5 working days a week).
        holidays = _calendar(regime, received_on, received_on + timedelta(2 * working_days + 30))
    return add_working_days(received_on, working_days, holidays)


def working_days_late(
    due: date, on: date, *, regime: str, holidays: Collection[date] | None = None
) -> int:
    """How many working days `on` is past `due` (0 when not past): the days due < d <= on.

    Working days as in FOIA s.10(6) / FOISA s.73. "Very overdue" (POLICY.md §5) is more than
    VERY_OVERDUE_AFTER of them.
    """
    _check(regime)
    if on <= due:
        return 0
    if holidays is None:
        holidays = _calendar(regime, due, on)
    span = (on - due).days
    return sum(is_working_day(due + timedelta(k), holidays) for k in range(1, span + 1))


def received_on_of(at: datetime) -> date:
    """The date of receipt (FOIA s.10(6)): the date in Europe/London when the request arrived.

    A naive datetime is refused: its moment is unknown.
    """
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"{at.isoformat()} has no time zone: give an aware datetime")
    return at.astimezone(LONDON).date()


def limits(regime: str) -> dict[str, int | None]:
    """The working-day limits of the regime (POLICY.md §3); None where the law has none.

    `review` is the review limit that applies to the regime (EIR: the reg 11 reconsideration).
    """
    eir = _check(regime) in ("eir", "eisr")
    return {
        # FOIA s.10(1), EIR reg 5(2), FOISA s.10(1), EISR reg 5(2)(a).
        "response": 20,
        # FOIA s.10(3) "such time as is reasonable": at most 20 more (ICO guidance). The EIR have
        # no such extension (only reg 7); FOISA s.10 and the EISR have none.
        "public_interest_extension": 20 if regime == "foia" else None,
        # Total, from receipt: EIR reg 7(1) (complex and voluminous); EISR reg 7(1).
        "eir_complex": 40 if eir else None,
        # FOIA s.45 code of practice (para 5.4); FOISA s.21(1); EISR reg 16(4).
        "internal_review": None if regime == "eir" else 20,
        # EIR reg 11(4): reconsideration of representations.
        "eir_reconsideration": 40 if regime == "eir" else None,
        "review": 40 if regime == "eir" else 20,
    }
