"""Following a contract by email from start to end: subscribe, the email with its link,
confirm, an event, the digest (once), a second run (nothing), unsubscribe by one-click POST
and by the link, and nothing more (ADR 0037)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client

from insource.alerts.models import Delivery, NewsItem, Subscription
from insource.testing.alerts import NOW, clock, decide, followed_council, link_in, publish
from insource.testing.information_requests import OFFICER, confirmed
from insource.transparency.requests import services as requests

pytestmark = pytest.mark.django_db

EMAIL = "resident@example.net"


def _subscribe(client, path, mailoutbox, capture, *, email=EMAIL, frequency="daily"):
    with clock(NOW - timedelta(days=2)), capture(execute=True):
        answer = client.post(path, {"email": email, "frequency": frequency})
    assert answer.status_code == 302 and answer["Location"] == "/public/follow/check-your-email/"
    mail = mailoutbox[-1]
    assert mail.to == [email] and "Confirm you want emails about" in mail.subject
    return link_in(mail.body, "confirm")


def _confirm(client, link):
    with clock(NOW - timedelta(days=1)):
        page = client.get(link)
        assert page.status_code == 200 and b"Confirm and start the emails" in page.content
        assert not Subscription.objects.filter(confirmed_at__isnull=False).exists()  # GET: no
        done = client.post(link)
    assert done.status_code == 302
    return done


def _digest(mailoutbox, on="2026-11-23") -> list:
    """The followers' emails the digest sends (officers' emails left out)."""
    before = len(mailoutbox)
    call_command("alerts", "send-digest", "--on", on)
    return [m for m in mailoutbox[before:] if "List-Unsubscribe" in m.extra_headers]


def test_subscribe_confirm_digest_once_then_unsubscribe_by_one_click(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    authority, people, contract = followed_council()
    path = f"/public/follow/contract/{contract.pk}/"
    link = _subscribe(client, path, mailoutbox, django_capture_on_commit_callbacks)
    assert _digest(mailoutbox) == []  # unconfirmed: nothing is sent
    _confirm(client, link)
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at == NOW - timedelta(days=1)

    decision = decide(authority, people, contract)  # review opened at NOW
    publish(decision, people)  # decision published at NOW
    assert NewsItem.objects.filter(contract=contract).count() == 2

    sent = _digest(mailoutbox)
    assert len(sent) == 1, "one digest email with both items"
    mail = sent[0]
    assert mail.to == [EMAIL]
    assert mail.body.count("Review opened: Refuse and recycling collection") == 1
    assert mail.body.count("Decision published: Refuse and recycling collection") == 1
    assert f"/public/decisions/{decision.pk}/" in mail.body
    stop = link_in(mail.body, "stop")
    assert mail.extra_headers["List-Unsubscribe"].endswith(f"{stop}>")
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Delivery.objects.filter(subscription=subscription).count() == 2

    assert _digest(mailoutbox) == [], "a second run sends nothing"
    assert _digest(mailoutbox, on="2026-11-24") == []

    # RFC 8058: the mail client POSTs the header's URL, with no cookie and no CSRF token
    one_click = Client(enforce_csrf_checks=True).post(
        stop,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert one_click.status_code == 200 and b"You will get no more emails" in one_click.content
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None and subscription.email == ""

    answered = confirmed(authority, contract=contract, at=NOW + timedelta(days=1))
    requests.request_answer(
        request=answered,
        in_full=True,
        public_text="Here they are.",
        uploads=[],
        by=OFFICER,
        at=NOW + timedelta(days=2),
    )
    assert NewsItem.objects.filter(kind="request-answered", contract=contract).exists()
    assert _digest(mailoutbox, on="2026-11-30") == [], "nothing more after unsubscribing"


def test_unsubscribe_by_the_link_in_the_email(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    authority, people, contract = followed_council()
    path = f"/public/follow/authority/{authority.public_slug}/"
    _confirm(client, _subscribe(client, path, mailoutbox, django_capture_on_commit_callbacks))
    decision = decide(authority, people, contract)
    (mail,) = _digest(mailoutbox)
    assert "Review opened" in mail.body
    stop = link_in(mail.body, "stop")

    page = Client().get(stop)
    assert page.status_code == 200 and b"Stop the emails" in page.content
    assert Subscription.objects.get().unsubscribed_at is None  # a GET stops nothing
    assert Client().post(stop).status_code == 200
    assert Client().get(stop).status_code == 200  # still a page, saying it is done

    publish(decision, people)
    assert NewsItem.objects.filter(kind="decision-published").exists()
    assert _digest(mailoutbox) == []


def test_immediate_followers_get_each_event_at_once_and_not_again(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    authority, people, contract = followed_council()
    path = "/public/follow/service/90/"
    link = _subscribe(
        client, path, mailoutbox, django_capture_on_commit_callbacks, frequency="immediate"
    )
    _confirm(client, link)
    with django_capture_on_commit_callbacks(execute=True):
        decision = decide(authority, people, contract)
    mine = [m for m in mailoutbox if m.to == [EMAIL]]
    assert len(mine) == 2 and "Review opened" in mine[-1].subject
    with django_capture_on_commit_callbacks(execute=True):
        publish(decision, people)
    mine = [m for m in mailoutbox if m.to == [EMAIL]]
    assert len(mine) == 3 and "Decision published" in mine[-1].subject
    assert _digest(mailoutbox) == [], "the digest never repeats what was sent at once"


def test_following_the_same_thing_twice_sends_each_item_once(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    authority, people, contract = followed_council()
    path = f"/public/follow/contract/{contract.pk}/"
    first = _subscribe(client, path, mailoutbox, django_capture_on_commit_callbacks)
    second = _subscribe(client, path, mailoutbox, django_capture_on_commit_callbacks)
    _confirm(client, first)
    with clock(NOW - timedelta(days=1)):
        assert client.post(second).status_code == 302
    assert Subscription.objects.filter(unsubscribed_at__isnull=True).count() == 1
    decide(authority, people, contract)
    assert len(_digest(mailoutbox)) == 1
