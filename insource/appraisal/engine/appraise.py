"""An appraisal from end to end: validate, build the model, evaluate, summarise.

The result is plain JSON-ready data: each option's net present cost (deterministic, every
input at its most likely value) and its P10/P50/P90; the option with the lowest central (P50)
cost and the probability that each option is the cheapest of all; the difference outsourced
minus in-house with its P10/P50/P90 and the probability that in-house costs less than
outsourcing (criterion T4 reads that one comparison, nothing else); each other option against
in-house; a histogram, the tornado, each line's present value and each option's cash flows,
and the parameters read with their citations.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from insource.appraisal.engine import montecarlo as mc
from insource.appraisal.engine.inputs import Model, build_model
from insource.appraisal.engine.npv import line_flows, line_values
from insource.appraisal.engine.parameters import appraisal_parameters
from insource.appraisal.engine.schema import validate

DEFAULT_DRAWS = 100_000
DEFAULT_SEED = 20_221_118  # the Green Book 2022's publication date: any fixed number will do


def _money(x: float) -> float:
    return round(float(x), 2)


def appraise_document(doc, *, draws=DEFAULT_DRAWS, seed=DEFAULT_SEED, parameters=None) -> dict:
    """Validate a document (raises AppraisalInputError naming each fault) and appraise it."""
    validate(doc)
    params = appraisal_parameters(date.fromisoformat(doc["appraisal_on"]), parameters)
    return appraise(build_model(doc, params), draws=draws, seed=seed)


def appraise(model: Model, *, draws: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED) -> dict:
    """The results of a model: deterministic figures, the distribution, the tornado."""
    base = mc.deterministic(model)
    costs = mc.simulate(model, draws, seed)
    diff = costs["outsourced"] - costs["inhouse"]
    spread = mc.spread(diff)
    result = {
        "title": model.title,
        "appraisal_on": model.on.isoformat(),
        "term_years": model.term_years,
        "draws": draws,
        "seed": seed,
        "options": {key: _money(v) for key, v in base.items()},
        "option_labels": dict(model.option_labels),
        "difference": _money(base["outsourced"] - base["inhouse"]),
        "p10": _money(spread["p10"]),
        "p50": _money(spread["p50"]),
        "p90": _money(spread["p90"]),
        "mean_difference": _money(spread["mean"]),
        "p_inhouse_cheaper": round(float(np.mean(diff > 0)), 4),
        "uncertain_inputs": sum(1 for i in model.inputs if i.is_uncertain),
    }
    result |= ranking(costs)
    result |= _details(model, costs, diff)
    return result


def ranking(costs: dict[str, np.ndarray]) -> dict:
    """Which option has the lowest central (P50) net present cost, and in what share of the
    draws each option is the cheapest of all (ties go to the first option in document order;
    with continuous inputs they do not happen)."""
    keys = list(costs)
    winners = np.argmin(np.vstack([costs[k] for k in keys]), axis=0)
    p50 = {k: float(np.percentile(costs[k], 50)) for k in keys}
    return {
        "cheapest_p50": min(keys, key=lambda k: (p50[k], keys.index(k))),
        "p_cheapest": {k: round(float(np.mean(winners == i)), 4) for i, k in enumerate(keys)},
    }


def _details(model: Model, costs: dict, diff: np.ndarray) -> dict:
    details = {
        "distribution": {key: _rounded(mc.spread(v)) for key, v in costs.items()},
        "histogram": mc.histogram(diff),
        "tornado": [_rounded(bar) for bar in mc.tornado(model)],
        "lines": lines_table(model),
        "cash_flows": cash_flows(model),
        "discount_factors": [round(float(f), 10) for f in model.factors],
        "parameters": list(model.parameters.reads),
    }
    details["versus_inhouse"] = {
        key: _versus(costs[key] - costs["inhouse"]) for key in costs if key != "inhouse"
    }
    if "shared" in costs:  # kept for documents read by earlier versions
        details["shared_minus_inhouse"] = details["versus_inhouse"]["shared"]
    return details


def _versus(diff: np.ndarray) -> dict:
    """An option minus in-house: its spread and the probability that in-house costs less."""
    return _rounded(mc.spread(diff)) | {"p_inhouse_cheaper": round(float(np.mean(diff > 0)), 4)}


def _rounded(row: dict) -> dict:
    return {k: _money(v) if isinstance(v, float) else v for k, v in row.items()}


def lines_table(model: Model) -> list[dict]:
    """Each line's present value at the most likely inputs, signed as it counts."""
    pv = line_values(model, model.modes[None, :])[0]
    return [
        {
            "option": line.option,
            "id": line.id,
            "category": line.category,
            "label": line.label,
            "source": line.source,
            "present_value": _money(line.sign * pv[j]),
        }
        for j, line in enumerate(model.lines)
    ]


def cash_flows(model: Model) -> dict[str, list[dict]]:
    """Each option's cost in each year at base-year prices, its factor and present value."""
    flows = line_flows(model, model.modes)
    signs = np.array([line.sign for line in model.lines], dtype=float)
    table = {}
    for key in model.options:
        mask = np.array([line.option == key for line in model.lines])
        pv = signs[mask] @ flows[mask]
        table[key] = [
            {
                "year": t,
                "cost": _money(pv[t] / model.factors[t]),
                "factor": round(float(model.factors[t]), 6),
                "present_value": _money(pv[t]),
            }
            for t in range(len(pv))
        ]
    return table
