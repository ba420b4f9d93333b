"""How alike two authorities are, for "councils like us" (ADR 0044). Pure arithmetic, no
database: the candidates (same kind, type and nation) are chosen by the selector; this ranks
them.

The score is out of 1: half for population — 0.5 for the same population, falling to nothing
for a council twice or half the size (or further) — and half for the services they buy — the
share of CPV groups in the register that both buy, of those either buys (Jaccard). Ties go to
the nearer population, then to the name."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Alike:
    """A candidate and how alike it is: its score and the two halves, and the shared services."""

    key: object
    name: str
    population: int | None
    score: float
    population_part: float
    services_part: float
    shared: frozenset[str]


def population_part(mine: int | None, theirs: int | None) -> float:
    """0.5 when equal, falling with the log of the ratio to 0 at twice or half the size."""
    if not mine or not theirs:
        return 0.0
    return 0.5 * max(0.0, 1.0 - abs(math.log2(theirs / mine)))


def services_part(mine: frozenset[str], theirs: frozenset[str]) -> float:
    """0.5 × the share of services either buys that both buy."""
    either = mine | theirs
    return 0.5 * len(mine & theirs) / len(either) if either else 0.0


def rank(
    *,
    population: int | None,
    services: frozenset[str],
    candidates: list[tuple[object, str, int | None, frozenset[str]]],
    limit: int = 5,
) -> list[Alike]:
    """The `limit` candidates (key, name, population, services) most like the authority."""
    found = []
    for key, name, pop, theirs in candidates:
        p, s = population_part(population, pop), services_part(services, theirs)
        found.append(Alike(key, name, pop, round(p + s, 6), p, s, services & theirs))

    def nearness(a: Alike) -> float:
        if not population or not a.population:
            return math.inf
        return abs(math.log(a.population / population))

    found.sort(key=lambda a: (-a.score, nearness(a), a.name))
    return found[:limit]
