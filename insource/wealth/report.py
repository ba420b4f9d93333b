"""The community wealth figures of an authority and of one contract: shares of spend by
supplier locality, SME and VCSE (each with its unknown part), local jobs where recorded, and
the LM3 estimate with its assumptions. Selectors: they take the authority."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, Sum

from insource.register.models import Contract
from insource.wealth.districts import LocalMatcher
from insource.wealth.lm3 import NONE, Lm3Estimate, Lm3Parameters, lm3_estimate, lm3_parameters
from insource.wealth.models import ContractWealth, LocalAreaVersion
from insource.wealth.postcodes import Postcode, postcode_of
from insource.wealth.selectors import contract_wealth_get, local_matcher
from insource.wealth.spend import Exclusions, Spend, counted_contracts, exclusions, spend_of


@dataclass(frozen=True)
class Jobs:
    """Jobs officers recorded on the authority's contracts (only where known)."""

    num_contracts: int
    num_jobs: int
    num_local_jobs: int
    num_contracts_local: int


@dataclass(frozen=True)
class WealthReport:
    """An authority's community wealth figures (see spend.py for the value basis)."""

    authority: object
    area: LocalAreaVersion | None
    exclusions: Exclusions
    spend: Spend
    jobs: Jobs | None
    lm3: Lm3Estimate
    parameters: Lm3Parameters
    num_measured: int


def _jobs(authority) -> Jobs:
    found = ContractWealth.objects.filter(contract__reviewing_authority=authority).aggregate(
        n=Count("id", filter=Q(num_jobs__isnull=False)),
        jobs=Sum("num_jobs"),
        local=Sum("num_local_jobs"),
        n_local=Count("id", filter=Q(num_local_jobs__isnull=False)),
    )
    return Jobs(found["n"], found["jobs"] or 0, found["local"] or 0, found["n_local"])


def _measured(authority, contracts):
    """Contracts of the set with a measured LM3 share recorded by an officer."""
    return list(
        ContractWealth.objects.filter(contract__in=contracts).filter(
            Q(supplier_local_share__isnull=False) | Q(respend_local_share__isnull=False)
        )
    )


def contract_lm3(record: ContractWealth | None, spend: Spend, p: Lm3Parameters):
    """One contract's LM3, with the officer's measured shares when recorded."""
    if record is not None:
        p = p.overridden(
            supplier_share=record.supplier_local_share,
            respend=record.respend_local_share,
            note=record.source_note,
        )
    return lm3_estimate(**spend.locality, p=p), p


def authority_wealth(*, authority, on: date, with_officer_figures: bool = True) -> WealthReport:
    """The authority's figures. Without officer figures (the public page), the LM3 estimate
    uses the cited defaults only and no recorded jobs are shown."""
    area, matcher = local_matcher(authority)
    contracts = counted_contracts(authority)
    spend = spend_of(contracts, matcher)
    p = lm3_parameters(on)
    measured = _measured(authority, contracts) if with_officer_figures else []
    rest = dict(spend.locality)
    total = NONE
    for record in measured:
        part = spend_of(Contract.objects.filter(pk=record.contract_id), matcher)
        rest = {k: rest[k] - part.locality[k] for k in rest}
        total = total + contract_lm3(record, part, p)[0]
    total = total + lm3_estimate(**rest, p=p)
    jobs = _jobs(authority) if with_officer_figures else None
    return WealthReport(
        authority, area, exclusions(authority), spend, jobs, total, p, len(measured)
    )


@dataclass(frozen=True)
class SupplierLine:
    """One supplier of a contract: its postcode as found, where that is, its share."""

    supplier: object
    postcode: Postcode | None
    locality: str
    amount: Decimal | None


@dataclass(frozen=True)
class ContractWealthView:
    """One contract's community wealth: its suppliers, shares, recorded figures and LM3."""

    contract: Contract
    area: LocalAreaVersion | None
    lines: list[SupplierLine]
    spend: Spend
    record: ContractWealth | None
    lm3: Lm3Estimate | None
    parameters: Lm3Parameters


def _lines(contract, matcher: LocalMatcher) -> list[SupplierLine]:
    suppliers = list(contract.suppliers.all().order_by("name"))
    value = contract.value_inc_vat
    share = value / len(suppliers) if value is not None and suppliers else None
    lines = []
    for s in suppliers:
        found = postcode_of(s.postcode, s.street_address, s.locality)
        lines.append(SupplierLine(s, found, matcher.locality(found), share))
    return lines


def contract_wealth(*, authority, contract, on: date) -> ContractWealthView | None:
    """The contract's figures, or None when it is not the authority's."""
    if contract.reviewing_authority_id != authority.pk:
        return None
    area, matcher = local_matcher(authority)
    priced = Contract.objects.filter(pk=contract.pk, value_inc_vat__isnull=False)
    spend = spend_of(priced, matcher)
    record = contract_wealth_get(authority=authority, contract=contract)
    lm3, p = contract_lm3(record, spend, lm3_parameters(on))
    has_spend = contract.value_inc_vat is not None and contract.value_inc_vat > 0
    return ContractWealthView(
        contract, area, _lines(contract, matcher), spend, record, lm3 if has_spend else None, p
    )
