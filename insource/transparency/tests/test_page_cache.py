"""Public pages from memory (ADR 0046): a second anonymous request is answered from the cache
without a query of the register; an import, a published decision or a correction makes old
exactly the pages that show it; Welsh and English are kept apart; a signed-in officer is never
answered from the cache; no stored page holds a CSRF token or a CSP nonce."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from insource.authorities.models import Authority, Role
from insource.core import page_cache
from insource.core.audit import Actor
from insource.register.models import Contract
from insource.register.services.corrections import contract_correct
from insource.register.services.imports import register_import
from insource.reviews.services.decisions import decision_publish
from insource.testing import TEST_NOW, TEST_TODAY
from insource.testing.factories import empty_register
from insource.testing.ocds_samples import package, release
from insource.testing.workflow import NOW, TODAY, council, decided_review, refuse_contract, team

pytestmark = pytest.mark.django_db
SYSTEM = Actor.system("tests")
LEEDS = {
    "ocid": "ocds-b5fd17-test-0002",
    "buyer": {"id": "GB-CFS-2", "name": "Leeds City Council"},
    "parties.0": {"id": "GB-CFS-2", "name": "Leeds City Council", "roles": ["buyer"]},
    "tender.title": "Street cleansing",
    "awards.0.id": "award-2",
}
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.INSOURCE_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Run a change as if its transaction committed (the cache learns of it on commit)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def load(tmp_path, name, *releases):
    path = tmp_path / name
    path.write_text(package(*releases))
    summary = register_import(path=path, by=SYSTEM, at=TEST_NOW, on=TEST_TODAY)
    assert summary.status == "succeeded", summary.errors
    return summary


@pytest.fixture
def register(tmp_path, system_actor, commits):
    """Bristol's and Leeds's contracts, imported (and committed)."""
    from insource.authorities.services.authorities import authorities_seed

    empty_register()
    with commits():
        authorities_seed(by=system_actor, at=TEST_NOW)
        load(tmp_path, "a.json", release(), release(**LEEDS))
    bristol = Contract.objects.get(buyer_name="Bristol City Council")
    leeds = Contract.objects.get(buyer_name="Leeds City Council")
    return bristol, leeds


def authority_url(authority: Authority) -> str:
    return reverse("portal:authority", kwargs={"slug": authority.public_slug})


def contract_url(contract: Contract) -> str:
    return reverse("portal:contract", kwargs={"pk": contract.pk})


SEARCH = reverse("portal:contracts") + "?sort=end_on"


def served(client, url, **extra) -> str:
    """How the cache answered: 'hit', 'miss' (built and stored) or '' (not from the cache)."""
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.headers.get("X-Insource-Cache", "")


def pages(bristol, leeds) -> dict[str, str]:
    return {
        "search": SEARCH,
        "bristol": authority_url(bristol.reviewing_authority),
        "bristol contract": contract_url(bristol),
        "leeds": authority_url(leeds.reviewing_authority),
        "leeds contract": contract_url(leeds),
    }


def test_a_second_request_runs_no_queries(client, register, settings, django_assert_num_queries):
    settings.CACHES = LOCMEM  # a cache outside the database: a hit asks the database nothing
    bristol, leeds = register
    for url in pages(bristol, leeds).values():
        assert served(client, url) == "miss"
        with django_assert_num_queries(0):
            assert served(client, url) == "hit"


def test_on_the_database_cache_a_hit_reads_only_the_cache_table(client, register):
    bristol, leeds = register
    for url in pages(bristol, leeds).values():
        first = client.get(url)
        with CaptureQueriesContext(connection) as queries:
            second = client.get(url)
        assert second.headers["X-Insource-Cache"] == "hit"
        assert 1 <= len(queries) <= 2, [q["sql"] for q in queries]
        assert all("insource_cache" in q["sql"] for q in queries), [q["sql"] for q in queries]
        assert strip_tokens(second.content) == strip_tokens(first.content)


def _redis_up() -> bool:
    try:
        import redis

        return redis.Redis.from_url(REDIS).ping()
    except Exception:  # noqa: BLE001 (no server, no package: the test is skipped)
        return False


REDIS = "redis://127.0.0.1:6379/14"


@pytest.mark.skipif(not _redis_up(), reason="no Redis server on 127.0.0.1:6379")
def test_on_redis_pages_are_shared_and_made_old_by_a_change(
    client, register, settings, commits, django_assert_num_queries
):
    """Production's form (REDIS_URL): a page stored through one Redis client is served through
    another (as by two web processes), with no query, until a change renews its scope."""
    prefix = f"insource-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS,
            "KEY_PREFIX": prefix,
        }
    }
    bristol, leeds = register
    urls = pages(bristol, leeds)
    for url in urls.values():
        assert served(client, url) == "miss"
    settings.CACHES = {"default": {**settings.CACHES["default"]}}  # a new client, same server
    for url in urls.values():
        with django_assert_num_queries(0):
            assert served(client, url) == "hit"
    with commits():
        contract_correct(
            contract=leeds,
            field="title",
            value="Street cleansing (corrected)",
            reason="The signed contract",
            by=SYSTEM,
            at=TEST_NOW,
        )
    assert served(client, urls["leeds contract"]) == "miss"
    assert served(client, urls["search"]) == "miss"
    assert served(client, urls["bristol contract"]) == "hit"
    cache.clear()


def strip_tokens(html: bytes) -> bytes:
    html = re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", html)
    return re.sub(rb'nonce="[^"]+"', b"", html)


def test_an_import_of_one_authoritys_contract_changes_only_its_pages(
    client, register, tmp_path, commits
):
    bristol, leeds = register
    urls = pages(bristol, leeds)
    for url in urls.values():
        served(client, url)
    renamed = release(id="release-2", date="2025-03-01T00:00:00Z")
    renamed["tender"]["title"] = "Household waste and recycling collection"
    with commits():
        assert load(tmp_path, "b.json", renamed).updated == 1
    after = {name: client.get(url) for name, url in urls.items()}
    for name in ("search", "bristol", "bristol contract"):
        assert after[name].headers["X-Insource-Cache"] == "miss", name
    for name in ("leeds", "leeds contract"):
        assert after[name].headers["X-Insource-Cache"] == "hit", name
    assert "Household waste and recycling collection" in after["bristol contract"].content.decode()
    assert "Household waste and recycling collection" in after["search"].content.decode()


def test_an_uncommitted_change_leaves_every_page_as_it_was(client, register, tmp_path):
    bristol, leeds = register
    urls = pages(bristol, leeds)
    for url in urls.values():
        served(client, url)
    page_cache.changed(authorities=[bristol.reviewing_authority_id])  # not committed yet
    assert all(served(client, url) == "hit" for url in urls.values())


def test_a_correction_changes_the_corrected_contracts_pages(client, register, commits):
    bristol, leeds = register
    urls = pages(bristol, leeds)
    for url in urls.values():
        served(client, url)
    with commits():
        contract_correct(
            contract=bristol,
            field="title",
            value="Waste collection (corrected)",
            reason="The signed contract",
            by=SYSTEM,
            at=TEST_NOW,
        )
    assert "Waste collection (corrected)" in client.get(urls["bristol contract"]).content.decode()
    assert served(client, urls["bristol"]) == "miss"
    assert served(client, urls["leeds contract"]) == "hit"
    assert served(client, urls["leeds"]) == "hit"


def test_a_published_decision_changes_its_pages_and_not_another_councils(client, commits):
    with commits():
        home, away = council(code="PTL", name="Portalshire"), council(code="OTH", name="Otherby")
        people = team(home)
        contract, other = refuse_contract(home), refuse_contract(away)
        decision = decided_review(home, people, contract)
    urls = {
        "contract": contract_url(contract),
        "authority": authority_url(home),
        "other contract": contract_url(other),
        "other authority": authority_url(away),
    }
    for url in urls.values():
        served(client, url)
    assert "brought in house, because of the presumption" not in client.get(
        urls["contract"]
    ).content.decode("utf-8")
    with commits():
        decision_publish(
            decision=decision,
            user=people[Role.LEGAL_OFFICER],
            redaction_note="None needed",
            has_confidential_annex=False,
            pack_html="<p>pack</p>",
            pack_pdf=b"%PDF-1.7",
            on=TODAY,
            by=SYSTEM,
            at=NOW + timedelta(minutes=1),
        )
    page = client.get(urls["contract"])
    assert page.headers["X-Insource-Cache"] == "miss"
    assert "The service should be brought in house, because of the presumption" in (
        page.content.decode()
    )
    assert f"/public/decisions/{decision.pk}/" in client.get(urls["authority"]).content.decode()
    assert served(client, urls["other contract"]) == "hit"
    assert served(client, urls["other authority"]) == "hit"


def test_welsh_and_english_are_kept_apart(client, register):
    bristol, _ = register
    url = contract_url(bristol)
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en-GB")
    welsh = client.get(url, HTTP_ACCEPT_LANGUAGE="cy")
    assert english.headers["X-Insource-Cache"] == welsh.headers["X-Insource-Cache"] == "miss"
    assert '<html lang="cy"' in welsh.content.decode()
    again = client.get(url, HTTP_ACCEPT_LANGUAGE="cy")
    assert again.headers["X-Insource-Cache"] == "hit"
    assert '<html lang="cy"' in again.content.decode()
    assert "Accept-Language" in again.headers["Vary"]
    assert '<html lang="cy"' not in client.get(url, HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()


def test_the_query_string_is_part_of_the_page(client, register):
    first = client.get(reverse("portal:contracts") + "?q=Household")
    other = client.get(reverse("portal:contracts") + "?q=Street")
    assert first.headers["X-Insource-Cache"] == other.headers["X-Insource-Cache"] == "miss"
    assert "Household waste collection" in first.content.decode()
    again = client.get(reverse("portal:contracts") + "?q=Street")
    assert again.headers["X-Insource-Cache"] == "hit"
    assert "Street cleansing" in again.content.decode()
    assert "Household waste collection" not in again.content.decode()


def test_a_signed_in_officer_is_never_answered_from_the_cache(
    client, register, officer_login, django_user_model
):
    bristol, _ = register
    url = contract_url(bristol)
    served(client, url)
    assert served(client, url) == "hit"
    user = django_user_model.objects.create_user("officer-one", "one@example.org", "x")
    officer_login(client, user)
    response = client.get(url)
    assert "X-Insource-Cache" not in response.headers
    assert "Sign out" in response.content.decode()
    client.logout()
    client.cookies.clear()
    anonymous = client.get(url)
    assert anonymous.headers["X-Insource-Cache"] == "hit"
    assert "Sign out" not in anonymous.content.decode()


def test_an_officers_page_is_never_stored(client, register, officer_login, django_user_model):
    bristol, _ = register
    user = django_user_model.objects.create_user("officer-two", "two@example.org", "x")
    officer_login(client, user)
    assert "Sign out" in client.get(contract_url(bristol)).content.decode()
    client.logout()
    client.cookies.clear()
    assert served(client, contract_url(bristol)) == "miss"


def test_no_csrf_token_or_nonce_is_stored_and_each_visitor_gets_their_own(client, register):
    from django.test import Client

    bristol, _ = register
    url = contract_url(bristol)
    client.get(url)
    stored = cache.get(page_cache.page_key(_request_for(url), "portal.contract"))
    body = stored["body"].decode()
    assert "csrfmiddlewaretoken" in body  # the language switcher's form
    assert re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', body) == [
        "<insource-csrf-token>"
    ] * body.count("csrfmiddlewaretoken")
    assert re.findall(r'nonce="([^"]+)"', body) == ["<insource-csp-nonce>"] * body.count('nonce="')
    one, two = client.get(url), Client().get(url)
    assert one.headers["X-Insource-Cache"] == two.headers["X-Insource-Cache"] == "hit"
    tokens = [_token(r) for r in (one, two)]
    assert tokens[0] != tokens[1] and all(t and "<" not in t for t in tokens)
    for response in (one, two):
        nonce = re.search(r'nonce="([^"]+)"', response.content.decode())[1]
        assert f"'nonce-{nonce}'" in response.headers["Content-Security-Policy"]


def test_a_cached_pages_language_switcher_still_works(client, register):
    bristol, _ = register
    url = contract_url(bristol)
    client.get(url)
    csrf_client = type(client)(enforce_csrf_checks=True)
    page = csrf_client.get(url)
    assert page.headers["X-Insource-Cache"] == "hit"
    answer = csrf_client.post(
        reverse("set-language"),
        {"language": "cy", "next": url, "csrfmiddlewaretoken": _token(page)},
    )
    assert answer.status_code == 302


def test_the_public_apis_lists_come_from_memory_and_follow_imports(
    client, register, tmp_path, commits
):
    url = "/api/public/v1/contracts/"
    first = client.get(url)
    assert first.headers["X-Insource-Cache"] == "miss"
    again = client.get(url)
    assert again.headers["X-Insource-Cache"] == "hit" and again.content == first.content
    assert again.headers["Content-Type"] == "application/json"
    assert "X-RateLimit-Remaining" in again.headers or "RateLimit-Remaining" in str(again.headers)
    renamed = release(id="release-2", date="2025-03-01T00:00:00Z")
    renamed["tender"]["title"] = "Waste from the API"
    with commits():
        load(tmp_path, "b.json", renamed)
    after = client.get(url)
    assert after.headers["X-Insource-Cache"] == "miss"
    assert "Waste from the API" in after.content.decode()


def test_a_missing_page_is_not_stored(client, db):
    assert client.get(reverse("portal:contract", kwargs={"pk": 999999})).status_code == 404
    assert client.get(reverse("portal:contract", kwargs={"pk": 999999})).status_code == 404
    assert "X-Insource-Cache" not in client.get(reverse("portal:contract", kwargs={"pk": 999999}))


def test_the_cache_is_off_unless_turned_on(client, register, settings):
    settings.INSOURCE_PAGE_CACHE = False
    assert served(client, SEARCH) == ""
    assert served(client, SEARCH) == ""


def _token(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]


def _request_for(url: str):
    from django.test import RequestFactory
    from django.utils import translation

    translation.activate("en-gb")
    return RequestFactory().get(url)


def test_the_autocompletes_list_is_served_from_memory_with_its_etag(client, register):
    url = reverse("portal:authority-choices")
    first = client.get(url)
    assert first.headers["X-Insource-Cache"] == "miss"
    assert first.json() == ["City of Bristol", "Leeds"]
    again = client.get(url)
    assert again.headers["X-Insource-Cache"] == "hit"
    assert again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Cache-Control"] == "public, max-age=300"
    assert client.get(url, HTTP_IF_NONE_MATCH=first.headers["ETag"]).status_code == 304


def test_one_thread_builds_a_missing_page_while_the_others_wait():
    import threading
    import time

    inside, most = [], []

    def visit():
        with page_cache._one_builder("pages:page:test"):
            inside.append(1)
            most.append(len(inside))
            time.sleep(0.01)
            inside.pop()

    threads = [threading.Thread(target=visit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(most) == 8 and max(most) == 1
    assert "pages:page:test" not in page_cache._builders
