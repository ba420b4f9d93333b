"""Content security policy, CSRF everywhere, and how throttling sees the client's address."""

from __future__ import annotations

import re

import pytest
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from insource.accounts.throttling import client_ip

pytestmark = pytest.mark.django_db


def test_pages_carry_a_strict_policy_with_a_nonce(client):
    response = client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    assert f'<script nonce="{nonce}">' in response.content.decode()
    for directive in [
        "default-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]:
        assert directive in policy
    assert "unsafe-inline" not in policy


def test_nonce_changes_with_every_response(client):
    policies = {client.get(reverse("login"))["Content-Security-Policy"] for _ in range(2)}
    assert len(policies) == 2


def test_csrf_failure_page_is_ours():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "a", "password": "b"})
    assert response.status_code == 403
    assert "accounts/csrf_failure.html" in [t.name for t in response.templates]
    assert "Your form could not be sent" in response.content.decode()


def views(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from views(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            yield pattern.callback


# The only views that may skip CSRF, each with its reason: RFC 8058 one-click unsubscribe is
# POSTed by a mail client that holds no cookie; the unguessable token in the link is the check.
CSRF_EXEMPT_ALLOWED = {"stop"}


def test_no_view_is_csrf_exempt():
    from rest_framework.views import APIView  # enforces CSRF itself for session sign-in

    exempt = [
        view.__qualname__
        for view in views(get_resolver().url_patterns)
        if getattr(view, "csrf_exempt", False)
        and not issubclass(getattr(view, "cls", object), APIView)
        and view.__qualname__ not in CSRF_EXEMPT_ALLOWED
    ]
    assert exempt == []


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),
        (2, "198.51.100.1, 203.0.113.9", "198.51.100.1"),
        (2, "203.0.113.9", "10.0.0.1"),
    ],
)
def test_client_ip_counts_trusted_proxies_from_the_right(settings, proxies, forwarded, expected):
    settings.INSOURCE_PROXY_COUNT = proxies
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="10.0.0.1")
    assert client_ip(request) == expected
