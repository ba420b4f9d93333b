"""Screen facts documents with the policy engine, once per *screening class* (pure: no Django).

Most of the register falls into a few thousand classes: contracts whose facts are the same except
for the value and the end date, whose value lies between the same two of the thresholds the
engine reads for those facts (found by evaluating them once with the value unknown), and whose
end date stands in the same place relative to the screening date and to later threshold changes.
The engine reads the value only through its threshold comparisons and the end date only through
the late-review and recheck-threshold flags, so every contract of a class gets the same outcome,
status, grounds and flags (a test checks this against the engine, contract by contract). The
engine runs once per class; the class's trace is built without the contract's own value or
dates, so identical traces are stored once.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import orjson

from insource.policy import PolicyError, evaluate
from insource.policy.presets import Preset
from insource.reviews.facts import at_risk_matches

GATEWAY_RULES = (
    "legal.cannot_contract_out",
    "gateway.not_relevant_contract",
    "gateway.public_public",
    "value.threshold",
    "gateway.below_threshold",
    "ppn024.excluded",
    "ppn024.at_or_below_threshold",
    "at_risk.assessment",
)
VALUE_RULES = frozenset({"gateway.below_threshold", "ppn024.at_or_below_threshold"})
THRESHOLD_NAMES = ("thresholds.", "ppn_024.threshold_inc_vat")
DUMP = orjson.OPT_SORT_KEYS


@dataclass(frozen=True)
class Result:
    """A contract's screening result: shared by every contract of its class."""

    outcome: str
    status: str
    flags: tuple[str, ...]
    trace_sha256: str
    trace: bytes


def version_label(preset: Preset) -> str:
    """The policy version on a screening row: preset name and the first 16 hex digits of the
    rule/parameter hash (the trace keeps the full version)."""
    return f"{preset.name}:{preset.policy_version()['hash'].removeprefix('sha256:')[:16]}"


def _changes(preset: Preset, on: date) -> list[str]:
    """Every threshold change after `on` (ISO dates): the end-date bands."""
    params = preset.parameters
    names = [n for n in params.params if n.startswith(THRESHOLD_NAMES)]
    return sorted({s.isoformat() for n in names for s in params.get(n).starts if s > on})


def threshold_cuts(decision: dict) -> list[Decimal]:
    """The thresholds a decision read (the value is compared with these and nothing else)."""
    reads = (p for e in decision["trace"] for p in e["parameters"])
    values = {p["value"] for p in reads if p["name"].startswith(THRESHOLD_NAMES)}
    return sorted(Decimal(v) for v in values)


@dataclass(frozen=True)
class Family:
    """Facts documents that differ only in the contract's value and end date: their facts
    without those two (`base`, canonical JSON), the thresholds the engine reads for them and
    the threshold changes after the screening date."""

    base: bytes
    cuts: list[Decimal]
    changes: list[str]


class Screener:
    """Screens facts documents for one date; memoises the engine by screening class."""

    def __init__(self, on: date, presets: dict[str, Preset]):
        self.on, self.on_iso, self.presets = on, on.isoformat(), presets
        self.changes = {name: _changes(p, on) for name, p in presets.items()}
        self.cuts: dict[bytes, list[Decimal]] = {}
        self.memo: dict[tuple, Result] = {}
        self.num_evaluated = 0

    def screen(self, facts: dict) -> tuple[Result, str]:
        """The facts' screening result, and a 128-bit BLAKE2b hash of the facts (for changes)."""
        contract = facts["contract"]
        value, ends = contract.get("value_inc_vat"), contract.get("ends_on")
        return self.screen_in(self.family(facts), value, ends, lambda: facts)

    def family(self, facts: dict) -> Family:
        """The facts' family: what they say besides the value and the end date."""
        contract = facts["contract"]
        value, ends = contract.pop("value_inc_vat", None), contract.pop("ends_on", None)
        try:
            base = orjson.dumps(facts, option=DUMP)
            cuts = self.cuts.get(base)
            if cuts is None:
                cuts = self.cuts[base] = self._class_cuts(facts)
        finally:
            _restore(contract, value, ends)
        return Family(base, cuts, self.changes[facts["preset"]])

    def screen_in(
        self, family: Family, value: str | None, ends: str | None, facts: Callable[[], dict]
    ) -> tuple[Result, str]:
        """What `screen` gives for a member of `family` with this value and end date (ISO);
        `facts` builds its whole facts document, called only when the engine has to run."""
        base, cuts = family.base, family.cuts
        band = None if value is None else bisect.bisect_right(cuts, Decimal(value))
        when = None if ends is None else (_sign(ends, self.on_iso), _count(family.changes, ends))
        key = (base, band, when)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self._evaluate(facts(), key)
        own = f"|{value}|{ends}".encode()
        return found, hashlib.blake2b(base + own, digest_size=16).hexdigest()

    def _class_cuts(self, facts: dict) -> list[Decimal]:
        """The class's thresholds: those the engine reads for these facts, value unknown."""
        self.num_evaluated += 1
        try:
            return threshold_cuts(evaluate(facts, preset=self.presets[facts["preset"]]).data)
        except PolicyError:
            return []

    def _evaluate(self, facts: dict, key: tuple) -> Result:
        self.num_evaluated += 1
        preset = self.presets[facts["preset"]]
        try:
            decision = evaluate(facts, preset=preset).data
        except PolicyError as exc:
            return _blob("", "error", (), {"error": str(exc), "facts": orjson.loads(key[0])})
        trace = class_trace(decision, key, self.cuts[key[0]], facts)
        flags = tuple(f["code"] for f in decision["flags"])
        return _blob(decision["outcome"] or "", decision["status"], flags, trace)


