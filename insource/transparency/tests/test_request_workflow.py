"""The workflow table (`requests/workflow.py`, ADR 0025) walked through the services: every
action from every state the table lists is allowed, and every other state refuses with the
message the hand-written services gave before the table (pinned here, word for word). The docs
show the table as it is, and it lists every step the officers' pages offer."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from insource.testing.information_requests import (
    NOW,
    OFFICER,
    PDF,
    at_day,
    confirmed,
    council,
    refuse_contract,
    submit,
)
from insource.transparency.models import (
    ContractorRequest,
    InformationRequest,
    Party,
    RequestState,
)
from insource.transparency.requests import officer_views
from insource.transparency.requests import services as svc
from insource.transparency.requests.services import AttachmentUpload, RequestActionRefused
from insource.transparency.requests.workflow import STEPS

pytestmark = pytest.mark.django_db
S = RequestState
ALL = frozenset(S)
AWAITING = frozenset({S.AWAITING_CONFIRMATION, S.AWAITING_RESPONSE, S.EXTENDED})
RESPONDED = frozenset({S.ANSWERED_FULL, S.ANSWERED_PART, S.REFUSED, S.NOT_HELD})
OPEN = AWAITING | {S.CLARIFICATION_REQUESTED, S.INTERNAL_REVIEW}
DOCS = Path(__file__).resolve().parents[3] / "docs" / "information-requests.md"
WHEN = NOW + timedelta(hours=2)
NOT_RECEIVED = (
    "You cannot {doing} this request yet: the requester has not confirmed their email "
    "address, so it has not been received"
)

# What each hand-written service allowed before the table, and how it refused: (the states it
# allowed, the refusal in any other state, the refusal before the clock starts — None when it
# was allowed). Copied from the services as they were (request_actions, request_responses,
# request_reviews, request_documents, request_core.require_state).
BEFORE = {
    "acknowledge": (
        AWAITING | {S.CLARIFICATION_REQUESTED},
        "You cannot acknowledge a request that is {state}",
        NOT_RECEIVED.format(doing="acknowledge"),
    ),
    "clarify": (
        AWAITING,
        "You cannot ask for a clarification of a request that is {state}",
        NOT_RECEIVED.format(doing="ask for a clarification of"),
    ),
    "clarification": (
        {S.CLARIFICATION_REQUESTED},
        "You cannot record a clarification for a request that is {state}",
        None,
    ),
    "extend": (
        {S.AWAITING_CONFIRMATION, S.AWAITING_RESPONSE},
        "You cannot extend a request that is {state}",
        NOT_RECEIVED.format(doing="extend"),
    ),
    "answer": (
        AWAITING,
        "You cannot answer a request that is {state}",
        NOT_RECEIVED.format(doing="answer"),
    ),
    "refuse": (
        AWAITING,
        "You cannot refuse a request that is {state}",
        NOT_RECEIVED.format(doing="refuse"),
    ),
    "not-held": (
        AWAITING,
        "You cannot record 'not held' for a request that is {state}",
        NOT_RECEIVED.format(doing="record 'not held' for"),
    ),
    "withdraw": (OPEN, "You cannot withdraw a request that is {state}", None),
    "review": (
        RESPONDED,
        "An internal review can be asked for once there is a response, or when the response is "
        "overdue",
        None,
    ),
    "review-outcome": (
        {S.INTERNAL_REVIEW},
        "You cannot record a review outcome for a request that is {state}",
        None,
    ),
    "refer": (
        ALL - {S.AWAITING_CONFIRMATION, S.CLARIFICATION_REQUESTED, S.WITHDRAWN, S.REFERRED},
        "You cannot refer a request that is {state}",
        None,
    ),
    "advice": (
        ALL - {S.WITHDRAWN},
        "You cannot record advice on this request now",
        "You cannot record advice on this request now",
    ),
    "regime": (
        {S.AWAITING_CONFIRMATION, S.AWAITING_RESPONSE, S.CLARIFICATION_REQUESTED},
        "The law can be changed only before any extension or response",
        None,
    ),
    "attach": (
        ALL - {S.WITHDRAWN},
        "You cannot add documents to this request now",
        "You cannot add documents to this request now",
    ),
    "redact": (ALL, "", None),
    # issue 19: new rows, not hand-written services before the table
    "forward": (
        OPEN,
        "You can forward a request to the contractor only while it is open: this one is {state}",
        NOT_RECEIVED.format(doing="forward to the contractor"),
    ),
    "contractor-reply": (ALL, "", None),
}
# A refusal of its own in one state (checked by the service before the table existed).
OWN_REFUSALS = {
    ("extend", S.EXTENDED): "This request has already been extended: it can be only once",
}


def _upload(title="Minutes"):
    return AttachmentUpload(title, SimpleUploadedFile("m.pdf", PDF, "application/pdf"))


ACTIONS = {
    "acknowledge": lambda ir, at: svc.request_acknowledge(request=ir, by=OFFICER, at=at),
    "clarify": lambda ir, at: svc.request_clarification_ask(
        request=ir, public_text="Which years?", by=OFFICER, at=at
    ),
    "clarification": lambda ir, at: svc.request_clarification_received(
        request=ir, public_text="2025 only", by=svc.REQUESTER, at=at
    ),
    "extend": lambda ir, at: svc.request_extend(
        request=ir,
        kind="public-interest",
        exemptions=["s.31"],
        public_text="The public interest test needs more time",
        by=OFFICER,
        at=at,
    ),
    "answer": lambda ir, at: svc.request_answer(
        request=ir, in_full=True, public_text="Attached", by=OFFICER, at=at, uploads=[_upload()]
    ),
    "refuse": lambda ir, at: svc.request_refuse(
        request=ir, ground="vexatious", public_text="Refused (s.14)", by=OFFICER, at=at
    ),
    "not-held": lambda ir, at: svc.request_not_held(
        request=ir, public_text="Not held", by=OFFICER, at=at
    ),
    "withdraw": lambda ir, at: svc.request_withdraw(request=ir, by=svc.REQUESTER, at=at),
    "review": lambda ir, at: svc.request_review_request(
        request=ir, public_text="Please look again", by=svc.REQUESTER, at=at
    ),
    "review-outcome": lambda ir, at: svc.request_review_decide(
        request=ir,
        outcome="upheld",
        result=S.ANSWERED_FULL,
        public_text="Upheld",
        by=OFFICER,
        at=at,
    ),
    "refer": lambda ir, at: svc.request_refer(request=ir, by=OFFICER, at=at),
    "advice": lambda ir, at: svc.request_advice_record(
        request=ir, public_text="Narrow it to 2025", by=OFFICER, at=at
    ),
    "regime": lambda ir, at: svc.request_regime_change(
        request=ir, regime="eir", reason="Environmental information", by=OFFICER, at=at
    ),
    "attach": lambda ir, at: svc.request_attachment_add(
        request=ir, upload=_upload(), by=OFFICER, at=at
    ),
    "redact": lambda ir, at: svc.request_redact(
        request=ir, target="title", span="Refuse", what="A word", why="A test", by=OFFICER, at=at
    ),
}


def _about_contract(ir):
    ir.contract = refuse_contract(ir.authority)
    ir.save(update_fields=["contract"])
    return ir


def _forwarded(ir, at):
    """A part of the request waiting for the contractor (made directly: forwarding is refused
    in the states a reply may still be recorded in)."""
    ContractorRequest.objects.create(
        request=ir,
        contract=refuse_contract(ir.authority),
        authority=ir.authority,
        contractor_email="foi@contractor.example",
        asked="The KPI reports",
        forwarded_on=NOW.date(),
        forwarded_at=NOW,
        forwarded_by_label="foi-officer",
        due_on=NOW.date() + timedelta(days=14),
    )
    return ir


ACTIONS |= {
    "forward": lambda ir, at: svc.request_forward(
        request=_about_contract(ir),
        asked="The KPI reports",
        contractor_email="foi@contractor.example",
        by=OFFICER,
        at=at,
    ),
    "contractor-reply": lambda ir, at: svc.request_contractor_reply(
        request=_forwarded(ir, at), outcome="no-reply", by=OFFICER, at=at
    ),
}


def _answered(authority):
    ir = confirmed(authority)
    svc.request_answer(request=ir, in_full=True, public_text="Here", by=OFFICER, at=NOW)
    return ir


def _build(state: str, authority) -> InformationRequest:
    """A request in `state`, brought there through the services."""
    if state == S.AWAITING_CONFIRMATION:
        return submit(authority).request
    ir = confirmed(authority)
    say = {"by": OFFICER, "at": NOW}
    if state == S.CLARIFICATION_REQUESTED:
        svc.request_clarification_ask(request=ir, public_text="Which?", **say)
    elif state == S.EXTENDED:
        ACTIONS["extend"](ir, NOW)
    elif state in (S.ANSWERED_FULL, S.ANSWERED_PART):
        part = {"exemptions": ["s.21"]} if state == S.ANSWERED_PART else {}
        full = state == S.ANSWERED_FULL
        svc.request_answer(request=ir, in_full=full, public_text="Here", **part, **say)
    elif state == S.REFUSED:
        ACTIONS["refuse"](ir, NOW)
    elif state == S.NOT_HELD:
        ACTIONS["not-held"](ir, NOW)
    elif state == S.WITHDRAWN:
        svc.request_withdraw(request=ir, **say)
    elif state == S.INTERNAL_REVIEW:
        ir = _answered(authority)
        svc.request_review_request(request=ir, public_text="Again", by=svc.REQUESTER, at=NOW)
    elif state == S.REFERRED:
        ir = _answered(authority)
        svc.request_refer(request=ir, **say)
    ir.refresh_from_db()
    assert ir.state == state
    return ir


class _Undo(Exception):
    pass


def _outcome(action: str, pk: int, at) -> str | None:
    """Take the step on a fresh copy of the request and undo it: None, or the refusal."""
    try:
        with transaction.atomic():
            ACTIONS[action](InformationRequest.objects.get(pk=pk), at)
            raise _Undo
    except _Undo:
        return None
    except RequestActionRefused as refused:
        return str(refused)


def _expected(action: str, ir: InformationRequest) -> str | None:
    allowed, refusal, not_received = BEFORE[action]
    own = OWN_REFUSALS.get((action, ir.state))
    if own is not None:
        return own
    if ir.state not in allowed:
        return refusal.format(state=ir.get_state_display().lower())
    if ir.clock_started_on is None:
        return not_received
    return None


@pytest.fixture
def requests_in_every_state(tmp_path, settings):
    settings.INSOURCE_EVIDENCE_DIR = tmp_path
    settings.INSOURCE_REQUESTS_PER_HOUR = 100
    authority = council()
    built = [_build(state, authority) for state in S]
    settings.INSOURCE_PORTAL_IS_AUTHORITY_OWN = False
    not_received = submit(authority).request
    assert not_received.clock_started_on is None
    return [*built, not_received]


def test_the_table_allows_what_the_services_allowed_before_it():
    for action, (allowed, _refusal, _not_received) in BEFORE.items():
        step = STEPS[action]
        assert set(step.states) == set(allowed), action
        assert step.refusals == {s: m for (a, s), m in OWN_REFUSALS.items() if a == action}


def test_every_step_from_every_state(requests_in_every_state):
    """17 steps × 12 requests (each state, and one not yet received): allowed exactly where the
    table says, refused elsewhere with the message from before the table."""
    seen = []
    for action in STEPS:
        for ir in requests_in_every_state:
            found = _outcome(action, ir.pk, WHEN)
            assert found == _expected(action, ir), (action, ir.state, ir.clock_started_on)
            table_allows = ir.state in STEPS[action].states and (
                STEPS[action].not_received is None or ir.clock_started_on is not None
            )
            assert (found is None) == table_allows, (action, ir.state)
            seen.append((action, ir.state, found is None))
    assert len(seen) == len(STEPS) * 12
    assert sum(1 for *_, ok in seen if ok) > 60


def test_an_overdue_request_may_go_to_internal_review_from_any_awaiting_state(
    requests_in_every_state,
):
    for ir in requests_in_every_state:
        if ir.state in AWAITING and ir.due_on is not None:
            assert _outcome("review", ir.pk, at_day(ir.due_on + timedelta(days=3))) is None
            assert _outcome("review", ir.pk, WHEN) == BEFORE["review"][1]


def test_the_requester_takes_only_their_own_steps(requests_in_every_state):
    ir = next(r for r in requests_in_every_state if r.state == S.AWAITING_RESPONSE)
    with pytest.raises(RequestActionRefused, match="Only the authority can answer a request"):
        svc.request_answer(request=ir, in_full=True, public_text="Mine", by=svc.REQUESTER, at=WHEN)
    assert {a for a, step in STEPS.items() if "requester" in step.who} == {
        "clarification",
        "withdraw",
        "review",
    }


def test_request_step_takes_a_step_by_its_name(requests_in_every_state):
    ir = next(r for r in requests_in_every_state if r.state == S.AWAITING_RESPONSE)
    event = svc.request_step(
        request=ir, action="not-held", data={"public_text": "Ask the county"}, by=OFFICER, at=WHEN
    )
    assert (event.kind, ir.state, ir.due_on) == ("not-held", S.NOT_HELD, None)
    with pytest.raises(ValueError, match="request_refuse"):
        svc.request_step(request=ir, action="refuse", data={}, by=OFFICER, at=WHEN)


def test_the_table_lists_every_step_the_officers_pages_offer():
    assert set(STEPS) == set(officer_views.ACTIONS)


def _states(states) -> str:
    if states == ALL:
        return "any"
    if len(ALL - states) < len(states):
        return "any but " + ", ".join(s.value for s in S if s not in states)
    return ", ".join(s.value for s in S if s in states)


def steps_markdown() -> str:
    """The table as Markdown, as docs/information-requests.md shows it."""
    rows = [
        "| action | from | who | requires | records (event: what else) | tells the requester "
        "| leaves | due date after |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for step in STEPS.values():
        states = _states(step.states)
        if step.overdue_states:
            states += f"; {_states(step.overdue_states)} once overdue"
        who = "officers, requester" if Party.REQUESTER in step.who else "officers"
        requires = f"`{step.requires}`"
        if step.default:
            requires += f" (empty: {step.default})"
        records = f"`{step.kind}`" + (f": {step.records}" if step.records else "")
        service = "" if step.service == "request_step" else f" — own service `{step.service}`"
        to = {None: "unchanged", "response": "the response chosen"}.get(step.to, step.to)
        rows.append(
            f"| `{step.action}`{service} | {states} | {who} | {requires} | {records} "
            f"| {step.notify or '—'} | {to} | {step.due} |"
        )
    return "\n".join(rows) + "\n"


def test_the_docs_show_the_table_as_it_is():
    """On a change to the table, paste the table this prints into the docs."""
    docs = DOCS.read_text(encoding="utf-8")
    assert steps_markdown() in docs, steps_markdown()
    for action in STEPS:
        assert f"| `{action}`" in docs
