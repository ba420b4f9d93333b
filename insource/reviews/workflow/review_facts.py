"""The facts document of a review: the register's facts, overlaid with the officers' answers.

Pure functions over plain values (no database): the register's facts come from
`insource.reviews.facts` (the same mapping screening uses), then each answer replaces the
register's value for its path (an answer of "not known" removes it), disputed answers are listed
in `disputed` (the engine treats them as unknown), and evidence references fill the `evidence`
fields of the good reasons. Workflow details (paths under `workflow.`) never reach the engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from insource.policy.facts_fields import BY_PATH


@dataclass(frozen=True)
class Answer:
    path: str
    value: object
    is_disputed: bool = False


def flatten(doc: Mapping, prefix: str = "") -> dict[str, object]:
    """`{"contract": {"nature": "services"}}` -> `{"contract.nature": "services"}`."""
    flat: dict[str, object] = {}
    for key, value in doc.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping) and path not in BY_PATH:
            flat.update(flatten(value, f"{path}."))
        else:
            flat[path] = value
    return flat


def nest(flat: Mapping[str, object]) -> dict:
    """The inverse of `flatten`."""
    doc: dict = {}
    for path, value in flat.items():
        *parents, leaf = path.split(".")
        node = doc
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return doc


def register_values(register_facts: Mapping) -> dict[str, object]:
    """The register's contract and authority facts as flat paths (at-risk suggestions left out:
    an officer answers the limbs)."""
    keep = {k: v for k, v in register_facts.items() if k in ("contract", "authority")}
    return flatten(keep)


def review_facts(
    *,
    register: Mapping[str, object],
    answers: Iterable[Answer],
    evidence: Mapping[str, list[str]],
    decision_on: date,
    preset: str,
    review_id: int,
    decision_maker: str = "",
) -> dict:
    """The facts document for the engine, and nothing the engine does not read."""
    flat = {"decision_on": decision_on.isoformat(), **register}
    disputed = []
    for answer in answers:
        if answer.path not in BY_PATH:
            continue
        flat[answer.path] = answer.value
        if answer.is_disputed:
            disputed.append(answer.path)
    for path, refs in evidence.items():
        if path in BY_PATH and BY_PATH[path].kind == "evidence" and refs:
            flat[path] = sorted(refs)
    flat.update({"id": f"review-{review_id}", "preset": preset, "version": 1})
    if decision_maker:
        flat["decision_maker"] = decision_maker
    if disputed:
        flat["disputed"] = sorted(disputed)
    return nest({k: v for k, v in flat.items() if v is not None})
