"""The access module: one way into an officer page (ADR 0023)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from conftest import TEST_NOW
from insource.authorities.access import (
    AuthorityPage,
    OfficerPage,
    authority_page,
    is_authority_page,
    is_officer_page,
    officer_page,
)
from insource.authorities.models import Authority, AuthorityKind, Membership, Role
from insource.authorities.roles import Capability
from insource.core.audit import Actor
from insource.core.views import request_time, who_and_when

pytestmark = pytest.mark.django_db
SEEN: list[AuthorityPage] = []


@authority_page(Capability.READ, write=Capability.EDIT_REVIEW)
def topic(request, page: AuthorityPage, pk: int):
    SEEN.append(page)
    return HttpResponse(f"{page.authority.code} {pk}")


@authority_page(Capability.EDIT_REVIEW, post_only=True)
def remove(request, page: AuthorityPage):
    return HttpResponse("removed")


@officer_page(post_only=True)
def confirm(request, page: OfficerPage, pk: int):
    SEEN.append(page)
    return HttpResponse(str(pk))


@pytest.fixture
def member():
    authority = Authority.objects.create(
        key="la:AAA", code="AAA", name="Aaa Council", kind=AuthorityKind.LOCAL_AUTHORITY
    )
    Authority.objects.create(
        key="la:BBB", code="BBB", name="Bbb Council", kind=AuthorityKind.LOCAL_AUTHORITY
    )
    user = User.objects.create_user("councillor")
    Membership.objects.create(user=user, authority=authority, role=Role.COUNCILLOR)
    return user


def _request(user, method="get"):
    request = getattr(RequestFactory(), method)("/x/")
    request.user = user
    return request


def test_a_member_gets_the_page_with_who_and_when(member):
    SEEN.clear()
    response = topic(_request(member), code="aaa", pk=7)
    assert response.status_code == 200 and response.content == b"AAA 7"
    page = SEEN[0]
    assert page.code == "aaa" and page.authority.code == "AAA"
    assert page.actor == Actor.for_user(member) and page.on == timezone.localdate(page.at)
    assert page.can(Capability.READ) and not page.can(Capability.EDIT_REVIEW)


def test_not_a_member_is_404_and_a_role_without_the_capability_403(member):
    with pytest.raises(Http404):
        topic(_request(member), code="BBB", pk=7)
    with pytest.raises(Http404):
        topic(_request(member), code="ZZZ", pk=7)
    with pytest.raises(PermissionDenied):
        topic(_request(member, "post"), code="AAA", pk=7)


def test_anonymous_is_sent_to_sign_in_and_post_only_refuses_a_get_before_the_access(member):
    response = topic(_request(AnonymousUser()), code="AAA", pk=7)
    assert response.status_code == 302 and "sign-in" in response["Location"]
    stranger = User.objects.create_user("stranger")
    assert remove(_request(stranger), code="AAA").status_code == 405
    with pytest.raises(PermissionDenied):
        remove(_request(member, "post"), code="AAA")


def test_pages_are_marked_for_the_route_check():
    assert is_authority_page(topic) and is_authority_page(remove)
    assert is_officer_page(confirm) and not is_authority_page(confirm)


def test_a_page_naming_no_authority_gets_who_and_when_after_sign_in(member):
    SEEN.clear()
    assert confirm(_request(member, "post"), pk=3).content == b"3"
    assert SEEN[0].actor == Actor.for_user(member) and SEEN[0].on == timezone.localdate(SEEN[0].at)
    assert confirm(_request(member), pk=3).status_code == 405
    assert confirm(_request(AnonymousUser(), "post"), pk=3).status_code == 302


def test_the_clock_is_read_once_a_request(member):
    request = _request(member)
    request._insource_at = TEST_NOW
    assert request_time(request) == TEST_NOW
    assert who_and_when(request) == (Actor.for_user(member), TEST_NOW)
    fresh = _request(member)
    assert request_time(fresh) is request_time(fresh)
