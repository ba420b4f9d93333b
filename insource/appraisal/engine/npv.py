"""Net present cost, vectorised: every row of the input matrix is one scenario.

A line's present value is its amount times the discounted sum of its growth over its years,
times its optimism bias uplift and any relief; a percentage line is its rate times the present
value of the lines it refers to (which have the same years and growth, so the percentage of the
sum is the sum of the percentages). An option's net present cost is the sum of its lines, income
and residual values counting against it. Amounts are at base-year prices (real terms), as the
Green Book discount rate is real.
"""

from __future__ import annotations

import numpy as np

from insource.appraisal.engine.inputs import Model
from insource.appraisal.engine.lines import Line


def line_values(model: Model, values: np.ndarray) -> np.ndarray:
    """Present value of every line (rows: scenarios; columns: `model.lines`), before its sign."""
    out = np.empty((values.shape[0], len(model.lines)))
    for j, line in enumerate(model.lines):
        if line.percent_of:
            base = out[:, list(line.percent_of)].sum(axis=1)
            pv = base * _column(model, values, line.rate) * line.rate_scale
        else:
            pv = _column(model, values, line.amount) * _discounted_growth(model, values, line)
        out[:, j] = pv * _optimism_factor(model, values, line) * line.relief
    return out


def option_costs(model: Model, values: np.ndarray) -> dict[str, np.ndarray]:
    """Net present cost of each option, one value per scenario."""
    pv = line_values(model, values)
    signs = np.array([line.sign for line in model.lines], dtype=float)
    return {
        key: pv[:, mask] @ signs[mask]
        for key in model.options
        if (mask := np.array([line.option == key for line in model.lines])).any()
    }


def _column(model: Model, values: np.ndarray, index: int | None) -> np.ndarray | float:
    """An input's values per scenario (a scalar when it is fixed: no work per row)."""
    if index is None:
        return 0.0
    if not model.inputs[index].is_uncertain:
        return model.inputs[index].mode
    return values[:, index]


def growth_rate(model: Model, values: np.ndarray, line: Line):
    """Real growth a year, as a fraction: the real escalation, or the indexation made real."""
    if line.indexation is not None:
        index = _column(model, values, line.indexation) / 100
        deflator = _column(model, values, model.deflator) / 100
        return (1 + index) / (1 + deflator) - 1
    return _column(model, values, line.escalation) / 100


def _discounted_growth(model: Model, values: np.ndarray, line: Line):
    """Sum over the line's years of (1 + g)^t times the discount factor of year t."""
    years = np.array(line.years, dtype=float)
    factors = model.factors[list(line.years)]
    growth = growth_rate(model, values, line)
    if np.isscalar(growth):
        return float((1 + growth) ** years @ factors)
    return np.power.outer(1 + growth, years) @ factors


def _optimism_factor(model: Model, values: np.ndarray, line: Line):
    """1 + the optimism bias: the upper bound less the mitigated part, never below the lower."""
    if line.ob_upper == 0 and line.ob_lower == 0:
        return 1.0
    mitigated = _column(model, values, line.mitigation) / 100
    return 1 + np.maximum(line.ob_lower, line.ob_upper * (1 - mitigated))


def line_flows(model: Model, row: np.ndarray) -> np.ndarray:
    """One scenario's present values by line (rows) and year (columns 0..horizon); each row
    sums to the line's present value in `line_values`."""
    out = np.zeros((len(model.lines), len(model.factors)))
    values = row[None, :]
    for j, line in enumerate(model.lines):
        if line.percent_of:
            rate = _column(model, values, line.rate) * line.rate_scale
            out[j] = out[list(line.percent_of)].sum(axis=0) * np.ravel(rate)[0]
        else:
            years = np.array(line.years)
            growth = np.ravel(growth_rate(model, values, line))[0]
            amount = np.ravel(_column(model, values, line.amount))[0]
            out[j, years] = amount * (1 + growth) ** years * model.factors[years]
        out[j] *= np.ravel(_optimism_factor(model, values, line))[0] * line.relief
    return out
