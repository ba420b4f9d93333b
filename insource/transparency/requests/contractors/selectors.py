"""Reads of the parts of requests forwarded to contractors: a request's forwards, the counts per
contract and per supplier (aggregates: the public sees only these), and the late ones of an
authority for the audit committee. Lateness is `clock.status_of`, the one function the page,
the counts and the daily run share; the date is an argument."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from insource.transparency.models import ContractorOutcome, ContractorRequest
from insource.transparency.requests.contractors import clock


@dataclass(frozen=True)
class Counts:
    """How a contractor answered the council's requests for information it holds."""

    num_asked: int = 0
    num_awaiting: int = 0
    num_on_time: int = 0
    num_late: int = 0  # replied late, no reply, or still awaiting past the due date

    @property
    def has_any(self) -> bool:
        return self.num_asked > 0


def counts_of(rows, on: date) -> Counts:
    """The counts of some forwarded parts on `on`."""
    found = Counter(clock.status_of(r, on) for r in rows)
    late = sum(n for status, n in found.items() if clock.is_late(status))
    return Counts(sum(found.values()), found[clock.AWAITING], found[clock.REPLIED], late)


def _fields():
    return ContractorRequest.objects.only("outcome", "due_on", "replied_on")


def contract_counts(*, contract, on: date) -> Counts:
    """Every forward about the contract, whichever council asked."""
    return counts_of(_fields().filter(contract=contract), on)


def supplier_counts(*, supplier, on: date) -> Counts:
    """Every forward to the supplier, across every contract and council."""
    return counts_of(_fields().filter(supplier=supplier), on)


def request_forwards(*, authority, request) -> list[ContractorRequest]:
    """The request's forwarded parts, oldest first, with their contractor."""
    rows = ContractorRequest.objects.filter(authority=authority, request=request)
    return list(rows.select_related("supplier", "contract"))


def forwards_late(*, authority, on: date) -> list[ContractorRequest]:
    """The authority's forwarded parts whose contractor is late (awaiting past the due date,
    replied late, or no reply), most recently due first."""
    late = Q(is_late=True) | Q(outcome=ContractorOutcome.AWAITING, due_on__lt=on)
    rows = ContractorRequest.objects.filter(late, authority=authority)
    return list(rows.select_related("request", "supplier", "contract").order_by("-due_on")[:200])


def has_awaiting(forwards) -> bool:
    """Whether a reply (or its failure) can be recorded: a part is still awaiting the contractor."""
    return any(f.outcome == ContractorOutcome.AWAITING for f in forwards)


def request_suppliers(*, authority, request) -> list:
    """The suppliers of the contract the request is about (the contractors it may go to)."""
    if request.authority_id != authority.pk:
        return []
    contract = request.contract or (request.decision.contract if request.decision_id else None)
    return list(contract.suppliers.order_by("name")) if contract else []
