"""Receivers transparency connects in `apps.py` (ADR 0027): the public pages kept in memory
(ADR 0046, `core/page_cache.py`) are made old by the signals the apps below already send —
a decision signed or published, reviews opened or late, a comment window opened or closed,
a contract terminated or corrected, an information request answered. Each names the
authorities whose pages show the change; nothing else is touched. (Every audited write does
the same through `page_cache.audit_saved`; an import through the register's writer.)"""

from __future__ import annotations

from insource.core import page_cache
from insource.register import signals as register_signals
from insource.reviews import signals as review_signals
from insource.transparency import signals as transparency_signals

_OBJECTS = ("decision", "publication", "window", "contract", "request")


def authorities_of(thing) -> set[int]:
    """The authorities a changed row belongs to: its own, and its contract's reviewer and
    buyer (the contract's page depends on both)."""
    found = {getattr(thing, f, None) for f in ("authority_id", "reviewing_authority_id")}
    found.add(getattr(thing, "buyer_id", None))
    if getattr(thing, "contract_id", None) is not None:
        contract = thing.contract
        found |= {contract.reviewing_authority_id, contract.buyer_id}
    return {pk for pk in found if pk is not None}


def changed(sender, **kwargs) -> None:
    ids: set[int] = set()
    for name in _OBJECTS:
        if kwargs.get(name) is not None:
            ids |= authorities_of(kwargs[name])
    for review in kwargs.get("reviews") or ():
        ids |= authorities_of(review)
    page_cache.changed(authorities=ids)


SIGNALS = (
    review_signals.decision_signed,
    review_signals.decision_published,
    review_signals.reviews_opened,
    review_signals.reviews_late,
    review_signals.comment_window_opened,
    review_signals.comment_window_closed,
    register_signals.contract_terminated,
    register_signals.contract_corrected,
    transparency_signals.request_answered,
)


def connect() -> None:
    for signal in SIGNALS:
        signal.connect(changed, dispatch_uid=f"page-cache-{id(signal)}")
