"""Three-valued logic (true / false / unknown = None) and the finding a rule returns."""

from __future__ import annotations

from dataclasses import dataclass, field


def all3(values) -> bool | None:
    """Kleene AND: false if any is false, unknown if any is unknown, else true."""
    values = list(values)
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def any3(values) -> bool | None:
    """Kleene OR: true if any is true, unknown if any is unknown, else false."""
    values = list(values)
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


def not3(value: bool | None) -> bool | None:
    return None if value is None else not value


@dataclass(frozen=True)
class Cond:
    """One condition of a rule: plain-English label, its value, the facts it rests on."""

    label: str
    value: bool | None
    facts: tuple[str, ...] = ()
    neg: str = ""


@dataclass
class Finding:
    """What a rule found: holds (True), does not (False) or cannot tell (None), and why."""

    value: bool | None
    held: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    note: str = ""
    data: dict = field(default_factory=dict)


def conjunction(conds: list[Cond], note: str = "") -> Finding:
    """Every condition must hold: the finding lists those that held, failed and are unknown."""
    finding = Finding(all3(c.value for c in conds), note=note)
    for c in conds:
        if c.value is True:
            finding.held.append(c.label)
        elif c.value is False:
            finding.failed.append(c.neg or f"not so: {c.label}")
        else:
            finding.unknown.append(c.label)
            finding.missing.extend(f for f in c.facts if f not in finding.missing)
    return finding


def refused(reason: str, note: str = "") -> Finding:
    """A finding that does not hold for a single stated reason."""
    return Finding(False, failed=[reason], note=note)


def fact_cond(ctx, path: str, texts: tuple[str, str], negate: bool = False) -> Cond:
    """A condition on one fact: texts are (when it holds, when it does not)."""
    value = ctx.fact(path)
    return Cond(texts[0], not3(value) if negate else value, (path,), texts[1])
