"""Keeping policy versions, and checking that a signed decision reproduces (docs/adr/0018).

`policy_version_keep` stores the snapshot of the policy version a decision is signed under (once
per hash). `decision_verify` evaluates the decision's stored facts again under its stored policy
version and says whether the outcome, status, grounds and trace hash are what was stored.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from insource.core.audit import Actor, audit_record
from insource.policy import PolicyError
from insource.policy.presets import Preset
from insource.policy.versions import differences, reproduce, shipped_snapshot, snapshot
from insource.reviews.models import Decision, PolicyVersion

#: the decision's own columns, checked against the reproduction as well as its stored result
COLUMNS = {"recommended_outcome": "outcome", "engine_status": "status"}


def policy_version_keep(*, preset: Preset, by: Actor, at: datetime) -> PolicyVersion:
    """Store the snapshot of `preset`'s current policy version, unless it is already stored.
    Call inside the transaction that signs a decision under it."""
    digest = preset.policy_version()["hash"]
    kept = PolicyVersion.objects.filter(hash=digest).first()
    if kept is not None:
        return kept
    kept = PolicyVersion.objects.create(
        hash=digest, preset=preset.name, snapshot=snapshot(preset), recorded_at=at
    )
    audit_record(
        by=by,
        at=at,
        action="reviews.policy_version_keep",
        obj=kept,
        after={"hash": digest, "preset": preset.name},
    )
    return kept


def snapshot_for(digest: str) -> dict | None:
    """The snapshot of a policy version: stored, shipped with a release, or the current one."""
    kept = PolicyVersion.objects.filter(hash=digest).values_list("snapshot", flat=True).first()
    return kept if kept is not None else shipped_snapshot(digest)


def decision_verify(decision: Decision) -> dict:
    """{decision, reproduced, policy_version, differences}: `differences` maps each field that
    came out differently to what was stored and what the reproduction gives."""
    found = {"decision": decision.pk, "policy_version": decision.policy_version}
    snap = snapshot_for(str(decision.policy_version.get("hash", "")))
    if snap is None:
        missing = {"stored": decision.policy_version.get("hash"), "reproduced": None}
        return found | {"reproduced": False, "differences": {"policy_version": missing}}
    try:
        again = reproduce(decision.facts, decision.policy_version, snap).to_dict()
    except PolicyError as error:
        failed = {"stored": decision.result.get("outcome"), "reproduced": None, "error": str(error)}
        return found | {"reproduced": False, "differences": {"evaluation": failed}}
    diffs = differences(decision.result, again)
    for column, key in COLUMNS.items():
        stored = getattr(decision, column) or None
        if stored != again[key]:
            diffs[column] = {"stored": stored, "reproduced": again[key]}
    return found | {"reproduced": not diffs, "differences": diffs}


def decisions_verify(pks: list[int] | None = None) -> Iterator[dict]:
    """`decision_verify` for the given decisions (every signed decision when None), by id."""
    rows = Decision.objects.order_by("pk")
    if pks is not None:
        rows = rows.filter(pk__in=pks)
    for decision in rows.iterator(chunk_size=200):
        yield decision_verify(decision)
