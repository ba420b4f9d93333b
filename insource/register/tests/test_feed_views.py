"""The national feeds' page: site administrators see each pull, its counts and its problems."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import TEST_NOW
from insource.register.feeds.pull import feed_source
from insource.register.models import FeedPull
from insource.testing.factories import UserFactory, empty_register
from insource.testing.feed_pages import package, pull_dir, real_release, write_pages
from insource.testing.public_pages import visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def seeded(system_actor, settings, tmp_path):
    from insource.authorities.services.authorities import authorities_seed

    settings.INSOURCE_FEED_LOCK_DIR = tmp_path / "locks"
    authorities_seed(by=system_actor, at=TEST_NOW)
    empty_register()  # a session fixture may have loaded the demo register


def test_site_administrator_sees_each_pull_with_counts_and_errors(client, officer_login, tmp_path):
    pull_dir(write_pages(tmp_path / "a", package(real_release("075915-2026"))))
    broken = real_release("076140-2026")
    del broken["date"]
    pull_dir(write_pages(tmp_path / "b", package(broken)))
    officer_login(client, UserFactory(is_superuser=True, is_staff=True))
    response = client.get(reverse("register:feed-pulls"))
    assert response.status_code == 200
    page = response.content.decode()
    text = visible_text(page)
    assert "National feeds" in text and "Find a Tender" in text and "find-a-tender" not in text
    assert "Succeeded" in page and "Stopped with errors" in page
    assert "missing date: releases merge by date" in page
    assert "Contracts: 1 created, 0 updated, 0 unchanged." in page


def test_other_officers_are_refused(client, officer_login):
    officer_login(client, UserFactory())
    assert client.get(reverse("register:feed-pulls")).status_code == 403


def test_the_page_names_sources_and_who_started_each_pull_in_words(client, officer_login):
    """No code on the page: the source's name, the person's name, the scheduled pull."""
    admin = UserFactory(is_superuser=True, is_staff=True, first_name="Ceri", last_name="Jones")
    source = feed_source("find-a-tender")
    lost = {"level": "error", "where": "find-a-tender", "field": "", "message": "It stopped."}
    common = {"source": source, "started_at": TEST_NOW, "status": "failed", "errors": [lost]}
    FeedPull.objects.create(by=admin.get_username(), user=admin, **common)
    FeedPull.objects.create(by="system:feeds", **common)
    officer_login(client, admin)
    text = visible_text(client.get(reverse("register:feed-pulls")).content.decode())
    assert "Ceri Jones" in text and "Scheduled feed pull" in text
    assert "Find a Tender: It stopped." in text
    assert "find-a-tender" not in text and "system:" not in text
    assert admin.get_username() not in text
