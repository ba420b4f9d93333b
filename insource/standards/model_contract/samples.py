"""Two sample contracts and decisions that every clause template is trial-filled with before
it is saved, so an unknown field or a broken branch is reported then, not at generation:
a capacity decision in London with the rate in force, and a public interest test decision
outside London taken between a Real Living Wage announcement and its required date."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from types import SimpleNamespace

from insource.standards.model_contract.context import model_contract_data

AT = datetime(2026, 6, 2, 9, 0, tzinfo=UTC)
TERMS = {
    "fair_wage_rate_gbp": "14.80",
    "max_term_months": 30,
    "num_kpis": 3,
    "has_best_value_justification": True,
    "union_recognition_clause": False,
}


class _Suppliers(list):
    def all(self):
        return self


def _contract(**kwargs) -> SimpleNamespace:
    fields = {
        "pk": 1,
        "title": "Refuse and recycling collection",
        "description": "",
        "source_key": "sample",
        "ocid": "ocds-sample-1",
        "main_cpv": "90511000",
        "cpv_codes": ["90511000"],
        "value_inc_vat": Decimal("12000000.00"),
        "start_on": date(2020, 4, 1),
        "end_on": date(2027, 9, 30),
        "is_framework": False,
        "supplier_names": "Sample Services Ltd",
        "suppliers": _Suppliers(),
    }
    return SimpleNamespace(**(fields | kwargs))


def _decision(on: date, outcome: str, facts: dict, result: dict) -> SimpleNamespace:
    authority = SimpleNamespace(
        pk=1, code="E0000", name="Sample Council", display_name="Sample", nation="England"
    )
    return SimpleNamespace(
        pk=1,
        authority=authority,
        decided_on=on,
        outcome=outcome,
        signer_name="A Decision-Maker",
        facts=facts,
        result=result,
        policy_version={"preset": "labour-2019-local"},
    )


@cache
def sample_data() -> tuple[dict, ...]:
    """The sample data sets (computed once per process)."""
    capacity = _decision(
        date(2026, 6, 1),
        "OUTSOURCE_GOOD_REASON_CAPACITY",
        {"contract": {"is_london": True}, "proposed_terms": TERMS},
        {"re_review_on": "2028-09-30", "grounds": []},
    )
    pit = _decision(
        date(2025, 11, 3),
        "OUTSOURCE_PUBLIC_INTEREST_TEST_MET",
        {"contract": {"is_london": False}, "proposed_terms": TERMS | {"social_value_plan": True}},
        {"grounds": []},
    )
    return tuple(
        model_contract_data(contract=_contract(), decision=d, number=1, at=AT, by_name="Sample")
        for d in (capacity, pit)
    )
