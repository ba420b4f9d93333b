"""Two people saving the same review at once: exactly one wins, the other is refused and
nothing of theirs is written. Real concurrent transactions need a server database, so this
runs on PostgreSQL (CI runs the suite there); on SQLite the sequential case in
test_review_services.py covers the same rule."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.reviews.models import Review
from insource.reviews.services.editing import StaleReview, review_answer
from insource.reviews.services.opening import reviews_open_due
from insource.reviews.workflow.questions import BY_SLUG
from insource.testing.workflow import NOW, TODAY, council, refuse_contract, team

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent transactions")
def test_simultaneous_saves_one_wins_on_postgresql():
    authority = council()
    people = team(authority)
    refuse_contract(authority)
    reviews_open_due(on=TODAY, by=Actor.system("tests"), at=NOW, authority=authority)
    review = Review.objects.get(authority=authority)
    version, barrier, results = review.version, threading.Barrier(2), {}

    def save(name: str, headcount: int) -> None:
        try:
            mine = Review.objects.get(pk=review.pk)
            barrier.wait(timeout=10)
            review_answer(
                review=mine,
                topic=BY_SLUG["workforce"],
                values={"workflow.workforce.headcount": headcount},
                disputed={},
                version=version,
                on=TODAY,
                by=Actor.system(name),
                user=people[Role.REVIEW_OFFICER],
                at=NOW,
            )
            results[name] = "saved"
        except StaleReview:
            results[name] = "refused"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(n, h)) for n, h in (("a", 40), ("b", 55))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results.values()) == ["refused", "saved"]
    winner = 40 if results["a"] == "saved" else 55
    review.refresh_from_db()
    assert review.version == version + 1
    assert review.answers.get(path="workflow.workforce.headcount").value == winner
