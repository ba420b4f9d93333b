"""The register's history as OCDS releases: one release per change of an ocid's contracts.

Each `ContractEvent` (an imported or updated release or row, an officer's correction) records
the fields it changed as `[old, new]`. Walking an ocid's events back from the contracts' current
values gives their state after each change; each state is one release, dated when the change
happened: the source release's own date for an import (not the time of the import), the
correction's time for an officer's. Dates never run backwards (a release imported late is
dated no earlier than the change before it), so merging the releases by date gives the current
values. Suppliers keep no history: every release names the current ones. Contracts with no
events give one release of their current values, as before.
"""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation

from insource.register.models import Contract

DATE_FIELDS = {"awarded_on", "start_on", "end_on", "max_end_on", "terminated_on"}
NOT_PUBLISHED = {"duplicate_of"}  # retiring and returning a contract: no release of its own
MONEY_FIELDS = {"value_amount", "value_inc_vat"}


def states(contracts: list[Contract]) -> list[list[Contract]]:
    """The ocid's contracts after each change, oldest first: per change, copies of the
    contracts that existed then, holding their values of the moment and `changed_at` set to
    when the change happened. Changes at one moment are one state."""
    events = sorted(
        ((event, contract) for contract in contracts for event in _events(contract)),
        key=lambda pair: (pair[0].at, pair[0].pk or 0),
    )
    if not events:
        return [contracts]
    born: dict[int, int] = {}  # a contract exists from its first change on
    for index, (_event, contract) in enumerate(events):
        born.setdefault(contract.pk, index)
    values: dict[int, dict] = {c.pk: {} for c in contracts}  # what differs from today's values
    after: list[dict[int, dict]] = []  # the values after each change, newest first
    for event, contract in reversed(events):
        after.append({pk: dict(v) for pk, v in values.items()})
        for field, change in (event.changes or {}).items():
            if field in NOT_PUBLISHED:
                continue
            if isinstance(change, list) and len(change) == 2 and hasattr(contract, field):
                values[contract.pk][field] = _typed(field, change[0])
    after.reverse()
    by_moment: dict[datetime, list[Contract]] = {}
    moments = _moments([event for event, _c in events])
    for index, (differs, moment) in enumerate(zip(after, moments, strict=True)):
        alive = [c for c in contracts if born.get(c.pk, 0) <= index]
        by_moment[moment] = [_as_of(c, differs[c.pk], moment) for c in alive]
    return list(by_moment.values())


def _events(contract: Contract) -> list:
    cache = getattr(contract, "_prefetched_objects_cache", {})
    return list(cache["events"]) if "events" in cache else []


def _moments(events: list) -> list[datetime]:
    """When each change happened: the source release's date, else the event's time; never
    earlier than the change before it."""
    moments, latest = [], None
    for event in events:
        moment = _released(event.released_at) or event.at
        latest = moment if latest is None else max(latest, moment)
        moments.append(latest)
    return moments


def _released(text: str) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _as_of(contract: Contract, overrides: dict, moment: datetime) -> Contract:
    state = copy.copy(contract)
    for field, value in overrides.items():
        setattr(state, field, value)
    state.changed_at = moment
    return state


def _typed(field: str, value):
    """A value as `ContractEvent.changes` stores it (dates and money as text), typed back."""
    if value is None or value == "":
        return None if field in DATE_FIELDS | MONEY_FIELDS else value
    try:
        if field in DATE_FIELDS:
            return date.fromisoformat(str(value))
        if field in MONEY_FIELDS:
            return Decimal(str(value))
    except (ValueError, InvalidOperation):
        return None
    return value
