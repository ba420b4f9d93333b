"""The demonstration hint: the current code printed for demonstration accounts, only when
INSOURCE_DEMO_OTP_HINTS is on, and never in production."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone

from insource.accounts.services import otp_current_code, otp_device_ensure
from insource.testing.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

HINT = "Demonstration site: the current code for this account is"
SETTINGS = Path(__file__).resolve().parents[2] / "settings.py"


def code_page(client, username: str, system_actor) -> tuple[str, str]:
    user = UserFactory(username=username)
    device = otp_device_ensure(user=user, by=system_actor, at=timezone.now())
    client.post(reverse("login"), {"username": username, "password": PASSWORD})
    return client.get(reverse("otp-verify")).content.decode(), otp_current_code(device)


def test_hint_shown_for_demo_accounts_when_on(client, settings, system_actor):
    settings.INSOURCE_DEMO_OTP_HINTS = True
    page, code = code_page(client, "demo-alice", system_actor)
    assert HINT in page and f"<strong>{code}</strong>" in page
    assert client.post(reverse("otp-verify"), {"code": code}).status_code == 302


def test_hint_shown_for_listed_demo_users(client, settings, system_actor):
    settings.INSOURCE_DEMO_OTP_HINTS, settings.INSOURCE_DEMO_USERS = True, ["officer"]
    assert HINT in code_page(client, "officer", system_actor)[0]


def test_no_hint_for_other_accounts(client, settings, system_actor):
    settings.INSOURCE_DEMO_OTP_HINTS = True
    assert HINT not in code_page(client, "alice", system_actor)[0]


def test_no_hint_when_off(client, settings, system_actor):
    settings.INSOURCE_DEMO_OTP_HINTS = False
    assert HINT not in code_page(client, "demo-alice", system_actor)[0]


def test_no_hint_in_production_even_if_forced(client, settings, system_actor):
    settings.INSOURCE_DEMO_OTP_HINTS, settings.IS_PRODUCTION = True, True
    assert HINT not in code_page(client, "demo-alice", system_actor)[0]


def test_hint_on_set_up_page_for_demo_accounts(client, settings):
    settings.INSOURCE_DEMO_OTP_HINTS = True
    UserFactory(username="demo-bob")
    client.post(reverse("login"), {"username": "demo-bob", "password": PASSWORD})
    assert HINT in client.get(reverse("otp-enrol")).content.decode()


def load_settings(monkeypatch, tmp_path, **env) -> dict:
    monkeypatch.setenv("INSOURCE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("INSOURCE_DEMO_OTP_HINTS", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def test_hints_default_on_only_in_development(monkeypatch, tmp_path, settings):
    assert settings.INSOURCE_DEMO_OTP_HINTS is False  # the test environment
    assert load_settings(monkeypatch, tmp_path, INSOURCE_ENV="development")[
        "INSOURCE_DEMO_OTP_HINTS"
    ]


def test_production_refuses_hints(monkeypatch, tmp_path):
    production = {
        "INSOURCE_ENV": "production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
    }
    assert not load_settings(monkeypatch, tmp_path, **production)["INSOURCE_DEMO_OTP_HINTS"]
    with pytest.raises(ImproperlyConfigured, match="INSOURCE_DEMO_OTP_HINTS"):
        load_settings(monkeypatch, tmp_path, INSOURCE_DEMO_OTP_HINTS="true", **production)


def test_every_demo_person_is_a_demo_account_by_default(monkeypatch, tmp_path):
    """The README's demo logins all get the hint: the default list is the demo's people."""
    from insource.demo.services import DEMO_PEOPLE

    monkeypatch.delenv("INSOURCE_DEMO_USERS", raising=False)
    defaults = load_settings(monkeypatch, tmp_path)["INSOURCE_DEMO_USERS"]
    assert sorted(defaults) == sorted(name for name, *_ in DEMO_PEOPLE)
