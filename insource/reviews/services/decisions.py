"""Signing and publishing decisions.

Signing: the named decision-maker, who did not draft the review, signs once the prerequisites
are met on the signing date (`review_prerequisites`, the check the panel and "Send for decision"
make against the planned date) and the facts are complete. Any outcome may be signed; a
departure is reasoned as `services.departures.departure_check` requires (ADR 0019). The
decision stores the facts, the result with its trace, the policy version, the evidence
references and the signer, and never changes; a correction is a new decision that points at the
one it replaces. Signing sends `reviews.signals.decision_signed` in its transaction (transition
makes the plan of a decision that brings the service home; ADR 0027). Publishing is its own step
(POLICY.md §5); a departure towards outsourcing is published only after the monitoring officer's
advice.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from django.db import models, transaction

from insource.core.audit import Actor, audit_record
from insource.policy import PolicyError, evaluate
from insource.policy.facts_fields import label
from insource.policy.presets import get_preset
from insource.reviews.comments.services import say_record, say_refusal
from insource.reviews.decisions import bilingual
from insource.reviews.models import Decision, Publication, Review, ReviewState
from insource.reviews.services.departures import departure_check, departure_options
from insource.reviews.services.editing import drafters_of
from insource.reviews.services.evaluation import facts_of, review_prerequisites
from insource.reviews.services.states import review_move
from insource.reviews.services.verification import policy_version_keep
from insource.reviews.signals import decision_published, decision_signed


class SignatureRefused(Exception):
    """The decision cannot be signed yet: the message says what to do."""


def _refuse_signer(review: Review, signer) -> None:
    if signer.pk in drafters_of(review):
        raise SignatureRefused(
            "You drafted this review, so you cannot sign its decision: another decision-maker "
            "must sign it"
        )
    if review.decision_maker_id != signer.pk:
        raise SignatureRefused("Only the decision-maker named for this review can sign it")


def _refuse_result(result: dict, outcome: str) -> bool:
    """Refuse an unsignable result; returns whether the decision departs."""
    if result["status"] == "incomplete":
        missing = (
            ", ".join(label(p) for p in result["missing_evidence"]) or "the claimed good reasons"
        )
        raise SignatureRefused(f"The review is incomplete: complete {missing} first")
    departs = outcome != result["outcome"]
    if result["status"] == "blocked_until_standards_met" and not departs:
        unmet = ", ".join(result["unmet_standards"])
        raise SignatureRefused(
            f"Mandatory standards are unmet ({unmet}): outsourcing is blocked until they are met"
        )
    return departs


def signing_facts(review: Review, *, on: date) -> tuple[dict, dict]:
    """The facts and the engine's result as they stand if signed on `on`: the decision is
    taken when signed, whatever date was planned."""
    facts = facts_of(review, on=on)
    facts["decision_on"] = on.isoformat()
    try:
        return facts, evaluate(facts).to_dict()
    except PolicyError as error:
        raise SignatureRefused(f"The facts cannot be evaluated: {error}") from None


def sign_options(review: Review, *, on: date) -> dict[str, list[dict]]:
    """What the sign page lists: for each outcome that would be a departure towards
    outsourcing if signed on `on`, the conditions to give a reason on (the same facts and
    function `decision_sign` checks). Empty when the facts cannot be evaluated."""
    try:
        facts, result = signing_facts(review, on=on)
    except SignatureRefused:
        return {}
    return departure_options(facts, result)


def _evidence_list(review: Review) -> list[dict]:
    return [
        {
            "ref": e.ref,
            "path": e.path,
            "title": e.title,
            "kind": e.kind,
            "url": e.url,
            "sha256": e.sha256,
            "name": e.original_name,
        }
        for e in review.evidence.all()
    ]


@transaction.atomic
def decision_sign(
    *,
    review: Review,
    signer,
    outcome: str,
    reason: str,
    version: int,
    on: date,
    by: Actor,
    at: datetime,
    replaces: Decision | None = None,
    condition_reasons: dict[str, str] | None = None,
    re_review_on: date | None = None,
) -> Decision:
    """Sign the decision on a review awaiting one (or a correction of its current decision).

    Any outcome may be signed; a departure is reasoned as `departure_check` requires (a reason
    against each unmet or unknown condition, keyed as `departure_options` lists them, and a
    re-review date for capacity), raising `DepartureRefused` with every field to fix."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    if review.version != version:
        raise SignatureRefused("The review changed since you read it: read it again, then sign")
    if replaces is None and review.state != ReviewState.AWAITING_DECISION:
        raise SignatureRefused("Submit the review for decision before it is signed")
    if replaces is not None and not reason.strip():
        raise SignatureRefused("Enter the reason for the correction")
    if replaces is not None and (
        replaces.review_id != review.pk or Decision.objects.filter(replaces=replaces).exists()
    ):
        raise SignatureRefused("Only the review's decision in force can be corrected")
    _refuse_signer(review, signer)
    facts, result = signing_facts(review, on=on)
    check = review_prerequisites(review, on=on, signing=True, facts=facts, result=result)
    if not check.ok:
        raise SignatureRefused(check.refusal())
    say_refused = say_refusal(review, on=on)
    if say_refused:
        raise SignatureRefused(say_refused)
    departs = _refuse_result(result, outcome)
    departure = departure_check(
        facts=facts,
        result=result,
        outcome=outcome,
        reason=reason,
        condition_reasons=condition_reasons or {},
        re_review_on=re_review_on,
        on=on,
    )
    policy_version_keep(preset=get_preset(facts.get("preset")), by=by, at=at)
    decision = Decision.objects.create(
        review=review,
        authority=review.authority,
        contract=review.contract,
        replaces=replaces,
        decided_on=date.fromisoformat(result["decision_on"]),
        outcome=outcome,
        recommended_outcome=result["outcome"] or "",
        engine_status=result["status"],
        departs=departs,
        reason=reason.strip(),
        departure_kind=departure.kind,
        departure_reasons=departure.reasons,
        standards=departure.standards,
        status=departure.status,
        re_review_on=departure.re_review_on,
        facts=facts,
        result=result,
        policy_version=result["policy_version"],
        evidence=_evidence_list(review),
        say=say_record(review, by=by, at=at),
        signer=signer,
        signer_name=signer.get_full_name() or signer.get_username(),
        signed_at=at,
    )
    review_move(
        review.pk,
        ReviewState.DECIDED,
        by=by,
        at=at,
        note=f"decision {decision.pk}: {outcome}",
        is_signed=True,
        version=review.version + 1,
    )
    audit_record(
        by=by,
        at=at,
        action="reviews.decision_sign",
        obj=decision,
        authority=review.authority,
        after={
            "review": review.pk,
            "outcome": outcome,
            "recommended": result["outcome"],
            "departs": departs,
            "departure_kind": departure.kind,
            "status": departure.status,
            "departure_reasons": departure.reasons,
            "re_review_on": departure.re_review_on.isoformat() if departure.re_review_on else None,
            "replaces": replaces.pk if replaces else None,
        },
        reason=reason,
    )
    decision_signed.send(sender=Decision, decision=decision, by=by, at=at)  # transition plan
    return decision


