"""Reads of the minimum standards: every query takes the authority."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from insource.standards.models import PayrollReturn
from insource.standards.payroll.published_gpg import published_status


def payroll_returns_of(*, authority, contract) -> QuerySet[PayrollReturn]:
    return PayrollReturn.objects.filter(authority=authority, contract=contract).defer("file_bytes")


def payroll_return_get(*, authority, pk: int) -> PayrollReturn | None:
    return (
        PayrollReturn.objects.filter(authority=authority, pk=pk)
        .select_related("contract")
        .defer("file_bytes")
        .first()
    )


def payroll_return_or_404(*, authority, pk: int) -> PayrollReturn:
    """One of the authority's payroll returns, or 404."""
    found = payroll_return_get(authority=authority, pk=pk)
    if found is None:
        raise Http404("No such payroll return")
    return found


def suppliers_published(contract) -> list[tuple[object, object]]:
    """Each supplier of the contract with its published gender pay gap status."""
    return [(s, published_status(s.company_number or None)) for s in contract.suppliers.all()]
