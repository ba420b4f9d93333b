"""Policy versions that have decided something, kept so that every decision can be reproduced."""

from django.db import models

from insource.reviews.models.decisions import ImmutableError, ImmutableQuerySet


class PolicyVersion(models.Model):
    """The snapshot of one policy version (every parameter file's text, the rules' code digests,
    the preset and its custom rules and overrides), kept by its hash when a decision is signed
    under it: `insource policy verify` and the public "Check this decision" reproduce the
    decision from it, whatever was released since (docs/adr/0018). Immutable."""

    hash = models.CharField(max_length=80, unique=True)  # "sha256:...", as decisions record it
    preset = models.CharField(max_length=60)
    snapshot = models.JSONField()
    recorded_at = models.DateTimeField()

    objects = ImmutableQuerySet.as_manager()

    def __str__(self) -> str:
        return f"policy version {self.preset} {self.hash[:19]}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableError("A policy version cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError("A policy version cannot be deleted: decisions rest on it")
