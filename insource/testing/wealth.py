"""A small register with hand-worked community wealth figures (see each contract's comment).

Wealthshire's local area: ST16, ST17 (districts) and WS (a whole area).

| supplier | address as published | postcode found | location | SME | VCSE |
|---|---|---|---|---|---|
| A | postcode ST16 2AB | ST16 2AB | in the area | yes | no |
| B | street "Unit 3, Trent Road, Stafford st172xy" | ST17 2XY | in the area | ? | ? |
| C | postcode ST1 5SH | ST1 5SH | elsewhere (ST1 is not ST16) | no | no |
| D | street "99 Trent Valley Road, Lichfield, WS123 6EZ" | none (no WS123) | ? | yes | yes |
| E | postcode WS11 8LL | WS11 8LL | in the area (area WS) | ? | yes |

Counted spend £2,500,000: in the area £1,600,000 (64%), elsewhere £300,000 (12%), unknown
£600,000 (24%); SME yes £1,400,000, no £300,000, unknown £800,000; VCSE yes £700,000, no
£1,300,000, unknown £500,000. Left out: one framework (£5,000,000), one contract without a value.
"""

from __future__ import annotations

from decimal import Decimal

from insource.core.audit import Actor
from insource.testing import TEST_NOW
from insource.testing.factories import ContractFactory, SupplierFactory
from insource.testing.workflow import council
from insource.wealth.services import local_area_set

D = Decimal


def wealthshire(code: str = "WLT"):
    """The council, its local area, suppliers and contracts; returns (authority, contracts)."""
    authority = council(code=code, key=f"la:{code}", name=f"{code} County Council")
    local_area_set(
        authority=authority,
        text="ST16, st17\nWS",
        reason="from the council's address gazetteer",
        by=Actor.system("tests"),
        at=TEST_NOW,
    )
    s = _suppliers(code)
    c = {
        # 1: £1,000,000 with A (in the area, SME, not VCSE), refuse (CPV 90)
        "refuse": _contract(
            authority, "90511000", "1000000", [s["A"]], title="Household waste collection"
        ),
        # 2: £600,000 shared by B (area) and C (elsewhere): £300,000 each, care (CPV 85)
        "care": _contract(
            authority, "85311000", "600000", [s["B"], s["C"]], title="Home care: north"
        ),
        # 3: £400,000 with D (location unknown, SME, VCSE), cleaning (CPV 90)
        "cleaning": _contract(authority, "90911000", "400000", [s["D"]], title="Office cleaning"),
        # 4: a framework: left out
        "framework": _contract(
            authority, "90000000", "5000000", [s["C"]], title="Framework", is_framework=True
        ),
        # 5: no published value: left out
        "no_value": _contract(authority, "90000000", None, [s["A"]], title="No value"),
        # 6: £200,000 naming no supplier: unknown throughout, grounds (CPV 77)
        "unnamed": _contract(authority, "77313000", "200000", [], title="Unnamed"),
        # 7: £300,000 with E (in the area by its area WS, VCSE), grounds (CPV 77)
        "grounds": _contract(
            authority, "77310000", "300000", [s["E"]], title="Grounds maintenance"
        ),
    }
    other = council(code=f"{code[:2]}X", key=f"la:{code[:2]}X", name="Elsewhere Council")
    _contract(other, "90511000", "9999999", [s["A"]], title="Another council's")
    return authority, c


def _suppliers(code: str) -> dict:
    rows = {
        "A": {"postcode": "ST16 2AB", "is_sme": True, "is_vcse": False},
        "B": {"street_address": "Unit 3, Trent Road, Stafford st172xy"},
        "C": {"postcode": "ST1 5SH", "is_sme": False, "is_vcse": False},
        "D": {
            "street_address": "99 Trent Valley Road\nLichfield\nWS123 6EZ",
            "is_sme": True,
            "is_vcse": True,
        },
        "E": {"postcode": "WS11 8LL", "is_vcse": True},
    }
    return {k: SupplierFactory(name=f"{NAMES[k]} ({code})", **v) for k, v in rows.items()}


NAMES = {
    "A": "Trent Valley Waste Ltd",
    "B": "Stafford Home Care CIC",
    "C": "Potteries Care Services Ltd",
    "D": "Lichfield Cleaning Co-operative",
    "E": "Cannock Chase Grounds Ltd",
}


def _contract(authority, cpv, value, suppliers, **kwargs):
    amount = None if value is None else D(value)
    return ContractFactory(
        buyer=authority,
        main_cpv=cpv,
        value_amount=amount,
        value_inc_vat=amount,
        suppliers=suppliers,
        **kwargs,
    )
