"""What the information request pages show, built from selectors' results (no queries of
their own beyond the selectors they call)."""

from __future__ import annotations

from datetime import date

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from insource.authorities.roles import Capability
from insource.core import nav
from insource.transparency.models import Regime, RequestState
from insource.transparency.requests import selectors
from insource.transparency.requests.contractors import clock
from insource.transparency.requests.contractors import selectors as contractors
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
_CONTRACTOR = ("forward",)  # while open: a part the contractor holds for the council
_RESPOND = ("acknowledge", "clarify", "extend", "answer", "refuse", "not-held")
ACTIONS_BY_STATE = {
    **{
        s: _RESPOND + ("regime", "review", "refer", "withdraw") + _CONTRACTOR + _COMMON
        for s in AWAITING
    },
    S.CLARIFICATION_REQUESTED: ("clarification", "acknowledge", "regime", "withdraw")
    + _CONTRACTOR
    + _COMMON,
    **{s: ("review", "refer") + _COMMON for s in RESPONDED},
    S.INTERNAL_REVIEW: ("review-outcome", "refer", "withdraw") + _CONTRACTOR + _COMMON,
    S.WITHDRAWN: ("redact",),
    S.REFERRED: ("attach", "redact"),
}
PRIMARY = frozenset(_RESPOND + ("clarification", "review-outcome", "contractor-reply"))
STATUS_TAGS = {  # the contractor's status: its words and GOV.UK tag colour
    clock.AWAITING: (_("Awaiting the contractor"), "blue"),
    clock.LATE: (_("Late"), "red"),
    clock.REPLIED: (_("Replied on time"), "green"),
    clock.REPLIED_LATE: (_("Replied late"), "orange"),
    clock.NO_REPLY: (_("No reply"), "red"),
}


def actions_for(ir, status, *, awaiting_contractor: bool = False) -> tuple[list[str], list[str]]:
    """The steps to offer (primary, other): an extension only while it can be claimed, a
    review or referral for a response or an overdue request; the contractor's reply while a
    part forwarded to it awaits one; forwarding only for a request about a contract."""
    hidden = set() if ir.contract_id or ir.decision_id else {"forward"}
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
    if awaiting_contractor:
        steps.insert(0, "contractor-reply")
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
        **nav.REQUESTS,
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
        **nav.REQUESTS,
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
    forwards = contractors.request_forwards(authority=authority, request=ir)
    awaiting = contractors.has_awaiting(forwards)
    primary, other = actions_for(ir, status, awaiting_contractor=awaiting) if can_act else ([], [])
    return {
        "contractor": contractor_section(ir, forwards, on=on),
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


def contractor_section(ir, forwards, *, on: date) -> dict:
    """The parts forwarded to the contractor, each with its status tag, and the contract's and
    each contractor's counts (across every council)."""
    rows = []
    for f in forwards:
        label, colour = STATUS_TAGS[clock.status_of(f, on)]
        rows.append({"forward": f, "label": label, "colour": colour})
    suppliers = {f.supplier_id: f.supplier for f in forwards if f.supplier_id}
    contract = forwards[0].contract if forwards else None
    return {
        "rows": rows,
        "contract_counts": contractors.contract_counts(contract=contract, on=on)
        if contract
        else None,
        "supplier_counts": [
            (s, contractors.supplier_counts(supplier=s, on=on)) for s in suppliers.values()
        ],
    }
