"""The contract register: suppliers, contracts, planned procurements, history and imports."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MONEY = {"max_digits": 14, "decimal_places": 2}


class Nature(models.TextChoices):
    SERVICES = "services", _("Services")
    WORKS = "works", _("Works")
    GOODS = "goods", _("Goods")
    MIXED = "mixed", _("Mixed")
    CONCESSION = "concession", _("Concession")
    FRAMEWORK = "framework", _("Framework")
    UNKNOWN = "", _("Not known")


class VatBasis(models.TextChoices):
    INC = "inc", _("Including VAT")
    EXC = "exc", _("Excluding VAT")
    UNKNOWN = "unknown", _("VAT basis not stated")


class ImportRun(models.Model):
    """One run of an importer over one file: what it did and what it found."""

    class Status(models.TextChoices):
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed: nothing changed")

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=500)
    source_sha256 = models.CharField(max_length=64, db_index=True)
    format = models.CharField(max_length=20)
    status = models.CharField(max_length=20, choices=Status.choices)
    by = models.CharField(max_length=200)
    num_created = models.PositiveIntegerField(default=0)
    num_updated = models.PositiveIntegerField(default=0)
    num_unchanged = models.PositiveIntegerField(default=0)
    num_planned = models.PositiveIntegerField(default=0)
    warnings = models.JSONField(default=list, blank=True)
    errors = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.format} import of {self.source} ({self.status})"


class Supplier(models.Model):
    """A company, charity or other body that holds contracts.

    `key` is `<scheme>-<id>` when the source gives an identifier (e.g. GB-COH-01234567),
    otherwise `name:<normalised name>`.
    """

    key = models.CharField(max_length=300, unique=True)
    name = models.CharField(max_length=500)
    identifier_scheme = models.CharField(max_length=40, blank=True)
    identifier_id = models.CharField(max_length=100, blank=True)
    company_number = models.CharField(max_length=20, blank=True, db_index=True)
    charity_number = models.CharField(max_length=20, blank=True)
    is_sme = models.BooleanField(null=True, blank=True)
    is_vcse = models.BooleanField(null=True, blank=True)
    street_address = models.CharField(max_length=500, blank=True)
    locality = models.CharField(max_length=200, blank=True)
    postcode = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["name"])]

    def __str__(self) -> str:
        return self.name


class ContractQuerySet(models.QuerySet):
    def in_register(self) -> ContractQuerySet:
        """Contracts not retired as a duplicate of another: what lists, the pipeline, screening
        and the open data show (a retired one keeps its page and its history)."""
        return self.filter(duplicate_of__isnull=True)


class Contract(models.Model):
    """One awarded contract (an OCDS award or contracts[] item, or a register row).

    Field values are the effective ones: an officer's correction (in `overrides`) wins over the
    imported value, which is kept in `source_values` so the page can say "differs from source".
    `provenance` maps each field to the import run and release or row it came from.
    """

    source_key = models.CharField(max_length=300, unique=True)
    ocid = models.CharField(max_length=200, blank=True, db_index=True)
    award_id = models.CharField(max_length=200, blank=True)
    buyer = models.ForeignKey(
        "authorities.Authority", on_delete=models.PROTECT, related_name="contracts_bought"
    )
    reviewing_authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.PROTECT, related_name="contracts"
    )
    buyer_name = models.CharField(max_length=500)
    title = models.CharField(max_length=1000, blank=True)
    description = models.TextField(blank=True)
    cpv_codes = models.JSONField(default=list, blank=True)
    main_cpv = models.CharField(max_length=10, blank=True, db_index=True)
    nature = models.CharField(max_length=20, choices=Nature.choices, blank=True)
    nature_source = models.CharField(max_length=40, blank=True)
    value_amount = models.DecimalField(null=True, blank=True, **MONEY)
    value_currency = models.CharField(max_length=3, blank=True)
    value_vat_basis = models.CharField(
        max_length=10, choices=VatBasis.choices, default=VatBasis.UNKNOWN
    )
    value_inc_vat = models.DecimalField(null=True, blank=True, db_index=True, **MONEY)
    is_value_inc_vat_estimate = models.BooleanField(default=False)
    awarded_on = models.DateField(null=True, blank=True)
    start_on = models.DateField(null=True, blank=True)
    end_on = models.DateField(null=True, blank=True, db_index=True)
    max_end_on = models.DateField(null=True, blank=True, db_index=True)
    status = models.CharField(max_length=40, blank=True)
    is_framework = models.BooleanField(default=False)
    is_terminated = models.BooleanField(default=False)
    terminated_on = models.DateField(null=True, blank=True)  # as a termination notice published
    termination_reason = models.TextField(blank=True, db_default="")  # as published
    published_kpis = models.JSONField(null=True, blank=True)  # agreedMetrics as published
    suppliers = models.ManyToManyField(Supplier, related_name="contracts", blank=True)
    supplier_names = models.TextField(blank=True)
    provenance = models.JSONField(default=dict, blank=True)
    source_values = models.JSONField(default=dict, blank=True)
    overrides = models.JSONField(default=dict, blank=True)
    quality_flags = models.JSONField(default=list, blank=True)
    flag_codes = models.CharField(max_length=300, blank=True)  # " CODE CODE ", for filtering
    needs_officer = models.BooleanField(default=False, db_index=True)
    content_hash = models.CharField(max_length=40)
    last_import = models.ForeignKey(ImportRun, null=True, on_delete=models.SET_NULL)
    # An officer retired this contract as a duplicate of another of the same authority: it
    # leaves the lists, the pipeline and the open data; imports never set or clear it.
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="duplicates"
    )

    objects = ContractQuerySet.as_manager()

    class Meta:
        ordering = ["end_on", "id"]
        indexes = [
            models.Index(fields=["reviewing_authority", "max_end_on"]),
            models.Index(fields=["buyer", "end_on"]),
            # The register search at a million contracts (issue 21; docs/performance.md,
            # "PostgreSQL at a million contracts"): partial on what the lists show, in the
            # order of the default sort (end date, soonest first; PostgreSQL puts NULLs last in
            # an ascending index, as the sort does), so a page is the index's first 50 entries
            # and a count an index-only scan. The descending sorts' indexes need NULLS LAST,
            # which SQLite's CREATE INDEX refuses: they are PostgreSQL's, in migration 0010.
            models.Index(
                fields=["end_on", "id"],
                condition=Q(duplicate_of__isnull=True),
                name="contract_listed_end",
            ),
            models.Index(
                fields=["reviewing_authority", "end_on", "id"],
                condition=Q(duplicate_of__isnull=True),
                name="contract_listed_authority_end",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.source_key

    def provenance_of(self, field: str) -> dict:
        """Which import and which release or row gave this field its value."""
        return self.provenance.get(field) or self.provenance.get("*") or {}

    @property
    def decision_point_on(self):
        """The date by which a decision is due: the maximum end date, else the end date."""
        return self.max_end_on or self.end_on


class ContractEvent(models.Model):
    """One change to a contract: an imported release or row, or an officer's correction."""

    class Kind(models.TextChoices):
        IMPORTED = "imported", _("Imported")
        UPDATED = "updated", _("Updated from source")
        CORRECTED = "corrected", _("Corrected by an officer")
        RETIRED = "retired", _("Retired as a duplicate")
        ADDED = "added", _("Added by an officer")
        UNDONE = "undone", _("Correction undone by an officer")
        UNRETIRED = "unretired", _("Returned to the register by an officer")

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    at = models.DateTimeField()
    import_run = models.ForeignKey(ImportRun, null=True, blank=True, on_delete=models.SET_NULL)
    release_id = models.CharField(max_length=300, blank=True)
    released_at = models.CharField(max_length=40, blank=True)
    changes = models.JSONField(default=dict)
    by = models.CharField(max_length=200)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.contract_id} at {self.at}"


