"""Builders for sharing's tests: an appraisal shared as a template by one council, started
from by another's review; a clause version shared and reused."""

from __future__ import annotations

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.sharing.services import (
    appraisal_from_template,
    appraisal_publish,
    clause_from_template,
    clause_publish,
)
from insource.standards.model_contract.selectors import clause_current
from insource.standards.model_contract.services import clause_library_seed, clause_save, clause_text
from insource.testing import appraisal as builders
from insource.testing.workflow import NOW, TODAY


def shared_appraisal(code="SHA", *, confirm_all=True, title="Refuse collection, 5 years"):
    """(authority, people, template): a council's review appraised from the shipped sample and
    shared as a template (every line's notes confirmed unless `confirm_all` is False)."""
    authority, people, review = builders.reviewed(code)
    officer = builders.officer_of(people)
    appraisal = builders.appraisal_with_sample(review, officer)
    confirmed = set(appraisal.lines.values_list("pk", flat=True)) if confirm_all else set()
    template = appraisal_publish(
        appraisal=appraisal,
        title=title,
        confirmed=confirmed,
        user=officer,
        on=TODAY,
        by=Actor.for_user(officer),
        at=NOW,
    )
    return authority, people, template


def reused(template, code="REU"):
    """(authority, people, review, appraisal): another council's review started from it."""
    authority, people, review = builders.reviewed(code)
    officer = builders.officer_of(people)
    appraisal = appraisal_from_template(
        template=template, review=review, user=officer, on=TODAY, by=Actor.for_user(officer), at=NOW
    )
    return authority, people, review, appraisal


def own_clause(authority, people, key="fair_wage", body_extra=" Shared for reuse."):
    """The authority's own version of a clause (a legal officer's edit of the national one)."""
    clause_library_seed(at=NOW)
    legal = people[Role.LEGAL_OFFICER]
    current = clause_current(authority=authority, key=key)
    return clause_save(
        authority=authority,
        text=clause_text(current, body=current.body + body_extra),
        reason="Our wording",
        user=legal,
        by=Actor.for_user(legal),
        at=NOW,
    )


def shared_clause(authority, people, version, division="90"):
    legal = people[Role.LEGAL_OFFICER]
    return clause_publish(
        version=version,
        authority=authority,
        cpv_division=division,
        user=legal,
        by=Actor.for_user(legal),
        at=NOW,
    )


def clause_reused(template, authority, people):
    legal = people[Role.LEGAL_OFFICER]
    return clause_from_template(
        template=template, authority=authority, user=legal, by=Actor.for_user(legal), at=NOW
    )
