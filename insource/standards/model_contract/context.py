"""The data a model contract is filled from: the contract, its outsourcing decision and the
policy values in force on the decision date. Plain JSON-ready values, stored with the document
so that it can be regenerated exactly. No clock: the generation time is an argument."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from insource.policy.outcomes import OUTCOMES
from insource.policy.presets import get_preset
from insource.register.cpv import cpv_description
from insource.register.naming import contract_service_name
from insource.standards.model_contract import values
from insource.standards.payroll.returns import OPTIONAL, REQUIRED

FORMAT_VERSION = 1
NO_SUPPLIER = "[the Supplier's name, to be inserted at award]"
LAW = {
    "Scotland": ("Scots law", "the Scottish courts"),
    "Northern Ireland": ("the law of Northern Ireland", "the courts of Northern Ireland"),
}
FOI = {
    "Scotland": (
        "the Freedom of Information (Scotland) Act 2002 and the Environmental Information "
        "(Scotland) Regulations 2004",
        "Freedom of Information (Scotland) Act 2002, section 3(2)(b)",
    ),
}
FOI_DEFAULT = (
    "the Freedom of Information Act 2000 and the Environmental Information Regulations 2004",
    "Freedom of Information Act 2000, section 3(2)(b)",
)
GROUNDS = {
    "OUTSOURCE_GOOD_REASON_CAPACITY": "good reason: insufficient capacity to provide the service "
    "in house, even after the support measures (the capacity ground)",
    "OUTSOURCE_GOOD_REASON_RISK_MITIGATION": "good reason: the risks to people are best mitigated "
    "by retaining outsourced provision",
    "OUTSOURCE_GOOD_REASON_SEPARATION": "good reason: the service needs to be separate from the "
    "Authority",
    "OUTSOURCE_PUBLIC_INTEREST_TEST_MET": "the public interest test is met on every criterion",
    "OUTSIDE_PRESUMPTION_SPECIALIST_CARE": "specialist social care, outside the presumption",
}
PAYROLL_COLUMNS = {
    "worker_ref": "the Supplier's reference for the Contract Worker (no names)",
    "role": "job title",
    "gender": "M or F, as the 2017 Regulations use them",
    "is_london": "whether the work is done in London",
    "period_start": "first day of the pay period",
    "period_end": "last day of the pay period",
    "hours": "hours worked in the pay period",
    "ordinary_pay": "ordinary pay for the pay period, as the 2017 Regulations define it",
    "bonus_pay_12m": "bonus pay in the twelve months to the snapshot date",
    "is_subcontractor": "whether the Contract Worker is employed by a Subcontractor",
    "is_full_pay_relevant": "false for a Contract Worker on reduced pay because of leave",
    "snapshot_date": "the date the return speaks for",
}


def _authority(authority) -> dict:
    law, courts = LAW.get(
        authority.nation, ("the law of England and Wales", "the courts of England and Wales")
    )
    foi, held = FOI.get(authority.nation, FOI_DEFAULT)
    return {
        "name": authority.name,  # the full name: "Leicestershire County Council"
        "code": authority.code,
        "nation": authority.nation or "England",
        "law": law,
        "courts": courts,
        "foi_legislation": foi,
        "foi_held_for": held,
    }


def _supplier(contract) -> dict:
    found = sorted(contract.suppliers.all(), key=lambda s: s.name)
    if not found:
        names = [n.strip() for n in contract.supplier_names.split(";") if n.strip()]
        return {"name": " and ".join(names) or NO_SUPPLIER, "is_named": bool(names), "details": ""}
    first = found[0]
    address = ", ".join(p for p in (first.street_address, first.locality, first.postcode) if p)
    details = "; ".join(
        p
        for p in (
            f"company number {first.company_number}" if first.company_number else "",
            f"registered office {address}" if address else "",
        )
        if p
    )
    return {"name": " and ".join(s.name for s in found), "is_named": True, "details": details}


def _contract(contract, facts: dict) -> dict:
    cpv = contract.main_cpv or (contract.cpv_codes or [""])[0]
    label = cpv_description(cpv)
    value = facts.get("value_inc_vat") or contract.value_inc_vat
    is_london = bool(facts.get("is_london"))
    return {
        "id": contract.pk,
        "title": contract_service_name(contract),
        "reference": contract.ocid or contract.source_key,
        "value": f"{values.money(value)} including VAT" if value is not None else "[value]",
        "cpv_code": cpv,
        "cpv_text": f"CPV {cpv}, {label}" if label else (f"CPV {cpv}" if cpv else "CPV not stated"),
        "current_start_on": values.long_date(contract.start_on, "[start date]"),
        "current_end_on": values.long_date(contract.end_on, "[end date]"),
        "is_london": is_london,
        "place": "London" if is_london else "the United Kingdom outside London",
    }


def _capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def _decision(decision) -> dict:
    grounds = [decision.outcome] + [
        g["ground"]
        for g in decision.result.get("grounds", [])
        if g.get("ground") != decision.outcome
    ]
    return {
        "id": decision.pk,
        "reference": f"D-{decision.pk}",
        "outcome": decision.outcome,
        "outcome_text": OUTCOMES.get(decision.outcome, decision.outcome),
        "grounds": grounds,
        "grounds_text": _capfirst("; ".join(GROUNDS.get(g, g) for g in grounds)),
        "decided_on": values.long_date(decision.decided_on, "[decision date]"),
        "signer_name": decision.signer_name,
    }


def _terms(facts: dict) -> dict:
    terms = dict(facts.get("proposed_terms") or {})
    terms["social_value_plan"] = bool(terms.get("social_value_plan"))
    terms["provider_excluded_unknown"] = terms.get("provider_excluded") is None
    return terms


def _re_review_on(decision) -> date | None:
    text = decision.result.get("re_review_on") or (
        (decision.facts.get("good_reasons") or {}).get("capacity") or {}
    ).get("re_review_on")
    return date.fromisoformat(text) if text else None


def model_contract_data(*, contract, decision, number: int, at: datetime, by_name: str) -> dict:
    """Everything the clauses and the layout are filled from, as plain JSON values."""
    facts = decision.facts or {}
    contract_facts = facts.get("contract") or {}
    reader = values.Reader(
        get_preset(decision.policy_version.get("preset")).parameters, decision.decided_on
    )
    terms = _terms(facts)
    data = {
        "format_version": FORMAT_VERSION,
        "document": _document(decision, contract, number, at, by_name),
        "authority": _authority(decision.authority),
        "supplier": _supplier(contract),
        "contract": _contract(contract, contract_facts),
        "decision": _decision(decision),
        "terms": terms,
        "ms2": {"proposed_void_term": bool(terms.get("union_recognition_clause"))},
        "payroll_columns": [
            {"name": name, "content": PAYROLL_COLUMNS[name]} for name in REQUIRED + OPTIONAL
        ],
    }
    data["wage"] = values.wage(
        reader, is_london=data["contract"]["is_london"], proposed=terms.get("fair_wage_rate_gbp")
    )
    data["wage"]["has_best_value_justification"] = bool(terms.get("has_best_value_justification"))
    data["term"] = values.term(
        reader,
        grounds=data["decision"]["grounds"],
        terms=terms,
        end_on=contract.end_on,
        re_review_on=_re_review_on(decision),
        is_framework=contract_facts.get("nature") == "framework" or contract.is_framework,
    )
    data["kpi"] = values.kpi(
        reader,
        proposed=terms.get("num_kpis"),
        value=contract_facts.get("value_inc_vat") or contract.value_inc_vat,
    )
    data |= values.simple(reader, cpv_codes=contract_facts.get("cpv") or contract.cpv_codes or [])
    data["params"] = reader.rows()
    return data


def _document(decision, contract, number: int, at: datetime, by_name: str) -> dict:
    local = timezone.localtime(at)
    code = decision.authority.code or decision.authority.pk
    return {
        "reference": f"MC-{code}-{contract.pk}-{number}",
        "number": number,
        "generated_at": local.isoformat(),
        "generated_on": values.long_date(local.date(), ""),
        "generated_by": by_name,
    }
