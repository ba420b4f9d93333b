"""The header's public sections (`base.html`): the flag a page puts in its context so the
header marks the section it belongs to as current. A page about a contract (its search, its
page, its supplier) is "Contracts"; a page about authorities (their list, one authority, what
they share or brought home, places) is "Authorities"; an information request's page is
"Information requests" (and, for an officer, "Requests"). A page of no section (home, open data,
Have your say, signing in) sets none. `insource/core/tests/test_public_nav.py` checks every
public page."""

CONTRACTS = {"nav_public_contracts": True}
AUTHORITIES = {"nav_public_authorities": True}
REQUESTS = {"nav_public_requests": True, "nav_requests": True}
