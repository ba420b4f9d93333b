"""Writes for places: saving a place. Atomic and audited."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from insource.core.audit import Actor, audit_record
from insource.places.areas import AreaError, resolve
from insource.places.models import Place, PlaceKind

MAX_NAME = 200


def _slug(name: str) -> str:
    """A slug from the name, unique among places (`staffordshire`, `staffordshire-2`, ...)."""
    base = slugify(name)[:70].strip("-") or "place"
    slug, n = base, 1
    while Place.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def place_create(*, authority, name: str, kind: str, key: str, by: Actor, at: datetime) -> Place:
    """Save a place made by an officer of `authority`: its name and definition, resolved to
    local authority codes now. Refused (ValidationError naming each problem, all at once) when
    the name is missing or too long, the kind unknown or an area not a current authority."""
    errors: dict[str, list[str]] = {}
    name = " ".join((name or "").split())
    if not name:
        errors["name"] = [_("Enter a name for the place")]
    elif len(name) > MAX_NAME:
        errors["name"] = [_("Name must be 200 characters or fewer")]
    codes: list[str] = []
    if kind not in PlaceKind.values:
        errors["kind"] = [_("Choose what kind of place it is")]
    else:
        try:
            codes = resolve(kind, key)
        except AreaError as error:
            errors["key"] = error.problems
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        place = Place.objects.create(
            slug=_slug(name),
            name=name,
            kind=kind,
            key=key.strip(),
            area_codes=codes,
            made_by_authority=authority,
            made_by=by.label,
            made_at=at,
        )
        audit_record(
            by=by,
            at=at,
            action="places.place_create",
            obj=place,
            authority=authority,
            after={"slug": place.slug, "kind": kind, "key": place.key, "areas": codes},
        )
    return place
