"""The transition plan of a service coming in house, its milestones and their alerts; the
authority's own milestone templates; the transferring workforce (employee liability
information), the council's grades, and the consultation log."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from insource.register.naming import contract_service_name

MONEY = {"max_digits": 14, "decimal_places": 2}


class TransitionPlan(models.Model):
    """The plan for bringing one contract's service home, made when an in-house (or
    public-public) decision is signed: one per review. The transfer date defaults to the review's
    decision point (the contract's end); milestones are scheduled back from it."""

    review = models.OneToOneField(
        "reviews.Review", on_delete=models.PROTECT, related_name="transition_plan"
    )
    decision = models.ForeignKey("reviews.Decision", on_delete=models.PROTECT, related_name="+")
    authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.PROTECT, related_name="transition_plans"
    )
    contract = models.ForeignKey("register.Contract", on_delete=models.PROTECT, related_name="+")
    route = models.CharField(max_length=20)  # "in-house" or "public-public"
    service_type = models.CharField(max_length=20)
    nation = models.CharField(max_length=20, blank=True)
    transfer_on = models.DateField()
    template_version = models.ForeignKey(
        "transition.MilestoneTemplate", null=True, blank=True, on_delete=models.PROTECT
    )
    budget_inhouse_gbp = models.DecimalField(null=True, blank=True, **MONEY)
    budget_source = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)
    # The demo's plan: its workforce, grades and consultation are made up, and say so.
    is_illustrative = models.BooleanField(default=False)

    class Meta:
        ordering = ["transfer_on", "id"]

    def __str__(self) -> str:
        return f"transition plan {self.pk} (review {self.review_id})"

    @property
    def service_name(self) -> str:
        """The service being brought home, as people read it (never an empty title)."""
        return contract_service_name(self.contract)


class Milestone(models.Model):
    """One step of a plan: owner, due date, recorded status (late is derived from the date by
    `status.milestone_status`), evidence and notes. `lead_days` is how long before the transfer
    it falls due, so a moved transfer date reschedules it."""

    class Status(models.TextChoices):
        NOT_STARTED = "not-started", _("Not started")
        IN_PROGRESS = "in-progress", _("In progress")
        DONE = "done", _("Done")

    plan = models.ForeignKey(TransitionPlan, on_delete=models.CASCADE, related_name="milestones")
    key = models.SlugField(max_length=60)
    title = models.CharField(max_length=200)
    position = models.PositiveIntegerField(default=0)
    lead_days = models.IntegerField()
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    owner_role = models.CharField(max_length=30, blank=True)
    citation = models.CharField(max_length=500, blank=True)
    href = models.URLField(max_length=500, blank=True)
    evidence = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    done_on = models.DateField(null=True, blank=True)
    is_added = models.BooleanField(default=False)
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="milestone_key_once_per_plan")
        ]

    def __str__(self) -> str:
        return f"{self.key} of plan {self.plan_id}"


class MilestoneAlert(models.Model):
    """A reminder or lateness alert emailed for one milestone and due date, once."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("Reminder")
        LATE = "late", _("Late")

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    due_on = models.DateField()
    raised_on = models.DateField()
    raised_at = models.DateTimeField()
    num_notified = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["raised_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["milestone", "kind", "due_on"], name="one_alert_per_milestone_kind_due"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} alert for milestone {self.milestone_id} due {self.due_on}"


class MilestoneTemplate(models.Model):
    """An authority's own milestone template for a service type: append-only versions, the
    latest in force. `items` are the shipped template's shape (key, title, lead_days,
    owner_role, citation, href)."""

    authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.PROTECT, related_name="+"
    )
    service_type = models.CharField(max_length=20)
    number = models.PositiveIntegerField()
    items = models.JSONField()
    reason = models.TextField()
    created_by = models.CharField(max_length=200)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "service_type", "number"], name="template_version_once"
            )
        ]

    def __str__(self) -> str:
        return f"template {self.service_type} v{self.number} of authority {self.authority_id}"


class LiabilityImport(models.Model):
    """One import of the contractor's employee liability information into a plan; the latest
    is the one in force (its rows replace the previous import's)."""

    plan = models.ForeignKey(TransitionPlan, on_delete=models.CASCADE, related_name="imports")
    file_name = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64)
    num_rows = models.PositiveIntegerField()
    imported_by = models.CharField(max_length=200)
    imported_at = models.DateTimeField()
    is_current = models.BooleanField(default=True)

    class Meta:
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"liability import {self.pk} of plan {self.plan_id}"


class TransferringEmployee(models.Model):
    """One row of the employee liability information: personal data, shown only to officers
    with the workforce capability (no names are kept)."""

    class PayBasis(models.TextChoices):
        HOURLY = "hourly", _("Hourly")
        ANNUAL = "annual", _("Annual")

    liability_import = models.ForeignKey(
        LiabilityImport, on_delete=models.CASCADE, related_name="employees"
    )
    plan = models.ForeignKey(TransitionPlan, on_delete=models.CASCADE, related_name="+")
    row = models.PositiveIntegerField()
    role = models.CharField(max_length=200)
    contracted_hours = models.DecimalField(max_digits=6, decimal_places=2)
    pay = models.DecimalField(**MONEY)
    pay_basis = models.CharField(max_length=10, choices=PayBasis.choices)
    service_start_on = models.DateField()
    pension_scheme = models.CharField(max_length=100)
    location = models.CharField(max_length=200)
    is_london = models.BooleanField(default=False)

    class Meta:
        ordering = ["role", "row"]

    def __str__(self) -> str:
        return f"row {self.row}: {self.role}"


class CouncilGrade(models.Model):
    """The council's pay grade for a role that transfers: the hourly range its existing staff
    on that grade are paid, and the transferring roles it matches (one per line)."""

    authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(max_length=100)
    roles = models.TextField()
    hourly_min = models.DecimalField(max_digits=8, decimal_places=2)
    hourly_max = models.DecimalField(max_digits=8, decimal_places=2)
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "name"], name="grade_name_once")
        ]

    def __str__(self) -> str:
        return self.name

    def role_names(self) -> list[str]:
        return [r.strip().lower() for r in self.roles.splitlines() if r.strip()]


class ConsultationEntry(models.Model):
    """The consultation log: a meeting, an issue raised, the council's response, or a
    representative's comment. Append-only."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        ISSUE = "issue", _("Issue raised")
        RESPONSE = "response", _("Council's response")
        COMMENT = "comment", _("Comment")

    plan = models.ForeignKey(TransitionPlan, on_delete=models.CASCADE, related_name="consultation")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    occurred_on = models.DateField()
    text = models.TextField()
    responds_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="responses"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_name = models.CharField(max_length=200)
    author_role = models.CharField(max_length=60)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["occurred_on", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} on {self.occurred_on}"
