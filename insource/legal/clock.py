"""A referral's target and status (pure: no database, no clock). The target is a dated DESIGN
parameter in working days (`parameters/legal/target_working_days.yaml`), counted from the day
after the referral on the UK-wide working-day calendar the information requests use
(`transparency.deadlines`: no bank holiday in any part of the UK). Late is one function, which
the pages, the queue and the audit committee's view all call."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from insource.policy.params import load_all
from insource.transparency.deadlines import due_on

PARAMETERS = Path(__file__).resolve().parent / "parameters"
TARGET = "legal.target_working_days"
WAITING = ("referred", "accepted")


def target_working_days(on: date) -> int:
    """The working days legal support has to advise on a referral made on `on`."""
    return int(load_all(PARAMETERS)[TARGET].at(on).value)


def target_for(referred_on: date) -> date:
    """The day advice is due on a referral made on `referred_on`."""
    return due_on(referred_on, regime="foia", working_days=target_working_days(referred_on))


def is_late(*, status: str, target_on: date, advised_on: date | None, on: date) -> bool:
    """Late: still waiting for advice after the target day, or advised after it."""
    if status in WAITING:
        return on > target_on
    return advised_on is not None and advised_on > target_on


def referral_late(referral, on: date) -> bool:
    """`is_late` of a `Referral` row on `on`."""
    return is_late(
        status=referral.status,
        target_on=referral.target_on,
        advised_on=referral.advised_on,
        on=on,
    )
