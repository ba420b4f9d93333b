"""One way into an officer page: the authority in the URL, the capability, who and when.

Every page whose URL names an authority (`/<area>/<authority code>/…`) is written as

    @authority_page(Capability.READ, write=Capability.EDIT_REVIEW)
    def topic(request, page: AuthorityPage, pk: int, slug: str): ...

and the decorator, before the view runs: requires sign-in; resolves the signed-in user's access
to the authority named by the URL's `code`, once (no membership: 404, so nobody learns what
another authority holds; a role without the capability: 403); on a POST checks the `write`
capability too; reads the actor and the clock once; and hands the view one `AuthorityPage`.
Lookups scoped by the authority are selectors in their own apps that take `page.authority` and
raise Http404. A signed-in page that names no authority (the register, one's authorities) is
`@officer_page()` and gets an `OfficerPage` (who and when). `core/tests/test_officer_pages.py`
fails when a route that takes an authority code is not wrapped, when a view module outside
accounts uses `login_required` itself, and when a view module reads the clock or the actor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from insource.authorities.models import Authority
from insource.authorities.roles import Capability
from insource.authorities.selectors import Access, access_for
from insource.core.audit import Actor
from insource.core.views import who_and_when

MARK = "authority_page"  # the attribute the route test reads on each resolved callback


@dataclass(frozen=True)
class OfficerPage:
    """What a signed-in page knows before it starts: who is asking and when."""

    actor: Actor
    at: datetime

    @property
    def on(self) -> date:
        return timezone.localdate(self.at)


@dataclass(frozen=True)
class AuthorityPage(OfficerPage):
    """What an officer page of one authority knows before it starts: whose authority, with what
    roles, who is asking and when. `code` is the authority code as written in the URL (links
    keep it)."""

    access: Access
    code: str

    @property
    def authority(self) -> Authority:
        return self.access.authority

    def can(self, capability: Capability) -> bool:
        return self.access.can(capability)


def access_or_404(user, code: str, *capabilities: Capability) -> Access:
    """The user's access to the authority with this code, or 404 (not a member) / 403 (a role
    without one of the capabilities)."""
    access = access_for(user=user, authority_code=code)
    if access is None:
        raise Http404("No such authority among yours")
    if not all(access.can(c) for c in capabilities):
        raise PermissionDenied(_("Your role does not allow this"))
    return access


def authority_page(
    capability: Capability = Capability.READ,
    *,
    write: Capability | None = None,
    post_only: bool = False,
) -> Callable:
    """Wrap an officer view `view(request, page, **url_kwargs)` whose URL takes `code`.

    `capability` is needed for every request; `write`, when given, for a POST as well.
    `post_only` answers anything but a POST with 405 (after sign-in, before the access)."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request, *args, code: str, **kwargs):
            post = write is not None and request.method == "POST"
            needs = (capability, write) if post else (capability,)
            access = access_or_404(request.user, code, *needs)
            actor, at = who_and_when(request)
            page = AuthorityPage(actor=actor, at=at, access=access, code=code)
            return view(request, page, *args, **kwargs)

        wrapped = login_required(require_POST(wrapper) if post_only else wrapper)
        setattr(wrapped, MARK, {"capability": capability, "write": write})
        return wrapped

    return decorate


def officer_page(*, post_only: bool = False) -> Callable:
    """Wrap a signed-in page that names no authority (the register, the lists of one's
    authorities, the buyer-name queue's action): `view(request, page, **url_kwargs)` with the
    actor and the time read once. `post_only` as for `authority_page`."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            actor, at = who_and_when(request)
            return view(request, OfficerPage(actor=actor, at=at), *args, **kwargs)

        wrapped = login_required(require_POST(wrapper) if post_only else wrapper)
        setattr(wrapped, MARK, {"capability": None, "write": None})
        return wrapped

    return decorate


def site_admin_page(*, post_only: bool = False) -> Callable:
    """Wrap a page for the site's administrators only (superusers): the work of the whole
    service, not of one authority (the national feeds, the background jobs). Anyone else
    signed in gets 403."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_superuser:
                raise PermissionDenied(_("Only the site's administrators can see this page"))
            actor, at = who_and_when(request)
            return view(request, OfficerPage(actor=actor, at=at), *args, **kwargs)

        wrapped = login_required(require_POST(wrapper) if post_only else wrapper)
        setattr(wrapped, MARK, {"capability": None, "write": None})
        return wrapped

    return decorate


def is_authority_page(callback) -> bool:
    """Whether a resolved URL callback is wrapped by `authority_page`."""
    return (getattr(callback, MARK, None) or {}).get("capability") is not None


def is_officer_page(callback) -> bool:
    """Whether a resolved URL callback is wrapped by `officer_page` or `authority_page`."""
    return getattr(callback, MARK, None) is not None
