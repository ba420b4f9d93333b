"""Presets: overlays on one rule base (POLICY.md §2): `labour-2019-local` (default),
`ppn-024-consider`, and `custom` (an authority's overrides and declarative rules).

Overrides carry reasons; LAW parameters move only in the stricter direction (a lower threshold,
a shorter deadline); custom rules are declarative YAML, never code.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from insource.policy.custom import CustomRule, parse_rule
from insource.policy.errors import ParameterError, PresetError
from insource.policy.param_texts import load_texts, parameter_texts
from insource.policy.params import Override, Parameters, _value, load_all
from insource.policy.programmes import PROGRAMMES
from insource.policy.rules import REGISTRY
from insource.policy.rulesets import CURRENT, label

PRESETS = Path(__file__).parent / "presets"
DEFAULT = "labour-2019-local"
KEYS = {
    "name",
    "label",
    "description",
    "programme",
    "version",
    "overrides",
    "rules",
    "base",
    "authority",
}


@dataclass(frozen=True)
class Preset:
    name: str
    label: str
    programme: str
    version: str
    overrides: tuple[Override, ...] = ()
    rules: tuple[CustomRule, ...] = ()
    source: str = ""
    #: a snapshot's parameter files by path (insource/policy/versions.py); None: the shipped
    param_texts: dict | None = field(default=None, compare=False, hash=False, repr=False)
    #: a snapshot's hash and the parts it covers (the rules' digests of that release)
    frozen_hash: str = field(default="", compare=False, repr=False)
    frozen_parts: dict | None = field(default=None, compare=False, hash=False, repr=False)

    @cached_property
    def parameters(self) -> Parameters:
        if self.param_texts is None:
            return Parameters(load_all(), self.overrides)
        return Parameters(load_texts(self.param_texts), self.overrides)

    @cached_property
    def steps(self) -> dict:
        return PROGRAMMES[self.programme]

    @cached_property
    def hash(self) -> str:
        return self.frozen_hash or hash_parts(hash_inputs(self))

    def policy_version(self, ruleset: str = CURRENT) -> dict:
        """What a decision records to be reproduced: the preset, the rule-set version and the
        hash of the parameter set, rules and preset (a key of the stored snapshots)."""
        return {"preset": self.name, "version": label(ruleset), "hash": "sha256:" + self.hash}


def preset_names() -> list[str]:
    """The names of the shipped presets."""
    return sorted(p.stem for p in PRESETS.glob("*.yaml"))


def get_preset(name_or_path: str | None = None) -> Preset:
    """A shipped preset by name, or an authority's preset file by path."""
    name = name_or_path or DEFAULT
    path = Path(name)
    if path.suffix in (".yaml", ".yml") and path.exists():
        return load_preset(path.read_text(encoding="utf-8"), str(path))
    return _shipped(name)


@cache
def _shipped(name: str) -> Preset:
    path = PRESETS / f"{name}.yaml"
    if not path.exists():
        names = ", ".join(sorted(p.stem for p in PRESETS.glob("*.yaml")))
        raise PresetError(f"there is no preset {name!r}: use one of {names}, or a preset file")
    return load_preset(path.read_text(encoding="utf-8"), path.name)


def load_preset(text: str, where: str = "preset") -> Preset:
    try:
        doc = YAML(typ="base").load(text)
    except YAMLError as exc:
        raise PresetError(f"{where}: not valid YAML or a duplicate key: {exc}") from None
    if not isinstance(doc, dict) or set(doc) - KEYS:
        raise PresetError(
            f"{where}: unknown keys {sorted(set(doc or {}) - KEYS)}; use {', '.join(sorted(KEYS))}"
        )
    return preset_from_dict(doc, where, text)


def preset_from_dict(doc: dict, where: str, text: str = "") -> Preset:
    base = _shipped(doc["base"]) if doc.get("base") else None
    programme = doc.get("programme") or (base.programme if base else "labour-2019")
    if programme not in PROGRAMMES:
        raise PresetError(f"{where}: programme must be one of {', '.join(PROGRAMMES)}")
    if doc.get("rules") and doc.get("name") != "custom":
        raise PresetError(f"{where}: only the custom preset may add rules")
    rules = tuple(
        parse_rule(r, f"{where}: rules[{i}]") for i, r in enumerate(doc.get("rules") or ())
    )
    overrides = (base.overrides if base else ()) + tuple(
        check_override(o, f"{where}: overrides[{i}]")
        for i, o in enumerate(doc.get("overrides") or ())
    )
    return Preset(
        doc.get("name", "custom"),
        doc.get("label", doc.get("name", "custom")),
        programme,
        doc.get("version", base.version if base else "2026.1"),
        overrides,
        rules,
        text,
    )


def check_override(doc: dict, where: str) -> Override:
    """An override within the limits of §3: a reason, and LAW parameters only stricter."""
    if not isinstance(doc, dict) or not str(doc.get("reason", "")).strip():
        raise PresetError(f"{where}: every override needs a parameter, a value and a reason")
    param = load_all().get(doc.get("parameter"))
    if param is None:
        raise PresetError(f"{where}: {doc.get('parameter')!r} is not a parameter")
    try:
        value = _value(where, "value", doc.get("value"), param.unit)
        start = date.fromisoformat(doc["from"]) if doc.get("from") else None
    except (ParameterError, ValueError) as exc:
        raise PresetError(f"{where}: {exc}") from None
    if param.tag == "LAW":
        _check_direction(param, value, start, where)
    return Override(param.name, value, doc["reason"].strip(), start, str(doc.get("by", "")))


def _check_direction(param, value, start, where) -> None:
    later = [e.value for e in param.entries if start is None or e.start >= start]
    current = param.at(start) if start else None
    later += [current.value] if current else []
    ok = {
        "stricter_lower": all(value <= v for v in later),
        "stricter_higher": all(value >= v for v in later),
    }.get(param.override, False)
    if not ok:
        raise PresetError(
            f"{where}: {param.name} is LAW: it may only be overridden "
            f"{'in the stricter direction' if param.override != 'none' else 'never'}"
            f" ({param.override})"
        )


def hash_inputs(preset: Preset) -> dict:
    """What a policy version's hash covers, in a form a snapshot keeps: every parameter file's
    text, every rule's code digest, the preset's text, and its custom rules and overrides."""
    custom = [
        (c.rule.id, c.rule.since, c.condition, c.outcome, c.step, c.priority) for c in preset.rules
    ]
    overrides = [(o.parameter, o.value, o.start, o.reason) for o in preset.overrides]
    return {
        "parameters": parameter_texts() if preset.param_texts is None else preset.param_texts,
        "rules": {
            r.id: hashlib.sha256(r.code.encode()).hexdigest()
            for r in sorted(REGISTRY.values(), key=lambda r: r.id)
        },
        "source": preset.source,
        "choices": json.dumps([custom, overrides], sort_keys=True, default=str),
    }


def hash_parts(parts: dict) -> str:
    """The hash of a policy version from its parts (so a snapshot can be checked against it)."""
    digest = hashlib.sha256()
    for rel, text in sorted(parts["parameters"].items()):
        digest.update(rel.encode() + b"\0" + text.encode())
    for rule_id, code in sorted(parts["rules"].items()):
        digest.update(rule_id.encode() + b"\0" + code.encode())
    digest.update(parts["source"].encode())
    digest.update(parts["choices"].encode())
    return digest.hexdigest()
