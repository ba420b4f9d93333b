"""A say before the decision (ADR 0036), through the pages: the public draft with its comment
form (errors all at once, what was typed kept, HTML shown as text), the confirmation button,
closed windows refusing with a plain message, the contract page's close date; officers asking
for comments, moderating, recording how they were considered; the decision-maker reading every
comment and the summary on the sign page; another authority's officers refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.reviews.comments.moderation import comment_moderate
from insource.reviews.comments.spam import form_token_sign
from insource.reviews.models import PublicComment
from insource.reviews.services.opening import review_open
from insource.testing import say
from insource.testing.workflow import DECIDED_FACTS, answer, council, refuse_contract, team

pytestmark = pytest.mark.django_db
SYSTEM = Actor.system("tests")


@pytest.fixture
def world(settings):
    settings.INSOURCE_REQUEST_MIN_FILL_SECONDS = 0
    now = timezone.now()
    authority = council()
    people = team(authority)
    contract = refuse_contract(authority, end_on=timezone.localdate() + timedelta(days=400))
    review = review_open(contract=contract, on=timezone.localdate(), by=SYSTEM, at=now)
    for slug, values in DECIDED_FACTS.items():
        answer(review, slug, values, people[Role.REVIEW_OFFICER])
    review.refresh_from_db()
    return authority, people, review


def _open(review, people, *, days_ago=0):
    at = timezone.now() - timedelta(days=days_ago)
    return say.window_open(review, people[Role.REVIEW_OFFICER], on=timezone.localdate(at), at=at)


def _post(client, window, **data):
    fields = {"text": "", "name": "", "email": "", "website": ""}
    fields["started"] = form_token_sign(timezone.now() - timedelta(minutes=2))
    url = reverse("public:comments-draft", args=[window.pk])
    return client.post(url, fields | data)


def test_a_resident_comments_and_confirms(client, world, django_capture_on_commit_callbacks):
    _authority, people, review = world
    window = _open(review, people)
    page = client.get(reverse("public:comments-draft", args=[window.pk]))
    body = page.content.decode()
    assert page.status_code == 200 and 'data-open="true"' in body
    assert "brought in house" in body.lower() and 'id="comment-form"' in body
    with django_capture_on_commit_callbacks(execute=True):
        sent = _post(client, window, text="Keep it public.", email="ann@example.net")
    assert sent.status_code == 302 and sent["Location"].endswith("/sent/")
    link = next(line for line in mail.outbox[0].body.splitlines() if "/confirm/" in line)
    path = link[link.index("/public/") :]
    confirm = client.get(path)
    assert confirm.status_code == 200 and 'id="confirm"' in confirm.content.decode()
    assert (
        PublicComment.objects.get().confirmed_at is None
    )  # a GET (a mail scanner) confirms nothing
    done = client.post(path)
    assert done.status_code == 302 and PublicComment.objects.get().confirmed_at is not None


def test_form_errors_are_shown_together_and_keep_what_was_typed(client, world):
    _authority, people, review = world
    window = _open(review, people)
    typed = "<b>bold</b> words " + "x" * 10_000
    page = _post(client, window, text=typed, email="not-an-email", name="Ann")
    body = page.content.decode()
    assert page.status_code == 400
    assert "10,000 characters or fewer" in body and "like name@example.com" in body
    assert "&lt;b&gt;bold&lt;/b&gt; words" in body and 'value="Ann"' in body
    assert PublicComment.objects.count() == 0


def test_html_in_a_published_comment_is_shown_as_text(client, world):
    _authority, people, review = world
    window = _open(review, people)
    comment = say.confirmed_comment(
        window, text="<script>alert('x')</script> Hello", at=timezone.now()
    )
    officer = people[Role.REVIEW_OFFICER]
    comment_moderate(
        comment=comment,
        moderation="published",
        user=officer,
        by=Actor.for_user(officer),
        at=timezone.now(),
    )
    body = client.get(reverse("public:comments-draft", args=[window.pk])).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Hello" in body
    assert "<script>alert" not in body and say.EMAIL not in body and say.NAME not in body


def test_a_closed_window_refuses_comments_in_plain_words(client, world):
    _authority, people, review = world
    window = _open(review, people, days_ago=40)
    page = client.get(reverse("public:comments-draft", args=[window.pk]))
    body = page.content.decode()
    assert 'data-open="false"' in body and 'id="comment-form"' not in body
    refused = _post(client, window, text="Too late?", email="late@example.net")
    assert refused.status_code == 400
    assert "Comments on this draft closed on" in refused.content.decode()
    assert PublicComment.objects.count() == 0


def test_the_contract_page_shows_the_close_date(client, world):
    _authority, people, review = world
    window = _open(review, people)
    body = client.get(reverse("portal:contract", args=[review.contract_id])).content.decode()
    closes = window.closes_on
    assert f"{closes.day} {closes:%B %Y}" in body and 'id="say-window-link"' in body
    listing = client.get(reverse("public:comments")).content.decode()
    assert reverse("public:comments-draft", args=[window.pk]) in listing


def test_officers_ask_moderate_and_record_how_comments_were_considered(
    client, officer_login, world
):
    authority, people, review = world
    officer = people[Role.REVIEW_OFFICER]
    officer_login(client, officer)
    kwargs = {"code": authority.code, "pk": review.pk}
    opened = client.post(reverse("reviews:say-open", kwargs=kwargs))
    assert opened.status_code == 302 and review.__class__.objects.get(pk=review.pk).comment_window
    window = review.__class__.objects.get(pk=review.pk).comment_window
    comment = say.confirmed_comment(window, text="Rude: you are all idiots.", at=timezone.now())
    url = reverse("reviews:say-moderate", kwargs=kwargs | {"comment_pk": comment.pk})
    page = client.get(url)
    assert page.status_code == 200 and say.EMAIL in page.content.decode()  # moderators see it
    bad = client.post(url, {"moderation": "withheld"})
    assert bad.status_code == 400 and "Choose why the comment is withheld" in bad.content.decode()
    good = client.post(url, {"moderation": "withheld", "withheld_reason": "offensive"})
    assert good.status_code == 302
    comment.refresh_from_db()
    assert (comment.moderation, comment.withheld_reason) == ("withheld", "offensive")
    considered = client.post(
        reverse("reviews:say-considered", kwargs=kwargs), {"how_considered": "x"}
    )
    assert (
        considered.status_code == 400 and "Comments are open until" in considered.content.decode()
    )
    listing = client.get(reverse("reviews:say", kwargs=kwargs)).content.decode()
    assert "Rude: you are all idiots." in listing and "It is offensive or abusive" in listing


def test_the_decision_maker_sees_every_comment_and_the_summary(client, officer_login, world):
    authority, people, review = world
    window = _open(review, people, days_ago=30)
    say.confirmed_comment(
        window, text=f"I am {say.NAME}. Bring it home.", at=timezone.now() - timedelta(days=29)
    )
    review.refresh_from_db()
    from insource.reviews.services.editing import review_submit

    review_submit(
        review=review,
        decision_maker=people[Role.DECISION_MAKER],
        version=review.version,
        on=timezone.localdate(),
        by=SYSTEM,
        at=timezone.now(),
    )
    officer_login(client, people[Role.DECISION_MAKER])
    kwargs = {"code": authority.code, "pk": review.pk}
    sign = client.get(reverse("reviews:sign", kwargs=kwargs)).content.decode()
    assert 'id="comments-received">1<' in sign and "Not recorded yet" in sign
    review.refresh_from_db()
    refused = client.post(
        reverse("reviews:sign", kwargs=kwargs),
        {"outcome": "INSOURCE_STATUTORY_PRESUMPTION", "version": review.version, "confirm": "on"},
    )
    assert refused.status_code == 400
    assert "Record how the public comments were considered" in refused.content.decode()
    every = client.get(reverse("reviews:say", kwargs=kwargs)).content.decode()
    assert "Bring it home." in every  # every comment, but not who made it (moderators only)
    assert say.EMAIL not in every and say.NAME not in every
    assert client.post(reverse("reviews:say-open", kwargs=kwargs)).status_code == 403


def test_another_authoritys_officers_are_refused(client, officer_login, world):
    authority, people, review = world
    window = _open(review, people)
    comment = say.confirmed_comment(window, at=timezone.now())
    stranger = team(council())[Role.REVIEW_OFFICER]
    officer_login(client, stranger)
    kwargs = {"code": authority.code, "pk": review.pk}
    assert client.get(reverse("reviews:say", kwargs=kwargs)).status_code == 404
    url = reverse("reviews:say-moderate", kwargs=kwargs | {"comment_pk": comment.pk})
    assert client.post(url, {"moderation": "published"}).status_code == 404
    comment.refresh_from_db()
    assert comment.moderation == "pending"
