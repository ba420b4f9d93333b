"""The feeds, validated: Atom parsed with an XML parser and checked against RFC 4287's required
elements; iCalendar parsed with the icalendar library (RFC 5545's required properties)."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # noqa: S405 - our own output, parsed in a test
from datetime import timedelta

import icalendar
import pytest

from insource.core.audit import Actor
from insource.reviews.models import Review
from insource.reviews.services.opening import reviews_open_due
from insource.testing.alerts import NOW, decide, followed_council, publish
from insource.testing.information_requests import confirmed

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def _one(element, name):
    found = element.findall(f"{ATOM}{name}")
    assert len(found) == 1, f"{element.tag} must hold exactly one atom:{name}"
    return found[0]


def _check_atom(xml: bytes) -> ET.Element:
    """RFC 4287 §4.1.1: a feed has one id, title and updated, an author (or every entry has),
    a self link SHOULD; §4.1.2: each entry has one id, title and updated, and a link
    (alternate) when it has no content."""
    feed = ET.fromstring(xml)  # noqa: S314
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert _one(feed, name).text.strip()
    assert feed.findall(f"{ATOM}author/{ATOM}name")
    rels = {link.get("rel", "alternate") for link in feed.findall(f"{ATOM}link")}
    assert {"self", "alternate"} <= rels
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert _one(entry, name).text.strip()
        links = entry.findall(f"{ATOM}link")
        assert any(link.get("rel", "alternate") == "alternate" for link in links)
        assert all(link.get("href") for link in links)
    return feed


def test_the_atom_feed_of_a_contract_is_valid_and_holds_its_news(client):
    authority, people, contract = followed_council()
    publish(decide(authority, people, contract), people)
    answer = client.get(f"/public/follow/contract/{contract.pk}/feed.atom")
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/atom+xml")
    feed = _check_atom(answer.content)
    titles = sorted(e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry"))
    assert titles == [
        "Decision published: Refuse and recycling collection",
        "Review opened: Refuse and recycling collection",
    ]
    ids = [e.find(f"{ATOM}id").text for e in feed.findall(f"{ATOM}entry")]
    assert len(set(ids)) == 2 and all(i.startswith("tag:") for i in ids)


def test_an_empty_feed_is_still_valid(client):
    authority, _people, _contract = followed_council()
    for path in (f"authority/{authority.public_slug}", "service/90"):
        feed = _check_atom(client.get(f"/public/follow/{path}/feed.atom").content)
        assert feed.findall(f"{ATOM}entry") == []


def test_the_calendar_holds_decision_points_and_response_dates(client):
    authority, _people, contract = followed_council()
    reviews_open_due(on=NOW.date(), by=Actor.system("tests"), at=NOW, authority=authority)
    review = Review.objects.get(contract=contract)
    asked = confirmed(authority, contract=contract, at=NOW + timedelta(hours=1))
    answer = client.get(f"/public/follow/authority/{authority.public_slug}/calendar.ics")
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(answer.content)
    assert cal.name == "VCALENDAR"
    assert str(cal["VERSION"]) == "2.0" and str(cal["PRODID"]).startswith("-//Insource//")
    events = cal.walk("VEVENT")
    for event in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert prop in event, f"VEVENT without {prop}"
    starts = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in events}
    assert starts["Decision due: Refuse and recycling collection"] == review.decision_point_on
    assert starts[f"Response due: information request {asked.reference}"] == asked.due_on
    assert len({str(e["UID"]) for e in events}) == len(events) == 2
    service = client.get("/public/follow/service/90/calendar.ics")
    assert len(icalendar.Calendar.from_ical(service.content).walk("VEVENT")) == 2
    other = client.get("/public/follow/service/03/calendar.ics")
    assert icalendar.Calendar.from_ical(other.content).walk("VEVENT") == []


def test_a_comment_window_is_news_in_the_feed_and_a_span_on_the_calendar(client):
    from insource.alerts.models import NewsItem
    from insource.authorities.models import Role
    from insource.reviews.services.editing import review_answer
    from insource.reviews.workflow.questions import BY_SLUG
    from insource.testing.say import window_open
    from insource.testing.workflow import DECIDED_FACTS

    authority, people, contract = followed_council()
    reviews_open_due(on=NOW.date(), by=Actor.system("tests"), at=NOW, authority=authority)
    review = Review.objects.get(contract=contract)
    officer = people[Role.REVIEW_OFFICER]
    for slug, values in DECIDED_FACTS.items():
        review.refresh_from_db()
        review_answer(
            review=review,
            topic=BY_SLUG[slug],
            values=values,
            disputed={},
            version=review.version,
            on=NOW.date(),
            by=Actor.for_user(officer),
            user=officer,
            at=NOW,
        )
    review.refresh_from_db()
    window = window_open(review, officer)
    item = NewsItem.objects.get(kind="comment-window-opened")
    assert item.contract == contract and item.on == window.closes_on
    assert item.path == f"/public/comments/{window.pk}/"
    feed = _check_atom(client.get(f"/public/follow/contract/{contract.pk}/feed.atom").content)
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert "Comments invited: Refuse and recycling collection" in titles
    answer = client.get("/public/follow/service/90/calendar.ics")
    events = icalendar.Calendar.from_ical(answer.content).walk("VEVENT")
    (span,) = [e for e in events if str(e["SUMMARY"]).startswith("Comments invited")]
    assert span.decoded("DTSTART") == window.opens_on
    assert span.decoded("DTEND") == window.closes_on + timedelta(days=1)
