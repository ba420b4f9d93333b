"""Public pages from memory (ADR 0046): the register search, authority and contract pages and
the public API's lists answer from the shared cache, and a change makes exactly the pages that
show it old.

**Generations, not deletions.** Each page is stored with the generations of the *scopes* it
was built from: `site` (everything; a change of unknown reach), `register` (any public data:
the search, the lists) and `authority:<pk>` (one authority's contracts, reviews, decisions,
requests). A change renews the generations of its scopes (`changed`): one cache write each,
whatever the number of pages, and a page whose stored generations differ from the current ones
is built again. Nothing is deleted; old pages age out (`PAGE_SECONDS`) or are culled.

**Race-free.** Inside a transaction the new generations are written once it commits
(`transaction.on_commit`), so a page built while the change is uncommitted carries the old
generations and is never served again; the generations are read *before* a page is built.

**Whose page.** Only anonymous GETs are served from or stored in the cache: a request carrying
a session or a messages cookie (every signed-in officer) is never answered from it, so nobody
sees a page built for someone else. The key is the path, the raw query string, the language
and today's date (pages show what is late *today*). A stored page never holds a CSRF token or
a CSP nonce: both are cut out when it is stored and the request's own put back when it is
served, so the language switcher's form works and the nonce is never reused.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import re
import threading
import uuid
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response

SITE = "site"
REGISTER = "register"
PAGE_SECONDS = 60 * 60 * 24
_GENERATION = "pages:gen:{}"
_PAGE = "pages:page:{}"
# Placeholders no escaped page text can contain (a resident's words reach a page escaped, so
# never with a raw "<").
_CSRF_MARK = "<insource-csrf-token>"
_NONCE_MARK = "<insource-csp-nonce>"
_CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")([^"]+)(")')
_HEADERS_KEPT = ("Content-Type", "ETag", "Last-Modified", "Cache-Control", "Content-Disposition")


def authority_scope(pk) -> str:
    return f"authority:{pk}"


def enabled() -> bool:
    return settings.INSOURCE_PAGE_CACHE


# --- invalidation -----------------------------------------------------------------------------


def changed(*, authorities: Iterable = (), everything: bool = False) -> None:
    """The data of these authorities (or of everything) changed: their pages are old once the
    current transaction commits (at once outside one). Every change also renews `register`."""
    scopes = {REGISTER, *(authority_scope(pk) for pk in authorities if pk is not None)}
    if everything:
        scopes.add(SITE)
    if not connection.in_atomic_block:
        _renew(scopes)
        return
    waiting = next(
        (f for _, f, _ in reversed(connection.run_on_commit) if isinstance(f, _Renewal) and f.due),
        None,
    )
    if waiting is None:
        waiting = _Renewal()
        transaction.on_commit(waiting)
    waiting.scopes |= scopes


class _Renewal:
    """The generations one transaction renews when it commits (one cache write for all)."""

    def __init__(self):
        self.scopes: set[str] = set()
        self.due = True

    def __call__(self) -> None:
        self.due = False
        _renew(self.scopes)


def _renew(scopes: Iterable[str]) -> None:
    scopes = sorted(set(scopes))
    if scopes:
        # One transaction: the database cache would otherwise commit once per scope (an import
        # touching 140 authorities spent 0.3 s committing).
        with transaction.atomic():
            cache.set_many({_GENERATION.format(s): uuid.uuid4().hex for s in scopes}, timeout=None)


def _generations(scopes: Iterable[str], known: dict | None = None) -> dict[str, str]:
    """The current generation of each scope (a new one for a scope the cache has lost)."""
    known = dict(known or {})
    wanted = [s for s in scopes if s not in known]
    if wanted:
        found = cache.get_many([_GENERATION.format(s) for s in wanted])
        for scope in wanted:
            value = found.get(_GENERATION.format(scope))
            if value is None:
                cache.add(_GENERATION.format(scope), uuid.uuid4().hex, timeout=None)
                value = cache.get(_GENERATION.format(scope))
            known[scope] = value
    return known


# --- serving ----------------------------------------------------------------------------------


def cacheable_request(request) -> bool:
    """An anonymous GET with no session and no messages: the only requests the cache answers."""
    if not enabled() or request.method != "GET":
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    user = getattr(request, "_cached_user", None)  # set only when something already asked
    return user is None or not user.is_authenticated


def page_key(request, kind: str) -> str:
    raw = "\x1f".join(
        (
            kind,
            request.path,
            request.META.get("QUERY_STRING", ""),
            translation.get_language() or "",
            timezone.localdate().isoformat(),
            settings.INSOURCE_PAGE_CACHE_VERSION,
        )
    )
    return _PAGE.format(hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest())


def cached(
    kind: str,
    scopes: Callable[..., Iterable[str] | None] | None = None,
    *,
    shared: Iterable[str] = (REGISTER,),
):
    """A view decorator: answer from the cache when the stored page's generations are current,
    else build it (after reading the generations) and store it when it is a plain 200.

    `shared` are scopes the page always depends on (read with the page in one round trip);
    `scopes(request, *args, **kwargs)` names more from the data (an authority's pk) — run only
    when the page is built, so a hit costs no database query of the register. It returns None
    when the page does not exist (the view then answers 404 itself, uncached)."""
    shared = (SITE, *shared)

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            return answer(
                request,
                kind,
                lambda: view(request, *args, **kwargs),
                (lambda: scopes(request, *args, **kwargs)) if scopes else None,
                shared=shared,
            )

        return wrapper

    return decorate


def answer(request, kind: str, build, scopes=None, *, shared: Iterable[str] = (SITE, REGISTER)):
    """The stored page for this request when it is current, else `build()` stored (see
    `cached`; `scopes()` names the data's own scopes, None for a page that does not exist)."""
    if not cacheable_request(request):
        return build()
    key = page_key(request, kind)
    hit = serve(request, key, shared)
    if hit is not None:
        return hit
    with _one_builder(key):
        hit = serve(request, key, shared)  # built by another thread while this one waited
        if hit is not None:
            return hit
        more = scopes() if scopes else ()
        if more is None:
            return build()
        current = _generations([*shared, *more])
        response = build()
        store(request, key, response, current)
        return response


# key -> [its lock, how many threads hold or wait for it]; the entry goes when the last leaves
_builders: dict[str, list] = {}
_builders_guard = threading.Lock()


@contextlib.contextmanager
def _one_builder(key: str):
    """One thread of this process builds a missing page; the others wait for it and read it
    from the cache (32 visitors arriving after a change cost one build, not 32). The lock is
    counted, not tested with `locked()`: a waiter still holds its place, so no second lock
    for the same key can be made while anyone waits on the first."""
    with _builders_guard:
        entry = _builders.setdefault(key, [threading.Lock(), 0])
        entry[1] += 1
    try:
        with entry[0]:
            yield
    finally:
        with _builders_guard:
            entry[1] -= 1
            if entry[1] == 0 and _builders.get(key) is entry:
                del _builders[key]


def serve(request, key: str, shared: Iterable[str]) -> HttpResponse | None:
    """The stored page when every generation it was built with is still current."""
    wanted = [key, *(_GENERATION.format(s) for s in shared)]
    found = cache.get_many(wanted)
    stored = found.get(key)
    if stored is None:
        return None
    known = {s: found[_GENERATION.format(s)] for s in shared if _GENERATION.format(s) in found}
    current = _generations(stored["generations"], known)
    if any(current[s] != g for s, g in stored["generations"].items()):
        return None
    body = stored["body"]
    if _NONCE_MARK.encode() in body:
        body = body.replace(_NONCE_MARK.encode(), str(request.csp_nonce).encode())
    if _CSRF_MARK.encode() in body:
        body = body.replace(_CSRF_MARK.encode(), get_token(request).encode())
    response = HttpResponse(body, status=200)
    for name, value in stored["headers"].items():
        response[name] = value
    response["X-Insource-Cache"] = "hit"
    if "ETag" in response:
        return get_conditional_response(request, etag=response["ETag"], response=response)
    return response


def store(request, key: str, response, generations: dict[str, str]) -> None:
    """Keep a plain 200 with its generations, the CSRF token and CSP nonce cut out."""
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    if response.status_code != 200 or response.streaming or response.cookies:
        return
    body = response.content
    nonce = getattr(request, "_csp_nonce", None) or ""
    text = body
    if nonce:
        text = text.replace(nonce.encode(), _NONCE_MARK.encode())
    text = _CSRF_INPUT.sub(
        lambda m: m.group(1) + _CSRF_MARK + m.group(3), text.decode("utf-8", "surrogateescape")
    ).encode("utf-8", "surrogateescape")
    headers = {name: response[name] for name in _HEADERS_KEPT if response.has_header(name)}
    cache.set(
        key, {"generations": generations, "body": text, "headers": headers}, timeout=PAGE_SECONDS
    )
    response["X-Insource-Cache"] = "miss"


# --- what tells the cache ---------------------------------------------------------------------

# Audited writes whose authorities the register's writer reports itself (an import or a feed
# pull touches many authorities; its audit event names none).
_REPORTED_BY_WRITER = {"register.ImportRun", "register.FeedPull"}


def audit_saved(sender, instance, created: bool, **kwargs) -> None:
    """Every service write is audited (`core.audit.audit_record`): an event naming an authority
    makes that authority's pages old; one naming none, everything's (a screening of the whole
    register, a change of unknown reach)."""
    if not created:
        return
    if instance.authority_id is not None:
        changed(authorities=[instance.authority_id])
    elif instance.object_type not in _REPORTED_BY_WRITER:
        changed(everything=True)


def connect() -> None:
    from django.db.models.signals import post_save

    from insource.core.models import AuditEvent

    post_save.connect(audit_saved, sender=AuditEvent, dispatch_uid="page-cache-audit")
