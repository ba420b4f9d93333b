"""A decision's explanation as a structured page (issue 18; ADR 0034), built from the engine's
stored result and trace: what was decided and why in two sentences; each test in the policy's
order with its name, result and reason (the public interest test's criteria by name, T1..T10 in
number order); what did not apply and why; notes, what is still needed, the status; the
citations as links. Words come from the plain-words catalogue (`insource.core.plain_words`);
the engine's own reasons are cleaned of codes and ISO dates. Presentation only: nothing here
decides anything, and the engine stays pure.
"""

from __future__ import annotations

import re

from insource.core import plain_words as plain
from insource.core.dates import long_date
from insource.policy.facts_fields import label as fact_label

STEPS = ("0", "1", "2", "3a", "3b")  # the policy's order (POLICY.md §2)
NOT_CLAIMED = ("nobody claims it", "not claimed")
SWITCHED_OFF = "this good reason is switched off in this preset"

# A citation's short forms written out, and where the law can be read (legislation.gov.uk).
SHORT_FORMS = (
    ("PA 2023", "Procurement Act 2023"),
    ("EqA 2010", "Equality Act 2010"),
    ("LGA 1999", "Local Government Act 1999"),
    ("LGA 1988", "Local Government Act 1988"),
    ("VATA 1994", "Value Added Tax Act 1994"),
    ("TULRCA 1992", "Trade Union and Labour Relations (Consolidation) Act 1992"),
    ("FOIA 2000", "Freedom of Information Act 2000"),
    ("HRA 1998", "Human Rights Act 1998"),
    ("TUPE 2006", "Transfer of Undertakings (Protection of Employment) Regulations 2006"),
    ("Labour 2019", "The 2019 insourcing policy"),
    ("SEED", "The 2019 insourcing policy"),
    ("POLICY §", "The policy, section "),
    ("PPN 024", "Procurement Policy Note 024"),
    (" Sch. ", " Schedule "),
    (" ss.", " sections "),
    (" s.", " section "),
    (" Pt ", " Part "),
)
LAWS = {
    "Procurement Act 2023": "https://www.legislation.gov.uk/ukpga/2023/54",
    "SI 2025/1200": "https://www.legislation.gov.uk/uksi/2025/1200",
    "Value Added Tax Act 1994": "https://www.legislation.gov.uk/ukpga/1994/23",
    "Deregulation and Contracting Out Act 1994": "https://www.legislation.gov.uk/ukpga/1994/40",
    "Local Government Act 1999": "https://www.legislation.gov.uk/ukpga/1999/27",
    "Local Government Act 1988": "https://www.legislation.gov.uk/ukpga/1988/9",
    "Equality Act 2010": "https://www.legislation.gov.uk/ukpga/2010/15",
    "Trade Union and Labour Relations": "https://www.legislation.gov.uk/ukpga/1992/52",
    "Social Value Act 2012": "https://www.legislation.gov.uk/ukpga/2012/3",
    "Freedom of Information Act 2000": "https://www.legislation.gov.uk/ukpga/2000/36",
    "Human Rights Act 1998": "https://www.legislation.gov.uk/ukpga/1998/42",
    "Care Act 2014": "https://www.legislation.gov.uk/ukpga/2014/23",
    "Transfer of Undertakings": "https://www.legislation.gov.uk/uksi/2006/246",
    "Localism Act 2011": "https://www.legislation.gov.uk/ukpga/2011/20",
}
# The engine's tags on a citation (SEED, DESIGN, LAW, LATER): for the trace, not for people.
TAGS = re.compile(r"\s*\((?:SEED|DESIGN|LATER|pending|threshold changes)[^)]*\)")
LAW_WRAPPER = re.compile(r"^LAW \((.*)\)$")
LEFT_OFF = {"preset", "NLW floor"}


