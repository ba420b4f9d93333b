"""Reads for places: a saved place, an authority's places, every place, and a place from the
words of a command line or a URL (a slug, or local authority codes separated by commas)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from insource.places.areas import AreaError, parse_codes, register, with_districts
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
    return PlaceSpec(_name_of(codes), tuple(codes))


def _name_of(codes: list[str]) -> str:
    """A county's name when the codes are exactly the county and its districts; else the
    areas' names, the first three and how many more."""
    reg = register()
    for code in codes:
        if reg[code].la_type == "CTY" and set(with_districts([code])) == set(codes):
            return reg[code].nice_name
    names = [reg[c].nice_name for c in codes]
    if len(names) <= 3:
        return ", ".join(names)
    return _("%(names)s and %(n)s more areas") % {
        "names": ", ".join(names[:3]),
        "n": len(names) - 3,
    }


__all__ = ["AreaError", "PlaceSpec", "place_get", "places_list", "places_of", "spec_from_text"]
