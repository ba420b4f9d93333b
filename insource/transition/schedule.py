"""The transition schedule: which milestones, and when each falls due, counted back from the
transfer date by dated, cited parameters (parameters/transition/, read with the policy's strict
loader). No Django models, no clock: every function takes its dates.

Lead days are looked up per service type (refuse fleets take longer than cleaning), then per
nation (Scotland's pension scheme), then the default. The employee liability information is
never due later than the law's minimum before the transfer (TUPE 2006 reg. 11(6): 28 days for
transfers from 1 May 2014), whatever the template or an officer says: `due_on` clamps it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.utils.translation import gettext_noop as _

from insource.policy.params import Parameter, load_all

PARAMETERS = Path(__file__).resolve().parent / "parameters"
ELI = "employee-liability-information"
GO_LIVE = "go-live"


@dataclass(frozen=True)
class Spec:
    """A milestone of the shipped template: its key, title and the role that usually owns it."""

    key: str
    title: str
    owner_role: str


CATALOGUE = (
    Spec("notice-to-incumbent", _("Give the contractor notice"), "contract-manager"),
    Spec("exit-plan-activated", _("Activate the contract's exit plan"), "contract-manager"),
    Spec("union-consultation-start", _("Start consulting the unions"), "hr-officer"),
    Spec("budget-approved", _("Approve the in-house budget"), "authority-admin"),
    Spec("measures-letter", _("Tell the contractor the measures envisaged"), "hr-officer"),
    Spec("pension-admission", _("Arrange the pension scheme with the fund"), "hr-officer"),
    Spec("recruitment", _("Recruit to the posts no one transfers into"), "hr-officer"),
    Spec(
        "assets-transfer", _("Transfer vehicles, depots, equipment and leases"), "contract-manager"
    ),
    Spec("data-transfer", _("Transfer systems, records and data"), "contract-manager"),
    Spec(ELI, _("Receive the employee liability information"), "hr-officer"),
    Spec(GO_LIVE, _("Go live in house"), "authority-admin"),
)
KEYS = tuple(s.key for s in CATALOGUE)
REQUIRED = frozenset({ELI, GO_LIVE})

# CPV prefixes -> service type (the most specific prefix wins).
SERVICE_TYPES = {
    "9051": "refuse",
    "90500000": "refuse",
    "90533000": "refuse",
    "905": "refuse",
    "9091": "cleaning",
    "9061": "cleaning",
    "85": "care",
    "98513": "care",
}
SERVICE_TYPE_LABELS = {
    "refuse": _("Refuse and recycling collection"),
    "cleaning": _("Cleaning"),
    "care": _("Care"),
    "default": _("Other services"),
}


def service_type_for_cpv(cpv: str) -> str:
    """The service type a CPV code maps to ("default" when none matches)."""
    code = (cpv or "").strip()
    matches = [p for p in SERVICE_TYPES if code.startswith(p)]
    return SERVICE_TYPES[max(matches, key=len)] if matches else "default"


def _params() -> dict[str, Parameter]:
    return load_all(PARAMETERS)


def _profiles(service_type: str, nation: str) -> list[str]:
    nation_profile = (nation or "").lower().replace(" ", "_")
    return [p for p in (service_type, nation_profile) if p and p != "default"] + ["default"]


@dataclass(frozen=True)
class Lead:
    """A milestone's lead time in days before the transfer, with its parameter and citation."""

    days: int
    parameter: str
    citation: str
    href: str
    note: str


def lead_for(key: str, *, service_type: str, nation: str, on: date) -> Lead:
    """The lead days for a milestone, read as at `on` (the transfer date)."""
    params, slug = _params(), key.replace("-", "_")
    for profile in _profiles(service_type, nation):
        name = f"transition.lead_days.{profile}.{slug}"
        if name in params:
            p = params[name]
            e = p.at(on) or p.entries[0]
            return Lead(int(e.value), name, e.title, e.href, e.note)
    raise KeyError(f"no lead-days parameter for {key}")


def eli_minimum_days(transfer_on: date) -> int:
    """The fewest days before the transfer the law allows for the liability information."""
    return lead_for(ELI, service_type="default", nation="", on=transfer_on).days


def eli_reminder_days(on: date) -> int:
    """Days before the liability information's due date to remind its owner."""
    p = _params()["transition.reminders.eli_days_before"]
    return int((p.at(on) or p.entries[0]).value)


def due_on(*, key: str, lead_days: int, transfer_on: date) -> date:
    """When a milestone falls due: `lead_days` before the transfer; the liability information
    never later than the legal minimum before it (TUPE 2006 reg. 11(6))."""
    days = lead_days
    if key == ELI:
        days = max(days, eli_minimum_days(transfer_on))
    return transfer_on - timedelta(days=days)


def template_default(*, service_type: str, nation: str, on: date) -> list[dict]:
    """The shipped template for a service type and nation on a date: one item per milestone
    (key, title, lead_days, owner_role, citation, href)."""
    items = []
    for spec in CATALOGUE:
        lead = lead_for(spec.key, service_type=service_type, nation=nation, on=on)
        items.append(
            {
                "key": spec.key,
                "title": spec.title,
                "lead_days": lead.days,
                "owner_role": spec.owner_role,
                "citation": lead.citation,
                "href": lead.href,
            }
        )
    return items


def parameters_used(*, service_type: str, nation: str, on: date) -> list[Lead]:
    """Every lead-time parameter the template reads, for the method page and the docs."""
    return [lead_for(s.key, service_type=service_type, nation=nation, on=on) for s in CATALOGUE]
