"""The fields of facts JSON version 1: path, kind, default (POLICY.md §2 "Inputs") and label.

A field with no default is unknown when missing. Kinds: bool, date, money (a decimal string),
decimal, int, str, enum (with its choices), cpv (list of codes), evidence (list of references),
strlist, paths (fact paths).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    path: str
    kind: str
    label: str
    default: object = None
    choices: tuple[str, ...] = ()


def _f(path, kind, label, default=None, choices=()):
    return Field(path, kind, label, default, tuple(choices))


_TERMS = [
    ("fair_wage_rate_gbp", "money", "the hourly wage rate in the proposed terms"),
    ("has_best_value_justification", "bool", "a best-value justification for the wage terms"),
    ("gender_pay_audit", "bool", "an annual gender pay audit in the proposed terms"),
    ("max_term_months", "int", "the maximum term of the proposed contract"),
    ("has_no_fault_break", "bool", "a no-fault break clause"),
    ("foi_clause", "bool", "a Freedom of Information clause"),
    ("hra_clause", "bool", "a Human Rights Act clause"),
    ("num_kpis", "int", "the number of key performance indicators"),
    ("prompt_payment_days", "int", "the payment terms down the supply chain"),
    ("provider_excluded", "bool", "whether the provider is excluded or debarred"),
    ("union_recognition_clause", "bool", "a trade union recognition term"),
    ("social_value_plan", "bool", "a social value plan"),
    ("two_tier_clause", "bool", "a two-tier workforce clause"),
    ("exit_plan", "bool", "an insourcing-ready exit plan"),
    ("uses_model_contract", "bool", "use of the model contract"),
]

FIELDS: tuple[Field, ...] = (
    _f("version", "int", "the facts format version", 1),
    _f("id", "str", "an identifier for these facts"),
    _f("decision_on", "date", "the decision date"),
    _f("procurement_start_on", "date", "the procurement start date"),
    _f("preset", "str", "the policy preset"),
    _f("disputed", "paths", "the disputed facts", ()),
    _f("consultation_done", "bool", "whether consultation has been done"),
    _f("equality_impact_assessment_done", "bool", "whether an equality impact assessment is done"),
    _f("is_key_decision", "bool", "whether this is a key decision"),
    _f("key_decision_notice_on", "date", "the date of the key-decision notice"),
    _f("decision_maker", "str", "the named decision-maker"),
    _f(
        "authority.procurement_category",
        "enum",
        "the authority's procurement category",
        "sub-central",
        ("sub-central", "central", "utility"),
    ),
    _f(
        "authority.nation",
        "enum",
        "the authority's nation",
        "England",
        ("England", "Wales", "Scotland", "Northern Ireland"),
    ),
    _f("authority.gss_code", "str", "the authority's GSS code"),
    _f("contract.service", "str", "the service"),
    _f("contract.cpv", "cpv", "the CPV codes"),
    _f(
        "contract.nature",
        "enum",
        "the nature of the contract",
        None,
        ("services", "works", "goods", "concession", "framework"),
    ),
    _f("contract.is_repair_or_maintenance", "bool", "whether the works are repair or maintenance"),
    _f("contract.is_light_touch", "bool", "whether the services are light-touch", False),
    _f(
        "contract.delivers_authority_function",
        "bool",
        "whether the contract delivers an authority function",
        True,
    ),
    _f("contract.is_london", "bool", "whether the work is done in London", False),
    _f(
        "contract.counterparty",
        "enum",
        "the type of counterparty",
        None,
        ("private", "vcse", "mutual", "public-authority", "authority-controlled"),
    ),
    _f("contract.is_vertical_control", "bool", "whether the authority controls the company"),
    _f(
        "contract.controller_activity_share_pct",
        "decimal",
        "the share of the company's activity carried out for its controllers",
    ),
    _f("contract.is_horizontal_cooperation", "bool", "whether this is horizontal cooperation"),
    _f("contract.open_market_share_pct", "decimal", "the open-market share of the activity"),
    _f("contract.value_inc_vat", "money", "the value of the next term"),
    _f(
        "contract.value_vat_basis",
        "enum",
        "whether the value includes VAT",
        "inc",
        ("inc", "exc", "unknown"),
    ),
    _f("contract.starts_on", "date", "the contract start date"),
    _f("contract.ends_on", "date", "the contract end date"),
    _f("contract.max_ends_on", "date", "the latest end date with extensions"),
    _f("contract.terminated_on", "date", "the termination date"),
    _f("contract.termination_reason", "str", "the reason for termination"),
    _f("contract.is_specialist_social_care", "bool", "whether it is specialist social care", False),
    _f(
        "contract.can_be_contracted_out",
        "bool",
        "whether the function may lawfully be contracted out",
        True,
    ),
    _f("contract.has_assigned_workforce", "bool", "whether staff are assigned to the contract"),
    _f(
        "contract.right_to_challenge_eoi",
        "bool",
        "whether a Community Right to Challenge expression of interest was accepted",
    ),
    _f("contract.is_direct_award", "bool", "whether it is a direct award"),
    _f(
        "contract.is_health_psr",
        "bool",
        "whether it is a health service under the Provider Selection Regime",
    ),
    _f("contract.is_delivered_outside_uk", "bool", "whether it is delivered outside the UK"),
    _f("at_risk.significant_contact", "bool", "significant contact with people at risk"),
    _f("at_risk.coercive_powers", "bool", "the exercise of coercive powers"),
    _f("at_risk.rights_risk", "bool", "a risk to people's rights"),
    _f("at_risk.groups", "strlist", "the groups affected"),
    _f("at_risk.powers", "strlist", "the powers exercised"),
    _f("at_risk.rights", "strlist", "the rights engaged"),
    _f("public_interest_test.claimed", "bool", "a public interest test claim", False),
    *(
        _f(f"public_interest_test.T{n}", "bool", f"public interest test criterion T{n}")
        for n in range(1, 11)
    ),
    _f(
        "public_interest_test.appraisal.p_inhouse_cheaper",
        "decimal",
        "the probability that in-house delivery costs less",
    ),
    _f("public_interest_test.appraisal.inhouse_cost_gbp", "money", "the in-house whole-life cost"),
    _f(
        "public_interest_test.appraisal.outsourced_cost_gbp",
        "money",
        "the outsourced whole-life cost",
    ),
    _f(
        "public_interest_test.appraisal.run_id",
        "int",
        "the options appraisal run the figures come from",
    ),
    _f("public_interest_test.appraisal.run_sha256", "str", "the SHA-256 of that appraisal run"),
    _f("good_reasons.risk_mitigation.claimed", "bool", "a risk-mitigation claim", False),
    _f(
        "good_reasons.risk_mitigation.comparative_risk_assessment",
        "bool",
        "a comparative risk assessment",
    ),
    _f("good_reasons.risk_mitigation.evidence", "evidence", "evidence for risk mitigation"),
    _f("good_reasons.capacity.claimed", "bool", "a capacity claim", False),
    _f(
        "good_reasons.capacity.insufficient_after_support",
        "bool",
        "insufficient capacity even after the support measures",
    ),
    _f(
        "good_reasons.capacity.support_measures_considered",
        "bool",
        "whether the support measures were considered",
    ),
    _f("good_reasons.capacity.capacity_plan", "bool", "a plan to build capacity"),
    _f("good_reasons.capacity.re_review_on", "date", "the re-review date"),
    _f("good_reasons.capacity.evidence", "evidence", "evidence for the capacity claim"),
    _f("good_reasons.separation.claimed", "bool", "a separation claim", False),
    _f("good_reasons.separation.evidence", "evidence", "evidence for separation"),
    *(_f(f"proposed_terms.{name}", kind, label) for name, kind, label in _TERMS),
)

BY_PATH: dict[str, Field] = {f.path: f for f in FIELDS}
GROUPS: frozenset[str] = frozenset(
    ".".join(f.path.split(".")[:i]) for f in FIELDS for i in range(1, f.path.count(".") + 1)
)


def label(path: str) -> str:
    """The plain-English label of a fact path (the path itself when it has none)."""
    field = BY_PATH.get(path)
    return field.label if field else path
