"""Sharing's panels (ADR 0024), registered in `SharingConfig.ready()`: on the appraisal page
and a clause's page, the credit of the template they started from and the links to share or to
start from a template; on the clause library, the link to start a clause from a template; in
the decision pack, the credit of the appraisal's template."""

from __future__ import annotations

from insource.core import panels
from insource.sharing import presenters, selectors


def appraisal_panel(*, review, appraisal, can: dict) -> dict | None:
    """The appraisal's credit; sharing it (once it has lines); starting it from a template."""
    has_lines = appraisal is not None and appraisal.lines.exists()
    context = {
        "code": review.authority.code,
        "review": review,
        "credit": presenters.credit(selectors.reuse_of_appraisal(appraisal)),
        "can_share": has_lines and bool(can.get("publish_templates")),
        "can_start": not has_lines and bool(can.get("edit_review")),
    }
    return context if context["credit"] or context["can_share"] or context["can_start"] else None


def clause_panel(*, version, can: dict) -> dict | None:
    """The clause's credit, and the link to share the authority's own version."""
    if version.authority_id is None:
        return None
    reuse = selectors.reuse_of_clause(authority=version.authority, key=version.key)
    context = {
        "code": version.authority.code,
        "version": version,
        "credit": presenters.credit(reuse),
        "can_share": bool(can.get("edit_clauses")),
    }
    return context if context["credit"] or context["can_share"] else None


def clauses_panel(*, authority, can: dict) -> dict | None:
    """The link to start a clause from another authority's template."""
    return {"code": authority.code} if can.get("edit_clauses") else None


def pack_panel(*, decision, for_pdf: bool) -> dict | None:
    """The decision pack's credit of the template its appraisal started from."""
    found = presenters.credit(selectors.reuse_of_review(decision.review_id))
    return {"credit": found, "for_pdf": for_pdf} if found else None


def register_panels() -> None:
    panels.register(
        "appraisal.page",
        name="sharing.appraisal",
        template="sharing/panel_appraisal.html",
        context=appraisal_panel,
        order=10,
    )
    panels.register(
        "clause.page",
        name="sharing.clause",
        template="sharing/panel_clause.html",
        context=clause_panel,
        order=10,
    )
    panels.register(
        "clauses.page",
        name="sharing.clauses",
        template="sharing/panel_clauses.html",
        context=clauses_panel,
        order=10,
    )
    panels.register(
        "decision.pack",
        name="sharing.pack",
        template="sharing/panel_pack.html",
        context=pack_panel,
        order=20,
    )
