"""A small Staffordshire with hand-worked place figures (see each contract's comment).

The place is the county of Staffordshire (STS and its eight districts). Bodies in the register:

| body | kind | in the place? why |
|---|---|---|
| Staffordshire County Council (STS) | council | yes: a council of the place |
| Tamworth Borough Council (TAW) | council | yes: a council of the place |
| Stoke-on-Trent City Council (STE) | council | no: its own unitary area |
| Staffordshire Police | police | yes: force named after Staffordshire |
| Staffordshire Fire and Rescue Service | fire | yes: named after Staffordshire |
| Staffordshire University | university | yes: its name names Staffordshire |
| Derbyshire Constabulary | police | no |
| University Hospitals of North Midlands NHS Trust | nhs | no: its name names no area (a limit) |
| Ministry of Justice | central government | only its contract naming Stafford |

Running on 7 December 2026, counted: STS refuse £4,000,000 over exactly four years (£1,000,000
a year), TAW refuse £600,000 for a year, police cleaning £300,000 for a year, the Ministry's
Stafford cleaning £100,000 for a year: £2,000,000 a year. Over five years (£10,000,000) the
estimate is £10,000,000 × 270/110,000 = £24,545 (low) to £10,000,000 × 20.6/2,050 = £100,488
(high). Left out: STS's framework (£9,000,000) and the ended contracts of Lichfield and the fire
service (not running).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from insource.testing.factories import AuthorityFactory, ContractFactory, SupplierFactory

ON = date(2026, 12, 7)
STAFFORDSHIRE = ("STS", "CAN", "EST", "LIF", "NEC", "SST", "STA", "STF", "TAW")


def _council(code: str, name: str):
    return AuthorityFactory(key=f"la:{code}", code=code, name=name, kind="local-authority")


def _body(slug: str, name: str, kind: str):
    return AuthorityFactory(key=f"buyer:{slug}", code="", name=name, kind=kind)


def _contract(body, title, cpv, value, start, end, suppliers=(), **kwargs):
    amount = None if value is None else Decimal(value)
    return ContractFactory(
        buyer=body,
        title=title,
        main_cpv=cpv,
        value_amount=amount,
        value_inc_vat=amount,
        start_on=start,
        end_on=end,
        suppliers=list(suppliers),
        **kwargs,
    )


def staffordshire() -> dict:
    """The bodies and contracts above; returns them by short name."""
    b = {
        "sts": _council("STS", "Staffordshire County Council"),
        "taw": _council("TAW", "Tamworth Borough Council"),
        "lif": _council("LIF", "Lichfield District Council"),
        "ste": _council("STE", "Stoke-on-Trent City Council"),
        "police": _body("staffordshire-police", "Staffordshire Police", "police"),
        "fire": _body("staffs-fire", "Staffordshire Fire and Rescue Service", "fire"),
        "uni": _body("staffordshire-university", "Staffordshire University", "university"),
        "derbys": _body("derbyshire-constabulary", "Derbyshire Constabulary", "police"),
        "uhnm": _body("uhnm", "University Hospitals of North Midlands NHS Trust", "nhs"),
        "moj": _body("ministry-of-justice", "Ministry of Justice", "central-government"),
    }
    biffa = SupplierFactory(name="Biffa Municipal Ltd")
    c = {
        # £4,000,000 over 1,461 days (exactly four years): £1,000,000 a year; ends 31 Mar 2029
        "sts_refuse": _contract(b["sts"], "Household waste collection", "90511000",
                                "4000000", date(2025, 4, 1), date(2029, 3, 31), [biffa]),
        # £600,000 for 365 days: its whole value a year; ends 31 March 2027
        "taw_refuse": _contract(b["taw"], "Refuse collection", "90500000", "600000",
                                date(2026, 4, 1), date(2027, 3, 31), [biffa]),
        # £300,000 for a year; cleaning (division 90) ends 30 September 2027
        "police_cleaning": _contract(b["police"], "Police station cleaning", "90911000",
                                     "300000", date(2026, 10, 1), date(2027, 9, 30)),
        # A framework: listed, never counted
        "sts_framework": _contract(b["sts"], "Waste framework", "90000000", "9000000",
                                   date(2025, 4, 1), date(2029, 3, 31), is_framework=True),
        # Ended in 2020: not running, so not in the yearly spend
        "lif_old": _contract(b["lif"], "Grounds", "77310000", "50000", date(2018, 1, 1),
                             date(2020, 12, 31)),
        "fire_old": _contract(b["fire"], "Fleet maintenance", "50110000", "20000",
                              date(2019, 1, 1), date(2021, 12, 31)),
        # Central government: only the contract naming Stafford counts (£100,000 for a year)
        "moj_stafford": _contract(b["moj"], "Cleaning at Stafford Crown Court", "90910000",
                                  "100000", date(2026, 1, 1), date(2026, 12, 31)),
        "moj_derby": _contract(b["moj"], "Cleaning at Derby Combined Court", "90910000",
                               "80000", date(2026, 1, 1), date(2026, 12, 31)),
        # Bodies outside the place
        "ste_refuse": _contract(b["ste"], "Stoke refuse", "90511000", "700000",
                                date(2026, 1, 1), date(2027, 6, 30), [biffa]),
        "derbys_cleaning": _contract(b["derbys"], "Cleaning", "90911000", "200000",
                                     date(2026, 1, 1), date(2027, 6, 30)),
        "uhnm_cleaning": _contract(b["uhnm"], "Hospital cleaning", "90911000", "900000",
                                   date(2026, 1, 1), date(2027, 6, 30)),
        "uni_catering": _contract(b["uni"], "Campus catering", "55500000", "0",
                                  date(2026, 1, 1), date(2028, 6, 30)),
    }  # fmt: skip
    return {"bodies": b, "contracts": c, "biffa": biffa}
