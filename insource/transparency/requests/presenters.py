"""What the information request pages show, built from selectors' results (no queries of
their own beyond the selectors they call)."""

from __future__ import annotations

from datetime import date

from django.core.paginator import Paginator

from insource.authorities.roles import Capability
from insource.transparency.models import Regime, RequestState
from insource.transparency.requests import selectors
from insource.transparency.requests.law import EXEMPTIONS, commissioner_for
from insource.transparency.requests.states import (
    AWAITING,
    OPEN,
    RESPONDED,
)

S = RequestState
PAGE_SIZE = 50

# The steps offered on the officer's page, by state (the services decide what is allowed):
# the response steps as buttons, the others as links.
_COMMON = ("advice", "attach", "redact")
_RESPOND = ("acknowledge", "clarify", "extend", "answer", "refuse", "not-held")
ACTIONS_BY_STATE = {
    **{s: _RESPOND + ("regime", "review", "refer", "withdraw") + _COMMON for s in AWAITING},
    S.CLARIFICATION_REQUESTED: ("clarification", "acknowledge", "regime", "withdraw") + _COMMON,
    **{s: ("review", "refer") + _COMMON for s in RESPONDED},
    S.INTERNAL_REVIEW: ("review-outcome", "refer", "withdraw") + _COMMON,
    S.WITHDRAWN: ("redact",),
    S.REFERRED: ("attach", "redact"),
}
PRIMARY = frozenset(_RESPOND + ("clarification", "review-outcome"))


def actions_for(ir, status) -> tuple[list[str], list[str]]:
    """The steps to offer (primary, other): an extension only while it can be claimed, a
    review or referral for a response or an overdue request."""
    hidden = set()
    if (
        ir.state != S.AWAITING_RESPONSE
        or status.is_overdue
        or ir.is_scottish
        and ir.regime == "foisa"
    ):
        hidden.add("extend")
    if ir.state in AWAITING and not status.is_overdue:
        hidden |= {"review", "refer"}
    if ir.state == S.INTERNAL_REVIEW and not status.is_overdue:
        hidden.add("refer")
    steps = [a for a in ACTIONS_BY_STATE.get(ir.state, ()) if a not in hidden]
    return [a for a in steps if a in PRIMARY], [a for a in steps if a not in PRIMARY]


def exemption_labels(regime: str, codes) -> list[str]:
    known = {e.code: e.label for e in EXEMPTIONS.get(regime, [])}
    return [known.get(c, c) for c in codes]


def public_list_page(rows, *, on: date, page_number, filters: dict) -> dict:
    page = Paginator(rows, PAGE_SIZE).get_page(page_number)
    items = [
        {
            "row": row,
            "status": selectors.status_of(
                state=row["state"], due_on=row["due_on"], regime=row["regime"], on=on
            ),
        }
        for row in page.object_list
    ]
    return {
        "items": items,
        "page_obj": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "filters": filters,
        "state_choices": RequestState.choices,
        "nav_requests": True,
    }


def public_request_page(found, *, on: date) -> dict:
    status = selectors.status_of(state=found.state, due_on=found.due_on, regime=found.regime, on=on)
    events = [
        {"event": e, "exemptions": exemption_labels(found.regime, e.exemptions)}
        for e in found.events
    ]
    return {
        "ir": found,
        "status": status,
        "events": events,
        "is_open": found.state in OPEN,
        "can_ask_review": found.state in RESPONDED or status.is_overdue,
        "nav_requests": True,
    }


def private_page(ir, *, on: date) -> dict:
    status = selectors.request_status(ir, on)
    return {
        "ir": ir,
        "status": status,
        "can_withdraw": ir.state in OPEN,
        "can_clarify": ir.state == S.CLARIFICATION_REQUESTED,
        "can_review": ir.review_requested_on is None
        and (ir.state in RESPONDED or (ir.state in AWAITING and status.is_overdue)),
        "commissioner": commissioner_for(ir.regime),
    }


def queue_page(access, rows, *, on: date, show: str, query: str, page_number) -> dict:
    page = Paginator(rows, PAGE_SIZE).get_page(page_number)
    items = [{"ir": ir, "status": selectors.request_status(ir, on)} for ir in page.object_list]
    return {
        "access": access,
        "authority": access.authority,
        "items": items,
        "page_obj": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "counts": selectors.queue_counts(authority=access.authority, on=on),
        "show": show,
        "query": query,
        "show_choices": _show_choices(),
        "nav_requests": True,
    }


def _show_choices() -> list[tuple[str, str]]:
    return [
        ("open", "Open"),
        ("overdue", "Overdue"),
        ("very-overdue", "Very overdue"),
        ("awaiting-confirmation", "Awaiting confirmation"),
        ("responded", "Responded"),
        *[(s.value, s.label) for s in (S.INTERNAL_REVIEW, S.REFERRED, S.WITHDRAWN)],
        ("all", "All"),
    ]


def officer_request_page(access, ir, *, on: date) -> dict:
    authority = access.authority
    can_act = access.can(Capability.ANSWER_REQUESTS)
    events = selectors.request_events(authority=authority, request=ir)
    status = selectors.request_status(ir, on)
    primary, other = actions_for(ir, status) if can_act else ([], [])
    return {
        "access": access,
        "authority": authority,
        "ir": ir,
        "status": status,
        "events": [
            {"event": e, "exemptions": exemption_labels(ir.regime, e.exemptions)} for e in events
        ],
        "attachments": selectors.request_attachments(authority=authority, request=ir),
        "redactions": selectors.request_redactions(authority=authority, request=ir),
        "can_act": can_act,
        "shows_identity": can_act,
        "can_read_private_files": access.can(Capability.READ_EVIDENCE),
        "primary_actions": primary,
        "other_actions": other,
        "regime_label": Regime(ir.regime).label,
        "commissioner": commissioner_for(ir.regime),
        "nav_requests": True,
    }
