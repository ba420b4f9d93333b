"""Why an outcome was reached, in the words of the rule that established it (issue 15).

Every sentence that says *why* comes from a trace entry whose result is "holds": a built-in rule
gives its own clause (below), an authority's custom rule gives its label and citation. With no
established rule (a conflict, a provisional outcome, a decision-maker's departure), only the
neutral meaning of the outcome is said (`OUTCOMES`), never a reason.
"""

from __future__ import annotations

from insource.policy.outcomes import EFFECTS, OUTCOMES, ROUTES

BECAUSE = {
    "legal.cannot_contract_out": "it cannot lawfully be contracted out",
    "gateway.not_relevant_contract": "this is not a contract the policy covers",
    "gateway.public_public": "the service is already provided by the public sector",
    "gateway.below_threshold": "the contract is worth less than the threshold",
    "track.at_risk_default": "it affects people at risk",
    "track.statutory_presumption": "of the presumption of in-house delivery",
    "track.risk_mitigation": "the risks to people are best managed that way",
    "track.capacity": "the council cannot yet run it even with support",
    "track.separation": "it needs to be separate from the council",
    "track.public_interest_test": "it passed every part of the public interest test",
    "track.specialist_care": "this is specialist social care",
    "ppn024.at_or_below_threshold": "the contract is not worth more than PPN 024's threshold",
    "ppn024.excluded": "PPN 024 excludes this kind of contract",
    "ppn024.consider": "the contract is within the scope of PPN 024",
}


def entry_of(trace: list[dict], rule_id: str) -> dict | None:
    return next((e for e in trace if e["id"] == rule_id), None)


def because(entry: dict | None) -> str:
    """The reason a rule gives, only if the trace shows it established its outcome ('' if not)."""
    if not entry or entry.get("result") != "holds":
        return ""
    if entry["id"] in BECAUSE:
        return BECAUSE[entry["id"]]
    return f"of the authority's own rule “{entry['label']}” ({entry['citation']})"


def rule_sentence(outcome: str, entry: dict | None, cited: bool = False) -> str:
    """The outcome as one rule establishes it: its effect and that rule's reason (`cited`: the
    rule's label and citation are already shown beside it, so a custom rule adds nothing)."""
    reason = because(entry)
    if not reason or (cited and entry["id"] not in BECAUSE):
        return OUTCOMES.get(outcome, outcome)
    route = f" ({ROUTES[outcome]})" if entry["id"] not in BECAUSE else ""
    return f"{EFFECTS[outcome]}{route}, because {reason}."


def outcome_sentence(data: dict) -> str:
    """The engine's outcome of a decision (`to_dict()` or a stored result), in plain words, with
    the reason of the rule that established it (its first ground)."""
    outcome = data.get("outcome")
    if not outcome:
        return ""
    grounds = [g for g in data.get("grounds") or () if g["ground"] == outcome]
    if not grounds:
        return OUTCOMES.get(outcome, outcome)
    return rule_sentence(outcome, entry_of(data.get("trace") or [], grounds[0]["rule"]))


def ground_sentences(data: dict) -> list[str]:
    """Each ground of a decision, in the words of the rule that established it."""
    trace = data.get("trace") or []
    return [rule_sentence(g["ground"], entry_of(trace, g["rule"])) for g in data.get("grounds", ())]


def decided_sentence(decided: str | None, result: dict) -> str:
    """A signed outcome in plain words: with the engine's reason when it is the outcome the
    engine established, else (a departure) only what it means: the engine gave no reason."""
    if decided and decided == result.get("outcome"):
        return outcome_sentence(result)
    return OUTCOMES.get(decided or "", decided or "")
