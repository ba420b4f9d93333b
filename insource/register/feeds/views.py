"""The national feeds' page for site administrators: each pull, its range, counts and problems."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from insource.authorities.access import OfficerPage, officer_page
from insource.register.feeds import selectors

SHOWN_ISSUES = 20


@officer_page()
def feed_pulls(request, page: OfficerPage):
    """Site administrators only: the feeds run for the whole service, not one authority."""
    if not request.user.is_superuser:
        raise PermissionDenied(_("Only site administrators can see the national feeds"))
    pulls = selectors.feed_pulls_recent()
    context = {
        "sources": selectors.feed_sources(),
        "pulls": [
            {
                "pull": pull,
                "counts": pull.counts,
                "warnings": pull.warnings[:SHOWN_ISSUES],
                "errors": pull.errors[:SHOWN_ISSUES],
            }
            for pull in pulls
        ],
        "shown_issues": SHOWN_ISSUES,
    }
    return render(request, "register/feed_pulls.html", context)
