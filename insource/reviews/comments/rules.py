"""When a public comment window is open: the one rule the public page, the comment form, the
confirmation link and signing all ask (ADR 0036). A window opens on the day an officer opens
it and stays open for `consultation.comment_window_days` days (a dated policy parameter),
counting that day: comments made and confirmed up to the end of `closes_on` (Europe/London)
count; none after."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from insource.reviews.workflow.timing import param_value

LONDON = ZoneInfo("Europe/London")
PARAMETER = "consultation.comment_window_days"


def day_of(at: datetime) -> date:
    """The day in Europe/London of an aware moment (a naive one is refused)."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"{at.isoformat()} has no time zone: give an aware datetime")
    return at.astimezone(LONDON).date()


def window_days(on: date) -> int:
    """The length of a window opened on `on`, in days (the parameter in force that day)."""
    return int(param_value(PARAMETER, on))


def closes_on_for(opens_on: date, num_days: int) -> date:
    """The last day of a window of `num_days` days opening on `opens_on`."""
    return opens_on + timedelta(days=num_days - 1)


def is_open_for_comments(window, *, on: date) -> bool:
    """Whether comments made (or confirmed) on `on` count: from the day the window opened to
    its last day, both included. No window, no comments."""
    return window is not None and window.opens_on <= on <= window.closes_on
