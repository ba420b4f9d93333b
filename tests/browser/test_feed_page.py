"""The national feeds' page in Chromium: a site administrator sees a pull that succeeded and
one that stopped at a bad page; axe; a screenshot."""

from __future__ import annotations

import pytest

from tests.browser.conftest import (
    BROWSER_REQUIRED,
    CHROMIUM,
    NO_CHROMIUM,
    assert_accessible,
    screenshot,
    sign_in_as,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists() and not BROWSER_REQUIRED, reason=NO_CHROMIUM),
]


def test_site_administrator_reads_the_pulls(page, live_server, tmp_path, settings):
    from insource.authorities.services.authorities import authorities_seed
    from insource.core.audit import Actor
    from insource.testing import TEST_NOW
    from insource.testing.factories import UserFactory
    from insource.testing.feed_pages import package, pull_dir, real_release, write_pages

    settings.INSOURCE_FEED_LOCK_DIR = tmp_path / "locks"
    authorities_seed(by=Actor.system("tests"), at=TEST_NOW)
    pull_dir(write_pages(tmp_path / "a", package(real_release("075915-2026"))))
    broken = real_release("076140-2026")
    del broken["ocid"]
    pull_dir(write_pages(tmp_path / "b", package(broken)))
    admin = UserFactory(username="site-admin", is_superuser=True, is_staff=True)
    sign_in_as(page, live_server, admin)
    page.goto(f"{live_server.url}/register/feeds/")
    assert page.get_by_role("heading", name="National feeds", level=1).is_visible()
    assert "missing ocid" in page.content()
    assert_accessible(page)
    screenshot(page, "register-feeds-01-pulls")
