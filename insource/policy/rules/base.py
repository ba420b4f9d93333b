"""The rule registry: every rule has a stable id `<area>.<rule>`, a label, a citation, the source
sentence it implements and the date it applies from."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Rule:
    id: str
    label: str
    citation: str
    source: str
    since: date
    fn: Callable
    module: str = ""

    @property
    def code(self) -> str:
        return inspect.getsource(self.fn)


REGISTRY: dict[str, Rule] = {}


def rule(id: str, label: str, citation: str, source: str, since: str = "2019-07-01"):
    """Register a rule function under a stable id (ids are forever: never reuse one)."""

    def register(fn: Callable) -> Callable:
        if id in REGISTRY:
            raise ValueError(f"rule id {id} is registered twice")
        REGISTRY[id] = Rule(
            id, label, citation, source, date.fromisoformat(since), fn, fn.__module__
        )
        return fn

    return register
