"""Writes of the options appraisal, each atomic and audited (`appraisal_*`).

Every write to the draft states the appraisal version it read (optimistic locking, as the
review does) and is refused once the review has a signed decision. A run stores the document
exactly as run with its seed, draws, results and their SHA-256, and hands its figures to the
review (`review_appraisal_record`), which re-evaluates so criterion T4 takes them at once.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

from django.db import transaction
from django.db.models import F, Max

from insource.appraisal.document import document_of, header_of_document, lines_of_document
from insource.appraisal.engine import AppraisalInputError, InputProblem, appraise_document
from insource.appraisal.engine.inputs import build_model
from insource.appraisal.engine.parameters import appraisal_parameters
from insource.appraisal.engine.schema import validate
from insource.appraisal.models import Appraisal, AppraisalRun, CostLine
from insource.appraisal.selectors import run_answers
from insource.core.audit import Actor, audit_record
from insource.reviews.models import Review
from insource.reviews.services.evaluation import review_appraisal_record
from insource.reviews.services.states import edit_refusal


class AppraisalRefused(Exception):
    """The write cannot be made: the message says why and what to do."""


def _claim(appraisal: Appraisal, version: int) -> None:
    refusal = edit_refusal(Review.objects.get(pk=appraisal.review_id))
    if refusal:
        raise AppraisalRefused(refusal)
    taken = Appraisal.objects.filter(pk=appraisal.pk, version=version).update(
        version=F("version") + 1
    )
    if not taken:
        raise AppraisalRefused(
            "Someone else changed this appraisal while you were editing it. Nothing has been "
            "saved: check their changes, then save yours again."
        )
    appraisal.version = version + 1


def _audit(appraisal, action: str, *, by: Actor, at: datetime, obj=None, **kw) -> None:
    audit_record(
        by=by,
        at=at,
        action=f"appraisal.{action}",
        obj=obj or appraisal,
        authority=appraisal.authority,
        **kw,
    )


PLACEHOLDER = {"id": "none-yet", "category": "other", "label": "-", "source": "-", "amount_gbp": 0}


def document_check(doc: dict, *, on: date, draft: bool = False) -> None:
    """Raise AppraisalInputError unless the document can be appraised (schema and model). A
    draft may still lack the in-house or the outsourced option: only what is there is checked."""
    if draft:
        missing = {k: {"lines": [PLACEHOLDER]} for k in ("inhouse", "outsourced")}
        doc = doc | {"options": missing | doc["options"]}
    validate(doc)
    build_model(doc, appraisal_parameters(on))


@transaction.atomic
def appraisal_start(*, review: Review, term_years: int, by: Actor, at: datetime) -> Appraisal:
    """Start the review's appraisal (idempotent: the existing one if there is one)."""
    if edit_refusal(review):
        raise AppraisalRefused(edit_refusal(review))
    appraisal, created = Appraisal.objects.get_or_create(
        review=review,
        defaults={
            "authority": review.authority,
            "title": (review.contract.title or review.contract.source_key)[:300],
            "term_years": term_years,
            "created_at": at,
            "updated_at": at,
        },
    )
    if created:
        _audit(appraisal, "start", by=by, at=at, after={"review": review.pk})
    return appraisal


@transaction.atomic
def appraisal_settings_save(
    *, appraisal: Appraisal, fields: dict, version: int, on: date, by: Actor, at: datetime
) -> None:
    """Change the title, the appraisal period, the price base or general inflation."""
    _claim(appraisal, version)
    before = {k: getattr(appraisal, k) for k in fields}
    for key, value in fields.items():
        setattr(appraisal, key, value)
    lines = list(appraisal.lines.all())
    if lines:
        document_check(document_of(appraisal, lines, on=on), on=on, draft=True)
    appraisal.updated_at = at
    appraisal.save()
    _audit(appraisal, "settings_save", by=by, at=at, before=before, after=fields)


def _position(appraisal: Appraisal, option: str) -> int:
    top = appraisal.lines.filter(option=option).aggregate(top=Max("position"))["top"]
    return (top or 0) + 1


