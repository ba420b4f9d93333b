"""What the browser tests do in headless Chromium: sign in (as a demo person or any user),
check a page with axe and photograph it, open a review, read a banner or an error summary, and
the full demo register they run against (moved from `tests/browser/conftest.py` and
`test_review_workflow.py`)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from insource.accounts.services import otp_current_code, otp_device_ensure
from insource.core.audit import Actor
from insource.demo.services import demo_load
from insource.standards.models import PayrollReturn
from insource.testing import TEST_NOW, TEST_TODAY
from insource.testing.workflow import NOW

# Screenshots go to var/screenshots/ (set INSOURCE_SCREENSHOTS=docs/screenshots to refresh the
# committed ones), so a test run never rewrites tracked files.
SCREENSHOTS = Path(__file__).resolve().parents[2] / os.environ.get(
    "INSOURCE_SCREENSHOTS", "var/screenshots"
)


def sign_in_as(page, live_server, user) -> None:
    """Sign `user` in through the real sign-in form and the authenticator code page (a
    password and an authenticator device are set for the test)."""
    user.set_password("insource-browser-test")
    user.save()
    device = otp_device_ensure(user=user, by=Actor.system("tests"), at=NOW)
    sign_in_through_the_pages(page, live_server, user.username, "insource-browser-test", device)


def sign_in_through_the_pages(
    page, live_server, username: str, password: str, device, *, check_pages: bool = False
) -> None:
    """The two sign-in pages, password then the authenticator's code, landing on the start
    page (the officer's own work); `check_pages` runs axe on both."""
    page.goto(f"{live_server.url}/sign-in/")
    if check_pages:
        assert_accessible(page)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/sign-in/code/**")
    if check_pages:
        assert_accessible(page)
    page.get_by_label("Enter the 6-digit code").fill(otp_current_code(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_server.url}/")


def screenshot(page, name: str, *, full_page: bool = True) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


def assert_accessible(page) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    serious = [
        v for v in results.response["violations"] if v.get("impact") in {"serious", "critical"}
    ]
    assert not serious, results.generate_report()


REFUSE = "Waste and Recycling Collection Service and Processing of Dry Recycling"


FULL_DEMO = None  # all three sources, as `./dev run` loads them


def load_demo(settings, tmp_path, sources):
    """The demo register on TEST_TODAY: authorities seeded, sources imported, the busiest
    councils and Warwickshire adopting, the demo people members of each, due reviews open."""
    settings.INSOURCE_EVIDENCE_DIR = tmp_path / "evidence"
    result = demo_load(
        by=Actor.system("tests"),
        at=TEST_NOW,
        on=TEST_TODAY,
        screen=False,
        open_reviews=True,
        sources=sources,
    )
    assert "Warwickshire County Council" in result.adopters, result.adopters
    return result


@pytest.fixture
def full_demo(settings, tmp_path):
    """All three sources: only then is Staffordshire among the busiest councils that adopt.
    With the 2025 OCDS and Contract Countdown sets alone, Doncaster, Devon and North Yorkshire
    are the busiest, and Staffordshire's refuse contract gets no review."""
    result = load_demo(settings, tmp_path, FULL_DEMO)
    assert "Staffordshire County Council" in result.adopters, result.adopters
    # The demo's showcase: one other review already decided and published, a request answered.
    assert result.reviews["showcase"] == "EXEMPT_NOT_RELEVANT_CONTRACT", result.reviews
    # and one refuse or cleaning contract kept outsourced, with its payroll return uploaded.

    continuing = result.reviews["continuing"]
    assert continuing and PayrollReturn.objects.filter(contract_id=continuing).count() == 1
    return result


def sign_in(page, live_server, username: str, *, check_pages: bool = False) -> None:
    """A demo person signed in through the two sign-in pages, with the demo's password."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user__username=username)
    password = f"insource-demo-{username}"
    sign_in_through_the_pages(
        page, live_server, username, password, device, check_pages=check_pages
    )


def check(page, name: str) -> None:
    """Axe on the current page, then a screenshot without a focus ring."""
    assert_accessible(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    screenshot(page, name)


def banner(page) -> str:
    return page.locator(".govuk-notification-banner").inner_text()


def open_review(page, live_server, code: str, title: str) -> str:
    """From the officer's authorities to the review of `title`, by a search on the authority's
    reviews; returns the review's URL."""
    page.goto(f"{live_server.url}/reviews/")
    assert_accessible(page)
    page.locator(f"a[href='/reviews/{code}/']").click()
    page.wait_for_url(f"**/reviews/{code}/")
    page.get_by_label("Title or supplier").fill(title)
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"[?&]q="))
    assert page.locator("#reviews-table caption").inner_text().strip() == "1 review"
    assert_accessible(page)
    page.locator("#reviews-table").get_by_role("link", name=re.compile(re.escape(title))).click()
    page.wait_for_url(re.compile(rf"/reviews/{code}/\d+/$"))
    return page.url


def submit_refused(page, button: str) -> None:
    """Submit a form the server refuses: the same page comes back, as an error page."""
    with page.expect_navigation():
        page.locator(button).click()
    assert page.title().startswith("Error:"), page.title()


def error_summary(page) -> str:
    return page.locator(".govuk-error-summary").inner_text()
