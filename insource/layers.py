"""The map of the house: which app may import which (docs/architecture.md draws it).

Apps are listed in layers, from the floor up. Code in an app may import any app in a **lower**
layer and never one in its own layer or above, at module level or inside a function; so data
flows one way and there is no loop between apps. `core/tests/test_app_direction.py` reads this
map and fails on any import against it.

When something low needs to hand work upward (a decision signed starts a transition plan; a plan
going live starts the in-house service), the low app sends a signal and the high app connects a
receiver in its `AppConfig.ready()`. When a page shows a panel from a higher app, the higher app
registers the panel (see `core/panels.py`) and the host view passes it the data and the date.
"""

from __future__ import annotations

LAYERS: tuple[tuple[str, ...], ...] = (
    ("policy",),  # the pure policy engine: no Django, no clock, no database
    ("core",),  # the floor: actor and audit, access, limits, spreadsheets, PDF, base templates
    ("accounts",),  # sign-in, two-factor, lockout
    ("authorities",),  # reference data: authorities, memberships and roles, buyer names
    ("register",),  # contracts, suppliers, history, imports and exports of the register
    ("reviews",),  # screening, the review workflow, decisions and their packs
    ("appraisal", "wealth"),  # the options appraisal; community wealth
    ("transition",),  # bringing a service home: the plan from decision to go-live
    ("inhouse",),  # the in-house service after go-live, KPIs and outturn
    ("standards",),  # minimum standards for contracts that stay outsourced
    ("sharing",),  # appraisals and clauses published as templates for other authorities
    ("transparency",),  # the public portal, open data and information requests
    # news when something happens (email alerts, Atom and iCalendar feeds); legal support
    # referrals; places (Total Place: every public body of an area side by side)
    ("alerts", "legal", "places"),
    # the audit committee: what is late or blocked across everything above; the national view of
    # a service across every adopter, councils like us, the outcome KPIs as open data (ADR 0044)
    ("oversight", "national"),
    ("api", "home"),  # the APIs; the home pages
    ("demo",),  # the demo builds a showcase through every app's services
    ("testing",),  # factories and builders for tests (not an app): nothing at run time imports it
)

LAYER_OF: dict[str, int] = {app: n for n, apps in enumerate(LAYERS) for app in apps}


def may_import(importer: str, imported: str) -> bool:
    """Whether code in app `importer` may import app `imported` (an app may import itself)."""
    if importer == imported:
        return True
    return LAYER_OF[imported] < LAYER_OF[importer]
