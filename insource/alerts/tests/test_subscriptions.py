"""Following by email: the form's errors in GOV.UK words, hostile input, the expiry of
unconfirmed subscriptions, the address never shown anywhere, Welsh authorities' emails in
both languages, and the news each lower app's signal records (ADR 0037)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command

from insource.alerts.models import NewsItem, Subscription
from insource.alerts.selectors import Target
from insource.alerts.services import subscription_confirm, subscription_create
from insource.core.audit import Actor
from insource.core.models import AuditEvent
from insource.reviews.services.lateness import reviews_notify_late
from insource.testing.alerts import NOW, clock, decide, followed_council, link_in, publish

pytestmark = pytest.mark.django_db

SECRET = "very.private.person@example.net"


def _make(target, email=SECRET, at=NOW, frequency="daily"):
    return subscription_create(
        target=target, email=email, frequency=frequency, language="en-gb", ip="", at=at
    )


def test_the_form_names_every_error_at_once_and_keeps_what_was_typed(client):
    _authority, _people, contract = followed_council()
    path = f"/public/follow/contract/{contract.pk}/"
    answer = client.post(path, {"email": "not-an-address", "frequency": "hourly"})
    assert answer.status_code == 400
    text = answer.content.decode()
    assert "There is a problem" in text
    assert "Enter an email address in the correct format, like name@example.com" in text
    assert "Choose how often you want emails" in text
    assert 'value="not-an-address"' in text
    empty = client.post(path, {}).content.decode()
    assert "Enter your email address" in empty
    long = client.post(path, {"email": "a" * 250 + "@example.net", "frequency": "daily"})
    assert long.status_code == 400
    assert "Your email address must be 254 characters or fewer" in long.content.decode()
    assert not Subscription.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/public/follow/authority/no-such-council/",
        "/public/follow/contract/999999999/",
        "/public/follow/contract/12abc/",
        "/public/follow/contract/" + "9" * 40 + "/",
        "/public/follow/service/99/",
        "/public/follow/service/9/",
        "/public/follow/planet/earth/",
        "/public/follow/authority/" + "x" * 5000 + "/",
        "/public/follow/authority/no-such-council/feed.atom",
        "/public/follow/service/00/calendar.ics",
        "/public/follow/confirm/not-a-token/",
        "/public/follow/stop/nothing/not-a-token/",
    ],
)
def test_unknown_or_hostile_addresses_are_not_found(client, path):
    assert client.get(path).status_code == 404
    assert client.post(path, {"email": "a@example.net", "frequency": "daily"}).status_code == 404


def test_a_stop_link_with_a_wrong_secret_is_not_found(client):
    authority, _people, _contract = followed_council()
    made = _make(Target("authority", authority=authority))
    path = f"/public/follow/stop/{made.subscription.ref}/{'0' * 64}/"
    assert client.post(path).status_code == 404
    assert Subscription.objects.get().unsubscribed_at is None


def test_too_many_follow_requests_are_refused_in_plain_words(client, settings):
    settings.INSOURCE_ALERTS_PER_HOUR = 2
    authority, _people, _contract = followed_council()
    path = f"/public/follow/authority/{authority.public_slug}/"
    for _ in range(2):
        assert client.post(path, {"email": SECRET, "frequency": "daily"}).status_code == 302
    refused = client.post(path, {"email": SECRET, "frequency": "daily"})
    assert refused.status_code == 400
    assert "the most we accept" in refused.content.decode()
    assert Subscription.objects.count() == 2


def test_unconfirmed_subscriptions_send_nothing_and_expire(client, settings, mailoutbox):
    authority, people, contract = followed_council()
    target = Target("contract", contract=contract)
    old = _make(target, at=NOW - timedelta(days=8))
    fresh = _make(target, email="fresh@example.net", at=NOW - timedelta(days=1))
    decide(authority, people, contract)
    call_command("alerts", "send-digest", "--on", "2026-11-23")
    assert not [m for m in mailoutbox if "List-Unsubscribe" in m.extra_headers]
    assert list(Subscription.objects.values_list("pk", flat=True)) == [fresh.subscription.pk]
    assert AuditEvent.objects.filter(action="alerts.expire").count() == 1
    with clock(NOW):
        gone = client.get(f"/public/follow/confirm/{old.token}/")
    assert gone.status_code == 404
    with clock(NOW + timedelta(days=7)):  # the fresh one's link has expired too
        expired = client.post(f"/public/follow/confirm/{fresh.token}/")
    assert "This link has expired" in expired.content.decode()
    assert Subscription.objects.get().confirmed_at is None


def test_the_address_is_never_on_a_page_a_feed_the_api_or_the_audit(client):
    authority, people, contract = followed_council()
    made = _make(Target("contract", contract=contract), at=NOW - timedelta(days=1))
    subscription_confirm(token=made.token, at=NOW - timedelta(hours=1))
    publish(decide(authority, people, contract), people)
    pages = [
        f"/public/follow/contract/{contract.pk}/",
        f"/public/follow/contract/{contract.pk}/feed.atom",
        f"/public/follow/contract/{contract.pk}/calendar.ics",
        f"/public/follow/authority/{authority.public_slug}/",
        f"/public/follow/confirm/{made.token}/",
        f"/public/contracts/{contract.pk}/",
        f"/public/authorities/{authority.public_slug}/",
        "/api/public/v1/contracts/",
        f"/api/public/v1/contracts/{contract.pk}/",
        "/api/public/v1/decisions/",
    ]
    for path in pages:
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert SECRET.encode() not in answer.content, path
        assert b"very.private" not in answer.content, path
    audit = AuditEvent.objects.filter(action__startswith="alerts.")
    assert audit.count() == 2
    assert all(SECRET not in str(a.after) + a.reason for a in audit)


def test_a_welsh_authoritys_emails_are_in_welsh_and_english(mailoutbox, settings):
    authority, people, contract = followed_council(nation="Wales")
    assert authority.publishes_in_welsh
    made = _make(Target("authority", authority=authority), at=NOW - timedelta(days=1))
    subscription_confirm(token=made.token, at=NOW - timedelta(hours=1))
    decide(authority, people, contract)
    call_command("alerts", "send-digest", "--on", "2026-11-23")
    (mail,) = [m for m in mailoutbox if "List-Unsubscribe" in m.extra_headers]
    welsh, english = mail.body.split("-" * 40)
    assert " / " in mail.subject
    # the Welsh catalogue is translated by the lead at the end: until then both halves hold
    # the same item, each with its own unsubscribe link
    for half in (welsh, english):
        assert half.count("Refuse and recycling collection") == 1
        assert link_in(half, "stop")


def test_each_signal_records_its_news_once():
    authority, people, contract = followed_council()
    decision = decide(authority, people, contract)
    assert NewsItem.objects.filter(kind="review-opened").count() == 1
    from insource.reviews.services.opening import reviews_open_due

    reviews_open_due(on=NOW.date(), by=Actor.system("tests"), at=NOW, authority=authority)
    assert NewsItem.objects.filter(kind="review-opened").count() == 1
    publish(decision, people)
    item = NewsItem.objects.get(kind="decision-published")
    assert item.path == f"/public/decisions/{decision.pk}/" and item.division == "90"
    late = reviews_notify_late(on=contract.end_on, by=Actor.system("tests"), at=NOW)
    assert late == 0  # signed: not late
    other = followed_council()[2]
    reviews_open_due(on=NOW.date(), by=Actor.system("tests"), at=NOW, authority=other.buyer)
    reviews_notify_late(on=other.end_on, by=Actor.system("tests"), at=NOW + timedelta(days=400))
    (gone_late,) = NewsItem.objects.filter(kind="review-late")
    assert gone_late.contract == other and gone_late.on is not None
