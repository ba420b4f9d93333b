"""The Monte Carlo run and the tornado, both through the one vectorised evaluation.

Draws: every uncertain input sampled `draws` times (seeded), evaluated in chunks so memory stays
bounded. The difference is outsourced minus in-house: positive means in-house costs less.
Tornado: each uncertain input set to its minimum, then its maximum, the others at their most
likely values; the swing is how far the (deterministic) difference moves.
"""

from __future__ import annotations

import numpy as np

from insource.appraisal.engine.distributions import sample
from insource.appraisal.engine.inputs import Model
from insource.appraisal.engine.npv import option_costs

CHUNK = 250_000
PERCENTILES = (10, 50, 90)


def draw_matrix(model: Model, draws: int, seed: int) -> np.ndarray:
    """Rows: draws; columns: the model's inputs."""
    if not model.inputs:
        return np.empty((draws, 0))
    return np.column_stack([sample(item, draws, seed) for item in model.inputs])


def simulate(model: Model, draws: int, seed: int) -> dict[str, np.ndarray]:
    """Each option's net present cost in every draw."""
    values = draw_matrix(model, draws, seed)
    parts = [option_costs(model, values[i : i + CHUNK]) for i in range(0, draws, CHUNK)]
    return {key: np.concatenate([p[key] for p in parts]) for key in parts[0]}


def deterministic(model: Model) -> dict[str, float]:
    """Each option's net present cost with every input at its most likely value."""
    costs = option_costs(model, model.modes[None, :])
    return {key: float(v[0]) for key, v in costs.items()}


def spread(values: np.ndarray) -> dict[str, float]:
    """Mean and the P10, P50, P90 of a sample."""
    p10, p50, p90 = np.percentile(values, PERCENTILES)
    return {"mean": float(values.mean()), "p10": float(p10), "p50": float(p50), "p90": float(p90)}


def histogram(values: np.ndarray, bins: int = 40) -> dict[str, list]:
    """Counts of the sample in equal bins (one bin when every value is the same)."""
    low, high = float(values.min()), float(values.max())
    if high <= low:
        return {"edges": [low, high], "counts": [int(values.size)]}
    counts, edges = np.histogram(values, bins=bins, range=(low, high))
    return {"edges": [float(e) for e in edges], "counts": [int(c) for c in counts]}


def tornado(model: Model, limit: int = 20) -> list[dict]:
    """The uncertain inputs by the swing of the difference from their minimum to maximum."""
    uncertain = [j for j, item in enumerate(model.inputs) if item.is_uncertain]
    if not uncertain or "outsourced" not in model.options:
        return []
    rows = np.tile(model.modes, (2 * len(uncertain), 1))
    for k, j in enumerate(uncertain):
        rows[2 * k, j], rows[2 * k + 1, j] = model.inputs[j].low, model.inputs[j].high
    costs = option_costs(model, rows)
    diff = costs["outsourced"] - costs["inhouse"]
    bars = [_bar(model.inputs[j], diff[2 * k], diff[2 * k + 1]) for k, j in enumerate(uncertain)]
    return sorted(bars, key=lambda bar: (-bar["swing"], bar["input"]))[:limit]


def _bar(item, at_low: float, at_high: float) -> dict:
    return {
        "input": item.path,
        "label": item.label,
        "low": item.low,
        "most_likely": item.mode,
        "high": item.high,
        "difference_at_low": float(at_low),
        "difference_at_high": float(at_high),
        "swing": abs(float(at_high) - float(at_low)),
    }
