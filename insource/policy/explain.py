"""Plain English for a resident, generated from the trace: why the outcome follows, and why
each alternative did not. Every reason is the established rule's own, with its label and
citation (insource/policy/reasons.py): nothing says a test was met unless the trace shows it."""

from __future__ import annotations

from insource.policy.facts_fields import label
from insource.policy.outcomes import OUTCOMES
from insource.policy.reasons import outcome_sentence, rule_sentence
from insource.policy.standards import IDS as STD_IDS

STANDARD = {
    "met": "met",
    "unmet": "NOT MET",
    "unknown": "not yet known",
    "due_at_award": "checked at award",
    "not_applicable": "not applicable",
    "void_in_law": "void in law",
}
STATUS = {
    "decided": "This recommendation is complete. A named decision-maker now decides.",
    "incomplete": "This recommendation is not complete yet: it could change once the missing "
    "information is known.",
    "blocked_until_standards_met": "The contract cannot be let until the proposed terms meet "
    "every mandatory minimum standard.",
    "conflict": "The authority's own rules point in different directions here, so no outcome is "
    "given: a person must resolve it.",
}


def _join(items, word: str = "and") -> str:
    items = [i for i in items if i]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def _why_not(candidate, labels) -> str:
    f = candidate.finding
    name = labels.get(candidate.rule_id, candidate.rule_id)
    if f.value is None:
        word = "or" if f.data.get("any") else "and"
        return f"- {name}: not shown, because it is not yet known whether {_join(f.unknown, word)}."
    return f"- {name}: does not apply, because {_join(f.failed)}."


def _alternatives(run, chosen, labels) -> list[str]:
    lines = []
    for level in run.levels:
        for c in level.candidates:
            if c.rule_id not in chosen and c.finding.value is not True:
                lines.append(_why_not(c, labels))
    return lines


def _cited(entry: dict) -> str:
    return f"{entry['label']} ({entry['citation']})"


def _outcome(data, entries, run) -> list[str]:
    if data["outcome"] is None:
        return ["Outcome: none yet. Rules of equal priority apply and disagree:"] + [
            f"- {_cited(entries[c.rule_id])}: "
            f"{rule_sentence(c.outcome, entries[c.rule_id], cited=True)}"
            for lv in run.levels
            for c in lv.candidates
            if c.finding.value is True and c.outcome in data["candidates"] and lv.priority < 10**6
        ]
    if run.provisional is not None:
        return _provisional(data, entries[run.provisional.rule_id], run.provisional.finding)
    lines = [f"Outcome: {outcome_sentence(data)}", "", "Why:"]
    if run.at_risk is not None:
        lines.append(_at_risk(run.at_risk))
    for ground in data["grounds"]:
        entry = entries[ground["rule"]]
        lines.append(f"- {_cited(entry)}: {_join(entry['held'])}.")
    return lines


def _provisional(data, entry, finding) -> list[str]:
    """Step 0 with the public-public question open: the legal requirement stands unless the
    arrangement turns out to be public-public; nothing is claimed as established."""
    return [
        f"Outcome: {OUTCOMES[data['outcome']]} It stands unless the arrangement turns out to be "
        "public-public, which is not yet known.",
        "",
        "Why:",
        f"- {_cited(entry)}: {_join(finding.held)}; it is not yet known whether "
        f"{_join(finding.unknown)}.",
    ]


def _at_risk(found) -> str:
    if found.value is True:
        return f"- At-risk assessment: the service is at risk, because {_join(found.held)}."
    if found.value is False:
        return "- At-risk assessment: the service is not at risk: " + _join(found.failed) + "."
    return (
        "- At-risk assessment: it is not yet known whether "
        + _join(found.unknown)
        + ", so the service is treated as at risk (a precaution)."
    )


def _needed(data) -> list[str]:
    lines = []
    if data["missing_evidence"]:
        names = _join(label(p) for p in data["missing_evidence"])
        lines.append(f"Still needed, because it could change the outcome: {names}.")
    for claim in data["incomplete_claims"]:
        gaps = (
            ["it is not yet known whether " + _join(claim["unknown"])] if claim["unknown"] else []
        ) + ([_join(claim["false"])] if claim["false"] else [])
        lines.append(
            f"The claim '{OUTCOMES[claim['ground']].rstrip('.')}' is not made out: "
            f"{'; and '.join(gaps)}. Complete it or withdraw it."
        )
    if data["precautionary_at_risk"]:
        lines.append(
            "The at-risk assessment is not complete, so the service is treated as at "
            "risk until it is."
        )
    return lines


def _standards(data, labels) -> list[str]:
    rows = [
        (k, v)
        for k, v in data["standards"].items()
        if v["status"] != "not_applicable" or k == "MS2"
    ]
    if not data["outcome"] or not rows or data["standards"]["MS1"]["status"] == "not_applicable":
        return []
    lines = ["Minimum standards for the contract (mandatory ones block it when unmet):"]
    for key, std in rows:
        must = ", mandatory" if std["mandatory"] else ""
        status = STANDARD.get(std["status"], std["status"])
        lines.append(
            f"- {key} ({labels.get(STD_IDS[key], key)[len(key) + 1 :]}{must}): "
            f"{status}. {std['reason'][0].upper()}{std['reason'][1:]}."
        )
    return lines


def explain(data: dict, run) -> str:
    """The explanation, paragraph by paragraph, from the decision and its trace."""
    entries = {e["id"]: e for e in data["trace"]}
    labels = {k: e["label"] for k, e in entries.items()}
    chosen = {g["rule"] for g in data["grounds"]}
    if run.provisional is not None:
        chosen.add(run.provisional.rule_id)
    parts = [_outcome(data, entries, run)]
    alternatives = _alternatives(run, chosen, labels)
    if alternatives:
        parts.append(["Why not the alternatives:"] + alternatives)
    parts += [_needed(data), _standards(data, labels)]
    parts.append([f"Note: {f['detail'][0].upper()}{f['detail'][1:]}." for f in data["flags"]])
    parts.append([STATUS[data["status"]]])
    return "\n\n".join("\n".join(p) for p in parts if p) + "\n"
