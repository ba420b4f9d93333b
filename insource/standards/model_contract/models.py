"""The model contract (POLICY.md §4 MS13): versioned clause templates and generated documents.

Both are immutable records. A clause template is never changed: every save is a new
`ClauseVersion` (who, when, why); the national defaults shipped with Insource have no authority,
and an authority's legal officer may make its own versions of a clause, which then replace the
national one for that authority. A `ModelContractDocument` is one generated version of a
contract's model contract: the Word and PDF files made together from the same data, with the
clause versions and the data used, so that it can be regenerated and verified byte for byte.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class ImmutableRecordError(Exception):
    """A clause version or a generated document cannot be changed or deleted: make a new one."""


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableRecordError("These records are immutable: save a new version instead")

    def delete(self):
        raise ImmutableRecordError("These records are immutable: they cannot be deleted")


class ImmutableModel(models.Model):
    """A row written once: saving an existing row or deleting one is refused."""

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableRecordError(f"{self} is immutable: save a new version instead")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError(f"{self} is immutable: it cannot be deleted")


class ClauseVersion(ImmutableModel):
    """One immutable version of a clause template of the model contract.

    `body` is a template (sandboxed Jinja syntax) filled from the contract, the decision and the
    policy parameters in force; it never holds a typed rate, number of days or term. `purpose`
    is the minimum standard the clause carries (MS1, MS3..MS13) or `general`; MS2 (a term
    requiring union recognition, void under TULRCA 1992 s.186) can never be a clause.
    """

    class Part(models.TextChoices):
        DEFINITIONS = "definitions", "Definitions"
        CLAUSE = "clause", "Clause"
        SCHEDULE = "schedule", "Schedule"

    class Source(models.TextChoices):
        SHIPPED = "shipped", "Shipped national default"
        EDITED = "edited", "Edited by a legal officer"

    authority = models.ForeignKey(
        "authorities.Authority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )  # null: the national default
    key = models.CharField(max_length=60)
    number = models.PositiveIntegerField()  # 1, 2, ... for one key and authority
    title = models.CharField(max_length=200)
    part = models.CharField(max_length=20, choices=Part.choices)
    purpose = models.CharField(max_length=20)
    position = models.PositiveSmallIntegerField()
    body = models.TextField()
    body_sha256 = models.CharField(max_length=64)
    reason = models.TextField()
    source = models.CharField(max_length=20, choices=Source.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by_name = models.CharField(max_length=200)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["position", "key", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "key", "number"],
                condition=Q(authority__isnull=False),
                name="one_clause_version_number_per_authority",
            ),
            models.UniqueConstraint(
                fields=["key", "number"],
                condition=Q(authority__isnull=True),
                name="one_national_clause_version_number",
            ),
            # MS2: a union recognition term is void (TULRCA 1992 s.186); never a clause.
            models.CheckConstraint(
                condition=~Q(purpose__iexact="MS2") & ~Q(key__icontains="recognition"),
                name="no_union_recognition_clause",
            ),
        ]
        indexes = [models.Index(fields=["key", "authority", "number"])]

    def __str__(self) -> str:
        scope = "national" if self.authority_id is None else f"authority {self.authority_id}"
        return f"clause {self.key} v{self.number} ({scope})"


class ModelContractDocument(ImmutableModel):
    """One generated version of a contract's model contract: Word (docxtpl) and PDF
    (WeasyPrint) made from the same data. Stores the clause versions and the data used, the
    layout (the shipped templates' SHA-256), both files and their SHA-256, who and when."""

    authority = models.ForeignKey("authorities.Authority", on_delete=models.PROTECT)
    contract = models.ForeignKey(
        "register.Contract", on_delete=models.PROTECT, related_name="model_contracts"
    )
    decision = models.ForeignKey("reviews.Decision", on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField()  # 1, 2, ... per contract
    clause_versions = models.JSONField()  # [{key, id, number, body_sha256}] in document order
    data = models.JSONField()  # the context the clauses were filled from
    data_sha256 = models.CharField(max_length=64)
    layout = models.JSONField()  # {"version": ..., "docx_template_sha256": ..., ...}
    docx = models.BinaryField()
    docx_sha256 = models.CharField(max_length=64)
    pdf = models.BinaryField()
    pdf_sha256 = models.CharField(max_length=64)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    generated_by_name = models.CharField(max_length=200)
    generated_at = models.DateTimeField()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "number"], name="one_model_contract_number_per_contract"
            )
        ]

    def __str__(self) -> str:
        return f"model contract {self.number} of contract {self.contract_id}"
