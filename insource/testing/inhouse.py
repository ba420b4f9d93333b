"""Builders for the in-house tests: a refuse contract decided in house (the statutory
presumption), through the real review services, and the people of its council."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.inhouse.models import InhouseService
from insource.inhouse.services import (
    KpiInput,
    RatingInput,
    inhouse_service_start,
    kpi_add,
    kpi_rating_record,
)
from insource.testing.workflow import (
    NOW,
    TODAY,
    DecisionFactory,
    council,
    decided_review,
    refuse_contract,
    team,
)

SYSTEM = Actor.system("tests")


def decided_inhouse(code="INH", **contract):
    """(authority, people, contract, decision): a £12m refuse contract decided in house."""
    authority = council(code=code, name=f"{code.title()} County Council")
    people = team(authority)
    contract = refuse_contract(authority, **contract)
    decision = decided_review(authority, people, contract)
    return authority, people, contract, decision


def live_service(decision, started_on=date(2026, 12, 1)):
    """The decision's service gone live on `started_on`."""
    return inhouse_service_start(decision=decision, started_on=started_on, by=SYSTEM, at=NOW)


def kpi(authority, *, contract=None, service=None, target="95", direction="higher", **extra):
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
    entry = RatingInput(period_start=start, value=Decimal(value), evidence="Round sheets", **extra)
    return kpi_rating_record(kpi=k, entry=entry, user=user, by=SYSTEM, at=NOW, on=on)


class InhouseServiceFactory(factory.django.DjangoModelFactory):
    """An in-house decision's service gone live on `started_on`, through
    `inhouse_service_start` (by default a new decision's)."""

    class Meta:
        model = InhouseService

    decision = factory.SubFactory(DecisionFactory)
    started_on = date(2026, 12, 1)

    @classmethod
    def _create(cls, model_class, *, decision, started_on):
        return live_service(decision, started_on=started_on)


__all__ = [
    "InhouseServiceFactory",
    "LATER",
    "NOW",
    "TODAY",
    "Role",
    "decided_inhouse",
    "kpi",
    "live_service",
    "rating",
]
