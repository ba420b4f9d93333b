"""Reads of legal support referrals. Officers reach an authority's referrals through their
membership of it; the legal support team's queue spans every authority where its member holds
the `legal-support` role. Late is `clock.referral_late`; the date is an argument."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
from django.http import Http404

from insource.authorities.models import Membership, Role
from insource.legal.clock import WAITING, referral_late
from insource.legal.models import Referral, ReferralDocument
from insource.reviews.selectors.reviews import review_get


def _rows() -> QuerySet[Referral]:
    return Referral.objects.select_related("authority", "contract", "review", "referred_by")


def referrals_of(*, authority) -> QuerySet[Referral]:
    """The authority's referrals, the soonest due first."""
    return _rows().filter(authority=authority)


def referral_or_404(*, authority, pk: int) -> Referral:
    found = referrals_of(authority=authority).filter(pk=pk).first()
    if found is None:
        raise Http404("No such referral")
    return found


def referrals_about(*, contract, review=None) -> list[Referral]:
    """The referrals about a contract (and its review, when given), newest first."""
    rows = _rows().filter(contract=contract)
    if review is not None:
        rows = rows.filter(review=review)
    return list(rows.order_by("-referred_at", "-id"))


def legal_support_queue(*, user) -> QuerySet[Referral]:
    """Every referral awaiting advice from an authority the user serves as legal support."""
    served = Membership.objects.filter(user=user, role=Role.LEGAL_SUPPORT).values("authority_id")
    return _rows().filter(authority_id__in=served, status__in=WAITING)


def referrals_late(*, authority, on: date) -> list[Referral]:
    """The authority's referrals late on `on` (waiting past the target, or advised after it)."""
    return [r for r in referrals_of(authority=authority)[:500] if referral_late(r, on)]


def referral_documents(*, referral) -> list[ReferralDocument]:
    return list(referral.documents.all())


def document_or_404(*, authority, referral_pk: int, pk: int) -> ReferralDocument:
    found = ReferralDocument.objects.filter(
        referral__authority=authority, referral_id=referral_pk, pk=pk
    ).first()
    if found is None:
        raise Http404("No such document")
    return found


def review_of(*, authority, contract, pk: str):
    """The authority's review of the contract named by `pk` (a query parameter), or None."""
    if not str(pk).isdigit():
        return None
    review = review_get(authority=authority, pk=int(pk))
    return review if review is not None and review.contract_id == contract.pk else None
