"""Templates one authority shares with every other, and their reuses (ADR 0045).

A `SharedTemplate` is a copy, made when it is published, of an appraisal's cost lines (figures
and codes as they were; a label or source note only where the officer confirmed it holds no
personal data and the screen found none) or of a clause version's text. It never changes: its
publisher may only withdraw it, which takes it off the library and leaves every credit in
place. A `TemplateReuse` records that another appraisal or clause version started from it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    APPRAISAL = "appraisal", _("Options appraisal")
    CLAUSE = "clause", _("Model contract clause")


class SharedTemplate(models.Model):
    """One published template. `content` is, for an appraisal, the appraisal document's
    settings and options without its title; for a clause, the clause's key, title, part,
    purpose, position and body. `withheld` lists what was not copied and why (never the text
    itself). `cpv_division` names the service ("" for any service)."""

    kind = models.CharField(max_length=20, choices=Kind.choices)
    authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(max_length=200)
    cpv_division = models.CharField(max_length=2, blank=True)
    content = models.JSONField()
    withheld = models.JSONField(default=list)
    source_appraisal = models.ForeignKey(
        "appraisal.Appraisal", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source_clause = models.ForeignKey(
        "standards.ClauseVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="appraisal") & Q(source_appraisal__isnull=False))
                | (Q(kind="clause") & Q(source_clause__isnull=False)),
                name="shared_template_has_its_source",
            )
        ]
        indexes = [models.Index(fields=["kind", "cpv_division"])]

    def __str__(self) -> str:
        return f"shared template {self.pk} ({self.kind})"


class TemplateReuse(models.Model):
    """An appraisal or a clause version that started from a template: the credit it shows and
    what the national view counts."""

    template = models.ForeignKey(SharedTemplate, on_delete=models.PROTECT, related_name="reuses")
    authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.PROTECT, related_name="+"
    )
    appraisal = models.OneToOneField(
        "appraisal.Appraisal", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    clause_version = models.OneToOneField(
        "standards.ClauseVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reused_at = models.DateTimeField()

    class Meta:
        ordering = ["-reused_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(appraisal__isnull=False) & Q(clause_version__isnull=True))
                | (Q(appraisal__isnull=True) & Q(clause_version__isnull=False)),
                name="template_reuse_is_one_copy",
            )
        ]

    def __str__(self) -> str:
        return f"reuse {self.pk} of template {self.template_id}"
