"""The audit committee's view of an authority. Views parse, call one selector, and present."""

from __future__ import annotations

from django.shortcuts import render

from insource.authorities.access import AuthorityPage, authority_page
from insource.oversight.presenters import departures_shown
from insource.oversight.selectors import audit_view

NAV = {"nav_standards": True}


@authority_page()
def audit(request, page: AuthorityPage):
    view = audit_view(authority=page.authority, on=page.on)
    context = {"access": page.access, "view": view, "departures": departures_shown(view), **NAV}
    return render(request, "oversight/audit.html", context)
