"""What the in-house services refuse, field by field, in GOV.UK words. The forms show these
errors and the services enforce them: one function for both."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from insource.inhouse import measures
from insource.inhouse.models import Kpi, KpiRating

RATINGS = set(KpiRating.Rating.values)


def kpi_errors(entry) -> dict[str, str]:
    """A KPI needs a name, a unit, a target, a direction, a period and a kind."""
    errors = {}
    if not entry.name.strip():
        errors["name"] = _("Enter the name of the KPI")
    if not entry.unit.strip():
        errors["unit"] = _("Enter the unit, for example % or collections missed per 100,000")
    if entry.target is None:
        errors["target"] = _("Enter the target as a number")
    if entry.direction not in Kpi.Direction.values:
        errors["direction"] = _("Choose whether higher or lower is better")
    if entry.period not in Kpi.Period.values:
        errors["period"] = _("Choose how often it is measured")
    if entry.kind not in Kpi.Kind.values:
        errors["kind"] = _("Choose what kind of measure it is")
    return errors


def rating_errors(kpi: Kpi, entry, on: date) -> dict[str, str]:
    """A period that has started (one before go-live is the contractor's: a baseline), a
    value, evidence, a rating on the scale, "other" only with a reason."""
    errors = {}
    start = entry.period_start
    if start is None:
        errors["period_start"] = _("Enter the date the period starts")
    elif start > on:
        errors["period_start"] = _("The period must have started: enter today or a past date")
    if entry.value is None:
        errors["value"] = _("Enter the measured value as a number")
    if not entry.evidence.strip():
        errors["evidence"] = _("Enter the evidence: where the figure comes from")
    if entry.rating and entry.rating not in RATINGS:
        errors["rating"] = _("Choose a rating")
    elif entry.rating == KpiRating.Rating.OTHER and not entry.reason.strip():
        errors["reason"] = _("Give the reason the performance cannot be rated on the scale")
    return errors


STAFF = ("headcount", "num_below_fair_wage", "lowest_hourly_pay_gbp")


def year_errors(service, entry, on: date) -> dict[str, str]:
    """A service year that has started, an outturn, evidence, and the staff figures together
    and within the headcount."""
    errors = {}
    if entry.number is None or entry.number < 1:
        errors["number"] = _("Enter the service year, 1 or more")
    elif measures.year_dates(service.started_on, entry.number)[0] > on:
        errors["number"] = _("That service year has not started yet")
    if entry.outturn_gbp is None or entry.outturn_gbp < 0:
        errors["outturn_gbp"] = _("Enter the year's cost outturn in pounds")
    if not entry.evidence.strip():
        errors["evidence"] = _("Enter the evidence: where the figures come from")
    given = [getattr(entry, k) is not None for k in STAFF]
    if any(given) and not all(given):
        for name in STAFF:
            if getattr(entry, name) is None:
                errors[name] = _("Enter this staff figure too, or leave all of them empty")
    headcount = entry.headcount or 0
    for name in ("num_below_fair_wage", "num_living_locally"):
        if getattr(entry, name) is not None and getattr(entry, name) > headcount:
            errors[name] = _("This cannot be more than the headcount")
    return errors


def fair_wage_error(lowest: Decimal | None, num_below: int | None, fair) -> dict[str, str]:
    """The lowest hourly rate and the number paid below the fair wage must agree with the rate
    in force (the policy's dated Real Living Wage, floored at the National Living Wage)."""
    if lowest is None or num_below is None or fair is None:
        return {}
    rate = fair.required
    if lowest >= rate and num_below > 0:
        return {
            "num_below_fair_wage": _(
                "No one is paid below the fair wage of £%(r)s if the lowest rate is £%(l)s"
            )
            % {"r": rate, "l": lowest}
        }
    if lowest < rate and num_below == 0:
        return {
            "num_below_fair_wage": _(
                "At least one person is paid below the fair wage of £%(r)s: the lowest rate "
                "is £%(l)s"
            )
            % {"r": rate, "l": lowest}
        }
    return {}
