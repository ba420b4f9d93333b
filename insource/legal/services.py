"""Writes of legal support referrals, each atomic and audited (`legal.<verb>`): an officer
refers a matter (`referral_make`, with its documents), a member of the legal support team takes
it (`referral_accept`) and gives advice (`referral_advise`, with documents), and the authority
records the outcome (`referral_close`). Each refuses in GOV.UK words by field
(`ValidationError`), and checks the version the form showed (a stale form is refused)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from insource.core.audit import Actor, audit_record
from insource.legal import notify
from insource.legal.clock import target_for
from insource.legal.models import Referral, ReferralDocument, ReferralKind, ReferralStatus
from insource.reviews.models import Evidence
from insource.reviews.uploads import (
    check_evidence_file,
    evidence_delete_orphan,
    evidence_store,
)

S = ReferralStatus


@dataclass(frozen=True)
class Upload:
    """A document sent with a referral or its advice."""

    title: str
    file: object


def _in_use(name: str) -> bool:
    return (
        ReferralDocument.objects.filter(storage_name=name).exists()
        or Evidence.objects.filter(storage_name=name).exists()
    )


def _with_files(uploads, work):
    """Check and store every upload, run `work(stored)`; remove new copies if it fails."""
    stored = []
    try:
        for upload in uploads:
            checked = check_evidence_file(upload.file)
            stored.append((upload, evidence_store(checked, upload.file), checked))
        return work(stored)
    except BaseException:
        for _upload, name, _checked in stored:
            evidence_delete_orphan(name, is_referenced=_in_use)
        raise


def _attach(referral, stored, *, is_advice: bool, by: Actor, at: datetime) -> None:
    for upload, name, checked in stored:
        ReferralDocument.objects.create(
            referral=referral,
            title=(upload.title or "").strip() or checked.original_name,
            storage_name=name,
            original_name=checked.original_name,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
            is_advice=is_advice,
            added_at=at,
            added_by_label=by.label,
        )


def _required(text: str, field: str, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: message})
    return text


def referral_make(
    *, authority, contract, review=None, kind: str, question: str, uploads=(), user, by, at, on
) -> Referral:
    """Refer a matter about the authority's contract (or its review) to legal support."""
    errors = {}
    if kind not in ReferralKind.values:
        errors["kind"] = "Choose what the referral is about"
    if not (question or "").strip():
        errors["question"] = "Enter the question for legal support"
    if errors:
        raise ValidationError(errors)

    def work(stored):
        with transaction.atomic():
            referral = Referral.objects.create(
                authority=authority,
                contract=contract,
                review=review,
                kind=kind,
                question=question.strip(),
                referred_by=user,
                referred_at=at,
                referred_on=on,
                target_on=target_for(on),
            )
            _attach(referral, stored, is_advice=False, by=by, at=at)
            _audit(referral, "refer", by=by, at=at, after={"kind": kind, "contract": contract.pk})
            transaction.on_commit(lambda: notify.referral_made(referral))
            return referral

    return _with_files(list(uploads), work)


def _locked(referral: Referral, version: int, allowed: tuple[str, ...], doing: str) -> Referral:
    found = Referral.objects.select_for_update().get(pk=referral.pk)
    if found.status not in allowed:
        raise ValidationError(
            {
                "__all__": f"You cannot {doing} a referral that is "
                f"{found.get_status_display().lower()}"
            }
        )
    if version != found.version:
        raise ValidationError(
            {
                "__all__": "Someone else changed this referral while you were looking at it: "
                "check it again"
            }
        )
    return found


def referral_accept(*, referral: Referral, version: int, user, by: Actor, at: datetime) -> Referral:
    """A member of the legal support team takes the referral."""
    with transaction.atomic():
        found = _locked(referral, version, (S.REFERRED,), "take")
        found.status, found.adviser, found.accepted_at = S.ACCEPTED, user, at
        found.version += 1
        found.save()
        _audit(found, "accept", by=by, at=at, after={"adviser": user.pk})
        return found


def referral_advise(
    *, referral: Referral, version: int, advice: str, uploads=(), user, by, at, on: date
) -> Referral:
    """Record legal support's advice (and its documents); the referring officer is told."""
    advice = _required(advice, "advice", "Enter the advice")

    def work(stored):
        with transaction.atomic():
            found = _locked(referral, version, (S.REFERRED, S.ACCEPTED), "advise on")
            found.status, found.advice, found.advised_on = S.ADVISED, advice, on
            found.adviser = found.adviser or user
            found.version += 1
            found.save()
            _attach(found, stored, is_advice=True, by=by, at=at)
            _audit(found, "advise", by=by, at=at, after={"advised_on": on.isoformat()})
            transaction.on_commit(lambda: notify.referral_advised(found))
            return found

    return _with_files(list(uploads), work)


def referral_close(
    *, referral: Referral, version: int, outcome: str, by: Actor, at: datetime, on: date
) -> Referral:
    """Record what became of the matter: the referral is closed."""
    outcome = _required(outcome, "outcome", "Enter the outcome: what the council did")
    with transaction.atomic():
        found = _locked(referral, version, (S.ADVISED,), "close")
        found.status, found.outcome, found.closed_on = S.CLOSED, outcome, on
        found.version += 1
        found.save()
        _audit(found, "close", by=by, at=at, after={"closed_on": on.isoformat()})
        return found


def _audit(referral: Referral, verb: str, *, by: Actor, at: datetime, after: dict) -> None:
    audit_record(
        by=by,
        at=at,
        action=f"legal.{verb}",
        obj=referral,
        authority=referral.authority,
        after={"status": referral.status, **after},
    )
