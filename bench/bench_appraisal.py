"""Appraisal benchmark: 100,000 Monte Carlo draws, 20 uncertain inputs, a 10-year term.

Measures (median of N runs, after one warm-up, in this process):
  - the vectorised Monte Carlo core: sampling every input (seeded, PERT/triangular) and the net
    present cost of each option in every draw (`draw_matrix` + `option_costs`);
  - the whole `appraise_document`: JSON Schema validation, parameters, model, the deterministic
    case, the Monte Carlo, percentiles, histogram, tornado, line values and cash flows;
  - the same Monte Carlo as a naive Python loop: `random` draws and a loop per draw, per line
    and per year (no NumPy), for the ratio.
The naive loop is checked against the vectorised evaluation on the same draws (to 1e-6 relative)
before anything is timed.

Usage: .venv/bin/python bench/bench_appraisal.py [--draws 100000] [--runs 5] [--naive-runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from insource.appraisal.engine import appraise_document  # noqa: E402
from insource.appraisal.engine.inputs import build_model  # noqa: E402
from insource.appraisal.engine.montecarlo import draw_matrix  # noqa: E402
from insource.appraisal.engine.npv import option_costs  # noqa: E402
from insource.appraisal.engine.parameters import appraisal_parameters  # noqa: E402
from insource.appraisal.engine.schema import validate  # noqa: E402


def r(low, mode, high, dist="pert"):
    return {"min": low, "most_likely": mode, "max": high, "distribution": dist}


def line(id_, category, **fields):
    return {"id": id_, "category": category, "label": id_, "source": "benchmark"} | fields


OB = {"optimism_bias": "outsourcing"}
DOCUMENT = {
    "version": 1,
    "title": "Benchmark: 20 uncertain inputs over 10 years",
    "appraisal_on": "2026-11-23",
    "term_years": 10,
    "gdp_deflator_pct": r(1.5, 2.0, 2.8),
    "options": {
        "inhouse": {
            "lines": [
                line(
                    "pay",
                    "staff_pay",
                    amount_gbp=r(2.25e6, 2.385e6, 2.55e6),
                    real_escalation_pct=r(0, 0.5, 1.5),
                    **OB,
                    optimism_bias_mitigation_pct=r(70, 85, 95),
                ),
                line("oncosts", "staff_oncosts", percent_of=["pay"], rate_pct=r(11, 12.7, 13.5)),
                line("lgps", "pension", percent_of=["pay"], rate_pct=r(16.5, 19.5, 23)),
                line(
                    "fuel",
                    "other",
                    amount_gbp=r(5.2e5, 6e5, 7.2e5, "triangular"),
                    real_escalation_pct=r(-1, 0.5, 3),
                ),
                line("maintenance", "overheads", amount_gbp=r(4.2e5, 4.8e5, 5.6e5)),
                line("overheads", "overheads", amount_gbp=r(2.5e5, 3.2e5, 4.2e5)),
                line(
                    "mobilisation", "mobilisation", timing="one_off", amount_gbp=r(3e5, 4.5e5, 7e5)
                ),
                line("fleet", "capital", timing="one_off", amount_gbp=5.5e6),
                line("rates", "business_rates", amount_gbp=95000),
                line("trade-waste", "income", amount_gbp=r(3.5e5, 4.5e5, 5.2e5)),
            ]
        },
        "outsourced": {
            "lines": [
                line(
                    "price",
                    "supplier_price",
                    amount_gbp=r(4.95e6, 5.25e6, 5.7e6),
                    nominal_indexation_pct=r(2, 3, 4),
                    **OB,
                    optimism_bias_mitigation_pct=r(75, 90, 100),
                ),
                line("margin", "profit_margin", percent_of=["price"], rate_pct=r(4, 7, 10)),
                line(
                    "vat",
                    "vat",
                    percent_of=["price", "margin"],
                    irrecoverable_vat_share_pct=r(0, 0, 2, "triangular"),
                ),
                line(
                    "client",
                    "contract_management",
                    amount_gbp=r(1.6e5, 2.1e5, 2.8e5),
                    real_escalation_pct=r(0, 0.5, 1),
                ),
                line(
                    "procurement", "mobilisation", timing="one_off", amount_gbp=r(1.8e5, 2.5e5, 4e5)
                ),
            ]
        },
    },
}


# --- the naive loop: the same model, evaluated one draw, one line and one year at a time ----


def naive_sample(item, rng: random.Random) -> float:
    if not item.is_uncertain:
        return item.mode
    if item.distribution == "triangular":
        return rng.triangular(item.low, item.high, item.mode)
    width = item.high - item.low
    a = 1 + 4 * (item.mode - item.low) / width
    b = 1 + 4 * (item.high - item.mode) / width
    return item.low + width * rng.betavariate(a, b)


def naive_costs(model, v: list[float]) -> dict[str, float]:
    """One draw's net present cost of each option, by loops."""
    pv = []
    factors = list(model.factors)
    for ln in model.lines:
        if ln.percent_of:
            value = sum(pv[k] for k in ln.percent_of) * v[ln.rate] * ln.rate_scale
        else:
            if ln.indexation is not None:
                g = (1 + v[ln.indexation] / 100) / (1 + v[model.deflator] / 100) - 1
            else:
                g = v[ln.escalation] / 100 if ln.escalation is not None else 0.0
            value = 0.0
            for t in ln.years:
                value += v[ln.amount] * (1 + g) ** t * factors[t]
        if ln.ob_upper or ln.ob_lower:
            m = v[ln.mitigation] / 100 if ln.mitigation is not None else 0.0
            value *= 1 + max(ln.ob_lower, ln.ob_upper * (1 - m))
        pv.append(value * ln.relief)
    totals = dict.fromkeys(model.options, 0.0)
    for ln, value in zip(model.lines, pv, strict=True):
        totals[ln.option] += ln.sign * value
    return totals