@transaction.atomic
def appraisal_line_save(
    *,
    appraisal: Appraisal,
    option: str,
    spec: dict,
    version: int,
    on: date,
    by: Actor,
    at: datetime,
    line: CostLine | None = None,
) -> CostLine:
    """Add a cost line to an option, or change one; the whole appraisal must still be valid."""
    _claim(appraisal, version)
    before = line.spec if line is not None else None
    if line is None:
        line = CostLine(appraisal=appraisal, option=option, position=_position(appraisal, option))
    line.key, line.category, line.label, line.spec = (
        spec["id"],
        spec["category"],
        spec["label"],
        spec,
    )
    others = [ln for ln in appraisal.lines.all() if ln.pk != line.pk]
    document_check(document_of(appraisal, [*others, line], on=on), on=on, draft=True)
    line.save()
    _audit(appraisal, "line_save", by=by, at=at, obj=line, before=before, after=spec)
    return line


@transaction.atomic
def appraisal_line_remove(
    *, appraisal: Appraisal, line: CostLine, version: int, on: date, by: Actor, at: datetime
) -> None:
    """Remove a cost line, unless another line is a percentage of it."""
    _claim(appraisal, version)
    users = [
        ln.label
        for ln in appraisal.lines.filter(option=line.option).exclude(pk=line.pk)
        if line.key in ln.spec.get("percent_of", [])
    ]
    if users:
        raise AppraisalRefused(
            f"{', '.join(users)} is a percentage of this line: change or remove it first"
        )
    spec = line.spec
    line.delete()
    _audit(appraisal, "line_remove", by=by, at=at, before=spec)


@transaction.atomic
def appraisal_load(
    *, appraisal: Appraisal, document: dict, version: int, on: date, by: Actor, at: datetime
) -> int:
    """Replace the settings and every cost line with those of a document; returns the lines."""
    _claim(appraisal, version)
    document_check(document | {"appraisal_on": on.isoformat()}, on=on)
    appraisal.lines.all().delete()
    for key, value in header_of_document(document).items():
        setattr(appraisal, key, value)
    appraisal.updated_at = at
    appraisal.save()
    rows = [
        CostLine(
            appraisal=appraisal,
            option=option,
            position=position,
            key=spec["id"],
            category=spec["category"],
            label=spec["label"],
            spec=spec,
        )
        for option, position, spec in lines_of_document(document)
    ]
    CostLine.objects.bulk_create(rows)
    _audit(appraisal, "load", by=by, at=at, after={"lines": len(rows), "title": appraisal.title})
    return len(rows)


def run_hash(document: dict, seed: int, draws: int, results: dict) -> str:
    """SHA-256 of the run's canonical JSON (sorted keys, no spaces)."""
    body = {"document": document, "seed": seed, "draws": draws, "results": results}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@transaction.atomic
def appraisal_run(
    *, appraisal: Appraisal, draws: int, seed: int, user, on: date, by: Actor, at: datetime
) -> AppraisalRun:
    """Run the appraisal as it stands; keep the run; hand its figures to the review, which
    re-evaluates (criterion T4)."""
    review = Review.objects.select_for_update().get(pk=appraisal.review_id)
    if edit_refusal(review):
        raise AppraisalRefused(edit_refusal(review))
    if not {"inhouse", "outsourced"} <= set(appraisal.lines.values_list("option", flat=True)):
        raise AppraisalInputError(
            [
                InputProblem(
                    "options",
                    "the in-house and the outsourced options each need a cost line",
                    "add at least one line to each",
                )
            ]
        )
    document = document_of(appraisal, list(appraisal.lines.all()), on=on)
    results = appraise_document(document, draws=draws, seed=seed)
    number = (appraisal.runs.aggregate(top=Max("number"))["top"] or 0) + 1
    run = AppraisalRun.objects.create(
        appraisal=appraisal,
        authority=appraisal.authority,
        number=number,
        document=document,
        seed=seed,
        draws=draws,
        results=results,
        sha256=run_hash(document, seed, draws, results),
        run_by=user,
        run_by_name=user.get_full_name() or user.get_username(),
        run_at=at,
    )
    review_appraisal_record(review=review, answers=run_answers(run), on=on, at=at)
    summary = {k: results[k] for k in ("options", "difference", "p10", "p50", "p90")}
    _audit(
        appraisal,
        "run",
        by=by,
        at=at,
        obj=run,
        after=summary
        | {
            "p_inhouse_cheaper": results["p_inhouse_cheaper"],
            "sha256": run.sha256,
            "run": number,
        },
    )
    return run
