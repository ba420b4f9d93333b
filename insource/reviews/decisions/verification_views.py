"""Public: "Check this decision" — reproduce a published decision under its policy version."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from insource.core import nav
from insource.reviews.decisions.verification_presenters import verification_page
from insource.reviews.selectors import reviews as selectors
from insource.reviews.services.verification import decision_verify


def published_decision_check(request, pk: int):
    publication = selectors.publication_get_public(pk)
    if publication is None:
        raise Http404("No published decision")
    found = decision_verify(publication.decision)
    return render(
        request,
        "reviews/published_check.html",
        verification_page(publication.decision, found) | nav.CONTRACTS,
    )
