"""The law an information request is handled under: which regime, the statutory basis of each
step, the common exemptions, the cost limit and the Commissioner. Pure (no database, no clock).

Legal basis: FOIA 2000 ss.1, 10, 12, 14, 16, 17, 50 and the s.45 Code of Practice; the
Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004
(£450 for authorities outside central government, £600 central government); EIR 2004 regs 5, 7,
9, 11, 12, 13, 14, 18; FOISA 2002 ss.1, 10, 12, 14, 15, 16, 17, 20, 21, 47 and the FOI (Fees for
Required Disclosure) (Scotland) Regulations 2004 (£600); EISR 2004 regs 5, 7, 9, 10, 11, 13,
16, 17. POLICY.md §3 and §5.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

REGIMES = ("foia", "eir", "foisa", "eisr")

# CPV prefixes of environmental services (EIR reg 2(1): measures and activities affecting the
# elements of the environment): refuse and waste (905, 9051), grounds and parks maintenance
# (77310, 77313, 77314) and construction works (45).
ENVIRONMENTAL_CPV_PREFIXES = ("905", "9051", "77310", "77313", "77314", "45")


def is_environmental(cpv_codes) -> bool:
    """Whether any of the CPV codes is of an environmental service or of works."""
    return any(str(c).startswith(ENVIRONMENTAL_CPV_PREFIXES) for c in cpv_codes if c)


def regime_for(*, nation: str, cpv_codes=()) -> str:
    """FOIA by default, EIR for environmental contracts; FOISA/EISR when the authority is in
    Scotland. An officer may change it (`request_regime_change`)."""
    environmental = is_environmental(cpv_codes)
    if nation == "Scotland":
        return "eisr" if environmental else "foisa"
    return "eir" if environmental else "foia"


BASIS: dict[str, dict[str, str]] = {
    "clarification": {
        "foia": "FOIA s.1(3); clock restarts under s.10(6)(b)",
        "eir": "EIR reg 9(2); clock restarts under reg 9(4)",
        "foisa": "FOISA s.1(3); clock restarts under s.10(1)(b)",
        "eisr": "EISR reg 9(2)",
    },
    "extension-public-interest": {"foia": "FOIA s.10(3) and s.17(2)"},
    "extension-complex": {"eir": "EIR reg 7(1)", "eisr": "EISR reg 5(2)(b) and reg 7"},
    "advice": {
        "foia": "FOIA s.16",
        "eir": "EIR reg 9",
        "foisa": "FOISA s.15",
        "eisr": "EISR reg 9",
    },
    "refusal-notice": {
        "foia": "refusal notice FOIA s.17",
        "eir": "refusal notice EIR reg 14",
        "foisa": "refusal notice FOISA s.16",
        "eisr": "refusal notice EISR reg 13",
    },
    "vexatious": {
        "foia": "FOIA s.14(1) (vexatious)",
        "eir": "EIR reg 12(4)(b) (manifestly unreasonable)",
        "foisa": "FOISA s.14(1) (vexatious)",
        "eisr": "EISR reg 10(4)(b) (manifestly unreasonable)",
    },
    "repeated": {
        "foia": "FOIA s.14(2) (repeated)",
        "eir": "EIR reg 12(4)(b) (manifestly unreasonable)",
        "foisa": "FOISA s.14(2) (repeated)",
        "eisr": "EISR reg 10(4)(b) (manifestly unreasonable)",
    },
    "cost-limit": {
        "foia": "FOIA s.12 and the Fees Regulations 2004",
        "eir": "EIR reg 12(4)(b) (manifestly unreasonable: cost)",
        "foisa": "FOISA s.12 and the Fees (Scotland) Regulations 2004",
        "eisr": "EISR reg 10(4)(b) (manifestly unreasonable: cost)",
    },
    "not-held": {
        "foia": "FOIA s.1(1)(a)",
        "eir": "EIR reg 12(4)(a)",
        "foisa": "FOISA s.17",
        "eisr": "EISR reg 10(4)(a)",
    },
    "internal-review": {
        "foia": "FOIA s.45 Code of Practice, part 5",
        "eir": "EIR reg 11 (reconsideration)",
        "foisa": "FOISA ss.20-21",
        "eisr": "EISR reg 16",
    },
    "commissioner": {
        "foia": "FOIA s.50",
        "eir": "EIR reg 18 (FOIA s.50)",
        "foisa": "FOISA s.47",
        "eisr": "EISR reg 17 (FOISA s.47)",
    },
}


def basis(step: str, regime: str) -> str:
    """The statutory basis of a step under the regime ('' when the regime has no such step)."""
    return BASIS.get(step, {}).get(regime, "")


@dataclass(frozen=True)
class Exemption:
    code: str
    label: str
    is_absolute: bool  # True: no public interest test


_FOIA = [
    Exemption("s.21", "s.21 Information accessible by other means", True),
    Exemption("s.22", "s.22 Intended for future publication", False),
    Exemption("s.31", "s.31 Law enforcement", False),
    Exemption("s.36", "s.36 Prejudice to the effective conduct of public affairs", False),
    Exemption("s.38", "s.38 Health and safety", False),
    Exemption("s.40(2)", "s.40(2) Personal data of someone else", True),
    Exemption("s.41", "s.41 Information provided in confidence", True),
    Exemption("s.42", "s.42 Legal professional privilege", False),
    Exemption("s.43(1)", "s.43(1) Trade secrets", False),
    Exemption("s.43(2)", "s.43(2) Commercial interests", False),
    Exemption("s.44", "s.44 Prohibitions on disclosure", True),
]
_EIR = [
    Exemption("12(4)(b)", "reg 12(4)(b) Manifestly unreasonable", False),
    Exemption("12(4)(d)", "reg 12(4)(d) Material in the course of completion", False),
    Exemption("12(4)(e)", "reg 12(4)(e) Internal communications", False),
    Exemption("12(5)(b)", "reg 12(5)(b) Course of justice", False),
    Exemption("12(5)(e)", "reg 12(5)(e) Commercial confidentiality", False),
    Exemption("12(5)(f)", "reg 12(5)(f) Interests of the person who provided it", False),
    Exemption("13", "reg 13 Personal data of someone else", True),
]
_FOISA = [
    Exemption("s.25", "s.25 Information otherwise accessible", True),
    Exemption("s.27", "s.27 Intended for future publication", False),
    Exemption("s.30(b)", "s.30(b) Free and frank advice or exchange of views", False),
    Exemption("s.30(c)", "s.30(c) Effective conduct of public affairs", False),
    Exemption("s.33(1)(b)", "s.33(1)(b) Commercial interests", False),
    Exemption("s.36(1)", "s.36(1) Confidentiality of legal communications", False),
    Exemption("s.36(2)", "s.36(2) Information provided in confidence", True),
    Exemption("s.38(1)(b)", "s.38(1)(b) Personal data of someone else", True),
    Exemption("s.39(1)", "s.39(1) Health, safety and the environment", False),
]
_EISR = [
    Exemption("10(4)(b)", "reg 10(4)(b) Manifestly unreasonable", False),
    Exemption("10(4)(d)", "reg 10(4)(d) Material in the course of completion", False),
    Exemption("10(4)(e)", "reg 10(4)(e) Internal communications", False),
    Exemption("10(5)(b)", "reg 10(5)(b) Course of justice", False),
    Exemption("10(5)(e)", "reg 10(5)(e) Commercial confidentiality", False),
    Exemption("10(5)(f)", "reg 10(5)(f) Interests of the person who provided it", False),
    Exemption("11", "reg 11 Personal data of someone else", True),
]
EXEMPTIONS: dict[str, list[Exemption]] = {
    "foia": _FOIA,
    "eir": _EIR,
    "foisa": _FOISA,
    "eisr": _EISR,
}


def exemptions_of(regime: str) -> dict[str, Exemption]:
    return {e.code: e for e in EXEMPTIONS[regime]}


def needs_public_interest(regime: str, codes) -> bool:
    """Whether any of the exemptions is qualified (needs the public interest test)."""
    known = exemptions_of(regime)
    return any(not known[c].is_absolute for c in codes if c in known)


def cost_limit_gbp(regime: str, procurement_category: str) -> Decimal | None:
    """The appropriate limit: FOIA £600 central government, £450 others; FOISA £600. The EIR
    and EISR have none (cost is weighed as 'manifestly unreasonable')."""
    if regime == "foia":
        return Decimal("600") if procurement_category == "central" else Decimal("450")
    if regime == "foisa":
        return Decimal("600")
    return None


@dataclass(frozen=True)
class Commissioner:
    name: str
    url: str
    basis: str


def commissioner_for(regime: str) -> Commissioner:
    """Who a requester appeals to after the internal review."""
    if regime in ("foisa", "eisr"):
        return Commissioner(
            "the Scottish Information Commissioner",
            "https://www.foi.scot/appeal",
            basis("commissioner", regime),
        )
    return Commissioner(
        "the Information Commissioner's Office",
        "https://ico.org.uk/make-a-complaint/",
        basis("commissioner", regime),
    )
