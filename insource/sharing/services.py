"""Writes of sharing work, each atomic and audited (ADR 0045): publishing an appraisal or a
clause version as a template, withdrawing one, and starting an appraisal or a clause from one.

Publishing copies only what may be shared (`checks.py`: figures and codes as they are, free
text confirmed by the officer and screened for personal data). Starting from a template goes
through the appraisal's and the model contract's own services, so every check they make still
holds, then records the reuse that the copy's pages credit and the national view counts.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils.translation import gettext as _

from insource.appraisal.document import document_of
from insource.appraisal.models import Appraisal
from insource.appraisal.presenters import CATEGORY_LABELS
from insource.appraisal.services import AppraisalRefused, appraisal_load, appraisal_start
from insource.authorities.models import Authority
from insource.core.audit import Actor, audit_record
from insource.core.dates import long_date
from insource.reviews.models import Review
from insource.sharing.checks import clean_line, personal_data_in
from insource.sharing.models import Kind, SharedTemplate, TemplateReuse
from insource.standards.model_contract.library import FIELDS, ClauseText
from insource.standards.model_contract.models import ClauseVersion
from insource.standards.model_contract.services import ClauseInvalid, clause_save


class SharingRefused(Exception):
    """The write cannot be made: `problems` maps a form field ("" for the whole form) to what
    is wrong and what to do; nothing was saved."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("; ".join(problems.values()))


