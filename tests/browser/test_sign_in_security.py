"""Sign-in security in a real browser: first sign-in sets up an authenticator from the QR page,
the code page is accessible, and no page breaks the content security policy."""

from __future__ import annotations

from base64 import b32decode

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from insource.accounts.services import otp_current_code
from insource.testing.factories import PASSWORD, UserFactory
from tests.browser.conftest import (
    BROWSER_REQUIRED,
    CHROMIUM,
    NO_CHROMIUM,
    assert_accessible,
    screenshot,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists() and not BROWSER_REQUIRED, reason=NO_CHROMIUM),
]


@pytest.fixture
def violations(page) -> list[str]:
    """Chromium's console reports of content security policy violations on this page."""
    found: list[str] = []

    def collect(message) -> None:
        if "Content Security Policy" in message.text:
            found.append(message.text)

    page.on("console", collect)
    return found


def password_step(page, live_server, username: str, password: str) -> None:
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_first_sign_in_sets_up_an_authenticator(violations, page, live_server):
    UserFactory(username="newcomer")
    password_step(page, live_server, "newcomer", PASSWORD)
    page.wait_for_url("**/sign-in/set-up-authenticator/**")
    assert page.locator("#otp-qr svg[role=img]").is_visible()
    assert_accessible(page)
    screenshot(page, "set-up-authenticator")
    secret = page.locator("#otp-secret").inner_text().replace(" ", "")
    key = b32decode(secret + "=" * (-len(secret) % 8)).hex()
    page.get_by_label("Enter the 6-digit code").fill(otp_current_code(TOTPDevice(key=key)))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_server.url}/")  # the start page: the officer's own work
    assert violations == []


def test_wrong_code_page(violations, page, live_server, officer):
    password_step(page, live_server, *officer)
    page.get_by_label("Enter the 6-digit code").fill("12")
    page.get_by_role("button", name="Continue").click()
    assert page.title().startswith("Error:")
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
    screenshot(page, "sign-in-code-error")
    assert violations == []


def test_officer_pages_keep_the_policy(register_rows, violations, signed_in, live_server):
    page = signed_in
    contract = f"/register/contracts/{register_rows[0].pk}/"
    for path in ["/", "/register/pipeline/", "/register/queue/", contract, "/reviews/"]:
        page.goto(live_server.url + path)
        assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
    assert violations == []
