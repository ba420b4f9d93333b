"""Panels by registration: one app's panel on another app's page (ADR 0024).

A page (the host) has named slots; an app that shows something in a slot registers a panel for
it in its `AppConfig.ready()`: a template and a function that computes the template's context
from the objects the host passes and the date. The host view or presenter collects a slot's
panels with one call, before rendering (`collect(slot, **objects)`), so every query runs there;
the host template renders them in order with `{% panels name %}` (core's `panels` tag library,
which only renders). A template never queries and never names a panel, so a lower app's page
can carry a higher app's panel without importing it.

A panel's function returns its template's context, or None when it has nothing to show on that
page. It is given exactly the host's objects listed in `SLOTS` (keyword arguments) and nothing
else: no request, no clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# Each slot and the objects its host passes (what a panel's function receives, by keyword).
SLOTS: dict[str, tuple[str, ...]] = {
    # reviews: the review page, below the appraisal link; `can` is the viewer's capabilities
    "review.page": ("review", "contract", "on", "can"),
    # reviews: the review page, a row of the signed decision's summary list
    "review.decision": ("review", "on"),
    # reviews: the decision pack (HTML page and PDF), after the public interest test
    "decision.pack": ("decision", "for_pdf"),
    # appraisal: the appraisal page, under its heading (`appraisal` is None before it starts)
    "appraisal.page": ("review", "appraisal", "can"),
    # standards: a clause's page, under its text (`version` is the one in use)
    "clause.page": ("version", "can"),
    # standards: the authority's clause library, under its heading
    "clauses.page": ("authority", "can"),
    # register: the officers' contract page, between its provenance and its history
    "contract.detail": ("contract", "on"),
    # transparency: the public authority page, after the contracts coming up for review
    "portal.authority": ("authority", "on"),
    # transparency: the public contract page, under its title
    "portal.contract": ("contract", "on"),
    # transparency: the public contract page, after its current published decision
    "portal.decision": ("decision", "on"),
}


@dataclass(frozen=True)
class Panel:
    """A registered panel: where it shows, what it renders and how its context is computed."""

    slot: str
    name: str
    template: str
    context: Callable[..., dict | None]
    order: int


@dataclass(frozen=True)
class Shown:
    """A panel ready to render: its template and its computed context."""

    name: str
    template: str
    context: dict


_REGISTRY: dict[str, dict[str, Panel]] = {slot: {} for slot in SLOTS}


def register(
    slot: str, *, name: str, template: str, context: Callable[..., dict | None], order: int
) -> Panel:
    """Show a panel in a slot (call from `AppConfig.ready()`); registering a name again
    replaces it. Panels of a slot show by `order`, then by name."""
    if slot not in SLOTS:
        raise ValueError(f"no slot {slot!r}: the slots are {', '.join(SLOTS)}")
    panel = Panel(slot, name, template, context, order)
    _REGISTRY[slot][name] = panel
    return panel


def registered(slot: str) -> list[Panel]:
    """The slot's panels, in the order they show."""
    return sorted(_REGISTRY[slot].values(), key=lambda p: (p.order, p.name))


def collect(slot: str, **objects) -> list[Shown]:
    """Every panel of the slot with its context computed from the host's objects (run by the
    host view or presenter before rendering); a panel with nothing to show is left out."""
    expected = set(SLOTS[slot])
    if set(objects) != expected:
        raise TypeError(f"slot {slot!r} takes {sorted(expected)}, given {sorted(objects)}")
    shown = []
    for panel in registered(slot):
        context = panel.context(**objects)
        if context is not None:
            shown.append(Shown(panel.name, panel.template, context))
    return shown
