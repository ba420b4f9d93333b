"""A check CI runs: every officer page comes in through the access module (ADR 0023).

Every URL pattern whose route takes an authority code (read from the resolver, through every
include) must resolve to a view wrapped by `authorities.access.authority_page`, which resolves
the access (404/403), the actor and the time once; so a new page cannot forget the check. And no
view module reads the clock or the actor itself: the access module's page, or
`core.views.who_and_when` / `request_time` for pages without an authority, do it once."""

from __future__ import annotations

import ast
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver

from insource.authorities.access import (
    AuthorityPage,
    authority_page,
    is_authority_page,
    is_officer_page,
)

# Routes that take an authority code but are not officer pages: the public API's authority (the
# code names what is shown, to anyone) and the internal API, whose viewset resolves the token
# user's access itself (DRF answers with its own error bodies).
NOT_OFFICER_PAGES = {
    "api-public:authority-detail",
    "api-v1:review-list",
    "api-v1:review-detail",
}

# Namespaces whose every page is for signed-in officers, and officer pages elsewhere.
OFFICER_NAMESPACES = {
    "register",
    "authorities",
    "reviews",
    "appraisal",
    "wealth",
    "transition",
    "inhouse",
    "standards",
}
OFFICER_PAGES_ELSEWHERE = {"requests:mine"}
ROOT = Path(__file__).resolve().parents[2]
# (module, attribute) calls a view module may not make: who and when come from the page.
OWN_READS = {
    ("timezone", "now"),
    ("datetime", "now"),
    ("datetime", "today"),
    ("date", "today"),
    ("Actor", "for_user"),
}


def patterns(found=None, namespace=""):
    """(key, pattern) of every URL pattern: the key is its name with its namespaces."""
    found = get_resolver().url_patterns if found is None else found
    for pattern in found:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from patterns(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name or pattern.pattern}", pattern


def takes_authority_code(pattern: URLPattern) -> bool:
    return "code" in pattern.pattern.regex.groupindex


def officer_pages() -> dict[str, URLPattern]:
    return {
        key: pattern
        for key, pattern in patterns()
        if takes_authority_code(pattern) and key not in NOT_OFFICER_PAGES
    }


def test_there_are_officer_pages_to_check():
    assert len(officer_pages()) >= 50


def test_every_officer_page_resolves_its_access_through_the_access_module():
    unwrapped = sorted(
        key for key, pattern in officer_pages().items() if not is_authority_page(pattern.callback)
    )
    assert not unwrapped, (
        "These officer pages take an authority code but are not wrapped by "
        "insource.authorities.access.authority_page: " + ", ".join(unwrapped)
    )


def test_every_signed_in_page_comes_through_the_access_module():
    signed_in = {
        key: pattern
        for key, pattern in patterns()
        if key.split(":")[0] in OFFICER_NAMESPACES or key in OFFICER_PAGES_ELSEWHERE
    }
    assert len(signed_in) >= 60
    unwrapped = sorted(k for k, p in signed_in.items() if not is_officer_page(p.callback))
    assert not unwrapped, (
        "These officer pages are not wrapped by insource.authorities.access.officer_page "
        "(or authority_page): " + ", ".join(unwrapped)
    )


def test_no_view_outside_sign_in_wraps_itself_in_login_required():
    offences = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in view_modules()
        if path.relative_to(ROOT).parts[0] != "accounts"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Name) and node.id == "login_required"
    ]
    assert offences == [], (
        "use insource.authorities.access.officer_page or authority_page: " + "; ".join(offences)
    )


def test_the_check_catches_an_unwrapped_page():
    def bare(request, code):
        raise AssertionError("never called")

    @authority_page()
    def wrapped(request, page: AuthorityPage):
        raise AssertionError("never called")

    assert not is_authority_page(bare)
    assert is_authority_page(wrapped)


def view_modules() -> list[Path]:
    """Every views module: `views.py`, `*_views.py` and the modules of a `views/` package."""
    return sorted(
        p
        for p in ROOT.rglob("*.py")
        if "tests" not in p.parts
        and (p.name == "views.py" or p.name.endswith("_views.py") or "views" in p.parts)
    )


def own_reads(path: Path) -> list[str]:
    """`file:line call` for every read of the clock or the actor in a views module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        call = node.func if isinstance(node, ast.Call) else None
        if (
            isinstance(call, ast.Attribute)
            and isinstance(call.value, ast.Name)
            and (call.value.id, call.attr) in OWN_READS
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} {call.value.id}.{call.attr}()")
    return found


def test_there_are_view_modules_to_check():
    assert len(view_modules()) >= 20


# The one read of who and when, at the request boundary (`request_time`, `who_and_when`).
THE_ONE_READ = ROOT / "core" / "views.py"


def test_no_view_reads_the_clock_or_the_actor_itself():
    offences = [o for path in view_modules() if path != THE_ONE_READ for o in own_reads(path)]
    assert offences == [], (
        "read who and when from the page (authorities.access) or core.views.who_and_when / "
        "request_time: " + "; ".join(offences)
    )


def test_the_check_catches_a_view_reading_the_clock(tmp_path):
    bad = tmp_path / "views.py"
    bad.write_text(
        "def v(request):\n    return timezone.now(), Actor.for_user(request.user)\n",
        encoding="utf-8",
    )
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert own_reads(bad) == ["views.py:2 timezone.now()", "views.py:2 Actor.for_user()"]
    finally:
        ROOT = saved
