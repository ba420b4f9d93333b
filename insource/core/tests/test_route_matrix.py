"""Every URL pattern of the project has a row in the route matrix (`route_matrix.py`), and
every row holds: each route's GET and POST tried as anonymous, a signed-in user with no
membership, every role of the authority that owns the objects, every role of another
authority and a site administrator. Allowed = 200/302/400 (a form error); a missing
capability = 403; another authority's object = 404; anonymous on an officer page = sign in."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from insource.authorities.models import Role
from insource.authorities.roles import CAPABILITIES, Capability
from insource.testing.route_matrix import (
    ADMIN_SIGN_IN,
    API_SIGN_IN,
    GET_ONLY,
    POST_ONLY,
    ROUTES,
    SIGN_IN,
    Rule,
)
from insource.testing.route_world import api_token
from insource.testing.sign_in import officer_login

ALLOWED = (200, 302, 400)
POPULATIONS = (
    ["anonymous", "no-membership", "site-administrator"]
    + [f"own:{role}" for role in Role]
    + [f"other:{role}" for role in Role]
)


def route_keys(patterns=None, prefix="", namespace="") -> list[tuple[str, str]]:
    """(key, route) of every URL pattern, through every include: the key is the name with its
    namespaces, or the route string when the pattern has no name."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += route_keys(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            found.append((f"{namespace}{pattern.name}" if pattern.name else route, route))
    return found


def test_every_route_has_a_row_and_every_row_a_route():
    keys = {key for key, _ in route_keys()}
    missing = sorted(f"{key} ({route})" for key, route in route_keys() if key not in ROUTES)
    stale = sorted(set(ROUTES) - keys)
    assert not missing, (
        "These routes have no row in insource/testing/route_matrix.py (its top says how "
        "to add one): " + ", ".join(missing)
    )
    assert not stale, "These rows of the route matrix match no route: " + ", ".join(stale)


def _user(world, population):
    kind, _, role = population.partition(":")
    return {
        "anonymous": None,
        "no-membership": world.nobody,
        "site-administrator": world.site_admin,
        "own": world.people.get(role),
        "other": world.strangers.get(role),
    }[kind]


def expected(rule, population):
    """The outcome a rule gives a population: None (allowed), a status, or a redirect."""
    if isinstance(rule, Capability):
        rule = Rule(own=rule)
    kind, _, role = population.partition(":")
    if kind == "own":
        if isinstance(rule.own, Capability):
            return None if role in CAPABILITIES[rule.own] else 403
        return None if rule.own is True else rule.own
    return {
        "other": rule.other,
        "no-membership": rule.no_membership,
        "anonymous": rule.anonymous,
        "site-administrator": rule.site_admin,
    }[kind]


def _outcomes(row, method, population) -> set:
    rule = getattr(row, method)
    if rule == GET_ONLY:
        return {expected(row.get, population), 405}
    if rule == POST_ONLY:
        return ({expected(row.post, population)} - {None}) | {405}
    return {expected(rule, population)}


def holds(response, outcome, also=()) -> bool:
    status, where = response.status_code, response.get("Location", "")
    if outcome is None:
        return status in ALLOWED + tuple(also) and where.split("?")[0] != reverse("login")
    if outcome == SIGN_IN:
        return status == 302 and where.split("?")[0] == reverse("login")
    if outcome == ADMIN_SIGN_IN:
        return status == 302 and where.startswith(reverse("admin:login"))
    if outcome == API_SIGN_IN:
        return status in (401, 403)
    return status == outcome


def _url(world, key, row) -> str:
    if row.url is not None:
        return row.url(world)
    return reverse(key, args=row.args(world) if row.args else None)


SIGNS_OUT = {"logout", "admin:logout", "otp-verify", "otp-enrol"}


def _request(client, world, user, method, key, row):
    if key.startswith("api-public:"):
        for cache in caches.all():
            cache.clear()  # the public API's per-address limits: every population afresh
    headers = {}
    if user is not None and row.token:
        headers["HTTP_AUTHORIZATION"] = f"Token {api_token(user)}"
    url = _url(world, key, row)
    if method == "get":
        return client.get(url, **headers)
    return client.post(url, row.data(world) if row.data else {}, **headers)


@pytest.mark.django_db
@pytest.mark.parametrize("population", POPULATIONS)
def test_every_route_answers_every_population_as_its_row_says(client, world, population):
    user = _user(world, population)
    wrong, signed_in = [], False
    for key, row in ROUTES.items():
        if row.excluded:
            continue
        for method in ("get", "post"):
            if user is not None and (row.token or not signed_in):
                client.logout()
                signed_in = not row.token and bool(officer_login(client, user))
            outcomes = _outcomes(row, method, population)
            response = _request(client, world, user, method, key, row)
            signed_in = signed_in and key not in SIGNS_OUT
            if not any(holds(response, outcome, row.also) for outcome in outcomes):
                wrong.append(
                    f"{method.upper()} {key}: {response.status_code} "
                    f"{response.get('Location', '')} (expected {sorted(map(str, outcomes))})"
                )
    assert not wrong, f"{population}:\n" + "\n".join(wrong)
