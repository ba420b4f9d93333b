"""A small open-data world for API and export tests: two councils, suppliers with their UK
flags, contracts (one with a known VAT-inclusive value, one terminated), and one decision taken
through the real workflow and published."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.reviews.models import Decision
from insource.reviews.services.decisions import decision_publish
from insource.testing import factories as f
from insource.testing.workflow import (
    NOT_AT_RISK,
    NOW,
    PREREQUISITES,
    TODAY,
    council,
    decided_review,
    refuse_contract,
    team,
)

SYSTEM = Actor.system("tests")


@dataclass
class World:
    authority: object
    other: object
    people: dict
    contracts: dict
    suppliers: dict
    decision: Decision
    unpublished: Decision | None = None


def build_world(*, with_unpublished: bool = False) -> World:
    """The world above; every email address of its people ends in @example.org."""
    f.empty_register()
    authority = council(key="la:ZZA", code="ZZA", name="Testshire County Council")
    other = council(key="la:ZZB", code="ZZB", name="Exampleton Borough Council")
    people = team(authority)
    suppliers = _suppliers()
    contracts = _contracts(authority, other, suppliers)
    decision = _decided(authority, people, contracts["refuse"])
    _publish(decision, people[Role.LEGAL_OFFICER])
    world = World(authority, other, people, contracts, suppliers, decision)
    if with_unpublished:
        world.unpublished = _decided(authority, people, contracts["cleaning"])
    return world


def _suppliers() -> dict:
    return {
        "waste": f.SupplierFactory(
            name="Testshire Waste Services Ltd",
            key="GB-COH-ZZ000001",
            identifier_scheme="GB-COH",
            identifier_id="ZZ000001",
            company_number="ZZ000001",
            is_sme=False,
            is_vcse=False,
        ),
        "care": f.SupplierFactory(name="Haringey Community Care CIC", is_sme=True, is_vcse=True),
        "plain": f.SupplierFactory(name='=HYPERLINK("x") Cleaning Ltd'),
    }


def _contracts(authority, other, suppliers) -> dict:
    return {
        "refuse": refuse_contract(authority, suppliers=[suppliers["waste"]], value_vat_basis="inc"),
        "care": f.ContractFactory(
            buyer=authority,
            title="Domiciliary care: north locality",
            main_cpv="85312000",
            suppliers=[suppliers["care"]],
            value_amount=Decimal("1000000.00"),
            value_vat_basis="unknown",
            value_inc_vat=Decimal("1200000.00"),
            is_value_inc_vat_estimate=True,
            end_on=TODAY + timedelta(days=400),
        ),
        "cleaning": refuse_contract(
            authority,
            title="Office cleaning: civic centre",
            main_cpv="90919200",
            suppliers=[suppliers["plain"]],
            end_on=date(2027, 10, 31),
            max_end_on=date(2027, 10, 31),
        ),
        "terminated": f.ContractFactory(
            buyer=authority,
            title="Grounds maintenance (terminated)",
            main_cpv="77313000",
            is_terminated=True,
            status="terminated",
            end_on=TODAY - timedelta(days=30),
        ),
        "camden": f.ContractFactory(
            buyer=other,
            title="School meals catering",
            main_cpv="55523100",
            end_on=TODAY + timedelta(days=200),
        ),
    }


def _decided(authority, people, contract) -> Decision:
    facts = {
        "at-risk": NOT_AT_RISK,
        "prerequisites": PREREQUISITES,
        "contract": {"contract.counterparty": "private"},
    }
    return decided_review(authority, people, contract, facts=facts)


def _publish(decision, legal) -> None:
    decision_publish(
        decision=decision,
        user=legal,
        redaction_note="Names of staff removed",
        has_confidential_annex=False,
        pack_html="<p>pack</p>",
        pack_pdf=b"%PDF-1.7",
        on=TODAY,
        by=SYSTEM,
        at=NOW + timedelta(minutes=5),
    )
