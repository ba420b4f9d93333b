"""A demo-like public world for the plain-words scan (issue 18): an adopting council with
contracts named and unnamed (imported under `cf-flat:` keys), decisions of several outcomes
published with their real packs, and the visible text of a page as a resident reads it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from html.parser import HTMLParser

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.reviews.decisions.pack import pack_html
from insource.reviews.services.decisions import decision_publish
from insource.testing import factories as f
from insource.testing.workflow import (
    DECIDED_FACTS,
    NOT_AT_RISK,
    NOW,
    TODAY,
    council,
    decided_review,
    outsourcing_decision,
    refuse_contract,
    team,
)

SYSTEM = Actor.system("tests")


@dataclass
class PublicWorld:
    authority: object
    contracts: dict
    decisions: dict


def _publish(decision, legal) -> None:
    html = pack_html(decision, publisher_name=legal.get_full_name(), published_on=TODAY)
    decision_publish(
        decision=decision,
        user=legal,
        redaction_note="None needed",
        has_confidential_annex=False,
        pack_html=html,
        pack_pdf=b"%PDF-1.7",
        on=TODAY,
        by=SYSTEM,
        at=NOW + timedelta(minutes=5),
    )


def build_public_world() -> PublicWorld:
    """Three decisions published: in house (statutory presumption) for a titled contract; goods
    (not a contract the policy covers) and a capacity good reason for contracts published with
    no title, known only by their import keys."""
    authority = council(
        key="la:LEC", code="LEC", name="Leicestershire County Council", nice_name="Leicestershire"
    )
    people = team(authority)
    supplier = f.SupplierFactory(name="Calor Gas Ltd")
    contracts = {
        "refuse": refuse_contract(authority, suppliers=[f.SupplierFactory(name="Biffa Ltd")]),
        "gas": refuse_contract(
            authority,
            title="",
            main_cpv="09122000",
            nature="goods",
            value_amount=Decimal("400000.00"),
            source_key="cf-flat:0b992c61-5f0e-4b7a-9d0b-1c2d3e4f5a6b",
            ocid="ocds-b5fd17-0b992c61",
            supplier_names="Calor Gas Ltd",
            suppliers=[supplier],
        ),
        "parks": refuse_contract(
            authority,
            title="",
            main_cpv="77313000",
            source_key="cf-flat:7c1e2d3f-0000-4b7a-9d0b-1c2d3e4f5a6b",
            ocid="ocds-b5fd17-7c1e2d3f",
            supplier_names="Idverde Ltd",
        ),
    }
    goods = DECIDED_FACTS | {
        "contract": {"contract.counterparty": "private", "contract.nature": "goods"},
        "at-risk": NOT_AT_RISK,
    }
    decisions = {
        "in-house": decided_review(authority, people, contracts["refuse"]),
        "goods": decided_review(
            authority, people, contracts["gas"], facts=goods, outcome="EXEMPT_NOT_RELEVANT_CONTRACT"
        ),
        "capacity": outsourcing_decision(authority, people, contracts["parks"]),
    }
    for decision in decisions.values():
        _publish(decision, people[Role.LEGAL_OFFICER])
    return PublicWorld(authority, contracts, decisions)


class _VisibleText(HTMLParser):
    """The text a person sees: no scripts, styles or templates, nothing hidden from everyone
    (`hidden`), and no machine-readable element (`data-machine-readable`)."""

    SKIP = {"script", "style", "template", "noscript"}
    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[bool] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        names = {k for k, _v in attrs}
        skip = tag in self.SKIP or "hidden" in names or "data-machine-readable" in names
        self.stack.append(skip or bool(self.stack and self.stack[-1]))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())
