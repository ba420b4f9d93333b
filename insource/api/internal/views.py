"""The internal API: an authority's reviews for its members, by token.

Scoped exactly like the officer pages: `access_for` gives the token's user's access to the
authority in the URL; no membership is 404 (nobody learns what another authority holds), no
read capability is 403, and every query goes through a selector that takes the authority.
"""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import PermissionDenied

from insource.api.internal.serializers import ReviewSerializer
from insource.api.selectors import valid_id
from insource.authorities.roles import Capability
from insource.authorities.selectors import access_for
from insource.reviews.selectors import reviews as review_selectors


@extend_schema(tags=["reviews"])
class ReviewViewSet(viewsets.ReadOnlyModelViewSet):
    """An authority's reviews: state, decision point, lateness, latest evaluation."""

    serializer_class = ReviewSerializer
    lookup_value_regex = "[^/]+"

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        code = kwargs["code"]
        access = None if "\x00" in code else access_for(user=request.user, authority_code=code)
        if access is None:
            raise Http404("Not found.")
        if not access.can(Capability.READ):
            raise PermissionDenied("You may not read this authority's reviews.")
        self.access = access

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the OpenAPI generator, no request
            return review_selectors.reviews_for(authority=None).none()
        return review_selectors.reviews_for(authority=self.access.authority)

    def get_object(self):
        pk = valid_id(self.kwargs["pk"])
        review = None
        if pk is not None:
            review = review_selectors.review_get(authority=self.access.authority, pk=pk)
        if review is None:
            raise Http404("Not found.")
        return review

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "on": timezone.localdate()}
