"""From a schema-valid document to the model the engine evaluates: cost lines whose numbers are
columns of one input matrix (one row per scenario), so one vectorised evaluation serves the
deterministic case, every Monte Carlo draw and every tornado swing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from insource.appraisal.engine.discounting import discount_factors
from insource.appraisal.engine.errors import AppraisalInputError, InputProblem
from insource.appraisal.engine.lines import PERCENT_FIELDS, Line, line_build
from insource.appraisal.engine.parameters import AppraisalParameters

OPTION_LABELS = {
    "inhouse": "In-house",
    "outsourced": "Outsourced (re-procured)",
    "shared": "Shared service",
    "company": "Council-owned company",
    "community": "Community or co-operative provider",
}


@dataclass(frozen=True)
class Input:
    """One number of the document: fixed (low == high) or a range with its distribution."""

    path: str
    label: str
    low: float
    mode: float
    high: float
    distribution: str

    @property
    def is_uncertain(self) -> bool:
        return self.high > self.low


@dataclass(frozen=True)
class Model:
    """Everything the evaluation needs; `lines` in dependency order."""

    title: str
    on: date
    term_years: int
    options: tuple[str, ...]
    option_labels: dict
    lines: tuple[Line, ...]
    inputs: tuple[Input, ...]
    deflator: int | None
    factors: np.ndarray
    parameters: AppraisalParameters

    @property
    def modes(self) -> np.ndarray:
        return np.array([i.mode for i in self.inputs], dtype=float)


class _Builder:
    """Collects inputs and problems while the document is read."""

    def __init__(self):
        self.inputs: list[Input] = []
        self.problems: list[InputProblem] = []

    def problem(self, path: str, message: str, fix: str = "") -> None:
        self.problems.append(InputProblem(path, message, fix))

    def value(self, raw, path: str, label: str) -> int | None:
        if raw is None:
            return None
        if isinstance(raw, dict):
            low, mode, high = float(raw["min"]), float(raw["most_likely"]), float(raw["max"])
            dist = raw.get("distribution", "pert")
            if not low <= mode <= high:
                self.problem(
                    path,
                    f"min {low:g}, most likely {mode:g}, max {high:g} are out of order",
                    "make min ≤ most_likely ≤ max",
                )
        else:
            low = mode = high = float(raw)
            dist = "fixed"
        field = path.rsplit(".", 1)[-1]
        limit = 100 if field in PERCENT_FIELDS else None
        if field != "real_escalation_pct" and field != "nominal_indexation_pct" and low < 0:
            self.problem(path, f"{low:g} is negative", _negative_fix(field))
        if limit is not None and high > limit:
            self.problem(path, f"{high:g} is more than {limit}", "give a percentage from 0 to 100")
        self.inputs.append(Input(path, label, low, mode, high, dist))
        return len(self.inputs) - 1


def _negative_fix(field: str) -> str:
    if field == "amount_gbp":
        return "enter income or a residual value as a positive amount with category income"
    return "give a value of 0 or more"


def build_model(doc: dict, params: AppraisalParameters) -> Model:
    """The model of a schema-valid document; every semantic fault at once as an error."""
    b = _Builder()
    term = doc["term_years"]
    deflator = b.value(doc.get("gdp_deflator_pct"), "gdp_deflator_pct", "GDP deflator (%)")
    labels, lines = {}, []
    for key in OPTION_LABELS:
        option = doc["options"].get(key)
        if option is not None:
            labels[key] = option.get("label") or OPTION_LABELS[key]
            context = (term, params, deflator, len(lines))
            lines += _option_lines(b, key, labels[key], option["lines"], context)
    if b.problems:
        raise AppraisalInputError(b.problems)
    horizon = max((max(ln.years) for ln in lines if ln.years), default=term)
    return Model(
        doc["title"],
        params.on,
        term,
        tuple(labels),
        labels,
        tuple(lines),
        tuple(b.inputs),
        deflator,
        discount_factors(max(horizon, term), params.bands),
        params,
    )


def _option_lines(b, key, label, raw_lines, context) -> list[Line]:
    term, params, deflator, offset = context
    base = f"options.{key}.lines"
    ids = {}
    for i, raw in enumerate(raw_lines):
        if raw["id"] in ids:
            b.problem(
                f"{base}[{i}].id", f"{raw['id']!r} is used twice", "give each line its own id"
            )
        ids.setdefault(raw["id"], i)
    order = _dependency_order(b, base, raw_lines, ids)
    position: dict[int, int] = {}
    built = []
    for i in order:
        path, raw = f"{base}[{i}]", raw_lines[i]
        refs = raw.get("percent_of", ())
        deps = tuple(offset + position[ids[d]] for d in refs if ids.get(d) in position)
        line = line_build(b, (key, label, path), raw, (term, params, deflator), deps)
        position[i] = len(built)
        built.append(line)
    return built


def _dependency_order(b, base, raw_lines, ids) -> list[int]:
    order, state = [], {}

    def visit(i, trail):
        if state.get(i) == "done":
            return
        if state.get(i) == "open":
            b.problem(
                f"{base}[{i}].percent_of",
                f"the percentages refer to each other in a circle ({' -> '.join(trail)})",
                "make one of them an amount",
            )
            return
        state[i] = "open"
        for ref in raw_lines[i].get("percent_of", ()):
            if ref not in ids:
                b.problem(
                    f"{base}[{i}].percent_of",
                    f"no line {ref!r} in this option",
                    f"use one of {', '.join(sorted(ids))}",
                )
            else:
                visit(ids[ref], [*trail, ref])
        state[i] = "done"
        order.append(i)

    for i, raw in enumerate(raw_lines):
        visit(i, [raw["id"]])
    return order
