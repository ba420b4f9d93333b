"""No public output ever carries a requester's identity.

The test builds a register with a published decision and information requests whose requesters
wrote their own name and email into the request, then crawls every public page, API response
and export reachable from the public entry points (links in HTML, URLs in JSON, the next pages
of lists) and searches each body for the name and the email."""

from __future__ import annotations

import json
import re
from collections import deque
from datetime import timedelta
from urllib.parse import urljoin, urlparse

import pytest

from insource.testing.information_requests import NOW, OFFICER, confirmed
from insource.testing.workflow import TODAY, team
from insource.testing.workflow import decided_review as _decided
from insource.transparency.requests.services import request_answer, request_refuse

pytestmark = pytest.mark.django_db

NAME = "Quentin Privacyson"
EMAIL = "quentin.privacyson@example.net"
SEEDS = (
    "/",
    "/public/authorities/",
    "/public/contracts/",
    "/public/requests/",
    "/public/policy-adoptions/",
    "/api/public/v1/",
    "/api/public/v1/contracts/",
    "/api/public/v1/decisions/",
    "/api/public/v1/authorities/",
    "/api/public/v1/requests/",
    "/api/public/v1/schema/",
)
PUBLIC = ("/public/", "/api/public/")
HREF = re.compile(r'(?:href|src)="([^"#]+)')
MAX_PAGES = 600


def _world():
    from insource.authorities.models import Role
    from insource.core.audit import Actor
    from insource.reviews.services.decisions import decision_publish
    from insource.testing.workflow import council, refuse_contract

    authority = council(code="PRV", name="Privacyshire County Council")
    people = team(authority)
    contract = refuse_contract(authority)
    decision = _decided(authority, people, contract)
    decision_publish(
        decision=decision,
        user=people[Role.LEGAL_OFFICER],
        redaction_note="None",
        has_confidential_annex=False,
        pack_html="<p>pack</p>",
        pack_pdf=b"%PDF-1.7",
        on=TODAY,
        by=Actor.system("tests"),
        at=NOW + timedelta(minutes=1),
    )
    text = f"I am {NAME} ({EMAIL}). Please send the KPI reports behind this decision."
    answered = confirmed(authority, name=NAME, email=EMAIL, text=text, decision=decision)
    request_answer(
        request=answered,
        in_full=True,
        public_text=f"Dear {NAME}, attached.",
        by=OFFICER,
        at=NOW + timedelta(days=3),
    )
    refused = confirmed(authority, name=NAME, email=EMAIL.upper(), text=text)
    request_refuse(
        request=refused,
        ground="exemption",
        exemptions=("s.21",),
        public_text="Already published.",
        by=OFFICER,
        at=NOW + timedelta(days=4),
    )
    confirmed(authority, name=NAME, email=EMAIL, text=text)  # still awaiting a response
    return authority


def _links(url: str, response, data: bytes) -> list[str]:
    body = data.decode("utf-8", "replace")
    if response.get("Content-Type", "").startswith("application/json"):
        found = re.findall(r'"(https?://testserver[^"]+|/[^"\s]+)"', body)
    else:
        found = HREF.findall(body)
    paths = [urlparse(urljoin(f"http://testserver{url}", link)) for link in found]
    return [p.path + (f"?{p.query}" if p.query else "") for p in paths if p.netloc == "testserver"]


def _crawl(client) -> dict[str, bytes]:
    seen, queue, bodies = set(SEEDS), deque(SEEDS), {}
    while queue and len(bodies) < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200:
            continue
        bodies[url] = b"".join(response) if response.streaming else response.content
        for link in _links(url, response, bodies[url]):
            if link not in seen and (link == "/" or link.startswith(PUBLIC)):
                seen.add(link)
                queue.append(link)
    return bodies


def test_no_public_output_names_the_requester(client):
    _world()
    bodies = _crawl(client)
    assert any(u.startswith("/public/requests/IR-") for u in bodies), sorted(bodies)[:40]
    assert any(u.startswith("/api/public/v1/requests/IR-") for u in bodies), sorted(bodies)
    leaks = [
        url
        for url, body in bodies.items()
        if EMAIL in body.decode("utf-8", "replace").lower()
        or NAME.lower() in body.decode("utf-8", "replace").lower()
    ]
    assert leaks == [], f"the requester's identity is in {leaks}"
    assert len(bodies) > 20
    json.dumps(sorted(bodies))  # the crawl's list of URLs is plain data