def _title_checked(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise SharingRefused({"title": _("Enter a title for the template")})
    if personal_data_in(title):
        raise SharingRefused(
            {
                "title": _(
                    "The title seems to hold personal data: write it without names or contacts"
                )
            }
        )
    return title[:200]


def _division(review: Review) -> str:
    cpv = review.contract.main_cpv or ""
    return cpv[:2] if cpv[:2].isdigit() else ""


def _appraisal_content(appraisal: Appraisal, confirmed: set[int], on: date):
    lines = list(appraisal.lines.all())
    if not {"inhouse", "outsourced"} <= {ln.option for ln in lines}:
        raise SharingRefused(
            {"": _("Add cost lines to the in-house and the outsourced options before sharing")}
        )
    doc, withheld = document_of(appraisal, [], on=on), []
    for line in lines:
        words = str(CATEGORY_LABELS.get(line.category, line.category))
        line.spec, held = clean_line(line.spec, confirmed=line.pk in confirmed, label_words=words)
        withheld += [h | {"option": line.option} for h in held]
    options = document_of(appraisal, lines, on=on)["options"]
    content = {k: v for k, v in doc.items() if k not in ("title", "appraisal_on", "options")}
    found = personal_data_in(content.get("price_base", ""))
    if found:
        content.pop("price_base")
        withheld.append({"line": "", "field": "price_base", "why": found, "option": ""})
    return content | {"options": options}, withheld


@transaction.atomic
def appraisal_publish(
    *, appraisal: Appraisal, title: str, confirmed: set[int], user, on: date, by: Actor, at
) -> SharedTemplate:
    """Publish the appraisal's cost lines as a template (what may not be shared, held back)."""
    title = _title_checked(title)
    content, withheld = _appraisal_content(appraisal, set(confirmed), on)
    template = SharedTemplate.objects.create(
        kind=Kind.APPRAISAL,
        authority=appraisal.authority,
        title=title,
        cpv_division=_division(appraisal.review),
        content=content,
        withheld=withheld,
        source_appraisal=appraisal,
        published_by=user,
        published_at=at,
    )
    _audit(template, "publish", by=by, at=at, after=_summary(template))
    return template


@transaction.atomic
def clause_publish(
    *, version: ClauseVersion, authority: Authority, cpv_division: str, user, by: Actor, at
) -> SharedTemplate:
    """Publish one of the authority's own clause versions as a template."""
    if version.authority_id != authority.pk:
        raise SharingRefused({"": _("Only your authority's own clause versions can be shared")})
    for field in ("title", "body"):
        if personal_data_in(getattr(version, field)):
            raise SharingRefused(
                {
                    "confirm": _(
                        "The clause seems to hold personal data: save a version without "
                        "names or contacts, then share that"
                    )
                }
            )
    template = SharedTemplate.objects.create(
        kind=Kind.CLAUSE,
        authority=authority,
        title=version.title[:200],
        cpv_division=cpv_division,
        content={f: getattr(version, f) for f in FIELDS},
        source_clause=version,
        published_by=user,
        published_at=at,
    )
    _audit(template, "publish", by=by, at=at, after=_summary(template))
    return template


@transaction.atomic
def template_withdraw(*, template: SharedTemplate, authority: Authority, by: Actor, at) -> None:
    """Take the authority's template off the library; what started from it keeps its credit."""
    template = SharedTemplate.objects.select_for_update().get(pk=template.pk)
    if template.authority_id != authority.pk:
        raise SharingRefused(
            {"": _("Only the authority that published a template can withdraw it")}
        )
    if template.withdrawn_at is None:
        template.withdrawn_at = at
        template.save(update_fields=["withdrawn_at"])
        _audit(template, "withdraw", by=by, at=at, after={"withdrawn_at": at.isoformat()})


def _live(template: SharedTemplate | None, kind: str) -> SharedTemplate:
    if template is not None:
        template = SharedTemplate.objects.select_for_update().filter(pk=template.pk).first()
    if template is None or template.kind != kind or template.withdrawn_at is not None:
        raise SharingRefused({"template": _("Choose a template from the list")})
    return template


@transaction.atomic
def appraisal_from_template(
    *, template: SharedTemplate | None, review: Review, user, on: date, by: Actor, at: datetime
) -> Appraisal:
    """Start the review's appraisal from an appraisal template, crediting its source."""
    template = _live(template, Kind.APPRAISAL)
    try:
        appraisal = appraisal_start(review=review, term_years=5, by=by, at=at)
        if appraisal.lines.exists():
            raise SharingRefused(
                {
                    "": _(
                        "This review's appraisal already has cost lines: a template can "
                        "only start an appraisal that has none"
                    )
                }
            )
        doc = template.content | {"version": 1, "title": appraisal.title}
        appraisal_load(
            appraisal=appraisal, document=doc, version=appraisal.version, on=on, by=by, at=at
        )
    except AppraisalRefused as error:
        raise SharingRefused({"": str(error)}) from None
    reuse = TemplateReuse.objects.create(
        template=template,
        authority=review.authority,
        appraisal=appraisal,
        reused_by=user,
        reused_at=at,
    )
    _reused(reuse, by=by, at=at)
    return appraisal


def credit_words(template: SharedTemplate) -> str:
    """The credit a copy keeps in its own record: whose template, published when."""
    return (
        f"Started from the template “{template.title}” shared by {template.authority.name} "
        f"on {long_date(template.published_at.date())}"
    )


@transaction.atomic
def clause_from_template(
    *, template: SharedTemplate | None, authority: Authority, user, by: Actor, at: datetime
) -> ClauseVersion:
    """Save the template's clause as the authority's own version of it (a new clause when the
    authority's library has no clause of that key), crediting its source in the reason."""
    template = _live(template, Kind.CLAUSE)
    text = ClauseText(**{f: template.content[f] for f in FIELDS})
    try:
        version = clause_save(
            authority=authority, text=text, reason=credit_words(template), user=user, by=by, at=at
        )
    except ClauseInvalid as invalid:
        raise SharingRefused({"template": " ".join(invalid.problems.values())}) from None
    reuse = TemplateReuse.objects.create(
        template=template,
        authority=authority,
        clause_version=version,
        reused_by=user,
        reused_at=at,
    )
    _reused(reuse, by=by, at=at)
    return version


def _summary(template: SharedTemplate) -> dict:
    return {
        "kind": template.kind,
        "title": template.title,
        "cpv_division": template.cpv_division,
        "withheld": len(template.withheld),
    }


def _audit(template: SharedTemplate, action: str, *, by: Actor, at, after: dict) -> None:
    audit_record(
        by=by,
        at=at,
        action=f"sharing.template_{action}",
        obj=template,
        authority=template.authority,
        after=after,
    )


def _reused(reuse: TemplateReuse, *, by: Actor, at) -> None:
    audit_record(
        by=by,
        at=at,
        action="sharing.template_reuse",
        obj=reuse,
        authority=reuse.authority,
        after={
            "template": reuse.template_id,
            "from": reuse.template.authority.code,
            "appraisal": reuse.appraisal_id,
            "clause_version": reuse.clause_version_id,
        },
    )
