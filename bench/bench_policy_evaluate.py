"""Benchmark the policy engine: single-decision latency (median, p99) and .jsonl throughput.

    .venv/bin/python bench/bench_policy_evaluate.py [--n 2000] [--lines 20000]

Not part of the test run. Facts are generated (seeded) in the shape of real reviews: a mix of
services, light-touch care, works and goods, values around the thresholds, some facts unknown.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from insource.policy import evaluate
from insource.policy.commands import evaluate_lines
from insource.policy.presets import get_preset
from insource.testing.policy import COMPLIANT_TERMS

CPVS = [
    "90511000",
    "90910000",
    "55524000",
    "77313000",
    "92610000",
    "85312000",
    "85311000",
    "98351000",
    "79100000",
    "30192000",
    "45453000",
    "72000000",
]
TERMS = COMPLIANT_TERMS


def maybe(rnd: random.Random, value, p_unknown: float = 0.2):
    return None if rnd.random() < p_unknown else value


def facts(rnd: random.Random) -> dict:
    cpv = rnd.choice(CPVS)
    value = rnd.choice([90_000, 150_000, 207_720, 600_000, 2_500_000, 12_000_000])
    return {
        "decision_on": "2026-06-01",
        "procurement_start_on": rnd.choice(["2026-05-01", None]),
        "contract": {
            "cpv": [cpv],
            "value_inc_vat": str(value),
            "counterparty": maybe(rnd, rnd.choice(["private", "vcse", "public-authority"])),
            "is_light_touch": cpv.startswith("853"),
            "has_assigned_workforce": True,
            "nature": "goods" if cpv.startswith("30") else None,
        },
        "at_risk": {
            k: maybe(rnd, rnd.random() < 0.3)
            for k in ("significant_contact", "coercive_powers", "rights_risk")
        },
        "public_interest_test": rnd.choice(
            [{}, {f"T{n}": maybe(rnd, True, 0.05) for n in range(1, 11)}]
        ),
        "good_reasons": {
            "capacity": rnd.choice(
                [
                    {},
                    {
                        "claimed": True,
                        "insufficient_after_support": True,
                        "support_measures_considered": maybe(rnd, True),
                        "capacity_plan": True,
                        "re_review_on": "2028-09-30",
                        "evidence": ["plan.pdf"],
                    },
                ]
            )
        },
        "proposed_terms": rnd.choice([{}, TERMS]),
    }


def latency(n: int) -> list[float]:
    rnd, preset = random.Random(1), get_preset(None)
    docs = [facts(rnd) for _ in range(n)]
    evaluate(docs[0], preset=preset)
    times = []
    for doc in docs:
        start = time.perf_counter()
        evaluate(doc, preset=preset).to_json()
        times.append((time.perf_counter() - start) * 1000)
    return times


def throughput(lines: int) -> tuple[float, float]:
    rnd = random.Random(2)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "facts.jsonl"
        path.write_text("\n".join(json.dumps(facts(rnd)) for _ in range(lines)) + "\n")
        start = time.perf_counter()
        with path.open() as f:
            count = sum(1 for _ in evaluate_lines(f))
        elapsed = time.perf_counter() - start
    return count / elapsed, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--lines", type=int, default=20000)
    args = parser.parse_args()
    times = sorted(latency(args.n))
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(
        f"single decision (evaluate + to_json), n={args.n}: median "
        f"{statistics.median(times):.3f} ms, p99 {p99:.3f} ms, max {times[-1]:.3f} ms"
    )
    rate, elapsed = throughput(args.lines)
    print(
        f"jsonl stream, {args.lines} documents in one process: {elapsed:.2f} s, "
        f"{rate:,.0f} decisions/s"
    )


if __name__ == "__main__":
    main()