class PlannedProcurement(models.Model):
    """A tender- or planning-only OCDS process: not yet a contract, shown as planned."""

    ocid = models.CharField(max_length=200, unique=True)
    buyer = models.ForeignKey("authorities.Authority", on_delete=models.PROTECT)
    buyer_name = models.CharField(max_length=500)
    title = models.CharField(max_length=1000, blank=True)
    description = models.TextField(blank=True)
    cpv_codes = models.JSONField(default=list, blank=True)
    main_cpv = models.CharField(max_length=10, blank=True)
    stage = models.CharField(max_length=20)
    value_amount = models.DecimalField(null=True, blank=True, **MONEY)
    value_currency = models.CharField(max_length=3, blank=True)
    tender_ends_on = models.DateField(null=True, blank=True)
    start_on = models.DateField(null=True, blank=True)
    end_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)  # a procurement termination notice
    closed_reason = models.TextField(blank=True, db_default="")
    content_hash = models.CharField(max_length=40)
    last_import = models.ForeignKey(ImportRun, null=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["start_on", "id"]

    def __str__(self) -> str:
        return self.title or self.ocid


class FeedSource(models.Model):
    """A national feed the register pulls from, and where the last pull got to."""

    name = models.CharField(max_length=40, unique=True)  # e.g. "find-a-tender"
    reached = models.DateTimeField(null=True, blank=True)  # the last updatedTo fully read
    cursor = models.CharField(max_length=2000, blank=True)  # the next page of an unfinished pull

    def __str__(self) -> str:
        return self.name


class FeedPull(models.Model):
    """One pull of a feed: the range asked for, what it did page by page, what went wrong."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Stopped with errors")

    source = models.ForeignKey(FeedSource, on_delete=models.CASCADE, related_name="pulls")
    # Who started it from the feeds page (none: cron or the command line), and its task in the
    # queue (ADR 0054).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    task_id = models.CharField(max_length=64, blank=True)
    # A pull run by the command itself (no task): its process and machine, so one killed
    # mid-pull is found and marked failed (`insource jobs mark-stale`).
    pid = models.PositiveIntegerField(null=True, blank=True)
    host = models.CharField(max_length=255, blank=True)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    updated_from = models.DateTimeField(null=True, blank=True)
    updated_to = models.DateTimeField(null=True, blank=True)
    origin = models.CharField(max_length=500)  # the API base URL or the folder read
    by = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices)
    counts = models.JSONField(default=dict)
    warnings = models.JSONField(default=list, blank=True)
    errors = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source} pull at {self.started_at} ({self.status})"


class FeedRelease(models.Model):
    """A release read from a feed, kept so a later notice on the same ocid merges with it and a
    release seen before is never applied twice."""

    source = models.ForeignKey(FeedSource, on_delete=models.CASCADE, related_name="releases")
    ocid = models.CharField(max_length=200, db_index=True)
    release_id = models.CharField(max_length=300)
    notice_type = models.CharField(max_length=10, blank=True)
    released_at = models.CharField(max_length=40)
    body = models.JSONField()
    pull = models.ForeignKey(FeedPull, null=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["ocid", "released_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "ocid", "release_id"], name="feed_release_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.ocid} {self.release_id}"


# Browser uploads of a register keep their models in their own area (ADR 0032).
from insource.register.uploads.models import RegisterMapping, RegisterUpload  # noqa: E402, F401
