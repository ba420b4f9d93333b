"""Reads of the model contract: the clause library an authority uses, clause histories, the
decision that allows generation, and generated documents. Every query takes the authority."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from insource.policy.outcomes import is_outsourcing
from insource.reviews.models import Decision
from insource.standards.model_contract.models import ClauseVersion, ModelContractDocument


def _rank(version: ClauseVersion) -> tuple[bool, int]:
    """An authority's own version beats the national one; a later number beats an earlier."""
    return (version.authority_id is not None, version.number)


def _latest_per_key(versions) -> dict[str, ClauseVersion]:
    latest: dict[str, ClauseVersion] = {}
    for version in versions:
        if version.key not in latest or _rank(version) > _rank(latest[version.key]):
            latest[version.key] = version
    return latest


def clauses_current(*, authority) -> list[ClauseVersion]:
    """The clauses the authority's documents use, in document order: its own latest version of
    a clause where it has one, else the latest national default."""
    versions = ClauseVersion.objects.filter(Q(authority__isnull=True) | Q(authority=authority))
    latest = _latest_per_key(versions.select_related("created_by"))
    parts = ("definitions", "clause", "schedule")
    return sorted(latest.values(), key=lambda c: (parts.index(c.part), c.position, c.key))


def clause_current(*, authority, key: str) -> ClauseVersion | None:
    """The version of one clause the authority uses now, or None."""
    return next((c for c in clauses_current(authority=authority) if c.key == key), None)


def clause_history(*, authority, key: str) -> list[ClauseVersion]:
    """Every version of a clause the authority can see (its own, then the national ones),
    newest first."""
    versions = ClauseVersion.objects.filter(
        Q(authority__isnull=True) | Q(authority=authority), key=key
    ).select_related("created_by", "authority")
    return sorted(versions, key=_rank, reverse=True)


def clause_current_or_404(*, authority, key: str) -> ClauseVersion:
    """The version of one clause the authority uses now, or 404."""
    current = clause_current(authority=authority, key=key)
    if current is None:
        raise Http404("No such clause in this authority's library")
    return current


def clause_version_get(*, authority, pk: int) -> ClauseVersion | None:
    """One version the authority can see (national or its own)."""
    return ClauseVersion.objects.filter(
        Q(authority__isnull=True) | Q(authority=authority), pk=pk
    ).first()


def clause_version_or_404(*, authority, pk: int) -> ClauseVersion:
    """One version the authority can see, or 404."""
    version = clause_version_get(authority=authority, pk=pk)
    if version is None:
        raise Http404("No such clause version")
    return version


def decision_in_force(*, authority, contract) -> Decision | None:
    """The contract's latest signed decision that no correction replaces."""
    return (
        Decision.objects.filter(authority=authority, contract=contract, replaced_by__isnull=True)
        .select_related("authority", "contract")
        .order_by("-signed_at", "-id")
        .first()
    )


def decision_outsourcing(*, authority, contract) -> Decision | None:
    """The decision in force when it keeps the contract outsourced, else None."""
    decision = decision_in_force(authority=authority, contract=contract)
    return decision if decision is not None and is_outsourcing(decision.outcome) else None


def has_outsourcing_decision(contract) -> bool:
    """Whether the contract's reviewing authority has a decision in force that keeps it
    outsourced (the contract page shows the model contract link then)."""
    return (
        decision_outsourcing(authority=contract.reviewing_authority, contract=contract) is not None
    )


@dataclass
class Overview:
    """A contract's model contract page: the decision in force, whether it allows generation,
    and the documents generated so far."""

    decision: Decision | None
    outsourcing: Decision | None
    documents: list[ModelContractDocument]


def model_contract_overview(*, authority, contract) -> Overview:
    """Everything the contract's model contract page shows."""
    decision = decision_in_force(authority=authority, contract=contract)
    outsourcing = decision if decision is not None and is_outsourcing(decision.outcome) else None
    documents = list(model_contracts_of(authority=authority, contract=contract))
    return Overview(decision, outsourcing, documents)


def model_contracts_of(*, authority, contract) -> QuerySet[ModelContractDocument]:
    """The contract's generated documents, newest first, without their files."""
    return (
        ModelContractDocument.objects.filter(authority=authority, contract=contract)
        .defer("docx", "pdf", "data")
        .select_related("generated_by")
    )


def model_contract_get(*, authority, pk: int, with_files: bool = False):
    """One generated document of the authority, or None."""
    found = ModelContractDocument.objects.filter(authority=authority, pk=pk).select_related(
        "contract", "decision"
    )
    return (found if with_files else found.defer("docx", "pdf")).first()


def model_contract_or_404(*, authority, pk: int, with_files: bool = False):
    """One generated document of the authority, or 404."""
    found = model_contract_get(authority=authority, pk=pk, with_files=with_files)
    if found is None:
        raise Http404("No such model contract")
    return found


def model_contract_any(pk: int):
    """One generated document by id, for the operator's command line (`verify ID`)."""
    return (
        ModelContractDocument.objects.filter(pk=pk).select_related("contract", "authority").first()
    )
