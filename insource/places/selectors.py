"""Reads for places: a saved place, an authority's places, every place, and a place from the
words of a command line or a URL (a slug, or local authority codes separated by commas)."""

from __future__ import annotations

from dataclasses import dataclass

from insource.places.areas import AreaError, parse_codes, register
from insource.places.models import Place


@dataclass(frozen=True)
class PlaceSpec:
    """What a report is about: a saved place, or codes typed (`place` None then)."""

    name: str
    codes: tuple[str, ...]
    place: Place | None = None

    @property
    def slug(self) -> str:
        return self.place.slug if self.place else ",".join(self.codes)


def place_get(slug: str) -> Place | None:
    """A saved place by its slug, or None."""
    slug = (slug or "")[:80]
    return Place.objects.filter(slug=slug).select_related("made_by_authority").first()


def places_list() -> list[Place]:
    """Every saved place, by name."""
    return list(Place.objects.select_related("made_by_authority"))


def places_of(authority) -> list[Place]:
    """The places an authority's officers made, by name."""
    return list(Place.objects.filter(made_by_authority=authority))


def spec_of(place: Place) -> PlaceSpec:
    return PlaceSpec(place.name, tuple(place.area_codes), place)


def spec_from_text(text: str) -> PlaceSpec:
    """A saved place's slug, else local authority codes separated by commas; AreaError when
    it is neither (each bad code named)."""
    found = place_get(text.strip().lower())
    if found is not None:
        return spec_of(found)
    codes = parse_codes(text)
    names = [register()[c].nice_name for c in codes]
    return PlaceSpec(", ".join(names), tuple(codes))


__all__ = ["AreaError", "PlaceSpec", "place_get", "places_list", "places_of", "spec_from_text"]
