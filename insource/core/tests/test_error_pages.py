"""The product's own error pages, as a resident sees them: a 404 in plain words with a link
home and no URL patterns; a 500 that says sorry and nothing else; DEBUG off unless asked for;
static files still served with it off."""

from __future__ import annotations

import os
import subprocess
import sys
from unittest import mock

import pytest
from django.test import RequestFactory

from insource.core import views
from insource.home import views as home_views

pytestmark = pytest.mark.django_db
TECHNICAL = ("Using the URLconf", "URLconf defined in", "Traceback", "DEBUG = True", "<int:pk>")


@pytest.mark.parametrize(
    "path", ["/public/nonexistent/", "/public/decisions/999999/", "/reviews/NOPE/1/"]
)
def test_an_unknown_page_is_our_404_with_a_link_home(client, officer_login, path):
    from insource.testing.factories import UserFactory

    officer_login(client, UserFactory())
    response = client.get(path)
    page = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in page and "If you typed the web address" in page
    assert 'href="/">go to the start page</a>' in page
    assert not any(leak in page for leak in TECHNICAL)


def test_a_failure_is_our_500_and_names_nothing_internal(client):
    client.raise_request_exception = False
    with mock.patch.object(home_views, "register_summary", side_effect=RuntimeError("db password")):
        response = client.get("/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in page
    assert "Nothing you entered has been changed." in page and 'href="/"' in page
    assert "RuntimeError" not in page and "db password" not in page


def test_the_500_page_survives_when_it_cannot_be_drawn():
    request = RequestFactory().get("/")
    with mock.patch.object(views, "render", side_effect=RuntimeError("database is down")):
        response = views.server_error(request)
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content
    assert b"database is down" not in response.content


def test_static_files_are_served_with_debug_off(client, settings):
    assert settings.DEBUG is False
    response = client.get("/static/insource/favicon.svg")
    assert response.status_code == 200 and b"<svg" in b"".join(response.streaming_content)


def _debug_under(**env) -> str:
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    environ = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "INSOURCE_ENV"}}
    environ |= {"DJANGO_SETTINGS_MODULE": "insource.settings"} | env
    done = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=False
    )
    return (done.stdout + done.stderr).strip()


def test_debug_is_off_by_default_even_in_development_and_refused_in_production():
    assert _debug_under(INSOURCE_ENV="development").endswith("False")  # what ./dev run uses
    assert _debug_under(INSOURCE_ENV="development", DEBUG="true").endswith("True")
    production = _debug_under(
        INSOURCE_ENV="production",
        DEBUG="true",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="example.org",
        INSOURCE_DEMO_OTP_HINTS="false",
    )
    assert "DEBUG shows Django's technical pages" in production