# Engine phrases a resident would not know, said plainly (the engine's words stay in the trace).
PLAIN_PHRASES = (
    (re.compile(r"every enabled test \([^)]*\)"), "every part of the test"),
    (
        re.compile(r"its CPV code is a service the policy names"),
        "it is a kind of service the policy names",
    ),
    (re.compile(r"the counterparty is"), "the other party is"),
    (
        re.compile(r"the function may lawfully be contracted out"),
        "the law lets a contractor run it",
    ),
    (
        re.compile(r"the presumption of in-house delivery applies"),
        "the policy's starting point applies",
    ),
    (re.compile(r"\(Local Government Act 1999 s\.3\(2\)\)|\(Equality Act 2010 s\.149\)"), ""),
    (
        re.compile(r"the service involves significant contact with people at risk"),
        "staff work closely with people at risk",
    ),
    (
        re.compile(r"it involves no significant contact with people at risk"),
        "staff do not work closely with people at risk",
    ),
    (
        re.compile(r"the service involves the exercise of coercive powers"),
        "staff use legal powers over people",
    ),
    (re.compile(r"it involves no coercive powers"), "staff use no legal powers over people"),
    (re.compile(r"the service poses a risk to people's rights"), "it puts people's rights at risk"),
    (re.compile(r"it poses no risk to people's rights"), "it puts no one's rights at risk"),
    (re.compile(r"the arrangement is public-public"), "the other party is a public body"),
    (re.compile(r"another public authority"), "another public body"),
    (re.compile(r"it delivers an authority function"), "it is a service the council must provide"),
    (re.compile(r"is not below the threshold of"), "is more than the limit of"),
    (re.compile(r"is below the threshold of"), "is less than the limit of"),
)
TEST_CODE = re.compile(r"test (T\d{1,2}) \([^)]*\)")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def plain_text(text: str) -> str:
    """An engine reason with its codes named and its ISO dates written out."""
    text = TEST_CODE.sub(lambda m: f"the “{plain.criterion(m[1]).title}” test", text)
    for pattern, words in PLAIN_PHRASES:
        text = pattern.sub(words, text)
    text = ISO_DATE.sub(lambda m: long_date(m[0]), text)
    return re.sub(r"\s+", " ", text).strip()


def _sentence(parts) -> str:
    parts = [plain_text(p) for p in parts if p]
    if not parts:
        return ""
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return text[:1].upper() + text[1:] + "."


def _source(part: str) -> str:
    part = part.strip()
    if part in LEFT_OFF:
        return ""
    for short, full in SHORT_FORMS:
        part = part.replace(short, full)
    return part.strip()[:1].upper() + part.strip()[1:]


def citation_links(citation: str) -> list[dict]:
    """A rule's citation split into its sources, written out, each linked when the law is
    online (legislation.gov.uk); the engine's tags left off."""
    text = TAGS.sub("", re.sub(r"\s*<[^>]+>", "", citation or "")).strip()
    text = LAW_WRAPPER.sub(r"\1", text)
    parts = dict.fromkeys(filter(None, (_source(p) for p in text.split(";"))))
    return [
        {"text": p, "href": next((url for name, url in LAWS.items() if p.startswith(name)), "")}
        for p in parts
    ]


def _reason(entry: dict) -> str:
    if entry["result"] == "holds":
        return _sentence(entry.get("held") or [])
    if entry["result"] == "unknown":
        unknown = entry.get("unknown") or entry.get("missing") or []
        return _sentence(["it is not yet known whether " + " or ".join(unknown)]) if unknown else ""
    failed = entry.get("failed") or []
    if any(f in NOT_CLAIMED for f in failed):
        return str(_sentence(["nobody asked for this"]))
    if SWITCHED_OFF in failed:
        return str(_sentence(["the council has chosen not to use this reason"]))
    return _sentence(failed)


def _criteria(entry: dict) -> list[dict]:
    inputs = entry.get("inputs") or {}
    keys = sorted(
        (k.rsplit(".", 1)[1] for k in inputs if re.fullmatch(r"public_interest_test\.T\d+", k)),
        key=plain.criterion_number,
    )
    return [
        {
            "key": key,
            "title": plain.criterion(key).title,
            "sentence": plain.criterion(key).sentence,
            "result": plain.criterion_result(inputs[f"public_interest_test.{key}"]).title,
            "passed": inputs[f"public_interest_test.{key}"],
        }
        for key in keys
    ]


