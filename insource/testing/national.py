"""Builders for the national view's tests: two adopting councils and one that has not adopted,
with refuse contracts reviewed, decided, published and brought home through the real services
(the hand count is in `HAND_COUNT`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.reviews.services.decisions import decision_publish
from insource.reviews.services.opening import review_open
from insource.standards.monitoring.services import RecordInput, monitoring_record_add
from insource.testing.factories import AuthorityFactory
from insource.testing.inhouse import kpi, live_service, rating
from insource.testing.workflow import (
    NOW,
    TODAY,
    council,
    decided_review,
    outsourcing_decision,
    refuse_contract,
    team,
)

SYSTEM = Actor.system("tests")

# What the world below holds, counted by hand, for CPV group 905 on TODAY (2026-11-23):
# reviews open: AAA's late bins (decision point 31 Oct 2026, passed) and BBB's bins due
# 30 Jun 2027 (within the 12 months' warning); decisions published: AAA in house (statutory
# presumption), BBB kept with a contractor (capacity); AAA's service brought home; CCC has not
# adopted the policy, so it is not counted. AAA's cleaning contract is another service. Reaching
# the decision point within the 18 months' lead time (to 23 May 2028): AAA's in-house bins (30
# Sep 2027), BBB's two (30 Sep 2027, 30 Jun 2027); AAA's late bins' point has passed.
HAND_COUNT = {
    "coming_up": 3,
    "open": 2,
    "late": 1,
    "due_soon": 1,
    "in-house": 1,
    "outsourced": 1,
    "not-covered": 0,
    "other": 0,
    "departures": 0,
    "brought_home": 1,
    "authorities": ["AAA", "BBB"],
    "contracts": {"AAA": 2, "BBB": 2},
}


@dataclass
class World:
    a: object
    b: object
    c: object
    in_house: object
    outsourced: object
    service: object
    kpi: object


def publish(decision, people) -> None:
    legal = people[Role.LEGAL_OFFICER]
    decision_publish(
        decision=decision,
        user=legal,
        redaction_note="No personal data",
        has_confidential_annex=False,
        pack_html="<p>pack</p>",
        pack_pdf=b"%PDF-1.7",
        on=TODAY,
        by=SYSTEM,
        at=NOW + timedelta(minutes=5),
    )


def refuse_world() -> World:
    """Two adopting county councils in England and one that has not adopted (see HAND_COUNT)."""
    a = council(code="AAA", name="Aaa County Council", population=236_000, la_type="CTY")
    b = council(code="BBB", name="Bbb County Council", population=472_000, la_type="CTY")
    c = AuthorityFactory(code="CCC", name="Ccc County Council", kind="local-authority")
    a_people, b_people = team(a), team(b)
    a1 = refuse_contract(a, title="Bins for Aaa")
    in_house = decided_review(a, a_people, a1)
    publish(in_house, a_people)
    service = live_service(in_house)
    k = kpi(a, contract=a1)
    rating(k, date(2026, 4, 1), "97")
    b1 = refuse_contract(b, title="Bins for Bbb", main_cpv="90513000")
    outsourced = outsourcing_decision(b, b_people, b1)
    publish(outsourced, b_people)
    assessed = RecordInput(
        kind="kpi_assessment",
        checked_on=TODAY,
        evidence="Quarterly performance report",
        num_kpis=3,
        num_kpis_met=2,
        is_published=True,
    )
    monitoring_record_add(
        authority=b, contract=b1, entry=assessed, user=b_people[Role.CONTRACT_MANAGER],
        by=SYSTEM, at=NOW, on=TODAY,
    )  # fmt: skip
    a2 = refuse_contract(a, title="Late bins", end_on=date(2026, 10, 31), max_end_on=None)
    a3 = refuse_contract(a, title="Office cleaning", main_cpv="90910000")
    b2 = refuse_contract(b, title="Bins due", end_on=date(2027, 6, 30), max_end_on=None)
    refuse_contract(c, title="Bins for Ccc")
    for contract in (a2, a3, b2):
        review_open(contract=contract, on=TODAY, by=SYSTEM, at=NOW)
    return World(a, b, c, in_house, outsourced, service, k)
