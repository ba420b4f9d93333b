"""Panels by registration (`insource/core/panels.py`, ADR 0024): a host page collects its slots'
panels in its view, and templates and template tags never query.

- every registered panel, rendered on its host page, runs no query while it renders;
- a template tag module imports no model, selector or service (it formats, nothing else);
- a template loads no tag library, and includes no template, of an app above its own on the
  map (`insource/layers.py`).
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from insource.core import panels
from insource.core.templatetags import panels as panels_tags
from insource.layers import LAYER_OF, may_import

ROOT = Path(__file__).resolve().parents[2]


# The registry itself -------------------------------------------------------------------------


def test_a_slot_shows_its_panels_in_order_and_leaves_out_those_with_nothing_to_show():
    with mock.patch.dict(panels._REGISTRY, {"portal.authority": {}}):
        panels.register(
            "portal.authority", name="b", template="b.html", context=lambda **o: {}, order=2
        )
        panels.register(
            "portal.authority", name="a", template="a.html", context=lambda **o: {}, order=1
        )
        panels.register(
            "portal.authority", name="c", template="c.html", context=lambda **o: None, order=0
        )
        shown = panels.collect("portal.authority", authority=object(), on=None)
    assert [s.name for s in shown] == ["a", "b"]


def test_a_panel_for_an_unknown_slot_or_a_host_passing_other_objects_is_refused():
    with pytest.raises(ValueError, match="no slot"):
        panels.register("nowhere", name="x", template="x.html", context=dict, order=1)
    with pytest.raises(TypeError, match="takes"):
        panels.collect("portal.authority", authority=object())


def test_every_app_that_shows_a_panel_registered_it_on_start():
    names = {slot: [p.name for p in panels.registered(slot)] for slot in panels.SLOTS}
    assert names == {
        "review.page": ["wealth.contract", "legal.review", "oversight.incumbent"],
        "review.decision": ["transition.review"],
        "decision.pack": ["appraisal.pack", "sharing.pack"],
        "contract.detail": [
            "reviews.contract",
            "standards.contract",
            "transparency.contractor",
            "legal.contract",
        ],
        "portal.authority": [
            "alerts.authority",
            "wealth.authority",
            "inhouse.authority",
            "national.councils-like-us",
            "oversight.audit-reports",
        ],
        "portal.contract": [
            "alerts.contract",
            "inhouse.contract",
            "oversight.suppliers",
            "transparency.contractor",
        ],
        "portal.decision": ["transition.public"],
        "appraisal.page": ["sharing.appraisal"],
        "clause.page": ["sharing.clause"],
        "clauses.page": ["sharing.clauses"],
    }


# No panel queries while it renders -----------------------------------------------------------


def _decided_in_house_and_published():
    """A review with its appraisal run, decided in house (so a transition plan), published;
    its contract has a KPI; its appraisal started from another council's template. Every
    registered panel has something to show for it."""
    from insource.core.audit import Actor
    from insource.reviews.decisions.pack import pack_html
    from insource.reviews.services.decisions import decision_publish, decision_sign
    from insource.reviews.services.editing import review_submit
    from insource.testing import appraisal as builders
    from insource.testing.inhouse import kpi
    from insource.testing.sharing import reused, shared_appraisal
    from insource.testing.workflow import NOW, TODAY

    authority, people, review, appraisal = reused(shared_appraisal("SHR")[2], "APR")
    officer, maker = builders.officer_of(people), people["decision-maker"]
    builders.run(appraisal, officer, draws=200)
    review.refresh_from_db()
    system = Actor.system("tests")
    review_submit(
        review=review, decision_maker=maker, version=review.version, on=TODAY, by=system, at=NOW
    )
    review.refresh_from_db()
    decision = decision_sign(
        review=review,
        signer=maker,
        outcome="INSOURCE_STATUTORY_PRESUMPTION",
        reason="",
        version=review.version,
        on=TODAY,
        by=Actor.for_user(maker),
        at=NOW,
    )
    kpi(authority, contract=review.contract)
    legal = people["legal-officer"]
    decision_publish(
        decision=decision,
        user=legal,
        redaction_note="No personal data",
        has_confidential_annex=False,
        pack_html=pack_html(decision, publisher_name="Lee Legal", published_on=TODAY),
        pack_pdf=b"%PDF",
        on=TODAY,
        by=Actor.for_user(legal),
        at=NOW,
    )
    _forwarded_to_the_contractor(authority, review.contract)
    _a_council_like_it(authority)
    return authority, people, review, decision


def _a_council_like_it(authority):
    """A population, and another county council of the same size (Councils like us, issue 20)."""
    from insource.testing.factories import AuthorityFactory

    authority.population, authority.la_type = 500_000, "CTY"
    authority.save(update_fields=["population", "la_type"])
    AuthorityFactory(
        code="LIK", name="Like County Council", kind=authority.kind, nation=authority.nation,
        la_type="CTY", population=520_000,
    )  # fmt: skip


def _forwarded_to_the_contractor(authority, contract):
    """A request about the contract, a part of it forwarded to its contractor (issue 19)."""
    from insource.testing.contractors import forward
    from insource.testing.information_requests import confirmed

    forward(confirmed(authority, contract=contract))


@pytest.mark.django_db
def test_no_panel_runs_a_query_while_its_host_page_renders(client, officer_login):
    from insource.reviews.decisions.pack import pack_html

    rendered: list[tuple[str, int]] = []
    render = panels_tags.render_panel

    def counting(context, panel):
        with CaptureQueriesContext(connection) as queries:
            html = render(context, panel)
        rendered.append((panel.name, len(queries)))
        return html

    from insource.oversight.models import AuditReport
    from insource.testing import TEST_NOW, TEST_TODAY
    from insource.testing.factories import SupplierFactory

    authority, people, review, decision = _decided_in_house_and_published()
    officer_login(client, people["review-officer"])
    contract = review.contract
    # every panel has something to show: the incumbent's record, a published committee report
    contract.suppliers.add(SupplierFactory(name="Incumbent Ltd", company_number="01234567"))
    from insource.oversight.reports import report_content

    AuditReport.objects.create(
        authority=authority,
        quarter="2026-Q3",
        content=report_content(authority, "2026-Q3", on=TEST_TODAY),
        published_by=people["auditor"],
        published_at=TEST_NOW,
    )
    pages = [
        reverse("reviews:review", args=[authority.code, review.pk]),
        reverse("register:contract-detail", args=[contract.pk]),
        reverse("portal:authority", args=[authority.public_slug]),
        reverse("portal:contract", args=[contract.pk]),
    ]
    pages.append(reverse("appraisal:page", args=[authority.code, review.pk]))
    # the clause pages, for a legal officer (who may share its own version of a clause)
    from insource.testing.sharing import own_clause

    key = own_clause(authority, people).key
    clause_pages = [
        reverse("standards:clause", args=[authority.code, key]),
        reverse("standards:clauses", args=[authority.code]),
    ]
    with mock.patch.object(panels_tags, "render_panel", counting):
        for url in pages:
            assert client.get(url).status_code == 200, url
        pack_html(decision, publisher_name="Lee Legal", published_on=decision.decided_on)
        client.logout()
        officer_login(client, people["legal-officer"])
        for url in clause_pages:
            assert client.get(url).status_code == 200, url
    every = {p.name for slot in panels.SLOTS for p in panels.registered(slot)}
    assert {name for name, _ in rendered} == every
    assert [(name, n) for name, n in rendered if n] == [], "queries while rendering a panel"


# Template tags format; templates follow the map ----------------------------------------------

# Besides Django's template and text tools, three pure formatters a tag may call: the plain-words
# catalogue (ADR 0034: a code to its words), dates in words (`core.dates`) and a contract's name
# for people (`register.naming`, from the contract's own fields). None reads the database.
ALLOWED_IN_TAGS = (
    "django.template",
    "django.utils",
    "insource.core.dates",
    "insource.core.plain_words",
    "insource.register.naming",
)


def tag_module_imports(path: Path) -> list[str]:
    """Every module a template tag module imports that a formatter has no use for."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []  # (module, what is imported)
        if isinstance(node, ast.Import):
            names = [(alias.name, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            names = [(module, f"{module}.{alias.name}") for alias in node.names]
        for module, name in names:
            top = module.split(".")[0]
            if top in sys.stdlib_module_names or name.startswith(ALLOWED_IN_TAGS):
                continue
            found.append(module)
    return found


def test_template_tags_import_no_model_selector_or_service():
    offending = {
        path.relative_to(ROOT).as_posix(): tag_module_imports(path)
        for path in ROOT.glob("*/templatetags/*.py")
    }
    offending = {path: names for path, names in offending.items() if names}
    assert offending == {}, "a template tag formats; register a panel for anything it reads"


def test_the_check_catches_a_tag_module_that_reads(tmp_path):
    module = tmp_path / "tags.py"
    module.write_text(
        "from decimal import Decimal\nfrom django import template\n"
        "from django.utils.safestring import mark_safe\n"
        "from insource.wealth.report import contract_wealth\nfrom .selectors import x\n",
        encoding="utf-8",
    )
    assert tag_module_imports(module) == ["insource.wealth.report", ".selectors"]


LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
INCLUDE = re.compile(r"""{%\s*(?:include|extends)\s+["']([a-z_]+)/""")


def tag_libraries() -> dict[str, str]:
    """Each of the project's tag libraries -> the app it belongs to."""
    return {path.stem: path.parts[-3] for path in ROOT.glob("*/templatetags/*.py")}


def template_offences(root: Path = ROOT) -> list[str]:
    """'template -> app' for each template loading a tag library of, or including a template
    of, an app above its own on the map."""
    libraries = tag_libraries()
    found = []
    for path in sorted(root.glob("*/templates/**/*.html")):
        relative = path.relative_to(root)
        app, text = relative.parts[0], path.read_text(encoding="utf-8")
        loaded = [
            libraries[name]
            for names in LOAD.findall(text)
            for name in names.split()
            if name in libraries
        ]
        included = [other for other in INCLUDE.findall(text) if other in LAYER_OF]
        for other in sorted(set(loaded + included)):
            if not may_import(app, other):
                found.append(f"{relative.as_posix()} -> {other}")
    return found


def test_templates_load_no_tag_library_and_include_no_template_of_an_app_above_their_own():
    assert template_offences() == [], "register a panel instead (insource/core/panels.py)"


def test_the_check_catches_a_template_loading_a_library_from_above(tmp_path):
    page = tmp_path / "register" / "templates" / "register" / "page.html"
    page.parent.mkdir(parents=True)
    page.write_text("{% load i18n inhouse %}{{ x|measure }}", encoding="utf-8")
    assert template_offences(tmp_path) == ["register/templates/register/page.html -> inhouse"]