def _row(entry: dict, decisive: set[str]) -> dict:
    is_default = "exceptions" in entry
    result = plain.result(entry["result"]).title
    if entry["id"] in decisive:
        result = plain.DECIDES.title
    elif is_default and entry["result"] == "holds":
        result = plain.STARTING_POINT.title
    row = {
        "id": entry["id"],
        "name": plain.rule(entry["id"], entry.get("label", "")).title,
        "result": result,
        "reason": _reason(entry),
        "citations": citation_links(entry.get("citation", "")),
        "criteria": (
            _criteria(entry)
            if entry["id"] == "track.public_interest_test" and _applied(entry)
            else []
        ),
    }
    if is_default and entry["result"] == "holds" and entry["id"] not in decisive:
        row["reason"] = str(plain.STARTING_POINT.sentence)
    return row


def _steps(trace: list[dict]) -> list[dict]:
    """The tests of steps 0–3b in the policy's order; in a step, its starting point first."""
    entries = [e for e in trace if e.get("step") in STEPS]
    return sorted(
        entries,
        key=lambda e: (STEPS.index(e["step"]) if e["step"] != "3b" else 3, "exceptions" not in e),
    )


def _applied(entry: dict) -> bool:
    """Whether a test belongs with those applied (else with what did not apply): the at-risk
    assessment always; the public interest test whenever it was claimed."""
    if entry["id"] == "at_risk.assessment":
        return True
    if entry["id"] == "track.public_interest_test":
        return not any(f in NOT_CLAIMED for f in entry.get("failed") or [])
    return entry["result"] != "does not hold"


def explanation(result: dict, *, decided: str | None = None) -> dict:
    """The structured explanation of an engine result (a decision's `result`); `decided` is
    the outcome a decision-maker signed when it differs from the recommendation."""
    trace = result.get("trace") or []
    outcome = decided or result.get("outcome")
    words = plain.outcome(outcome)
    follows = outcome == result.get("outcome")  # a departure: the engine decided nothing
    decisive = {g["rule"] for g in result.get("grounds") or []} if follows else set()
    steps = _steps(trace)
    rows = [_row(e, decisive) for e in steps]
    applied = [r for r, e in zip(rows, steps, strict=True) if _applied(e)]
    not_applied = [r for r, e in zip(rows, steps, strict=True) if not _applied(e)]
    status = plain.status(result.get("status"))
    return {
        "summary": [f"{words.title}.", str(words.sentence)] if outcome else [str(status.sentence)],
        "outcome_title": words.title,
        "tests": applied,
        "not_applied": not_applied,
        "criteria": next((r["criteria"] for r in rows if r["criteria"]), []),
        "notes": [
            {"title": plain.flag(f["code"]).title, "sentence": plain.flag(f["code"]).sentence}
            for f in result.get("flags") or []
        ],
        "missing": [fact_label(p) for p in result.get("missing_evidence") or []],
        "status": status,
    }


def explanation_text(view: dict) -> str:
    """The explanation's words as one text, as a resident reads them (for the reading-ease
    score and plain-text uses: emails, CSV)."""
    lines = [" ".join(str(s) for s in view["summary"])]
    for row in view["tests"]:
        lines.append(f"{row['name']}: {row['result']}. {row['reason']}")
    for c in view["criteria"]:
        lines.append(f"{c['title']}: {c['sentence']} {c['result']}.")
    lines += [f"{row['name']}: {row['reason']}" for row in view["not_applied"]]
    if view["missing"]:
        lines.append("Still needed: " + ", ".join(str(m) for m in view["missing"]) + ".")
    lines += [f"{n['title']}: {n['sentence']}" for n in view["notes"]]
    lines.append(str(view["status"].sentence))
    return "\n".join(lines)
