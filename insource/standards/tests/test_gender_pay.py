"""The six gender pay gap measures (SI 2017/172 regs. 8-13) against hand-worked examples."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from insource.standards.payroll.gender_pay import (
    gender_pay,
    measures,
    present,
    quartile_counts,
    quartile_sizes,
    report,
)
from insource.standards.payroll.returns import Worker

HOURS = Decimal(10)


def w(gender, rate, bonus="0", *, full=True, sub=False, ref=None) -> Worker:
    """A worker on `rate` an hour for a 10-hour pay period (ordinary pay = rate × 10)."""
    w.n = getattr(w, "n", 0) + 1
    return Worker(
        row=w.n,
        worker_ref=ref or f"R{w.n}",
        role="",
        gender=gender,
        is_london=False,
        period_start=date(2026, 3, 1),
        period_end=date(2026, 3, 31),
        hours=HOURS,
        ordinary_pay=Decimal(str(rate)) * HOURS,
        bonus_pay_12m=Decimal(bonus),
        is_subcontractor=sub,
        is_full_pay_relevant=full,
    )


def eight() -> list[Worker]:
    """Men on 10, 12, 14, 20 an hour; women on 10, 11, 12, 13.

    Bonuses: men 0, 100, 300, 0 (paid: 100, 300); women 50, 0, 100, 210 (paid: 50, 100, 210).
    """
    return [
        w("M", 10),
        w("M", 12, "100"),
        w("M", 14, "300"),
        w("M", 20),
        w("F", 10, "50"),
        w("F", 11),
        w("F", 12, "100"),
        w("F", 13, "210"),
    ]


def test_eight_employees_mean_and_median_gaps():
    # mean men (10+12+14+20)/4 = 14; mean women (10+11+12+13)/4 = 11.5
    # (14 - 11.5) / 14 × 100 = 17.857142… -> 17.9 at presentation
    # median men (12+14)/2 = 13; median women (11+12)/2 = 11.5; (13 - 11.5) / 13 × 100 = 11.538…
    raw = measures(eight())
    assert raw["mean_hourly_gap"] == Decimal("2.5") / 14 * 100
    assert raw["median_hourly_gap"] == Decimal("1.5") / 13 * 100
    out = present(raw)
    assert out["mean_hourly_gap"] == 17.9
    assert out["median_hourly_gap"] == 11.5


def test_eight_employees_bonus_measures():
    # men paid a bonus: 100, 300 -> mean 200, median 200; 2 of 4 men = 50%
    # women paid a bonus: 50, 100, 210 -> mean 120, median 100; 3 of 4 women = 75%
    # mean gap (200 - 120) / 200 × 100 = 40; median gap (200 - 100) / 200 × 100 = 50
    out = present(measures(eight()))
    assert out["mean_bonus_gap"] == 40.0
    assert out["median_bonus_gap"] == 50.0
    assert out["male_bonus_pct"] == 50.0
    assert out["female_bonus_pct"] == 75.0
    assert out["reasons"] == {}


def test_eight_employees_quartiles_with_a_two_person_tie():
    # ranked: 10F 10M | 11F 12? | 12? 13F | 14M 20M (two per quartile)
    # the 10s (1M 1F) sit wholly in the lower quartile: 50% women
    # the 12s (1M 1F) straddle lower middle / upper middle, one place each: the man is placed
    # first (cumulative rounding half up: round(1 × 1/2) = 1), so lower middle = 11F + 12M = 50%,
    # upper middle = 12F + 13F = 100% women (a single-sex quartile), top = 14M + 20M = 0% women
    assert present(measures(eight()))["quartiles"] == [50.0, 50.0, 100.0, 0.0]


def test_tie_across_a_boundary_is_split_evenly_whatever_the_input_order():
    # 9F, 9.5F | 12 12 | 12 12 | 15M 16M with the four 12s = 2 men, 2 women.
    # The 12s fill lower middle and upper middle; each takes 2 × 2/4 = 1 man and 1 woman.
    # A plain sort would put M, M in one quartile and F, F in the other (0% / 100%).
    for tied in (["M", "M", "F", "F"], ["F", "F", "M", "M"]):
        workers = [w("F", 9), w("F", "9.5"), *[w(g, 12) for g in tied], w("M", 15), w("M", 16)]
        assert present(measures(workers))["quartiles"] == [100.0, 50.0, 50.0, 0.0]
        assert quartile_counts(workers)[1] == {"M": 1, "F": 1}


def test_uneven_tie_keeps_the_mix_as_even_as_possible():
    # 4 employees, one per quartile; a tie of 3 (2F 1M) at 10 fills lower, lower middle, upper
    # middle. Men placed cumulatively: round(1 × 1/3) = 0, round(1 × 2/3) = 1, round(1 × 3/3) = 1
    # -> lower F, lower middle M, upper middle F; top is the 11F.
    workers = [w("F", 10), w("M", 10), w("F", 10), w("F", 11)]
    assert present(measures(workers))["quartiles"] == [100.0, 0.0, 100.0, 100.0]


def test_quartile_sizes_follow_the_remainder_rule():
    # n // 4 each; 1 left over -> lower; 2 -> lower and upper middle; 3 -> lower, lower middle
    # and upper middle (Acas/GEO guidance)
    assert quartile_sizes(8) == (2, 2, 2, 2)
    assert quartile_sizes(9) == (3, 2, 2, 2)
    assert quartile_sizes(10) == (3, 2, 3, 2)
    assert quartile_sizes(11) == (3, 3, 3, 2)
    assert quartile_sizes(3) == (1, 1, 1, 0)


def test_ten_employees_quartiles_use_the_remainder_sizes():
    # sizes 3, 2, 3, 2; rates 1..10 (women on 1, 2, 4, 6, 9): lower {1F 2F 3M} = 66.7%,
    # lower middle {4F 5M} = 50%, upper middle {6F 7M 8M} = 33.3%, top {9F 10M} = 50%
    genders = "FFMFMFMMFM"
    workers = [w(g, i + 1) for i, g in enumerate(genders)]
    assert present(measures(workers))["quartiles"] == [66.7, 50.0, 33.3, 50.0]


def test_no_man_paid_a_bonus_gives_null_bonus_gaps_with_a_reason():
    # men's bonuses all zero -> "A" (men's mean bonus among those paid one) does not exist
    workers = [w("M", 12), w("M", 13), w("F", 12, "100"), w("F", 13)]
    out = present(measures(workers))
    assert out["mean_bonus_gap"] is None and out["median_bonus_gap"] is None
    assert "no men received a bonus" in out["reasons"]["mean_bonus_gap"]
    assert "no men received a bonus" in out["reasons"]["median_bonus_gap"]
    assert out["male_bonus_pct"] == 0.0
    assert out["female_bonus_pct"] == 50.0
    assert out["mean_hourly_gap"] == 0.0


def test_no_women_gives_null_hourly_gaps_with_a_reason():
    out = present(measures([w("M", 12), w("M", 14)]))
    assert out["mean_hourly_gap"] is None and out["median_hourly_gap"] is None
    assert "no full-pay relevant women" in out["reasons"]["mean_hourly_gap"]
    assert out["female_bonus_pct"] is None
    assert out["reasons"]["female_bonus_pct"] == "no relevant women"


def test_reduced_pay_employee_left_out_of_hourly_and_quartiles_but_counted_for_bonus():
    # a woman on reduced pay (leave) at 5 an hour with a 40 bonus joins the eight:
    # hourly gaps and quartiles are unchanged (17.9, 11.5; 50/50/100/0)
    # women paid a bonus: 50, 100, 210, 40 -> mean 100, median (50+100)/2 = 75; 4 of 5 = 80%
    # mean bonus gap (200 - 100) / 200 = 50; median bonus gap (200 - 75) / 200 = 62.5
    out = present(measures([*eight(), w("F", 5, "40", full=False)]))
    assert (out["num_employees"], out["num_full_pay_relevant"]) == (9, 8)
    assert (out["mean_hourly_gap"], out["median_hourly_gap"]) == (17.9, 11.5)
    assert out["quartiles"] == [50.0, 50.0, 100.0, 0.0]
    assert (out["mean_bonus_gap"], out["median_bonus_gap"]) == (50.0, 62.5)
    assert out["female_bonus_pct"] == 80.0


def test_subcontractors_are_reported_beside_the_provider_never_mixed():
    # subcontracted: a man on 20 and a woman on 10 -> mean and median gap (20-10)/20 = 50%
    subs = [w("M", 20, sub=True), w("F", 10, "30", sub=True)]
    both = gender_pay([*eight(), *subs])
    assert both["provider"] == measures(eight())
    assert both["subcontractors"]["num_employees"] == 2
    assert present(both["subcontractors"])["mean_hourly_gap"] == 50.0
    assert present(both["subcontractors"])["mean_bonus_gap"] is None
    assert gender_pay(eight())["subcontractors"] is None


def test_report_shape_has_the_issue_keys_at_top_level():
    out = report([*eight(), w("M", 20, sub=True), w("F", 10, sub=True)])
    for key in (
        "mean_hourly_gap",
        "median_hourly_gap",
        "mean_bonus_gap",
        "median_bonus_gap",
        "male_bonus_pct",
        "female_bonus_pct",
        "quartiles",
        "subcontractors",
        "num_employees",
        "num_full_pay_relevant",
        "reasons",
    ):
        assert key in out
    assert out["num_employees"] == 8
    assert out["subcontractors"]["num_employees"] == 2


def test_presentation_rounds_half_up_to_one_place():
    # men on 20, women on 19.99: (20 - 19.99) / 20 × 100 = 0.05 exactly -> 0.1 (half up; the
    # unrounded Decimal is kept until presentation)
    raw = measures([w("M", 20), w("F", "19.99")])
    assert raw["mean_hourly_gap"] == Decimal("0.05")
    assert present(raw)["mean_hourly_gap"] == 0.1
    # men on 16, women on 15.99: 0.01 / 16 × 100 = 0.0625 -> 0.1
    assert present(measures([w("M", 16), w("F", "15.99")]))["mean_hourly_gap"] == 0.1
