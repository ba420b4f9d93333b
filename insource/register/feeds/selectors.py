"""What the administrators' feed page reads: each source, where it got to, and its pulls."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from insource.register.models import FeedPull, FeedSource

PULLS_SHOWN = 60


def feed_sources() -> QuerySet[FeedSource]:
    return FeedSource.objects.order_by("name")


def feed_pulls_recent(*, limit: int = PULLS_SHOWN) -> list[FeedPull]:
    """The latest pulls of every source, newest first."""
    return list(
        FeedPull.objects.select_related("source", "user").order_by("-started_at", "-id")[:limit]
    )


def feed_pull_or_404(pk: int) -> FeedPull:
    return get_object_or_404(FeedPull.objects.select_related("source", "user"), pk=pk)
