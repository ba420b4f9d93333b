"""Signing in: password (throttled by django-axes), then the authenticator code; officer pages
refuse a user who has not entered the code."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse
from django.utils import timezone

from insource.accounts.middleware import is_open_path
from insource.accounts.services import otp_current_code, otp_device_ensure
from insource.testing.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGN_IN = reverse("login")
CODE = reverse("otp-verify")
REGISTER = reverse("register:contract-list")
HOME = reverse("home")  # where signing in lands without a `next`: the officer's own work


@pytest.fixture
def officer(system_actor):
    user = UserFactory(username="officer")
    otp_device_ensure(user=user, by=system_actor, at=timezone.now())
    return user


def sign_in(client, password=PASSWORD, **extra):
    return client.post(SIGN_IN, {"username": "officer", "password": password, **extra})


def code_of(user) -> str:
    return otp_current_code(user.totpdevice_set.get())


def wrong_code(user) -> str:
    return "000000" if code_of(user) != "000000" else "111111"


def test_five_wrong_passwords_lock_the_account_out(client, officer):
    for _ in range(4):
        response = sign_in(client, password="wrong")
        assert response.status_code == 200
        assert b"Enter a correct username and password" in response.content
        assert b'value="officer"' in response.content  # the username typed is kept
    locked = sign_in(client, password="wrong")
    assert locked.status_code == 429
    assert "You have tried to sign in too many times" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()
    assert sign_in(client).status_code == 429  # even with the right password


def test_lockout_is_per_username(client, officer):
    for _ in range(5):
        sign_in(client, password="wrong")
    UserFactory(username="colleague")
    response = client.post(SIGN_IN, {"username": "colleague", "password": PASSWORD})
    assert response.status_code == 302


def test_empty_sign_in_says_what_to_enter(client):
    response = client.post(SIGN_IN, {"username": "", "password": ""})
    assert response.status_code == 200
    assert b"Enter your username" in response.content
    assert b"Enter your password" in response.content


def test_password_then_code_reaches_the_officers_own_work(client, officer):
    response = sign_in(client)
    assert response.status_code == 302
    assert response.url == f"{CODE}?next=%2F"
    page = client.get(response.url)
    assert "Enter the 6-digit code from your authenticator app" in page.content.decode()
    done = client.post(CODE, {"code": code_of(officer), "next": HOME})
    assert done.status_code == 302 and done.url == HOME
    assert client.get(REGISTER).status_code == 200


def test_wrong_code_is_refused_and_says_why(client, officer, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    sign_in(client)
    wrong = client.post(CODE, {"code": wrong_code(officer)})
    assert wrong.status_code == 200
    content = wrong.content.decode()
    assert "govuk-error-summary" in content and "The code is not correct" in content
    assert wrong["Content-Type"].startswith("text/html")
    assert client.get(REGISTER).status_code == 302
    assert client.post(CODE, {"code": code_of(officer)}).status_code == 302
    assert client.get(REGISTER).status_code == 200


def test_badly_typed_codes_say_what_to_enter(client, officer):
    sign_in(client)
    assert b"Enter the code as 6 digits" in client.post(CODE, {"code": "12ab"}).content
    assert b"Enter the 6-digit code" in client.post(CODE, {"code": ""}).content


def test_one_wrong_code_then_the_right_one_signs_in(client, officer):
    sign_in(client)
    wrong = client.post(CODE, {"code": wrong_code(officer)})
    assert b"The code is not correct" in wrong.content
    right = client.post(CODE, {"code": code_of(officer), "next": REGISTER})
    assert right.status_code == 302 and right.url == REGISTER
    assert officer.totpdevice_set.get().throttling_failure_count == 0  # the count starts again


def test_five_wrong_codes_then_a_wait_with_a_clear_message(client, officer, settings):
    sign_in(client)
    for _ in range(settings.INSOURCE_CODE_ATTEMPTS):
        assert (
            b"The code is not correct" in client.post(CODE, {"code": wrong_code(officer)}).content
        )
    waiting = client.post(CODE, {"code": code_of(officer)}).content.decode()
    assert "You have entered too many wrong codes: wait 5 minutes" in waiting
    assert client.get(REGISTER).status_code == 302  # still not signed in
    device = officer.totpdevice_set.get()
    device.throttling_failure_timestamp -= timedelta(minutes=settings.INSOURCE_CODE_LOCKOUT_MINUTES)
    device.save()
    assert client.post(CODE, {"code": code_of(officer)}).status_code == 302  # after the wait
    assert client.get(REGISTER).status_code == 200


def test_password_spraying_from_one_address_is_limited(client, officer, settings):
    settings.INSOURCE_SIGN_IN_ATTEMPTS_PER_ADDRESS = 6
    for n in range(6):  # one wrong password for each of six usernames: no pair reaches 5
        response = client.post(SIGN_IN, {"username": f"guess-{n}", "password": "Summer2026"})
    assert response.status_code == 429
    page = client.post(SIGN_IN, {"username": "officer", "password": PASSWORD})
    assert page.status_code == 429  # the right password, from that address
    assert "Too many attempts to sign in from your network" in page.content.decode()
    assert "nobody can sign in from it for 15 minutes" in page.content.decode()
    elsewhere = client.post(
        SIGN_IN, {"username": "officer", "password": PASSWORD}, REMOTE_ADDR="198.51.100.7"
    )
    assert elsewhere.status_code == 302  # another address is not affected


def test_a_success_does_not_wipe_the_address_count(client, officer, settings):
    settings.INSOURCE_SIGN_IN_ATTEMPTS_PER_ADDRESS = 6
    for n in range(5):
        client.post(SIGN_IN, {"username": f"guess-{n}", "password": "Summer2026"})
    assert sign_in(client).status_code == 302  # the attacker's own account
    client.logout()
    locked = client.post(SIGN_IN, {"username": "guess-9", "password": "Summer2026"})
    assert locked.status_code == 429


def test_signed_in_without_code_is_sent_to_the_code_page(client, officer):
    client.force_login(officer)
    response = client.get(reverse("register:pipeline") + "?within=12")
    assert response.status_code == 302
    url = urlparse(response.url)
    assert url.path == CODE
    assert parse_qs(url.query)["next"] == [reverse("register:pipeline") + "?within=12"]
    assert client.get(reverse("home")).status_code == 200


def test_next_is_kept_through_both_steps(client, officer):
    pipeline = reverse("register:pipeline")
    response = sign_in(client, next=pipeline)
    assert parse_qs(urlparse(response.url).query)["next"] == [pipeline]
    done = client.post(CODE, {"code": code_of(officer), "next": pipeline})
    assert done.url == pipeline


def test_next_to_another_site_is_ignored(client, officer):
    sign_in(client)
    done = client.post(CODE, {"code": code_of(officer), "next": "https://evil.example/"})
    assert done.url == HOME


def test_sign_in_rotates_the_session_and_expires_it(client, officer, settings):
    client.get(SIGN_IN)
    client.session.save()
    before = client.session.session_key
    sign_in(client)
    client.post(CODE, {"code": code_of(officer)})
    assert client.session.session_key != before
    assert client.session.get_expire_at_browser_close()
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60


def test_without_required_two_factor_the_password_is_enough(client, officer, settings):
    settings.INSOURCE_REQUIRE_2FA = False
    response = sign_in(client)
    assert response.url == HOME
    assert client.get(REGISTER).status_code == 200


@pytest.mark.parametrize(
    ("path", "is_open"),
    [
        ("/", True),
        ("/static/insource/insource.css", True),
        ("/sign-in/", True),
        ("/sign-in/code/", True),
        ("/sign-out/", True),
        ("/public/decisions/1/", True),
        ("/api/public/contracts/", True),
        ("/register/", False),
        ("/admin/", False),
        ("/api/contracts/", False),
    ],
)
def test_open_paths(path, is_open):
    assert is_open_path(path) is is_open
