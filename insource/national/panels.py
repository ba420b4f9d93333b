""" "Councils like us" on the public authority page (registered in `NationalConfig.ready()`;
see `insource.core.panels`): the authorities most like this one (`likeness`, the method said
in words on the panel) and what they decided for the services this one buys."""

from __future__ import annotations

from datetime import date

from insource.core import panels
from insource.core.dates import long_date
from insource.national.catalogue import group_key, service_get
from insource.national.presenters.view import decision_words
from insource.national.selectors.like_us import councils_like
from insource.register.naming import contract_service_name


def councils_like_us(*, authority, on: date) -> dict | None:
    """The panel's context, or None for an authority with no population to compare."""
    found = councils_like(authority)
    if found is None or not found.alike:
        return None
    like = [
        {
            "name": a.name,
            "slug": found.authorities[a.key].public_slug,
            "population": f"{a.population:,}" if a.population else "",
            "score": round(a.score * 100),
            "num_shared": len(a.shared),
        }
        for a in found.alike
    ]
    decisions = []
    for d in found.decisions:
        service = service_get(group_key(d.contract.main_cpv))
        decisions.append(
            {
                "service": service.name if service else "",
                "service_key": service.key if service else "",
                "authority": d.authority.display_name,
                "contract": contract_service_name(d.contract),
                "words": decision_words(d.outcome),
                "decided_on": long_date(d.decided_on),
                "decision_pk": d.pk,
            }
        )
    return {
        "like": like,
        "like_decisions": decisions,
        "like_type": authority.la_type_name or authority.get_kind_display(),
        "like_nation": authority.get_nation_display(),
        "num_candidates": found.num_candidates,
    }


def register_panels() -> None:
    panels.register(
        "portal.authority",
        name="national.councils-like-us",
        template="national/includes/councils_like_us.html",
        context=councils_like_us,
        order=30,
    )
