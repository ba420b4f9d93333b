"""A say before the decision (issue 18; ADR 0036), through the services: a comment window on a
draft, comments that count only once confirmed, moderation with reasons, the window closing
(comments refused after it), signing refused while comments are open and, when any were
received, until how they were considered is recorded; the decision and its pack keep the count,
how they were considered and the subsidiarity and openness answers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.core.models import AuditEvent
from insource.reviews.comments import selectors
from insource.reviews.comments.moderation import ModerationInvalid, comment_moderate
from insource.reviews.comments.rules import is_open_for_comments
from insource.reviews.comments.services import (
    WindowRefused,
    comment_window_consider,
    comment_window_open,
    comment_windows_close,
)
from insource.reviews.comments.spam import CommentRefused
from insource.reviews.comments.submission import CommentInvalid, comment_confirm
from insource.reviews.decisions.pack import pack_html
from insource.reviews.models import Review
from insource.reviews.services.decisions import SignatureRefused, decision_sign
from insource.reviews.services.editing import review_submit
from insource.reviews.services.opening import review_open
from insource.reviews.signals import comment_window_closed, comment_window_opened
from insource.testing import say
from insource.testing.workflow import (
    DECIDED_FACTS,
    NOW,
    TODAY,
    answer,
    council,
    refuse_contract,
    team,
)

pytestmark = pytest.mark.django_db
SYSTEM = Actor.system("tests")
CLOSES_ON = TODAY + timedelta(days=27)  # 28 days, counting the first: 20 December 2026
AFTER = NOW + timedelta(days=28)  # 21 December 2026, the day after the last
OPENNESS = {
    "workflow.openness.closer": "partly",
    "workflow.openness.closer_who": "community",
    "workflow.openness.closer_reason": "A tenants' co-operative could run the estate rounds.",
    "workflow.openness.involved": "all",
    "workflow.openness.involvement": "A survey of 1,200 households and two depot meetings.",
    "workflow.openness.published": "The draft, the crews' pay and the depot costs.",
}


@pytest.fixture
def world():
    authority = council()
    people = team(authority)
    review = review_open(contract=refuse_contract(authority), on=TODAY, by=SYSTEM, at=NOW)
    for slug, values in DECIDED_FACTS.items():
        answer(review, slug, values, people[Role.REVIEW_OFFICER])
    review.refresh_from_db()
    return authority, people, review


def _submit_and_sign(review, people, *, at):
    maker = people[Role.DECISION_MAKER]
    review.refresh_from_db()
    if review.state == "open":
        review_submit(
            review=review, decision_maker=maker, version=review.version, on=TODAY, by=SYSTEM, at=NOW
        )
        review.refresh_from_db()
    return decision_sign(
        review=review,
        signer=maker,
        outcome=review.evaluation["result"]["outcome"],
        reason="",
        version=review.version,
        on=at.date(),
        by=Actor.for_user(maker),
        at=at,
    )


def test_a_window_opens_for_the_parameters_days_and_says_so(world):
    authority, people, review = world
    window = say.window_open(review, people[Role.REVIEW_OFFICER])
    assert (window.opens_on, window.closes_on, window.num_days) == (TODAY, CLOSES_ON, 28)
    assert window.draft["outcome"] == "INSOURCE_STATUTORY_PRESUMPTION"
    assert AuditEvent.objects.filter(action="reviews.comment_window_open").count() == 1
    assert list(selectors.open_comment_windows(on=TODAY)) == [window]
    assert list(selectors.open_comment_windows(on=CLOSES_ON + timedelta(days=1))) == []
    between = selectors.comment_windows_between(CLOSES_ON, CLOSES_ON + timedelta(days=30))
    assert list(between) == [window]
    assert (
        list(selectors.comment_windows_between(TODAY - timedelta(days=9), TODAY - timedelta(1)))
        == []
    )
    with pytest.raises(WindowRefused, match="already"):
        say.window_open(review, people[Role.REVIEW_OFFICER])


def test_the_opened_signal_carries_the_window(world):
    _authority, people, review = world
    got = {}

    def receiver(sender, window, by, at, **kwargs):
        got.update(window=window, by=by, at=at)

    comment_window_opened.connect(receiver)
    try:
        window = say.window_open(review, people[Role.REVIEW_OFFICER])
    finally:
        comment_window_opened.disconnect(receiver)
    assert got["window"] == window and got["at"] == NOW


def test_no_window_without_a_draft_recommendation():
    authority = council()
    people = team(authority)
    review = review_open(contract=refuse_contract(authority), on=TODAY, by=SYSTEM, at=NOW)
    Review.objects.filter(pk=review.pk).update(evaluation={})
    review.refresh_from_db()
    with pytest.raises(WindowRefused, match="no draft recommendation"):
        comment_window_open(
            review=review, user=people[Role.REVIEW_OFFICER], on=TODAY, by=SYSTEM, at=NOW
        )


def test_a_comment_counts_only_once_its_email_is_confirmed(
    world, django_capture_on_commit_callbacks
):
    _authority, people, review = world
    window = say.window_open(review, people[Role.REVIEW_OFFICER])
    with django_capture_on_commit_callbacks(execute=True):
        made = say.comment(window)
    assert len(mail.outbox) == 1 and "/public/comments/confirm/" in mail.outbox[0].body
    assert made.token in mail.outbox[0].body
    assert mail.outbox[0].to == [say.EMAIL]
    counts = selectors.comment_summary(window)["counts"]
    assert (counts["received"], counts["unconfirmed"]) == (0, 1)
    comment_confirm(token=made.token, at=NOW)
    comment_confirm(token=made.token, at=NOW + timedelta(hours=1))  # a second click: no change
    counts = selectors.comment_summary(window)["counts"]
    assert (counts["received"], counts["unconfirmed"], counts["pending"]) == (1, 0, 1)
    with pytest.raises(CommentRefused, match="not valid"):
        comment_confirm(token="forged", at=NOW)


def test_the_name_and_email_are_never_in_the_public_text(world):
    _authority, people, review = world
    window = say.window_open(review, people[Role.REVIEW_OFFICER])
    text = f"I am {say.NAME} ({say.EMAIL.upper()}) and I use the service."
    comment = say.confirmed_comment(window, text=text)
    assert say.NAME not in comment.public_text and say.EMAIL not in comment.public_text.lower()
    assert comment.text == text


def test_hostile_input_is_refused_naming_every_field(world):
    _authority, people, review = world
    window = say.window_open(review, people[Role.REVIEW_OFFICER])
    with pytest.raises(CommentInvalid) as refused:
        say.comment(window, text="x" * 10_001, email="not an email", name="n" * 201)
    assert set(refused.value.errors) == {"text", "email", "name"}
    assert "10,000 characters or fewer" in refused.value.errors["text"]
    assert "like name@example.com" in refused.value.errors["email"]
    with pytest.raises(CommentInvalid) as empty:
        say.comment(window, text="  \x00 ", email="")
    assert set(empty.value.errors) == {"text", "email"}
    html = say.confirmed_comment(window, text="<script>alert(1)</script>\x00 Fine.")
    assert html.text == "<script>alert(1)</script> Fine."  # kept as text; escaped when shown
    with pytest.raises(CommentRefused, match="automated"):
        say.comment(window, honeypot="http://spam.example")


def test_comments_are_refused_after_the_window_closes_and_its_closing_is_announced(world):
    _authority, people, review = world
    window = say.window_open(review, people[Role.REVIEW_OFFICER])
    late = say.comment(window, at=NOW + timedelta(days=27, hours=10))  # 20 December, 19:00
    assert is_open_for_comments(window, on=CLOSES_ON)
    assert not is_open_for_comments(window, on=CLOSES_ON + timedelta(days=1))
    with pytest.raises(CommentRefused, match="closed on 20 December 2026"):
        say.comment(window, at=AFTER)
    with pytest.raises(CommentRefused, match="before your comment was confirmed"):
        comment_confirm(token=late.token, at=AFTER)
    assert selectors.comment_summary(window)["counts"]["received"] == 0
    closed = []

    def receiver(sender, window, at, **kwargs):
        closed.append(window)

    comment_window_closed.connect(receiver)
    try:
        assert comment_windows_close(at=NOW + timedelta(days=27), by=SYSTEM) == []  # still open
        assert comment_windows_close(at=AFTER, by=SYSTEM) == [window]
        assert comment_windows_close(at=AFTER + timedelta(days=1), by=SYSTEM) == []  # once
    finally:
        comment_window_closed.disconnect(receiver)
    assert closed == [window]


def test_moderation_publishes_or_withholds_with_a_recorded_reason(world):
    _authority, people, review = world
    officer = people[Role.REVIEW_OFFICER]
    window = say.window_open(review, officer)
    first, second = say.confirmed_comment(window), say.confirmed_comment(window, text="Rude words")
    unconfirmed = say.comment(window).comment
    kwargs = {"user": officer, "by": Actor.for_user(officer), "at": NOW}
    comment_moderate(
        comment=first, moderation="published", stance="supports", theme="pay", **kwargs
    )
    with pytest.raises(ModerationInvalid) as missing:
        comment_moderate(comment=second, moderation="withheld", **kwargs)
    assert set(missing.value.errors) == {"withheld_reason"}
    with pytest.raises(ModerationInvalid) as other:
        comment_moderate(comment=second, moderation="withheld", withheld_reason="other", **kwargs)
    assert set(other.value.errors) == {"note"}
    with pytest.raises(ModerationInvalid, match="not confirmed"):
        comment_moderate(comment=unconfirmed, moderation="published", **kwargs)
    comment_moderate(
        comment=second,
        moderation="withheld",
        withheld_reason="offensive",
        stance="opposes",
        **kwargs,
    )
    assert [c.pk for c in selectors.comments_published(window)] == [first.pk]
    summary = selectors.comment_summary(window)
    assert summary["counts"] | {"unconfirmed": 0} == {
        "received": 2,
        "unconfirmed": 0,
        "published": 1,
        "withheld": 1,
        "pending": 0,
    }
    assert summary["by_stance"] == {"opposes": 1, "supports": 1}
    assert summary["by_theme"] == [("pay", 1)]
    event = AuditEvent.objects.filter(action="reviews.comment_moderate").order_by("pk").last()
    assert event.after["withheld_reason"] == "offensive" and say.EMAIL not in str(event.after)


def test_signing_waits_for_the_window_and_for_how_the_comments_were_considered(world):
    _authority, people, review = world
    officer = people[Role.REVIEW_OFFICER]
    answer(review, "openness", OPENNESS, officer)
    window = say.window_open(review, officer)
    say.confirmed_comment(window)
    with pytest.raises(SignatureRefused, match="open until 20 December 2026"):
        _submit_and_sign(review, people, at=NOW + timedelta(days=3))
    with pytest.raises(SignatureRefused, match="how the public comments were considered"):
        _submit_and_sign(review, people, at=AFTER)
    with pytest.raises(WindowRefused, match="Enter how"):
        comment_window_consider(window=window, text=" ", user=officer, by=SYSTEM, at=AFTER)
    comment_window_consider(
        window=window,
        text="The crews' pay is now costed in the appraisal.",
        user=officer,
        by=SYSTEM,
        at=AFTER,
    )
    decision = _submit_and_sign(review, people, at=AFTER + timedelta(hours=1))
    stored = decision.say["window"]
    assert stored["counts"]["received"] == 1 and stored["closes_on"] == "2026-12-20"
    assert stored["how_considered"].startswith("The crews' pay")
    assert decision.say["openness"]["closer"] == "partly"
    window.refresh_from_db()
    assert window.closed_at is not None  # announced at signing, the cron not having run
    html = pack_html(decision, publisher_name="Lee Legal", published_on=AFTER.date())
    assert "1 comment was received" in html and "costed in the appraisal" in html
    assert "20 December 2026" in html
    assert "A community organisation" in html and "A survey of 1,200 households" in html


def test_a_window_with_no_comment_needs_no_account_of_them(world):
    _authority, people, review = world
    say.window_open(review, people[Role.REVIEW_OFFICER])
    say.comment(window=review.comment_window)  # never confirmed: it does not count
    decision = _submit_and_sign(review, people, at=AFTER)
    assert decision.say["window"]["counts"]["received"] == 0
    html = pack_html(decision, publisher_name="Lee Legal", published_on=AFTER.date())
    assert "0 comments were received" in html


def test_a_decision_without_a_window_says_the_public_was_not_asked(world):
    _authority, people, review = world
    decision = _submit_and_sign(review, people, at=NOW)
    assert decision.say == {"openness": {}, "window": None}
    html = pack_html(decision, publisher_name="Lee Legal", published_on=TODAY)
    assert "The public was not asked for comments" in html and "Not recorded" in html


def test_the_public_decision_page_shows_the_say(world, client):
    from insource.reviews.services.decisions import decision_publish

    _authority, people, review = world
    officer = people[Role.REVIEW_OFFICER]
    answer(review, "openness", OPENNESS, officer)
    window = say.window_open(review, officer)
    say.comment(window)  # never confirmed
    decision = _submit_and_sign(review, people, at=AFTER)
    legal = people[Role.LEGAL_OFFICER]
    decision_publish(
        decision=decision,
        user=legal,
        redaction_note="No personal data",
        has_confidential_annex=False,
        pack_html=pack_html(decision, publisher_name="Lee Legal", published_on=AFTER.date()),
        pack_pdf=b"%PDF-1.7\n%%EOF\n",
        on=AFTER.date(),
        by=Actor.for_user(legal),
        at=AFTER + timedelta(hours=2),
    )
    body = client.get(f"/public/decisions/{decision.pk}/").content.decode()
    assert "Subsidiarity and openness" in body and "A tenants&#x27; co-operative" in body
    assert "0 comments were received" in body and "23 November 2026" in body
    draft = client.get(f"/public/comments/{window.pk}/").content.decode()
    assert f"/public/decisions/{decision.pk}/" in draft  # (the page reads the real clock)
