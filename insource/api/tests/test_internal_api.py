"""The internal API: token only, scoped to the authorities the token's user belongs to."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from insource.api.errors import problem
from insource.authorities.models import Role
from insource.core.models import AuditEvent
from insource.reviews.models import Review
from insource.testing.factories import UserFactory

pytestmark = pytest.mark.django_db
NOT_FOUND = problem(404, "Not found.")


def as_user(client, user):
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def test_member_reads_their_authority_reviews(client, world):
    as_user(client, world.people[Role.COUNCILLOR])
    body = client.get("/api/v1/authorities/ZZA/reviews/").json()
    assert body["count"] == Review.objects.filter(authority=world.authority).count() >= 2
    review = Review.objects.get(contract=world.contracts["refuse"])
    detail = client.get(f"/api/v1/authorities/zza/reviews/{review.pk}/").json()
    assert detail["state"] == "published" and detail["contract"]["title"]
    assert set(detail["evaluation"]) == {"outcome", "status", "missing_evidence", "evaluated_at"}
    assert detail["lateness"] in (None, "late", "at-risk")


def test_other_authority_is_404_and_never_queried(client, world):
    as_user(client, world.people[Role.REVIEW_OFFICER])
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/authorities/ZZB/reviews/").status_code == 404
    assert not any("reviews_review" in q["sql"] for q in queries.captured_queries)
    assert client.get("/api/v1/authorities/NOPE/reviews/").status_code == 404
    assert client.get("/api/v1/authorities/Z%00A/reviews/").status_code == 404
    review = Review.objects.get(contract=world.contracts["refuse"])
    stranger = UserFactory(username="stranger")
    as_user(client, stranger)
    response = client.get(f"/api/v1/authorities/ZZA/reviews/{review.pk}/")
    assert response.status_code == 404 and response.json() == NOT_FOUND


def test_review_of_another_authority_is_404_even_for_a_member(client, world):
    from insource.testing.workflow import person

    camden_officer = person(world.other, Role.REVIEW_OFFICER, username="camden-officer")
    review = Review.objects.get(contract=world.contracts["refuse"])
    as_user(client, camden_officer)
    assert client.get(f"/api/v1/authorities/ZZB/reviews/{review.pk}/").status_code == 404
    assert client.get("/api/v1/authorities/ZZB/reviews/").json()["count"] == 0


def test_no_token_or_a_bad_one_is_401(client, world):
    assert client.get("/api/v1/authorities/ZZA/reviews/").status_code == 401
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert client.get("/api/v1/authorities/ZZA/reviews/").status_code == 401


def test_session_sign_in_is_not_enough(client, world):
    client.force_login(world.people[Role.REVIEW_OFFICER])
    assert client.get("/api/v1/authorities/ZZA/reviews/").status_code in (302, 401)


def test_without_read_capability_is_403(client, world, monkeypatch):
    from insource.authorities import selectors

    monkeypatch.setattr(selectors.Access, "can", lambda self, capability: False)
    as_user(client, world.people[Role.AUDITOR])
    response = client.get("/api/v1/authorities/ZZA/reviews/")
    assert response.status_code == 403 and "detail" in response.json()


def test_it_is_read_only(client, world):
    as_user(client, world.people[Role.REVIEW_OFFICER])
    review = Review.objects.get(contract=world.contracts["refuse"])
    url = f"/api/v1/authorities/ZZA/reviews/{review.pk}/"
    assert client.delete(url).status_code == 405
    assert client.post("/api/v1/authorities/ZZA/reviews/", {}).status_code == 405


def test_token_command_creates_once_and_audits(db, capsys):
    user = UserFactory(username="clerk")
    call_command("api", "token", "clerk")
    first = capsys.readouterr().out.strip()
    call_command("api", "token", "clerk")
    assert capsys.readouterr().out.strip() == first == Token.objects.get(user=user).key
    call_command("api", "token", "clerk", "--reset")
    assert capsys.readouterr().out.strip() != first
    events = AuditEvent.objects.filter(object_id=str(user.pk), action__startswith="api.")
    actions = list(events.values_list("action", flat=True))
    assert sorted(actions) == ["api.token_issue", "api.token_reset"]
    assert first not in str(list(AuditEvent.objects.values_list("after", flat=True)))