def _restore(contract: dict, value, ends) -> None:
    if value is not None:
        contract["value_inc_vat"] = value
    if ends is not None:
        contract["ends_on"] = ends


def _sign(ends: str, on: str) -> int:
    return (ends > on) - (ends < on)


def _count(changes: list[str], ends: str) -> int:
    return bisect.bisect_right(changes, ends)


def _blob(outcome, status, flags, trace: dict) -> Result:
    text = orjson.dumps(trace, option=DUMP)
    return Result(outcome, status, flags, hashlib.sha256(text).hexdigest(), text)


def band_text(cuts: list[Decimal], band: int | None) -> dict | None:
    """The value band as data: the threshold at or above which and below which the value lies."""
    if band is None:
        return None
    low = str(cuts[band - 1]) if band > 0 else None
    high = str(cuts[band]) if band < len(cuts) else None
    return {"at_least": low, "below": high}


def class_trace(decision: dict, key: tuple, cuts: list[Decimal], facts: dict) -> dict:
    """The screening trace of a class: the gateway rules, without the contract's own figures."""
    band, when = band_text(cuts, key[1]), key[2]
    value = facts["contract"].get("value_inc_vat")
    return {
        "screening": "provisional",
        "policy_version": decision["policy_version"],
        "screened_on": decision["decision_on"],
        "facts": orjson.loads(key[0]),
        "value_band": band,
        "ends": None if when is None else {"vs_screened_on": when[0], "threshold_changes": when[1]},
        "outcome": decision["outcome"],
        "status": decision["status"],
        "grounds": decision["grounds"],
        "missing_evidence": decision["missing_evidence"],
        "flags": [f["code"] for f in decision["flags"]],
        "provisional_at_risk": _at_risk_sources(facts),
        "rules": [_rule(e, band, value) for e in decision["trace"] if e["id"] in GATEWAY_RULES],
    }


def _at_risk_sources(facts: dict) -> list[dict]:
    """Which CPV prefixes set an at-risk limb (DESIGN, `at_risk_cpv.yaml`), and why."""
    return [
        {"prefix": e["prefix"], "limbs": list(e["limbs"]), "why": e["why"], "tag": "DESIGN"}
        for e in at_risk_matches(facts["contract"].get("cpv") or ())
    ]


def _rule(entry: dict, band: dict | None, value: str | None) -> dict:
    why = entry["held"] + entry["failed"] + entry["unknown"]
    if entry["id"] in VALUE_RULES and value is not None:
        shown = f"£{Decimal(value):,}"
        why = [_band_sentence(band)] + [t for t in why if shown not in t]
    return {
        "id": entry["id"],
        "label": entry["label"],
        "citation": entry["citation"],
        "step": entry["step"],
        "result": entry["result"],
        "why": why,
        "missing": entry["missing"],
        "parameters": entry["parameters"],
    }


def _band_sentence(band: dict) -> str:
    low = f"at least £{Decimal(band['at_least']):,}" if band["at_least"] else ""
    high = f"below £{Decimal(band['below']):,}" if band["below"] else ""
    return "the value incl. VAT is " + " and ".join(t for t in (low, high) if t)
