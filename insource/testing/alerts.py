"""Builders for the alerts' tests: a council with a contract followed, events made through the
lower apps' services (so the signals record the news), the clock a request reads."""

from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import datetime
from unittest.mock import patch

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.reviews.decisions.pack import pack_render
from insource.reviews.services.decisions import decision_publish
from insource.testing.workflow import (
    NOW,
    TODAY,
    council,
    decided_review,
    refuse_contract,
    team,
)

__all__ = ["NOW", "TODAY", "clock", "decide", "followed_council", "link_in", "publish"]


def followed_council(**kwargs):
    """An adopting council, its team and a refuse contract due for review."""
    authority = council(**kwargs)
    people = team(authority)
    return authority, people, refuse_contract(authority)


def decide(authority, people, contract):
    """Open (at NOW), answer and sign the contract's review: 'review opened' news."""
    return decided_review(authority, people, contract)


# The pack's PDF is not what the alerts are about: its page is drawn by the decision pack's
# own tests (reviews, appraisal); here a minimal PDF stands in for it (ADR 0049).
PACK_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def publish(decision, people, *, at: datetime = NOW):
    legal = people[Role.LEGAL_OFFICER]
    with patch("insource.core.pdf.html_to_pdf", lambda html, **kwargs: PACK_PDF):
        html, pdf = pack_render(decision, publisher_name="Lee Legal", published_on=TODAY)
    return decision_publish(
        decision=decision,
        user=legal,
        redaction_note="No personal data",
        has_confidential_annex=False,
        pack_html=html,
        pack_pdf=pdf,
        on=TODAY,
        by=Actor.for_user(legal),
        at=at,
    )


@contextmanager
def clock(at: datetime):
    """Requests made inside read `at` as the time (views read the clock once, here)."""
    with patch("insource.core.views.timezone.now", return_value=at):
        yield


def link_in(body: str, route: str) -> str:
    """The path of the first link to /public/follow/<route>/… in an email's text."""
    found = re.search(rf"https?://[^/\s]+(/public/follow/{route}/\S+/)", body)
    assert found, f"no {route} link in: {body}"
    return found.group(1)
