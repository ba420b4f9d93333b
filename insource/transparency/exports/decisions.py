"""The published decisions as open data: the query and the CSV, one row per published decision.

Only published decisions are ever exported (they have a `Publication`). The CSV follows the
register's conventions (`register/exporters/csv.py`: ISO dates, plain decimals, `true`/`false`,
formula-like text escaped); columns are only ever added at the end. No personal data beyond the
signer's name, which the published pack carries too. `insource export decisions-csv` and
`/api/public/v1/exports/decisions.csv` both stream it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from django.db.models import QuerySet

from insource.authorities.models import Authority
from insource.policy.outcomes import OUTCOMES
from insource.register.columns import authority_code
from insource.register.exporters.csv import rows_csv
from insource.reviews.models import Publication


def publications_for_export(*, authority: Authority | None = None) -> QuerySet[Publication]:
    """Every published decision (or the authority's), oldest publication first."""
    rows = Publication.objects.select_related(
        "decision", "decision__contract", "decision__authority"
    ).defer("pack_html", "pack_pdf")
    if authority is not None:
        rows = rows.filter(decision__authority=authority)
    return rows.order_by("published_at", "id")


def decision_columns(base_url: str) -> dict[str, Callable]:
    """The decisions CSV's columns; links are absolute, under `base_url`."""
    base = base_url.rstrip("/")
    return {
        "decision_id": lambda p: p.decision_id,
        "authority": lambda p: authority_code(p.decision.authority),
        "authority_name": lambda p: p.decision.authority.name,
        "contract_id": lambda p: p.decision.contract_id,
        "contract_title": lambda p: p.decision.contract.title,
        "decided_on": lambda p: p.decision.decided_on,
        "outcome": lambda p: p.decision.outcome,
        "outcome_text": lambda p: OUTCOMES.get(p.decision.outcome, ""),
        "recommended_outcome": lambda p: p.decision.recommended_outcome,
        "departs_from_recommendation": lambda p: p.decision.departs,
        "reason": lambda p: p.decision.reason,
        "signer_name": lambda p: p.decision.signer_name,
        "policy_preset": lambda p: p.decision.policy_version.get("preset", ""),
        "policy_version": lambda p: p.decision.policy_version.get("version", ""),
        "replaces_decision_id": lambda p: p.decision.replaces_id,
        "published_on": lambda p: p.published_on,
        "pack_url": lambda p: f"{base}/public/decisions/{p.decision_id}/",
        "pdf_url": lambda p: f"{base}/public/decisions/{p.decision_id}/pack.pdf",
        "trace_url": lambda p: f"{base}/public/decisions/{p.decision_id}/trace.json",
    }


def decisions_csv(publications: Iterable, *, base_url: str) -> Iterator[str]:
    """Published decisions, one row each, as CSV text chunks."""
    return rows_csv(publications, decision_columns(base_url))
