"""An officer's first page (issue 18): what waits for the signed-in person, by role, across the
authorities they belong to (their own authorities are the default of every list). Each list
comes from its app's selector, which takes the authority; what a person sees follows their
capabilities there (`authorities/roles.py`), so a decision-maker sees what awaits their
signature, a legal officer what is ready to publish, a transition manager its milestones."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from insource.authorities.roles import Capability
from insource.authorities.selectors import Access, memberships_of
from insource.reviews.selectors import reviews as reviews_selectors
from insource.transition.selectors import milestones_due_by
from insource.transparency.requests.selectors import requests_due_by

REQUESTS_WINDOW_DAYS = 7  # "requests due this week": due within 7 days, or overdue
MILESTONES_WINDOW_DAYS = 14  # transition milestones due within 14 days, or late
MAX_SHOWN = 10


@dataclass
class AuthorityWork:
    """What waits for the person at one authority (each list None when their roles there do
    not reach it, so the page can leave its heading out)."""

    access: Access
    reviews_due: list | None = None
    awaiting_signature: list | None = None
    ready_to_publish: list | None = None
    requests_due: list | None = None
    milestones_due: list | None = None

    @property
    def is_empty(self) -> bool:
        lists = (
            self.reviews_due,
            self.awaiting_signature,
            self.ready_to_publish,
            self.requests_due,
            self.milestones_due,
        )
        return not any(lists)


@dataclass
class OfficerWork:
    on: date
    requests_until: date
    milestones_until: date
    authorities: list[AuthorityWork] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return all(work.is_empty for work in self.authorities)


def _first(rows) -> list:
    return list(rows[:MAX_SHOWN])


def authority_work(access: Access, *, user, on: date) -> AuthorityWork:
    """What waits for `user` at one authority on `on`, by their roles there."""
    authority, work = access.authority, AuthorityWork(access)
    if access.can(Capability.EDIT_REVIEW) or access.can(Capability.OPEN_REVIEW):
        work.reviews_due = _first(
            reviews_selectors.reviews_due_of(authority=authority, owner=user, on=on)
        )
    if access.can(Capability.SIGN_DECISION):
        work.awaiting_signature = _first(
            reviews_selectors.reviews_awaiting_signature(authority=authority, decision_maker=user)
        )
    if access.can(Capability.PUBLISH_DECISION):
        work.ready_to_publish = _first(
            reviews_selectors.reviews_ready_to_publish(authority=authority)
        )
    if access.can(Capability.ANSWER_REQUESTS):
        until = on + timedelta(days=REQUESTS_WINDOW_DAYS)
        work.requests_due = _first(requests_due_by(authority=authority, until=until))
    until = on + timedelta(days=MILESTONES_WINDOW_DAYS)
    if access.can(Capability.MANAGE_TRANSITION):
        work.milestones_due = milestones_due_by(authority=authority, until=until)[:MAX_SHOWN]
    else:
        owned = milestones_due_by(authority=authority, until=until, owner=user)
        work.milestones_due = owned[:MAX_SHOWN] if owned else None
    return work


def officer_work(user, *, on: date) -> OfficerWork:
    """What waits for the signed-in officer at each of their authorities, by name."""
    return OfficerWork(
        on=on,
        requests_until=on + timedelta(days=REQUESTS_WINDOW_DAYS),
        milestones_until=on + timedelta(days=MILESTONES_WINDOW_DAYS),
        authorities=[authority_work(a, user=user, on=on) for a in memberships_of(user)],
    )
