"""Builders for the in-house tests: a refuse contract decided in house (the statutory
presumption), through the real review services, and the people of its council."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.reviews.tests.workflow_support import NOW, TODAY, council, refuse_contract, team

SYSTEM = Actor.system("tests")


def decided_inhouse(code="INH", **contract):
    """(authority, people, contract, decision): a £12m refuse contract decided in house."""
    from insource.reviews.tests.workflow_support import decided_review

    authority = council(code=code, name=f"{code.title()} County Council")
    people = team(authority)
    contract = refuse_contract(authority, **contract)
    decision = decided_review(authority, people, contract)
    return authority, people, contract, decision


def live_service(decision, started_on=date(2026, 12, 1)):
    """The decision's service gone live on `started_on`."""
    from insource.inhouse.services import inhouse_service_start

    return inhouse_service_start(decision=decision, started_on=started_on, by=SYSTEM, at=NOW)


def kpi(authority, *, contract=None, service=None, target="95", direction="higher", **extra):
    from insource.inhouse.services import KpiInput, kpi_add

    entry = KpiInput(
        name=extra.pop("name", "Bins collected on the scheduled day"),
        unit=extra.pop("unit", "%"),
        target=Decimal(target),
        direction=direction,
        period=extra.pop("period", "quarter"),
        **extra,
    )
    return kpi_add(
        authority=authority, entry=entry, contract=contract, service=service, by=SYSTEM, at=NOW
    )


LATER = date(2028, 1, 15)  # "today" for recording a service's first year


def rating(k, start, value, user=None, on=LATER, **extra):
    from insource.inhouse.services import RatingInput, kpi_rating_record

    entry = RatingInput(period_start=start, value=Decimal(value), evidence="Round sheets", **extra)
    return kpi_rating_record(kpi=k, entry=entry, user=user, by=SYSTEM, at=NOW, on=on)


__all__ = ["LATER", "NOW", "TODAY", "Role", "decided_inhouse", "kpi", "live_service", "rating"]
