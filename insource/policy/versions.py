"""Policy versions: everything needed to reproduce a decision, by anyone, years later.

A decision records `policy_version`: its preset, its rule-set version (insource/policy/rulesets.py)
and a hash. The hash covers a *snapshot*: every parameter file's text, every rule's code digest,
the preset's text, and its custom rules and overrides. A snapshot is plain JSON, kept by hash
(the reviews app stores one for each decision it signs; `insource policy freeze` ships one for
each release under insource/policy/versions/). `reproduce` evaluates stored facts under the
snapshot and the stored rule-set version, so a later release of parameters or rules never changes
how an old decision reproduces; `differences` says what, if anything, came out differently.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import orjson

from insource.policy.custom import parse_rule
from insource.policy.decision import plain
from insource.policy.engine import evaluate
from insource.policy.errors import PolicyError
from insource.policy.param_texts import load_texts
from insource.policy.params import Override, _value
from insource.policy.presets import Preset, get_preset, hash_inputs, hash_parts
from insource.policy.rulesets import CURRENT, parse_label

FORMAT = 1
SHIPPED = Path(__file__).parent / "versions"
COMPARED = ("outcome", "status", "grounds")


def snapshot(preset: Preset) -> dict:
    """The snapshot of a preset's policy version (its hash is `preset.policy_version()`'s)."""
    parts = hash_inputs(preset) if not preset.frozen_hash else preset.frozen_parts
    return {
        "format": FORMAT,
        "hash": "sha256:" + hash_parts(parts),
        "preset": {
            "name": preset.name,
            "label": preset.label,
            "programme": preset.programme,
            "version": preset.version,
            "overrides": [_override(o) for o in preset.overrides],
            "rules": [_rule(c) for c in preset.rules],
        },
        **parts,
    }


def _override(o: Override) -> dict:
    value = o.value
    text = ("true" if value else "false") if isinstance(value, bool) else value
    text = list(text) if isinstance(text, tuple) else text
    text = text if isinstance(text, list | str) else str(text)
    return {
        "parameter": o.parameter,
        "value": text,
        "reason": o.reason,
        "from": o.start.isoformat() if o.start else None,
        "by": o.by,
    }


def _rule(c) -> dict:
    return {
        "id": c.rule.id,
        "label": c.rule.label,
        "since": c.rule.since.isoformat(),
        "citation": c.rule.citation,
        "condition": c.condition,
        "outcome": c.outcome,
        "step": c.step,
        "priority": c.priority,
    }


def preset_of(snap: dict) -> Preset:
    """The preset a snapshot describes, with its own parameter set; a snapshot whose content does
    not give its hash is refused (it is not the policy version it claims to be)."""
    parts = {k: snap[k] for k in ("parameters", "rules", "source", "choices")}
    if "sha256:" + hash_parts(parts) != snap.get("hash"):
        raise PolicyError(f"the snapshot of {snap.get('hash')} does not match its hash")
    doc, params = snap["preset"], load_texts(snap["parameters"])
    overrides = tuple(
        Override(
            o["parameter"],
            _value("snapshot", o["parameter"], o["value"], params[o["parameter"]].unit),
            o["reason"],
            date.fromisoformat(o["from"]) if o["from"] else None,
            o["by"],
        )
        for o in doc["overrides"]
    )
    rules = tuple(parse_rule(r, "snapshot") for r in doc["rules"])
    return Preset(
        doc["name"],
        doc["label"],
        doc["programme"],
        doc["version"],
        overrides,
        rules,
        snap["source"],
        param_texts=snap["parameters"],
        frozen_hash=snap["hash"].removeprefix("sha256:"),
        frozen_parts=parts,
    )


def trace_hash(trace: list[dict]) -> str:
    """A hash of what the trace decided (rules, results, facts and parameter values read), not
    of its wording, so a clearer label or explanation never makes a decision irreproducible."""
    rows = [
        {
            "id": e["id"],
            "step": e.get("step"),
            "result": e["result"],
            "inputs": e.get("inputs"),
            "missing": e.get("missing"),
            "data": {k: v for k, v in (e.get("data") or {}).items() if k != "reason"},
            "parameters": [(p["name"], p["value"], p["from"]) for p in e.get("parameters", ())],
            "exceptions": [(x["id"], x["outcome"], x["result"]) for x in e.get("exceptions", ())],
        }
        for e in trace
    ]
    text = orjson.dumps(plain(rows), option=orjson.OPT_SORT_KEYS)
    return "sha256:" + hashlib.sha256(text).hexdigest()


def reproduce(facts: dict, policy_version: dict, snap: dict):
    """Evaluate stored facts again under the stored policy version (snapshot + rule set)."""
    if snap.get("hash") != policy_version.get("hash"):
        raise PolicyError("the snapshot is not the decision's policy version")
    ruleset = parse_label(policy_version.get("version", ""))
    return evaluate(facts, preset=preset_of(snap), ruleset=ruleset)


def differences(stored: dict, again: dict) -> dict:
    """What differs between a stored result and its reproduction: {field: {stored, now}}."""
    found = {
        k: {"stored": stored.get(k), "reproduced": again.get(k)}
        for k in COMPARED
        if stored.get(k) != again.get(k)
    }
    before, after = trace_hash(stored.get("trace") or []), trace_hash(again["trace"])
    if before != after:
        old = {e["id"]: trace_hash([e]) for e in stored.get("trace") or []}
        new = {e["id"]: trace_hash([e]) for e in again["trace"]}
        rules = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
        found["trace_hash"] = {"stored": before, "reproduced": after, "rules": rules}
    return found


def shipped_snapshot(digest: str) -> dict | None:
    """A snapshot frozen in the release (insource/policy/versions/), or the current policy's."""
    path = SHIPPED / f"{digest.removeprefix('sha256:')}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return current_snapshot(digest)


def current_snapshot(digest: str, names=("labour-2019-local", "ppn-024-consider", "custom")):
    """The snapshot of a shipped preset whose current hash is `digest`, else None."""
    for name in names:
        preset = get_preset(name)
        if "sha256:" + preset.hash == digest:
            return snapshot(preset)
    return None


def freeze(presets=("labour-2019-local", "ppn-024-consider", "custom")) -> list[Path]:
    """Ship the current snapshot of each preset under insource/policy/versions/ (a release)."""
    SHIPPED.mkdir(exist_ok=True)
    written = []
    for name in presets:
        snap = snapshot(get_preset(name))
        path = SHIPPED / f"{snap['hash'].removeprefix('sha256:')}.json"
        if not path.exists():
            path.write_text(json.dumps(snap, indent=1, sort_keys=True) + "\n", encoding="utf-8")
            written.append(path)
    return written


__all__ = ["CURRENT", "differences", "reproduce", "snapshot", "trace_hash"]
