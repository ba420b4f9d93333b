"""A place: a saved, shareable set of local authority areas (Total Place, issue 20)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlaceKind(models.TextChoices):
    COUNTY = "county", _("A county and its district councils")
    COMBINED = "combined-authority", _("A combined authority's area")
    ICB = "icb", _("An integrated care board's footprint")
    CUSTOM = "custom", _("A list of local authority areas")


class Place(models.Model):
    """A saved place: its definition (`kind` and `key`: the county's or combined authority's
    code, the integrated care board's key, or the codes typed) and the local authority codes it
    resolved to when saved (`area_codes`), which the report reads. Anyone may read its public
    page by its `slug`; officers of an authority make places (`made_by_authority`)."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=PlaceKind.choices)
    key = models.CharField(max_length=2000)
    area_codes = models.JSONField(default=list)
    made_by_authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.PROTECT, related_name="places_made"
    )
    made_by = models.CharField(max_length=200)
    made_at = models.DateTimeField()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
