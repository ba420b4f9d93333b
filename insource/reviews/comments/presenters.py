"""What the comment pages show (ADR 0036): the public draft page, the officers' comments page
and summary, and the say in the decision pack. Presentation only: the rules are in `rules`
and the services."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_lazy as _

from insource.core.dates import long_date
from insource.reviews.comments import selectors
from insource.reviews.comments.rules import (
    closes_on_for,
    is_open_for_comments,
    window_days,
)
from insource.reviews.decisions.explanation import explanation
from insource.reviews.models import Stance
from insource.reviews.presenters import recommendation
from insource.reviews.workflow.questions import (
    CLOSER_ANSWERS,
    CLOSER_LEVELS,
    INVOLVED_ANSWERS,
)

STANCES = dict(Stance.choices)
OPENNESS_ROWS = (
    (
        "closer",
        _("Could it be decided or delivered closer to the people who use it?"),
        CLOSER_ANSWERS,
    ),
    ("closer_who", _("Who could decide or deliver it, closest to them"), CLOSER_LEVELS),
    ("closer_reason", _("Why"), ()),
    ("involved", _("Were residents, users and staff involved?"), INVOLVED_ANSWERS),
    ("involvement", _("How they were involved"), ()),
    ("published", _("What is published"), ()),
)


def window_status(window, *, on: date) -> dict:
    """Open or closed, and the day that matters, from the one rule."""
    is_open = is_open_for_comments(window, on=on)
    return {"is_open": is_open, "closes_on": window.closes_on, "opens_on": window.opens_on}


def summary_rows(summary: dict) -> dict:
    """A summary (live, or as a decision stored it) with its stances named."""
    return {
        "counts": summary["counts"],
        "by_stance": [(STANCES.get(k, k), n) for k, n in summary["by_stance"].items()],
        "by_theme": [tuple(row) for row in summary["by_theme"]],
    }


def draft_page(window, *, on: date, form=None, started: str = "") -> dict:
    """The public page of a draft open (or once open) for comment."""
    review = window.review
    rec = recommendation(window.draft)
    rec["grounds"] = [g for g in rec["grounds"] if g != rec["outcome_text"]]  # said once
    return {
        "window": window,
        "status": window_status(window, on=on),
        "contract": review.contract,
        "authority": window.authority,
        "rec": rec,
        "explanation": explanation(window.draft or {}),  # the structured page (ADR 0034)
        "comments": list(selectors.comments_published(window)),
        "publication": selectors.publication_of_window(window),
        "form": form,
        "started": started,
        "nav_comments": True,
    }


def open_windows_page(*, on: date) -> dict:
    rows = [
        {"window": w, "contract": w.review.contract, "authority": w.authority}
        for w in selectors.open_comment_windows(on=on)
    ]
    return {"rows": rows, "on": on}


def say_panel(review, *, on: date) -> dict:
    """The officers' view of the say on a review: the window (or what opening one would
    give), its summary and every comment that counts."""
    window = selectors.window_of_review(review)
    if window is None:
        days = window_days(on)
        return {"window": None, "days": days, "would_close_on": closes_on_for(on, days)}
    return {
        "window": window,
        "status": window_status(window, on=on),
        "summary": summary_rows(selectors.comment_summary(window)),
        "comments": list(selectors.comments_received(window)),
        "openness": openness_rows(selectors.openness_answers(review)),
    }


def openness_rows(answers: dict) -> list[dict]:
    """The subsidiarity and openness answers as labelled rows (a choice by its words)."""
    rows = []
    for key, label, choices in OPENNESS_ROWS:
        value = answers.get(key)
        shown = dict(choices).get(value, value) if choices else value
        rows.append({"key": key, "label": label, "value": shown})
    return rows


def pack_say(decision) -> dict:
    """The say before the decision, as the decision stored it, for its pack."""
    say = decision.say or {}
    window = say.get("window")
    if window:  # stored as ISO dates: shown as GOV.UK writes them
        window = window | {
            k: long_date(date.fromisoformat(window[k])) for k in ("opens_on", "closes_on")
        }
    return {
        "openness": openness_rows(say.get("openness") or {}),
        "window": window,
        "summary": summary_rows(window) if window else None,
    }


def contract_window(contract, *, on: date) -> dict | None:
    """The contract's comment window for its public page: open (with its last day) or
    closed, from the one rule; None when the public was never asked."""
    window = selectors.window_for_contract(contract)
    return {"window": window, "status": window_status(window, on=on)} if window else None
