"""The Monte Carlo: reproducible from its seed, equal to the deterministic case when every range
collapses, and right on cases whose percentiles are known analytically."""

import math

import numpy as np
import pytest

from insource.appraisal.engine import appraise_document
from insource.appraisal.engine.distributions import pert_mean, sample
from insource.appraisal.engine.inputs import Input
from insource.testing.appraisal_documents import doc, line

DRAWS = 200_000


def run(d, draws=DRAWS, seed=11):
    return appraise_document(d, draws=draws, seed=seed)


def one_off(id_, amount):
    return line(id_, amount, timing="one_off")


def uncertain_doc():
    return doc(
        [
            line("pay", (90_000, 100_000, 125_000)),
            line("lgps", None, percent_of=["pay"], rate_pct=(16, 19.5, 23)),
        ],
        [
            line(
                "price", (115_000, 125_000, 150_000, "triangular"), nominal_indexation_pct=(1, 2, 4)
            )
        ],
        gdp_deflator_pct=(1, 2, 3),
    )


def test_the_same_seed_gives_the_same_result():
    a, b = run(uncertain_doc(), draws=50_000), run(uncertain_doc(), draws=50_000)
    assert a == b


def test_another_seed_gives_another_sample_near_the_first():
    a, b = run(uncertain_doc(), seed=1), run(uncertain_doc(), seed=2)
    assert a["p50"] != b["p50"]
    assert a["p50"] == pytest.approx(b["p50"], rel=0.02)
    assert a["difference"] == b["difference"]  # the deterministic case has no randomness


def test_collapsed_ranges_equal_the_deterministic_case():
    collapsed = doc(
        [
            line("pay", (100_000, 100_000, 100_000)),
            line("lgps", None, percent_of=["pay"], rate_pct=(19.5, 19.5, 19.5)),
        ],
        [line("price", (125_000, 125_000, 125_000))],
    )
    result = run(collapsed, draws=100_000)
    assert result["p10"] == result["p50"] == result["p90"] == result["difference"]
    assert result["mean_difference"] == pytest.approx(result["difference"], abs=0.01)
    assert result["p_inhouse_cheaper"] == 1.0
    assert result["uncertain_inputs"] == 0 and result["tornado"] == []


def test_narrowing_ranges_converge_on_the_deterministic_case():
    gaps = []
    for width in (20_000, 2_000, 200):
        d = doc([line("pay", (100_000 - width, 100_000, 100_000 + width))], [line("p", 110_000)])
        r = run(d, draws=50_000)
        gaps.append(abs(r["p50"] - r["difference"]))
    assert gaps[0] > gaps[1] > gaps[2] and gaps[2] < 5


def test_symmetric_triangular_percentiles_are_the_analytic_ones():
    # In-house X ~ Triangular(90, 100, 110) in year 0; outsourced 100. Difference = 100 - X.
    # F(x) = 1 - (110 - x)^2 / 200 above the mode, so X's P90 = 110 - sqrt(20) = 105.528.
    d = doc([one_off("x", (90, 100, 110, "triangular"))], [one_off("o", 100)])
    r = run(d, draws=400_000)
    assert r["p_inhouse_cheaper"] == pytest.approx(0.5, abs=0.004)
    assert r["p10"] == pytest.approx(100 - (110 - math.sqrt(20)), abs=0.03)
    assert r["p90"] == pytest.approx(110 - math.sqrt(20) - 100, abs=0.03)
    assert r["p50"] == pytest.approx(0, abs=0.03)


def test_skewed_triangular_median():
    # X ~ Triangular(0, 0, 1,000,000): F(x) = 1 - (1 - x/1e6)^2; median 1e6 × (1 - 1/sqrt 2).
    median = 1_000_000 * (1 - 1 / math.sqrt(2))
    d = doc([one_off("x", (0, 0, 1_000_000, "triangular"))], [one_off("o", round(median))])
    r = run(d, draws=400_000)
    assert r["p_inhouse_cheaper"] == pytest.approx(0.5, abs=0.004)
    assert r["p50"] == pytest.approx(0, abs=2_500)


def test_pert_probability_is_the_beta_cdf():
    # PERT(0, 0.5, 1) is Beta(3, 3): F(x) = 10x^3 - 15x^4 + 6x^5, so F(0.7) = 0.83692.
    d = doc([one_off("x", (0, 0.5, 1))], [one_off("o", 0.7)])
    r = run(d, draws=400_000)
    assert r["p_inhouse_cheaper"] == pytest.approx(0.83692, abs=0.003)


def test_pert_sample_mean_is_the_pert_mean():
    item = Input("a", "a", 10, 12, 30, "pert")
    draws = sample(item, 400_000, 3)
    assert draws.min() >= 10 and draws.max() <= 30
    assert draws.mean() == pytest.approx(pert_mean(item), abs=0.02)  # (10 + 48 + 30) / 6


def test_an_input_keeps_its_draws_when_another_is_added():
    one = Input("options.inhouse.lines[0].amount_gbp", "a", 1, 2, 4, "pert")
    assert np.array_equal(sample(one, 1000, 5), sample(one, 1000, 5))


def test_the_histogram_counts_every_draw():
    r = run(uncertain_doc(), draws=50_000)
    assert sum(r["histogram"]["counts"]) == 50_000
    assert len(r["histogram"]["edges"]) == len(r["histogram"]["counts"]) + 1


def test_tornado_swing_is_the_hand_worked_one_and_sorted():
    d = doc(
        [line("big", (80_000, 100_000, 140_000)), line("small", (9_000, 10_000, 11_000))],
        [line("o", 120_000)],
    )
    bars = run(d, draws=1_000)["tornado"]
    assert [b["input"] for b in bars] == [
        "options.inhouse.lines[0].amount_gbp",
        "options.inhouse.lines[1].amount_gbp",
    ]
    annuity = 1 / 1.035 + 1 / 1.035**2 + 1 / 1.035**3
    assert bars[0]["swing"] == pytest.approx(60_000 * annuity, abs=0.01)
    assert bars[0]["difference_at_low"] > bars[0]["difference_at_high"]
