"""What the model contract pages show: rows for the generated documents and the clauses."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from insource.policy.outcomes import OUTCOMES

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def file_name(document, fmt: str) -> str:
    """`model-contract-MC-E1-5-2.docx`."""
    return f"model-contract-{document.data['document']['reference']}.{fmt}"


@dataclass
class DecisionSummary:
    """The decision a model contract is made under, in words."""

    outcome: str
    decided_on: object
    signer_name: str
    pk: int


def decision_summary(decision) -> DecisionSummary | None:
    if decision is None:
        return None
    return DecisionSummary(
        OUTCOMES.get(decision.outcome, decision.outcome),
        decision.decided_on,
        decision.signer_name,
        decision.pk,
    )


def scope_label(version) -> str:
    return _("National default") if version.authority_id is None else _("This authority's")
