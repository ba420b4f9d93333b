"""A milestone's status on a date, and a plan's: one function each, used by the pages, the CLI,
the alerts and the audit committee view alike. Pure (the labels are only marked for
translation; presenters translate them)."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_noop as N_

NOT_STARTED, IN_PROGRESS, DONE, LATE = "not-started", "in-progress", "done", "late"
LABELS = {
    NOT_STARTED: N_("Not started"),
    IN_PROGRESS: N_("In progress"),
    DONE: N_("Done"),
    LATE: N_("Late"),
}
TAGS = {NOT_STARTED: "grey", IN_PROGRESS: "blue", DONE: "green", LATE: "red"}
PLAN_LIVE, PLAN_LATE, PLAN_ON_TRACK = "live", "late", "on-track"
PLAN_LABELS = {
    PLAN_LIVE: N_("Live in house"),
    PLAN_LATE: N_("Late"),
    PLAN_ON_TRACK: N_("On track"),
}


def milestone_status(*, recorded: str, due_on: date, on: date) -> str:
    """The status shown on `on`: late when not done and its due date has passed."""
    if recorded != DONE and due_on < on:
        return LATE
    return recorded


def plan_status(milestones, *, on: date) -> str:
    """Live once go-live is done; late when any milestone is late; else on track."""
    if any(m.key == "go-live" and m.status == DONE for m in milestones):
        return PLAN_LIVE
    if any(milestone_status(recorded=m.status, due_on=m.due_on, on=on) == LATE for m in milestones):
        return PLAN_LATE
    return PLAN_ON_TRACK
