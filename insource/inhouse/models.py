"""A service brought in house and how it is measured, with the contracts it came from:
`InhouseService` (made at go-live from a signed in-house decision), `Kpi` (a performance
indicator or a social-outcome measure of a contract or of an in-house service: a contract's KPIs
carry over to the service it became, so before and after compare like for like), `KpiRating`
(one period's measured value and rating) and `ServiceYear` (a service year's cost outturn and
staff outcomes)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MONEY = {"max_digits": 14, "decimal_places": 2}
MEASURE = {"max_digits": 16, "decimal_places": 4}


class InhouseService(models.Model):
    """A service the authority runs itself since `started_on` (go-live), in place of
    `contract`, under `decision` (a signed INSOURCE_* decision). `forecast` holds the in-house
    option's yearly band from the appraisal run the decision relied on (empty without one);
    `contract_price_per_year_gbp` the last contract's value per year of its term."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running in house")
        ENDED = "ended", _("No longer run in house")

    authority = models.ForeignKey("authorities.Authority", on_delete=models.PROTECT)
    contract = models.OneToOneField(
        "register.Contract", on_delete=models.PROTECT, related_name="inhouse_service"
    )
    decision = models.ForeignKey("reviews.Decision", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=300)
    main_cpv = models.CharField(max_length=10, blank=True)
    route = models.CharField(max_length=20, default="in-house")  # or "public-public"
    started_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RUNNING)
    forecast = models.JSONField(default=dict, blank=True)
    contract_price_per_year_gbp = models.DecimalField(null=True, blank=True, **MONEY)
    contract_price_basis = models.CharField(max_length=300, blank=True)
    is_illustrative = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "id"]

    def __str__(self) -> str:
        return self.name


class Kpi(models.Model):
    """A key performance indicator (or a social-outcome measure the authority chose) of a
    contract, of an in-house service, or of both: the contract's KPIs gain the service at
    go-live and keep their history."""

    class Kind(models.TextChoices):
        PERFORMANCE = "performance", _("Key performance indicator")
        SOCIAL_OUTCOME = "social_outcome", _("Social outcome")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    class Period(models.TextChoices):
        MONTH = "month", _("Monthly")
        QUARTER = "quarter", _("Quarterly")
        YEAR = "year", _("Yearly")

    authority = models.ForeignKey("authorities.Authority", on_delete=models.PROTECT)
    contract = models.ForeignKey(
        "register.Contract", null=True, blank=True, on_delete=models.PROTECT, related_name="kpis"
    )
    service = models.ForeignKey(
        InhouseService, null=True, blank=True, on_delete=models.PROTECT, related_name="kpis"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERFORMANCE)
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=60)
    target = models.DecimalField(**MEASURE)
    direction = models.CharField(max_length=10, choices=Direction.choices)
    period = models.CharField(max_length=10, choices=Period.choices)
    description = models.TextField(blank=True)
    is_illustrative = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(contract__isnull=False) | Q(service__isnull=False),
                name="kpi_of_a_contract_or_a_service",
            )
        ]

    def __str__(self) -> str:
        return self.name


class KpiRating(models.Model):
    """One period's assessment of a KPI: the measured value, the rating derived from it
    (`ratings.rate`), the rating recorded (another one needs a reason), the evidence, and who
    delivered the service then. A later record for the same period replaces it (audited)."""

    class Rating(models.TextChoices):
        GOOD = "good", _("Good")
        APPROACHING_TARGET = "approaching_target", _("Approaching target")
        REQUIRES_IMPROVEMENT = "requires_improvement", _("Requires improvement")
        INADEQUATE = "inadequate", _("Inadequate")
        OTHER = "other", _("Other")

    class DeliveredBy(models.TextChoices):
        CONTRACTOR = "contractor", _("Under the contract")
        INHOUSE = "inhouse", _("In house")

    kpi = models.ForeignKey(Kpi, on_delete=models.PROTECT, related_name="ratings")
    authority = models.ForeignKey("authorities.Authority", on_delete=models.PROTECT)
    period_start = models.DateField()
    period_end = models.DateField()
    value = models.DecimalField(**MEASURE)
    derived_rating = models.CharField(max_length=30, choices=Rating.choices)
    rating = models.CharField(max_length=30, choices=Rating.choices)
    reason = models.TextField(blank=True)
    evidence = models.TextField()
    delivered_by = models.CharField(max_length=20, choices=DeliveredBy.choices)
    is_illustrative = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["period_start", "id"]
        constraints = [
            models.UniqueConstraint(fields=["kpi", "period_start"], name="one_rating_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.kpi} {self.period_start}: {self.rating}"


class ServiceYear(models.Model):
    """Service year `number` (1 = the year from go-live) of an in-house service: the cost
    outturn with the forecast band and contract price it is compared with (copied when
    recorded), and the staff outcomes at the year's end (counts only: no person's data)."""

    service = models.ForeignKey(InhouseService, on_delete=models.PROTECT, related_name="years")
    number = models.PositiveSmallIntegerField()
    starts_on = models.DateField()
    ends_on = models.DateField()
    outturn_gbp = models.DecimalField(**MONEY)
    forecast_p10_gbp = models.DecimalField(null=True, blank=True, **MONEY)
    forecast_p50_gbp = models.DecimalField(null=True, blank=True, **MONEY)
    forecast_p90_gbp = models.DecimalField(null=True, blank=True, **MONEY)
    contract_price_gbp = models.DecimalField(null=True, blank=True, **MONEY)
    headcount = models.PositiveIntegerField(null=True, blank=True)
    fte = models.DecimalField(null=True, blank=True, max_digits=8, decimal_places=2)
    num_below_fair_wage = models.PositiveIntegerField(null=True, blank=True)
    lowest_hourly_pay_gbp = models.DecimalField(
        null=True, blank=True, max_digits=8, decimal_places=2
    )
    fair_wage_gbp = models.DecimalField(null=True, blank=True, max_digits=8, decimal_places=2)
    fair_wage_basis = models.CharField(max_length=100, blank=True)
    pay_uplift_pct = models.DecimalField(null=True, blank=True, max_digits=6, decimal_places=2)
    num_living_locally = models.PositiveIntegerField(null=True, blank=True)
    evidence = models.TextField()
    is_illustrative = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["service", "number"], name="one_record_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.service} year {self.number}"