def naive_run(model, draws: int, seed: int) -> list[float]:
    rng = random.Random(seed)
    diffs = []
    for _ in range(draws):
        v = [naive_sample(item, rng) for item in model.inputs]
        c = naive_costs(model, v)
        diffs.append(c["outsourced"] - c["inhouse"])
    return diffs


def vector_run(model, draws: int, seed: int) -> np.ndarray:
    costs = option_costs(model, draw_matrix(model, draws, seed))
    return costs["outsourced"] - costs["inhouse"]


def timed(fn, runs: int) -> list[float]:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--naive-runs", type=int, default=3)
    args = parser.parse_args()
    validate(DOCUMENT)
    model = build_model(DOCUMENT, appraisal_parameters(date_of(DOCUMENT)))
    uncertain = sum(i.is_uncertain for i in model.inputs)
    assert uncertain == 20, uncertain
    check(model)
    vec = timed(lambda: vector_run(model, args.draws, 1), args.runs)
    full = timed(lambda: appraise_document(DOCUMENT, draws=args.draws, seed=1), args.runs)
    naive = timed(lambda: naive_run(model, args.draws, 1), args.naive_runs)
    report(args, uncertain, vec, full, naive)


def date_of(doc):
    from datetime import date

    return date.fromisoformat(doc["appraisal_on"])


def check(model) -> None:
    values = draw_matrix(model, 2_000, 3)
    vec = option_costs(model, values)
    for i in range(values.shape[0]):
        row = naive_costs(model, list(values[i]))
        for key in model.options:
            assert abs(row[key] - vec[key][i]) <= 1e-6 * abs(row[key]), (i, key)


def report(args, uncertain, vec, full, naive) -> None:
    med = {k: statistics.median(v) for k, v in (("vec", vec), ("full", full), ("naive", naive))}
    facts = {
        "draws": args.draws,
        "uncertain_inputs": uncertain,
        "term_years": 10,
        "runs": args.runs,
        "naive_runs": args.naive_runs,
        "vectorised_core_s": {"median": med["vec"], "all": vec},
        "appraise_document_s": {"median": med["full"], "all": full},
        "naive_loop_s": {"median": med["naive"], "all": naive},
        "ratio_naive_over_vectorised": med["naive"] / med["vec"],
        "ratio_naive_over_appraise_document": med["naive"] / med["full"],
        "machine": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "cpus": os.cpu_count(),
            "processor": _cpu(),
            "platform": platform.platform(),
        },
    }
    print(json.dumps(facts, indent=2))


def _cpu() -> str:
    try:
        for text in Path("/proc/cpuinfo").read_text().splitlines():
            if text.startswith("model name"):
                return text.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


if __name__ == "__main__":
    main()
