"""A check CI runs: every officer page comes in through the access module.

Every URL pattern whose route takes an authority code (read from the resolver, through every
include) must resolve to a view wrapped by `authorities.access.authority_page`, which resolves
the access (404/403), the actor and the time once; so a new page cannot forget the check."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, get_resolver

from insource.authorities.access import AuthorityPage, authority_page, is_authority_page

# Routes that take an authority code but are not officer pages: the public API's authority (the
# code names what is shown, to anyone) and the internal API, whose viewset resolves the token
# user's access itself (DRF answers with its own error bodies).
NOT_OFFICER_PAGES = {
    "api-public:authority-detail",
    "api-v1:review-list",
    "api-v1:review-detail",
}

# Officer pages still to be moved onto `authority_page` (issue 14): the list only shrinks.
BEING_CONVERTED: set[str] = {
    "reviews:authority",
    "reviews:adopt",
    "reviews:open",
    "reviews:review",
    "reviews:topic",
    "reviews:evidence-upload",
    "reviews:evidence-download",
    "reviews:comment",
    "reviews:history",
    "reviews:submit",
    "reviews:sign",
    "reviews:return",
    "reviews:publish",
    "reviews:advice",
    "standards:authority",
    "standards:contract",
    "standards:record",
    "standards:payroll",
    "standards:payroll-return",
    "standards:model-contract",
    "standards:model-contract-verify",
    "standards:model-contract-download",
    "standards:clauses",
    "standards:clause-new",
    "standards:clause-version",
    "standards:clause",
    "requests:queue",
    "requests:officer",
    "requests:officer-document",
    "requests:action",
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
        key
        for key, pattern in officer_pages().items()
        if not is_authority_page(pattern.callback) and key not in BEING_CONVERTED
    )
    assert not unwrapped, (
        "These officer pages take an authority code but are not wrapped by "
        "insource.authorities.access.authority_page: " + ", ".join(unwrapped)
    )


def test_the_list_of_pages_being_converted_only_shrinks():
    pages = officer_pages()
    done = sorted(k for k in BEING_CONVERTED if k in pages and is_authority_page(pages[k].callback))
    gone = sorted(k for k in BEING_CONVERTED if k not in pages)
    assert not done, "Converted, so remove them from BEING_CONVERTED: " + ", ".join(done)
    assert not gone, "Gone, so remove them from BEING_CONVERTED: " + ", ".join(gone)


def test_the_check_catches_an_unwrapped_page():
    def bare(request, code):
        raise AssertionError("never called")

    @authority_page()
    def wrapped(request, page: AuthorityPage):
        raise AssertionError("never called")

    assert not is_authority_page(bare)
    assert is_authority_page(wrapped)