def decision_current(review: Review) -> Decision | None:
    """The review's decision in force: the latest one that no other replaces."""
    return review.decisions.filter(replaced_by__isnull=True).order_by("-signed_at").first()


@transaction.atomic
def decision_publish(
    *,
    decision: Decision,
    user,
    redaction_note: str,
    has_confidential_annex: bool,
    pack_html: str,
    pack_pdf: bytes | None,
    on: date,
    by: Actor,
    at: datetime,
    texts: dict | None = None,
) -> Publication:
    """Publish a signed decision's pack, once a named officer has confirmed the redaction.
    `pack_pdf` None: the worker makes the PDF afterwards (`publication_pdf_attach`; ADR 0054).
    An authority in Wales gives the decision's title and summary in Welsh and English
    (`texts`: title_cy, summary_cy, title_en, summary_en; ADR 0035)."""
    if not redaction_note.strip():
        raise SignatureRefused("Say what was redacted, and why, before publishing")
    missing = bilingual.texts_missing(authority=decision.authority, texts=texts)
    if missing:
        raise SignatureRefused(next(iter(missing.values())))
    if hasattr(decision, "replaced_by"):
        raise SignatureRefused("This decision has been replaced: publish the correction")
    if Publication.objects.filter(decision=decision).exists():
        raise SignatureRefused("This decision is already published")
    if decision.is_departure_towards_outsourcing and not hasattr(decision, "advice"):
        raise SignatureRefused(
            "This decision departs from the recommendation towards outsourcing: the monitoring "
            "officer must record their advice on it before it is published"
        )
    publication = Publication.objects.create(
        decision=decision,
        published_by=user,
        published_by_name=user.get_full_name() or user.get_username(),
        published_at=at,
        published_on=on,
        redaction_note=redaction_note.strip(),
        has_confidential_annex=has_confidential_annex,
        pack_html=pack_html,
        pack_pdf=pack_pdf or b"",
        pack_sha256=hashlib.sha256(pack_pdf).hexdigest() if pack_pdf else "",
        **bilingual.texts_clean(authority=decision.authority, texts=texts),
    )
    review_move(
        decision.review_id,
        ReviewState.PUBLISHED,
        by=by,
        at=at,
        note=f"decision {decision.pk} published",
    )
    audit_record(
        by=by,
        at=at,
        action="reviews.decision_publish",
        obj=publication,
        authority=decision.authority,
        after={
            "decision": decision.pk,
            "pack_sha256": publication.pack_sha256,
            "has_confidential_annex": has_confidential_annex,
            **bilingual.texts_clean(authority=decision.authority, texts=texts),
        },
        reason=redaction_note,
    )
    decision_published.send(sender=Decision, publication=publication, decision=decision, at=at)
    return publication


@transaction.atomic
def publication_pdf_attach(*, publication: Publication, pdf: bytes, by: Actor, at: datetime):
    """Keep the PDF the worker made of a published pack: written once, never replaced (the
    publication stays immutable); False if it already had one."""
    sha256 = hashlib.sha256(pdf).hexdigest()
    unmade = models.QuerySet(model=Publication).filter(pk=publication.pk, pack_sha256="")
    if not unmade.update(pack_pdf=pdf, pack_sha256=sha256):
        return False
    audit_record(
        by=by,
        at=at,
        action="reviews.decision_pack_made",
        obj=publication,
        authority=publication.decision.authority,
        after={"decision": publication.decision_id, "pack_sha256": sha256},
    )
    return True
