"""A check CI runs: every app is built alike (ADR 0028).

An app's top-level modules and packages are named from one vocabulary of roles (models,
services, selectors, presenters, forms, views, urls…), plus the few modules named for the app's
own subject, listed below per app. An app with several areas keeps each area in a sub-package
(`reviews/decisions/`, `standards/monitoring/`), never in top-level modules named by area
(`monitoring_views.py`, `request_forms.py`): so a new module lands in a room that already exists,
and a reader finds the views of every app in the same place."""

from __future__ import annotations

from pathlib import Path

from insource.layers import LAYER_OF

ROOT = Path(__file__).resolve().parents[2]

# The roles, the same in every app. A module of a role may become a package of the same name
# when it grows (`services/`, `selectors/`, `views/`, `forms/`), with modules by area inside.
ROLES = {
    "__init__",
    "apps",
    "admin",
    "models",
    "services",
    "selectors",
    "presenters",
    "forms",
    "views",
    "urls",
    "tasks",
    "signals",
    "receivers",  # signal receivers, connected in apps.py's ready()
    "panels",  # panels the app registers on another app's page (core/panels.py)
    "access",  # the one access module (issue 14)
    "permissions",  # what a member may do, from their capabilities
    "checks",  # what the services refuse, in GOV.UK words, shared with the forms
    "notify",  # emails, sent after commit
    "charts",  # pictures as plain numbers for the SVG templates
    "cli",  # what the app's command prints
    "filters",
    "errors",
    "parameters",
    "middleware",
    "throttling",
}
PACKAGES = {"management", "migrations", "templates", "templatetags", "static", "data", "tests"}

# Modules and packages named for an app's own subject: what the app is about, not a role.
SUBJECT: dict[str, set[str]] = {
    "accounts": set(),
    # what a buyer's name says, matching names to authorities, the shipped reference lists, roles
    "authorities": {"buyer_types", "matching", "reference", "roles"},
    # the CPV list, a service's name, the pipeline picture, a contract's columns defined once
    # (ADR 0024); areas: buyer names, imports, exports, the national feeds (ADR 0030), browser
    # uploads of an authority's register (ADR 0032), the "contains" filters through each
    # database's own index (ADR 0050)
    "register": {
        "columns",
        "text_search",
        "cpv",
        "naming",
        "timeline",
        "buyer_names",
        "exporters",
        "feeds",
        "uploads",
        "importers",
        "mappings",
        "schema",
    },
    # the facts a contract gives the engine, evidence files (ADR 0007); areas: the pipeline page,
    # decisions and their pack, the workflow's pure rules, the public's comments on a draft
    "reviews": {"facts", "uploads", "pipeline", "decisions", "workflow", "comments"},
    # the pure appraisal engine, the published document format and its CSV
    "appraisal": {"engine", "document", "csv_export"},
    # postcode districts, the LM3 estimate, the spend aggregation and the report built on it
    "wealth": {"districts", "lm3", "postcodes", "report", "spend"},
    # the TUPE liability file, the pay comparison, the milestone schedule and status (pure)
    "transition": {"liability", "pay", "schedule", "status"},
    # a service's figures, measure arithmetic and KPI ratings (pure)
    "inhouse": {"figures", "measures", "ratings"},
    # areas: continuing contracts' monitoring, payroll returns and pay gaps, the model contract
    "standards": {"monitoring", "payroll", "model_contract", "notices"},
    # statutory deadlines; areas: the public portal, information requests, the decisions' open data
    "transparency": {"portal", "requests", "deadlines", "exports"},
    # the two APIs; conditional requests, pagination and the OpenAPI schema they share
    "api": {"public", "internal", "conditional", "pagination", "schema"},
    # the iCalendar document; the follower's link secrets
    "alerts": {"calendar", "tokens"},
    # a referral's target and lateness (pure)
    "legal": {"clock"},
    # the quarterly report's content (frozen when published) and where its PDF is (made by the
    # worker, published or draft: ADR 0054); a supplier's record across councils
    "oversight": {"reports", "report_pdfs", "suppliers"},
    # a place's areas, which bodies are in it and why, contracts ending together, the savings
    # estimate (pure), the report built on them and the words a resident reads (ADR 0043)
    "places": {"areas", "membership", "ending", "savings", "report", "words"},
    # the background jobs pages for the site's administrators (ADR 0054)
    "home": {"jobs"},
    # services named by CPV and category, the unit cost table, how alike two authorities are
    "national": {"catalogue", "units", "likeness"},
}

# Not laid out like the others, on purpose: the policy engine is pure Python with its own
# structure (policy/tests/test_purity.py), core is the floor's toolbox (one module per tool:
# audit, bulk, pdf, spreadsheets…), the demo is a script that builds the showcase, and
# `insource/testing/` is the tests' shared support (factories and builders), not an app.
NOT_APPS_ALIKE = {"policy", "core", "demo", "testing"}

# Apps being reorganised now (issue 14): checked once their sub-packages have landed. This list
# only shrinks.
BEING_REORGANISED: set[str] = set()


def apps_alike(root: Path = ROOT) -> list[str]:
    return sorted(
        app
        for app in LAYER_OF
        if (root / app / "__init__.py").exists()
        and app not in NOT_APPS_ALIKE
        and app not in BEING_REORGANISED
    )


def strays(app: str, root: Path = ROOT) -> list[str]:
    """The app's top-level modules and packages named neither for a role nor for its subject."""
    allowed = ROLES | PACKAGES | SUBJECT.get(app, set())  # a new app starts with the roles only
    found = []
    for path in sorted((root / app).iterdir()):
        if path.suffix == ".py":
            name = path.stem
        elif path.is_dir() and path.name != "__pycache__":
            name = path.name
        else:
            continue  # data files beside the code: at_risk_cpv.yaml, appraisal.schema.json
        if name not in allowed:
            found.append(f"{app}/{path.name}")
    return found


def test_every_app_is_built_alike():
    found = [stray for app in apps_alike() for stray in strays(app)]
    assert found == [], (
        "name it from the vocabulary (a role, or a sub-package for an area of the app); "
        "if it is the app's own subject, add it to SUBJECT with a reason: " + "; ".join(found)
    )


def test_apps_being_reorganised_still_are():
    done = sorted(app for app in BEING_REORGANISED if not strays(app))
    assert done == [], "built alike now: take these off BEING_REORGANISED"


def test_the_lists_name_apps_on_the_map():
    assert set(SUBJECT) <= set(LAYER_OF) and BEING_REORGANISED <= set(SUBJECT)


def test_the_check_catches_a_module_named_by_area(tmp_path):
    (tmp_path / "reviews").mkdir()
    for name in ("__init__.py", "views.py", "decision_views.py", "facts.py", "notes.txt"):
        (tmp_path / "reviews" / name).write_text("", encoding="utf-8")
    (tmp_path / "reviews" / "decisions").mkdir()
    (tmp_path / "reviews" / "odds").mkdir()
    assert strays("reviews", tmp_path) == ["reviews/decision_views.py", "reviews/odds"]
